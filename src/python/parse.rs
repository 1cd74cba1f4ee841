//! Parsing: the only module that calls the ruff parser. It turns source text into forkyard's own
//! tree (`convert`), and turns parse failures into CPython-style messages: file, line, the source
//! line, a caret, the message. Constructs outside forkyard's subset are refused here with their place.
//!
//! forkyard is Python 3.11 (`sys.version` says so), and ruff's parser reads newer Python too: it is
//! asked for 3.11 and what it calls unsupported on 3.11 is a SyntaxError in CPython's words
//! (`py311`). Python 2 forms, which the learner's note is written in, get CPython's error and a
//! hint line on how to write them in Python 3 (`py2`). Nesting limits are checked before ruff
//! parses (`depth`), since ruff has none and would exhaust the stack.

mod compile;
mod depth;
mod py2;
mod py311;
mod targets;
mod wording;

use std::fmt;

use ruff_python_ast::PythonVersion;
use ruff_python_ast::token::Tokens;
use ruff_python_parser::{Mode, ParseOptions};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::ast::{Module, Pos};
use super::convert;

/// Why a program could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub pos: Pos,
    /// Where the caret range ends on the same line: the column after its last `^`. At or before
    /// `pos.col`, one caret is drawn (CPython 3.11 marks the whole offending range).
    pub end_col: u32,
    /// The source line, without its newline.
    pub source_line: String,
    pub message: String,
    pub kind: ErrorKind,
    /// forkyard's own line after CPython's message: how to write a Python 2 form in Python 3.
    pub hint: Option<String>,
}

/// What kind of problem a program has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not valid Python: CPython refuses it too.
    Syntax,
    /// Valid Python that forkyard does not support yet.
    Unsupported,
    /// Nested too deeply to compile (CPython's `RecursionError` during compilation).
    Recursion,
    /// CPython's `IndentationError` (a SyntaxError subclass): indentation that does not fit.
    Indentation,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == ErrorKind::Recursion {
            // CPython prints this one alone: it comes from the compiler, with no place.
            return write!(f, "RecursionError: {}", self.message);
        }
        writeln!(f, "  File \"{}\", line {}", self.file, self.pos.line)?;
        let trimmed = self.source_line.trim_start_matches([' ', '\t', '\x0c']);
        let indent = self.source_line.chars().count() - trimmed.chars().count();
        // CPython keeps trailing spaces (only the line end goes).
        let text = trimmed.trim_end_matches(['\n', '\r']);
        if !text.trim_end().is_empty() {
            writeln!(f, "    {text}")?;
            // As CPython's print_error_text: columns count from the stripped text; a caret left
            // of it is not drawn; one past the end is the last place a caret may stand.
            let len = text.chars().count() as i64;
            let start = (self.pos.col as i64 - 1 - indent as i64).min(len);
            if start >= 0 {
                let end = (self.end_col as i64 - 1 - indent as i64).min(len.max(start + 1));
                let width = (end - start).max(1) as usize;
                writeln!(f, "    {}{}", " ".repeat(start as usize), "^".repeat(width))?;
            }
        }
        self.fmt_message(f)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n{hint}")?;
        }
        Ok(())
    }
}

impl ParseError {
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Unsupported => write!(
                f,
                "NotSupported: {} ({}:{}:{})",
                self.message, self.file, self.pos.line, self.pos.col
            ),
            ErrorKind::Syntax => write!(f, "SyntaxError: {}", self.message),
            ErrorKind::Recursion => write!(f, "RecursionError: {}", self.message),
            ErrorKind::Indentation => write!(f, "IndentationError: {}", self.message),
        }
    }
}

