//! Nesting limits, checked on the source text before the parser sees it.
//!
//! ruff's parser recurses once per nesting level and has no limit of its own: 3,000,000 nested
//! parentheses (a 6 MB file) exhaust any stack. CPython has limits, and forkyard gives its errors
//! instead of crashing:
//! - its tokenizer allows 200 nested brackets: `SyntaxError: too many nested parentheses`, the
//!   caret under the 201st;
//! - its tokenizer allows 100 levels of indentation: `IndentationError: too many levels of
//!   indentation`;
//! - its compiler gives up on expressions nested about 3,000 deep (`1+1+...`, `- - -1`,
//!   `lambda: lambda: ...`, `a.b.b.b...`): `RecursionError: maximum recursion depth exceeded during
//!   compilation`. (CPython's parser says `MemoryError` for some constructs beyond about 6,000
//!   levels; forkyard says RecursionError for all of them.)
//!
//! The scan is a small tokenizer of its own (strings and comments skipped as CPython 3.11's
//! tokenizer reads them) that estimates, from above, how deep the parser and the tree can go: per
//! bracket level, how many chained operators (binary, unary, postfix `.`/`(`/`[`, `lambda`, ternary
//! `else`) are open. Siblings (after `,`, `=`, `;`, a new line, `for`) and flat operators (`and`,
//! `or`, comparisons, whose operands are siblings in the tree) end a chain. It runs in one pass,
//! with no recursion, over any input.

use super::super::ast::Pos;
use super::{ErrorKind, ParseError};

/// CPython's tokenizer: `MAXLEVEL` nested brackets.
pub const MAX_BRACKETS: usize = 200;
/// CPython's tokenizer: `MAXINDENT` levels of indentation.
pub const MAX_INDENT: usize = 100;
/// About where CPython 3.11's compiler stops (`1+1+...` compiles with 2,993 terms, not 2,994).
pub const MAX_CHAIN: usize = 3000;

/// Chains open at one bracket level.
#[derive(Default, Clone, Copy)]
struct Level {
    /// `lambda` bodies and ternary `else` branches: ended only by a sibling separator.
    chain: usize,
    /// Binary operators in a row (`1+1+1`); ended by `and`/`or`/comparisons/ternaries too.
    binary: usize,
    /// Prefix operators in a row (`- - -x`, `not not x`); ended by a binary operator too
    /// (except `**`, which binds tighter than the prefix).
    unary: usize,
    /// Postfix operations in a row (`a.b.c`, `f()()`); ended by any operator.
    postfix: usize,
}

impl Level {
    fn total(&self) -> usize {
        self.chain + self.binary + self.unary + self.postfix
    }
}

/// What the previous significant token was, to tell prefix `-x` from binary `a - x` and a call
/// `f(` from a parenthesized expression `(`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// Start of a statement, an operator, an opening bracket, a comma, a keyword.
    Operator,
    /// A name, a number, a string, a closing bracket: an operand ended.
    Operand,
}

/// Checks the nesting limits; the first one exceeded is CPython's error with its place.
pub fn check(src: &str, file: &str) -> Result<(), ParseError> {
    Scanner {
        src,
        b: src.as_bytes(),
        i: 0,
        file,
        levels: vec![Level::default()],
        brackets: Vec::new(),
        sum: 0,
        prev: Prev::Operator,
        indents: vec![0],
        line_start: true,
    }
    .run()
}

struct Scanner<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    file: &'a str,
    /// One entry per open bracket, plus the statement's own level.
    levels: Vec<Level>,
    /// The open brackets' bytes (`(`, `[`, `{`).
    brackets: Vec<u8>,
    /// The sum of `total()` over the levels below the top one.
    sum: usize,
    prev: Prev,
    /// Indentation widths of the open blocks (CPython's tokenizer's stack).
    indents: Vec<usize>,
    /// At the start of a logical line (indentation is measured here).
    line_start: bool,
}

