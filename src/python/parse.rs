//! Parsing: the only module that calls the ruff parser. It turns source text into forkyard's own
//! tree (`convert`), and turns parse failures into CPython-style messages: file, line, the source
//! line, a caret, the message. Constructs outside forkyard's subset are refused here with their place.

use std::fmt;

use ruff_text_size::TextSize;

use super::ast::{Module, Pos};
use super::convert;

/// Why a program could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub pos: Pos,
    /// The source line, without its newline.
    pub source_line: String,
    pub message: String,
    pub kind: ErrorKind,
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
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.file, self.pos.line)?;
        let trimmed = self.source_line.trim_start();
        let indent = self.source_line.chars().count() - trimmed.chars().count();
        if !trimmed.is_empty() {
            writeln!(f, "    {}", trimmed.trim_end())?;
            let caret = (self.pos.col as usize)
                .saturating_sub(1)
                .saturating_sub(indent);
            writeln!(f, "    {}^", " ".repeat(caret))?;
        }
        match self.kind {
            ErrorKind::Unsupported => write!(
                f,
                "NotSupported: {} ({}:{}:{})",
                self.message, self.file, self.pos.line, self.pos.col
            ),
            ErrorKind::Syntax => write!(f, "SyntaxError: {}", self.message),
            ErrorKind::Recursion => write!(f, "RecursionError: {}", self.message),
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

/// Parse and convert a whole program.
pub fn parse_program(src: &str, file: &str) -> Result<Module, ParseError> {
    stacker::grow(PARSE_STACK, || parse_on_big_stack(src, file))
}

fn parse_on_big_stack(src: &str, file: &str) -> Result<Module, ParseError> {
    let lines = LineIndex::new(src);
    let parsed = match ruff_python_parser::parse_module(src) {
        Ok(p) => p,
        Err(e) => {
            let pos = lines.pos(src, e.location.start());
            return Err(ParseError {
                file: file.to_string(),
                pos,
                source_line: lines.line(src, pos.line).to_string(),
                message: cpython_wording(&e.error.to_string()),
                kind: ErrorKind::Syntax,
            });
        }
    };
    convert::module(parsed.syntax(), src, file, &lines)
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

/// ruff's messages say the same things as CPython's in other words; match CPython's where the
/// learner will meet them most.
fn cpython_wording(msg: &str) -> String {
    let m = msg.trim();
    if m.starts_with("Expected an indented block") {
        return "expected an indented block".into();
    }
    if m.contains("Unexpected indentation") {
        return "unexpected indent".into();
    }
    if m.starts_with("Simple statements must be separated") {
        return "invalid syntax".into();
    }
    let mut s = m.to_string();
    if let Some(first) = s.get(..1)
        && first.chars().all(|c| c.is_ascii_uppercase())
        && !s.starts_with("Expected ")
    {
        let lower = first.to_ascii_lowercase();
        s.replace_range(..1, &lower);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn generators_are_refused_with_their_place() {
        let e = parse_program("def f():\n    yield 1\n", "main.py").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Unsupported);
        assert_eq!((e.pos.line, e.pos.col), (2, 5));
        assert!(
            e.to_string()
                .contains("generators (`yield`) are not supported by forkyard yet")
        );
        assert!(e.to_string().contains("(main.py:2:5)"));
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