/// Byte offsets of line starts, to turn ruff's offsets into (line, column).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn pos(&self, src: &str, offset: TextSize) -> Pos {
        let off = (offset.to_u32() as usize).min(src.len());
        let line = self.starts.partition_point(|&s| s <= off).max(1);
        let start = self.starts[line - 1];
        let col = src.get(start..off).map(|s| s.chars().count()).unwrap_or(0) + 1;
        Pos {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The text of a 1-based line.
    pub fn line<'a>(&self, src: &'a str, line: u32) -> &'a str {
        let i = line.saturating_sub(1) as usize;
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self.starts.get(i + 1).copied().unwrap_or(src.len());
        src[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Stack for parsing: the parser and the converter recurse once per nesting level, and a program
/// may nest deeply (`-----...1`); the stack is mapped lazily, so only what is used costs memory.
const PARSE_STACK: usize = 256 << 20;

/// Parse and convert a whole program. A module imported while the program runs (the library's
/// `re`, `logging`...) is parsed in place on the interpreter's own large stack when it has room:
/// by then the run's memory budget limits the address space, and a fresh 256 MiB mapping would
/// not fit a budget of 200 MiB however little of it the parse touches.
/// Inside a generator (its own small stack) under such a budget, the new stack is a quarter of
/// what the budget has left, up to `PARSE_STACK`.
pub fn parse_program(src: &str, file: &str) -> Result<Module, ParseError> {
    stacker::maybe_grow(PARSE_STACK, parse_stack_size(), || {
        parse_on_big_stack(src, file)
    })
}

/// `PARSE_STACK`, or a quarter of the address space the run's memory budget leaves this process
/// (at least 8 MiB) when that is less.
fn parse_stack_size() -> usize {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit fills the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut lim) } != 0
        || lim.rlim_cur == libc::RLIM_INFINITY
    {
        return PARSE_STACK;
    }
    let mapped = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        // SAFETY: sysconf with a constant name.
        .map_or(u64::MAX, |pages| {
            pages.saturating_mul(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64)
        });
    let left = lim.rlim_cur.saturating_sub(mapped);
    (left / 4).clamp(8 << 20, PARSE_STACK as u64) as usize
}

fn parse_on_big_stack(src: &str, file: &str) -> Result<Module, ParseError> {
    depth::check(src, file)?;
    let lines = LineIndex::new(src);
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let Some(parsed) = ruff_python_parser::parse_unchecked(src, options).try_into_module() else {
        unreachable!("parsed in module mode");
    };
    let source = Source {
        src,
        file,
        lines: &lines,
        tokens: parsed.tokens(),
        module: parsed.syntax(),
    };
    // CPython stops at the first error in the file; ruff reports syntax errors and 3.12+ syntax
    // apart: the earliest of both is the one CPython 3.11 meets.
    let syntax = parsed
        .errors()
        .first()
        .map(|e| (e.location, Failure::Syntax(e)));
    let newer = parsed
        .unsupported_syntax_errors()
        .iter()
        .map(|e| (e.range, Failure::Newer(e)));
    if let Some((range, failure)) = syntax
        .into_iter()
        .chain(newer)
        .min_by_key(|(r, _)| r.start())
    {
        return Err(source.describe(range, &failure));
    }
    py311::check_fstring_nesting(parsed.syntax(), &source)?;
    compile::check(parsed.syntax(), &source)?;
    convert::module(parsed.syntax(), src, file, &lines)
}

/// One parse failure as ruff reports it.
enum Failure<'a> {
    /// Not Python at all.
    Syntax(&'a ruff_python_parser::ParseError),
    /// Python newer than 3.11.
    Newer(&'a ruff_python_parser::UnsupportedSyntaxError),
}

/// A program and its tokens, for turning ruff's reports into CPython's.
struct Source<'a> {
    src: &'a str,
    file: &'a str,
    lines: &'a LineIndex,
    tokens: &'a Tokens,
    /// The tree ruff made of it, errors and all (ruff recovers and keeps going).
    module: &'a ruff_python_ast::ModModule,
}

impl Source<'_> {
    fn describe(&self, range: TextRange, failure: &Failure<'_>) -> ParseError {
        if let Some(e) = py2::recognize(self, range, failure) {
            return e;
        }
        match failure {
            Failure::Newer(e) => py311::describe(self, e),
            Failure::Syntax(e) => wording::describe(self, range, &e.error.to_string()),
        }
    }

    /// A SyntaxError at `start`, with carets up to `end` when both are on one line.
    fn error(&self, start: TextSize, end: TextSize, message: &str) -> ParseError {
        let pos = self.lines.pos(self.src, start);
        let end_pos = self.lines.pos(self.src, end);
        let end_col = if end_pos.line == pos.line {
            end_pos.col
        } else {
            // A range over several lines is marked to the end of its first (as CPython does).
            self.lines.line(self.src, pos.line).chars().count() as u32 + 1
        };
        ParseError {
            file: self.file.to_string(),
            pos,
            end_col,
            source_line: self.lines.line(self.src, pos.line).to_string(),
            message: message.to_string(),
            kind: ErrorKind::Syntax,
            hint: None,
        }
    }

    fn text(&self, r: TextRange) -> &str {
        self.src
            .get(r.start().to_usize()..r.end().to_usize())
            .unwrap_or("")
    }

    /// The index of the first token that ends after `at`.
    fn token_at(&self, at: TextSize) -> usize {
        self.tokens.partition_point(|t| t.end() <= at)
    }

    /// The significant tokens of the logical line around token `i`: from after the previous
    /// statement end (newline, `;`, indent, dedent) to before the next.
    fn statement_of(&self, i: usize) -> std::ops::Range<usize> {
        use ruff_python_ast::token::TokenKind as K;
        let ends = |k: K| {
            matches!(
                k,
                K::Newline | K::Semi | K::Indent | K::Dedent | K::EndOfFile
            )
        };
        let toks = self.tokens;
        let i = i.min(toks.len());
        let mut start = i;
        while start > 0 && !ends(toks[start - 1].kind()) {
            start -= 1;
        }
        let mut end = i;
        while end < toks.len() && !ends(toks[end].kind()) {
            end += 1;
        }
        start..end
    }
}