impl Scanner<'_> {
    fn run(mut self) -> Result<(), ParseError> {
        while self.i < self.b.len() {
            if self.line_start {
                self.line_start = false;
                self.indentation()?;
                continue;
            }
            let c = self.b[self.i];
            match c {
                b'\n' | b'\r' => {
                    self.i += 1;
                    if self.brackets.is_empty() {
                        self.end_statement();
                        self.line_start = true;
                    }
                }
                b' ' | b'\t' | b'\x0c' => self.i += 1,
                b'\\' => self.i += 1, // a continuation: the next newline is not a line end
                b'#' => self.skip_comment(),
                b'\'' | b'"' => self.string(self.i)?,
                b'0'..=b'9' => self.number(),
                b'.' if self.b.get(self.i + 1).is_some_and(u8::is_ascii_digit) => self.number(),
                b'(' | b'[' | b'{' => self.open(c)?,
                b')' | b']' | b'}' => self.close(),
                _ if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => self.word()?,
                _ => self.operator()?,
            }
        }
        Ok(())
    }

    fn top(&mut self) -> &mut Level {
        self.levels
            .last_mut()
            .expect("the statement level is never popped")
    }

    fn depth(&self) -> usize {
        self.sum + self.levels.last().map(Level::total).unwrap_or(0) + self.brackets.len()
    }

    fn error(&self, at: usize, kind: ErrorKind, message: &str) -> ParseError {
        let line_no = self.src[..at].bytes().filter(|&c| c == b'\n').count() as u32 + 1;
        let start = self.src[..at].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let end = self.src[at..]
            .find('\n')
            .map(|p| at + p)
            .unwrap_or(self.src.len());
        let col = self.src[start..at].chars().count() as u32 + 1;
        ParseError {
            file: self.file.to_string(),
            pos: Pos { line: line_no, col },
            end_col: 0,
            source_line: self.src[start..end].trim_end_matches('\r').to_string(),
            message: message.to_string(),
            kind,
            hint: None,
        }
    }

    /// Grows the current level by one step of the given chain; errors past [`MAX_CHAIN`].
    fn grow(&mut self, at: usize, step: fn(&mut Level)) -> Result<(), ParseError> {
        step(self.top());
        if self.depth() > MAX_CHAIN {
            return Err(self.error(
                at,
                ErrorKind::Recursion,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    /// A sibling starts (`,`, `=`, `for`): nothing open at this level goes deeper.
    fn sibling(&mut self) {
        *self.top() = Level::default();
        self.prev = Prev::Operator;
    }

    fn end_statement(&mut self) {
        self.levels.truncate(1);
        self.levels[0] = Level::default();
        self.brackets.clear();
        self.sum = 0;
        self.prev = Prev::Operator;
    }

    fn open(&mut self, c: u8) -> Result<(), ParseError> {
        let at = self.i;
        self.i += 1;
        if self.prev == Prev::Operand {
            // A call or a subscript: one more postfix step on what came before.
            self.grow(at, |l| {
                l.postfix += 1;
            })?;
        }
        if self.brackets.len() >= MAX_BRACKETS {
            return Err(self.error(at, ErrorKind::Syntax, "too many nested parentheses"));
        }
        self.sum += self.levels.last().map(Level::total).unwrap_or(0);
        self.levels.push(Level::default());
        self.brackets.push(c);
        self.prev = Prev::Operator;
        if self.depth() > MAX_CHAIN {
            return Err(self.error(
                at,
                ErrorKind::Recursion,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        Ok(())
    }

    fn close(&mut self) {
        self.i += 1;
        // An unmatched closing bracket is the parser's error to report.
        if self.brackets.pop().is_some() {
            self.levels.pop();
            self.sum -= self.levels.last().map(Level::total).unwrap_or(0);
        }
        self.prev = Prev::Operand;
    }

    fn skip_comment(&mut self) {
        while self.i < self.b.len() && self.b[self.i] != b'\n' && self.b[self.i] != b'\r' {
            self.i += 1;
        }
    }

    /// Measures a logical line's indentation and keeps CPython's stack of indentation widths.
    fn indentation(&mut self) -> Result<(), ParseError> {
        let start = self.i;
        let mut width = 0usize;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b' ' => width += 1,
                b'\t' => width = (width / 8 + 1) * 8,
                b'\x0c' => width = 0,
                _ => break,
            }
            self.i += 1;
        }
        // Blank and comment-only lines do not count.
        if matches!(self.b.get(self.i), None | Some(b'\n' | b'\r' | b'#')) {
            return Ok(());
        }
        let top = *self.indents.last().unwrap_or(&0);
        if width > top {
            // CPython counts the blocks opened: the 100th is one too many.
            if self.indents.len() >= MAX_INDENT {
                // At the line's start, as CPython reports it (so no caret is drawn).
                return Err(self.error(
                    start,
                    ErrorKind::Indentation,
                    "too many levels of indentation",
                ));
            }
            self.indents.push(width);
        } else {
            while self.indents.len() > 1 && *self.indents.last().unwrap_or(&0) > width {
                self.indents.pop();
            }
        }
        Ok(())
    }

    /// A string literal, skipped as CPython 3.11's tokenizer reads it (an f-string is one token
    /// that ends at the first unescaped closing quote). `start` is where its quote is.
    fn string(&mut self, start: usize) -> Result<(), ParseError> {
        let q = self.b[start];
        let triple = self.b.get(start + 1) == Some(&q) && self.b.get(start + 2) == Some(&q);
        let mut i = start + if triple { 3 } else { 1 };
        loop {
            match self.b.get(i) {
                // Unterminated: the parser reports it.
                None => break,
                Some(b'\\') => i += 2,
                Some(b'\n') if !triple => break,
                Some(&c) if c == q => {
                    if !triple {
                        i += 1;
                        break;
                    }
                    if self.b.get(i + 1) == Some(&q) && self.b.get(i + 2) == Some(&q) {
                        i += 3;
                        break;
                    }
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
        self.i = i.min(self.b.len());
        self.operand()
    }

    fn operand(&mut self) -> Result<(), ParseError> {
        self.prev = Prev::Operand;
        Ok(())
    }

    fn number(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            let exponent_sign = (c == b'+' || c == b'-')
                && self.i > 0
                && matches!(self.b[self.i - 1], b'e' | b'E')
                && !self.src[..self.i].starts_with("0x");
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exponent_sign {
                self.i += 1;
            } else {
                break;
            }
        }
        self.prev = Prev::Operand;
    }

    fn word(&mut self) -> Result<(), ParseError> {
        let start = self.i;
        while let Some(&c) = self.b.get(self.i) {
            if c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80 {
                self.i += 1;
            } else {
                break;
            }
        }
        let w = &self.src[start..self.i];
        // A string prefix (`f"`, `rb'`, ...): the string follows at once.
        if w.len() <= 2
            && w.chars().all(|c| "rRbBuUfF".contains(c))
            && matches!(self.b.get(self.i), Some(b'\'' | b'"'))
        {
            return self.string(self.i);
        }
        match w {
            "lambda" => self.grow(start, |l| l.chain += 1)?,
            "else" => {
                // A ternary's else branch (or a block's `else:`, which ends the line anyway).
                self.grow(start, |l| {
                    l.chain += 1;
                    l.binary = 0;
                    l.unary = 0;
                    l.postfix = 0;
                })?
            }
            "not" if self.prev == Prev::Operand => self.flat(), // `is not` / `not in`
            "not" | "await" => self.grow(start, |l| {
                l.unary += 1;
                l.postfix = 0;
            })?,
            "and" | "or" | "if" | "in" | "is" => self.flat(),
            "for" | "async" => self.sibling(),
            "yield" | "return" | "del" | "assert" | "raise" | "from" | "import" | "as" | "with"
            | "while" | "elif" | "except" | "global" | "nonlocal" | "class" | "def" | "pass"
            | "break" | "continue" | "try" | "finally" => self.sibling(),
            _ => {
                self.prev = Prev::Operand;
                return Ok(());
            }
        }
        self.prev = Prev::Operator;
        Ok(())
    }

    /// A flat operator (`and`, `or`, comparisons, a ternary's `if`): its operands are siblings.
    fn flat(&mut self) {
        let l = self.top();
        l.binary = 0;
        l.unary = 0;
        l.postfix = 0;
        self.prev = Prev::Operator;
    }

    fn operator(&mut self) -> Result<(), ParseError> {
        let at = self.i;
        let rest = &self.b[self.i..];
        let two = rest.get(..2).unwrap_or(rest);
        let three = rest.get(..3).unwrap_or(rest);
        // Augmented assignments and the walrus separate siblings like `=`.
        const AUG3: [&[u8]; 3] = [b"**=", b"//=", b">>="];
        if AUG3.contains(&three) || three == b"<<=" {
            self.i += 3;
            self.sibling();
            return Ok(());
        }
        const AUG2: [&[u8]; 10] = [
            b"+=", b"-=", b"*=", b"/=", b"%=", b"&=", b"|=", b"^=", b"@=", b":=",
        ];
        if AUG2.contains(&two) {
            self.i += 2;
            self.sibling();
            return Ok(());
        }
        const CMP2: [&[u8]; 5] = [b"==", b"!=", b"<=", b">=", b"<>"];
        if CMP2.contains(&two) {
            self.i += 2;
            self.flat();
            return Ok(());
        }
        if two == b"->" {
            self.i += 2;
            self.sibling();
            return Ok(());
        }
        if two == b"**" || two == b"//" || two == b"<<" || two == b">>" {
            self.i += 2;
            let prefix = self.prev == Prev::Operator;
            let power = two == b"**";
            return self.binary_or_prefix(at, prefix, power);
        }
        self.i += 1;
        match rest[0] {
            b',' | b'=' | b';' => {
                if rest[0] == b';' {
                    self.end_statement();
                } else {
                    self.sibling();
                }
                Ok(())
            }
            b'<' | b'>' => {
                self.flat();
                Ok(())
            }
            b':' => {
                // A block's colon, a dict's, a slice's or a lambda's: none is a sibling of what
                // follows in a way that matters here; keep counting.
                self.prev = Prev::Operator;
                Ok(())
            }
            b'.' => {
                self.prev = Prev::Operator;
                self.grow(at, |l| l.postfix += 1)
            }
            b'-' | b'+' | b'~' | b'*' => {
                let prefix = self.prev == Prev::Operator || rest[0] == b'~';
                self.binary_or_prefix(at, prefix, false)
            }
            b'/' | b'%' | b'@' | b'&' | b'|' | b'^' => self.binary_or_prefix(at, false, false),
            _ => {
                // Anything else (`!`, `$`, `?`, a backtick) is the parser's error to report.
                self.prev = Prev::Operator;
                Ok(())
            }
        }
    }

    fn binary_or_prefix(&mut self, at: usize, prefix: bool, power: bool) -> Result<(), ParseError> {
        self.prev = Prev::Operator;
        if prefix {
            self.grow(at, |l| {
                l.unary += 1;
                l.postfix = 0;
            })
        } else if power {
            // Right-associative and tighter than a prefix: everything before stays open.
            self.grow(at, |l| {
                l.binary += 1;
                l.postfix = 0;
            })
        } else {
            self.grow(at, |l| {
                l.binary += 1;
                l.unary = 0;
                l.postfix = 0;
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> Option<ParseError> {
        check(src, "t.py").err()
    }

    #[test]
    fn two_hundred_brackets_pass_and_the_201st_is_cpythons_error() {
        let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
        assert!(err(&ok).is_none());
        let bad = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
        let e = err(&bad).expect("201 brackets");
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert_eq!(e.message, "too many nested parentheses");
        assert_eq!((e.pos.line, e.pos.col), (1, 205));
    }

    #[test]
    fn three_million_brackets_stop_at_once() {
        let n = 3_000_000;
        let src = format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
        let e = err(&src).expect("deep");
        assert_eq!(e.message, "too many nested parentheses");
    }

    #[test]
    fn long_chains_are_recursion_errors_like_cpythons() {
        for src in [
            format!("x = {}\n", vec!["1"; 1_000_000].join("+")),
            format!("x = {}1\n", "-".repeat(100_000)),
            format!("x = {}1\n", "not ".repeat(100_000)),
            format!("x = {}1\n", "lambda: ".repeat(100_000)),
            format!("x = {}1\n", "1 if 1 else ".repeat(100_000)),
            format!("x = a{}\n", ".b".repeat(1_000_000)),
            format!("x = f{}\n", "()".repeat(100_000)),
            format!("x = {}1\n", "2**".repeat(100_000)),
        ] {
            let e = err(&src).unwrap_or_else(|| panic!("{}", &src[..40]));
            assert_eq!(e.kind, ErrorKind::Recursion, "{}", &src[..40]);
        }
    }

    #[test]
    fn flat_and_wide_programs_pass() {
        // Siblings never add depth: long lists, and-chains, comparisons, many statements.
        let list = format!("x = [{}]\n", vec!["-1"; 50_000].join(", "));
        let and = format!("x = {}\n", vec!["-a.b"; 50_000].join(" and "));
        let cmp = format!("x = {}\n", vec!["a"; 50_000].join(" < "));
        let stmts = "x = 1 + 2 * -3\n".repeat(50_000);
        let chain = format!("x = {}\n", vec!["1"; 2900].join("+"));
        let strings = "x = ')))' + \"(((\" + '''(\n(''' # (((\n";
        for src in [list, and, cmp, stmts, chain, strings.to_string()] {
            assert!(err(&src).is_none(), "{}", &src[..40.min(src.len())]);
        }
    }

    #[test]
    fn a_hundredth_indentation_level_is_an_indentation_error() {
        let ok: String = (0..99)
            .map(|i| format!("{}if 1:\n", " ".repeat(i)))
            .collect();
        assert!(err(&format!("{ok}{}pass\n", " ".repeat(99))).is_none());
        let bad: String = (0..100)
            .map(|i| format!("{}if 1:\n", " ".repeat(i)))
            .collect();
        let e = err(&format!("{bad}{}pass\n", " ".repeat(100))).expect("100 levels");
        assert_eq!(e.kind, ErrorKind::Indentation);
        assert_eq!(e.message, "too many levels of indentation");
        assert_eq!((e.pos.line, e.pos.col), (101, 1));
        // As CPython prints it: the line, no caret (it would stand left of the text).
        let shown =
            "  File \"t.py\", line 101\n    pass\nIndentationError: too many levels of indentation";
        assert_eq!(e.to_string(), shown);
    }
}