/// What a piece of source text is, for syntax colouring (the playground's code pane).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// `def`, `if`, `import`, ... and the soft keywords.
    Keyword,
    /// `True`, `False`, `None`.
    Constant,
    /// An identifier.
    Name,
    /// An int, float or complex literal.
    Number,
    /// A string or a piece of an f-string's text.
    String,
    /// A `#` comment.
    Comment,
    /// An operator or a delimiter.
    Operator,
}

/// The coloured tokens of `src`, in order, as byte ranges: what ruff's lexer makes of it. Never fails:
/// a broken program yields what the lexer could make of it (the code pane still shows every line).
pub fn tokens(src: &str) -> Vec<(std::ops::Range<usize>, TokenClass)> {
    use ruff_python_ast::token::TokenKind as K;
    use ruff_text_size::Ranged;
    let parsed =
        ruff_python_parser::parse_unchecked_source(src, ruff_python_ast::PySourceType::Python);
    parsed
        .tokens()
        .iter()
        .filter_map(|t| {
            let kind = t.kind();
            let class = match kind {
                K::True | K::False | K::None => TokenClass::Constant,
                _ if kind.is_keyword() || kind.is_soft_keyword() => TokenClass::Keyword,
                K::Name => TokenClass::Name,
                K::Int | K::Float | K::Complex => TokenClass::Number,
                K::String | K::FStringStart | K::FStringMiddle | K::FStringEnd => {
                    TokenClass::String
                }
                K::Comment => TokenClass::Comment,
                _ if kind.is_operator() => TokenClass::Operator,
                _ => return None,
            };
            let r = t.range();
            Some((r.start().to_usize()..r.end().to_usize(), class))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::ast::StmtKind;

    #[test]
    fn syntax_error_has_caret_and_place() {
        let e = parse_program("x = 1\nif x\n    pass\n", "main.py").unwrap_err();
        assert_eq!(e.pos.line, 2);
        let text = e.to_string();
        assert!(
            text.starts_with("  File \"main.py\", line 2\n    if x\n"),
            "{text}"
        );
        assert!(text.contains("SyntaxError: "), "{text}");
        assert_eq!(e.kind, ErrorKind::Syntax);
    }

    #[test]
    fn generator_functions_parse_and_stray_yields_are_syntax_errors() {
        let m = parse_program("def f():\n    yield 1\n", "main.py").unwrap();
        let StmtKind::FunctionDef { def, .. } = &m.body[0].kind else {
            panic!("a def");
        };
        assert!(def.is_generator);
        let m = parse_program("def f():\n    return [lambda: 1]\n", "main.py").unwrap();
        let StmtKind::FunctionDef { def, .. } = &m.body[0].kind else {
            panic!("a def");
        };
        assert!(!def.is_generator);
        let e = parse_program("x = 1\nyield x\n", "main.py").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert_eq!((e.pos.line, e.pos.col), (2, 1));
        assert!(e.to_string().contains("'yield' outside function"), "{e}");
        let e =
            parse_program("def f():\n    return [(yield) for x in 'ab']\n", "main.py").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert!(e.to_string().contains("comprehension"), "{e}");
    }

    #[test]
    fn line_index_counts_characters() {
        let src = "a = '中文'\nb = 2\n";
        let li = LineIndex::new(src);
        assert_eq!(li.pos(src, TextSize::from(0)), Pos { line: 1, col: 1 });
        let off = src.find('b').unwrap() as u32;
        assert_eq!(li.pos(src, TextSize::from(off)), Pos { line: 2, col: 1 });
        let off = src.find('\'').unwrap() as u32 + 7;
        assert_eq!(li.pos(src, TextSize::from(off)).col, 8);
        assert_eq!(li.line(src, 2), "b = 2");
    }
}
