//! ruff's syntax errors in CPython 3.11's words and places: the tokenizer's errors (unterminated
//! strings, brackets never closed or not matching), indentation errors naming the block that
//! wanted a body, and the parser's messages said the way CPython says them.

use ruff_python_ast::token::TokenKind as K;
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{ErrorKind, ParseError, Source};

/// CPython's error for a ruff syntax error `msg` at `range`.
pub(super) fn describe(s: &Source<'_>, range: TextRange, msg: &str) -> ParseError {
    let at = range.start();
    let wording = cpython_wording(msg);
    // The tokenizer runs ahead of CPython's parser: a bracket error before this place wins; after
    // a plain "invalid syntax", CPython tokenizes the rest of the file and a bracket error
    // anywhere (one never closed, at the end) replaces it.
    let generic = matches!(&wording, Wording::Syntax(m) if m == "invalid syntax");
    let limit = if generic {
        TextSize::from(s.src.len() as u32)
    } else {
        at
    };
    if let Some(e) = brackets(s, limit) {
        return e;
    }
    if msg.starts_with("missing closing quote") {
        return unterminated(s, at);
    }
    if let Some(e) = super::targets::describe(s, at, msg) {
        return e;
    }
    if let Some(e) = number(s, at) {
        return e;
    }
    let before = s.src[..at.to_usize()].trim_end();
    let after = &s.src[at.to_usize()..];
    if msg.starts_with("Expected an expression")
        && before.ends_with('{')
        && after.starts_with(['}', '!', ':'])
    {
        let caret = super::py311::after_fstring(s, at);
        return s.error(
            caret.start(),
            caret.end(),
            "f-string: empty expression not allowed",
        );
    }
    match wording {
        Wording::Indentation(m) if m == "expected an indented block" => indented_block(s, at),
        Wording::Indentation(m) => {
            let mut e = s.error(at, at, &m);
            e.kind = ErrorKind::Indentation;
            e
        }
        Wording::Syntax(m) if m.starts_with("unindent does not match") => {
            // CPython marks the end of the line whose indentation matches no block.
            let line = s.lines.pos(s.src, at).line;
            let text = s.lines.line(s.src, line);
            let mut e = s.error(at, at, &m);
            e.pos.col = text.chars().count() as u32 + 1;
            e.kind = ErrorKind::Indentation;
            e
        }
        // CPython 3.11's f-string parser reports at the token after the f-string.
        Wording::Syntax(m) if m.starts_with("f-string") => {
            let caret = super::py311::after_fstring(s, at);
            s.error(caret.start(), caret.end(), &m)
        }
        // CPython marks the body and the condition of the `if` that has no `else`.
        Wording::Syntax(m) if m == "expected 'else' after 'if' expression" => {
            let (start, end) = ternary_without_else(s, at).unwrap_or((at, at));
            s.error(start, end, &m)
        }
        // CPython marks the whole token it could not fit.
        Wording::Syntax(m) if m == "invalid syntax" => {
            let end = super::py311::token_end_311(s.src, at.to_usize());
            s.error(at, TextSize::from(end as u32), &m)
        }
        Wording::Syntax(m) => s.error(at, at, &m),
    }
}

/// A malformed number literal around `at`, as CPython 3.11's tokenizer words it: misplaced
/// underscores, a digit the base does not have, a letter stuck to the digits.
fn number(s: &Source<'_>, at: TextSize) -> Option<ParseError> {
    let b = s.src.as_bytes();
    // The literal's start: back over digits, letters, `_` and `.` to the first digit.
    let mut start = at.to_usize().min(b.len());
    while start > 0
        && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_' || b[start - 1] == b'.')
    {
        start -= 1;
    }
    // Only a literal that reaches `at`: never one further on.
    while start < at.to_usize() && !b[start].is_ascii_digit() {
        start += 1;
    }
    if !b.get(start).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if start >= b.len()
        || (start > 0 && (b[start - 1].is_ascii_alphabetic() || b[start - 1] == b'_'))
    {
        return None;
    }
    let at_ = |i: usize, msg: &str| {
        let p = TextSize::from(i as u32);
        Some(s.error(p, p, msg))
    };
    let base = match (b[start], b.get(start + 1).map(u8::to_ascii_lowercase)) {
        (b'0', Some(b'x')) => Some((16, "hexadecimal")),
        (b'0', Some(b'o')) => Some((8, "octal")),
        (b'0', Some(b'b')) => Some((2, "binary")),
        _ => None,
    };
    let mut i = start;
    if let Some((radix, name)) = base {
        i += 2;
        let mut any = false;
        loop {
            match b.get(i) {
                Some(b'_') => {
                    i += 1;
                    if !b.get(i).is_some_and(|c| (*c as char).is_digit(radix)) {
                        return at_(i - 1, &format!("invalid {name} literal"));
                    }
                }
                Some(c) if (*c as char).is_digit(radix) => {
                    any = true;
                    i += 1;
                }
                Some(c) if c.is_ascii_digit() => {
                    let msg = format!("invalid digit '{}' in {name} literal", *c as char);
                    return at_(i, &msg);
                }
                Some(c) if c.is_ascii_alphanumeric() || !any => {
                    return at_(i.saturating_sub(1), &format!("invalid {name} literal"));
                }
                _ => return None,
            }
        }
    }
    // Decimal: digits with single underscores between them, then a fraction and an exponent.
    loop {
        match b.get(i) {
            Some(c) if c.is_ascii_digit() => i += 1,
            Some(b'_') => {
                if !b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    return at_(i, "invalid decimal literal");
                }
                i += 1;
            }
            Some(b'.' | b'e' | b'E' | b'j' | b'J') => return None,
            Some(c) if c.is_ascii_alphabetic() => return at_(i - 1, "invalid decimal literal"),
            _ => return None,
        }
    }
}

/// The conditional expression whose `else` is missing before `at`: from its body's start to its
/// condition's end.
fn ternary_without_else(s: &Source<'_>, at: TextSize) -> Option<(TextSize, TextSize)> {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Find {
        at: TextSize,
        found: Option<(TextSize, TextSize)>,
    }
    impl<'a> Visitor<'a> for Find {
        fn visit_expr(&mut self, e: &'a ruff_python_ast::Expr) {
            if let ruff_python_ast::Expr::If(i) = e
                && i.test.end() <= self.at
                && i.body.start() <= self.at
            {
                self.found = Some((i.body.start(), i.test.end()));
            }
            visitor::walk_expr(self, e);
        }
    }
    let stmt = super::targets::statement_at(&s.module.body, at)?;
    let mut f = Find { at, found: None };
    f.visit_stmt(stmt);
    f.found
}

/// An unterminated string: CPython marks where it starts and says where it noticed.
fn unterminated(s: &Source<'_>, at: TextSize) -> ParseError {
    let rest = &s.src[at.to_usize()..];
    let prefix = rest.find(['\'', '"']).filter(|&p| p <= 2).unwrap_or(0);
    let q = &rest[prefix..];
    let triple = q.starts_with("\"\"\"") || q.starts_with("\'\'\'");
    let msg = if triple {
        // Noticed at the end of the file.
        let last = s.src.matches('\n').count() + usize::from(!s.src.ends_with('\n'));
        format!("unterminated triple-quoted string literal (detected at line {last})")
    } else {
        let line = s.lines.pos(s.src, at).line;
        format!("unterminated string literal (detected at line {line})")
    };
    s.error(at, at, &msg)
}

/// The bracket CPython's tokenizer stops at before `limit`: a closer that matches nothing or the
/// wrong opener, or (when the error is at the end of the file) the innermost opener never closed.
fn brackets(s: &Source<'_>, limit: TextSize) -> Option<ParseError> {
    let mut open: Vec<usize> = Vec::new();
    // 3.11 reads an f-string as one string token: its braces are not the tokenizer's brackets.
    let mut in_fstring = 0usize;
    for (j, t) in s.tokens.iter().enumerate() {
        match t.kind() {
            K::FStringStart => in_fstring += 1,
            K::FStringEnd => in_fstring = in_fstring.saturating_sub(1),
            _ if in_fstring > 0 => continue,
            _ => {}
        }
        if t.start() > limit && open.is_empty() {
            return None;
        }
        // Past the error and still inside brackets: only the end of the file decides.
        let closer = match t.kind() {
            K::Lpar | K::Lsqb | K::Lbrace => {
                open.push(j);
                continue;
            }
            K::Rpar => '(',
            K::Rsqb => '[',
            K::Rbrace => '{',
            K::EndOfFile if limit.to_usize() >= s.src.len() => return never_closed(s, &open),
            K::EndOfFile => return None,
            _ => continue,
        };
        if t.start() > limit {
            continue;
        }
        let r = t.range();
        let text = &s.src[r.start().to_usize()..r.end().to_usize()];
        match open.pop() {
            None => return Some(s.error(r.start(), r.start(), &format!("unmatched '{text}'"))),
            Some(o) => {
                let o_range = s.tokens[o].range();
                let opener = &s.src[o_range.start().to_usize()..o_range.end().to_usize()];
                if !opener.starts_with(closer) {
                    let o_line = s.lines.pos(s.src, o_range.start()).line;
                    let line = s.lines.pos(s.src, r.start()).line;
                    let mut msg = format!(
                        "closing parenthesis '{text}' does not match opening parenthesis '{opener}'"
                    );
                    if o_line != line {
                        msg.push_str(&format!(" on line {o_line}"));
                    }
                    return Some(s.error(r.start(), r.start(), &msg));
                }
            }
        }
    }
    if limit.to_usize() >= s.src.len() {
        never_closed(s, &open)
    } else {
        None
    }
}

/// The innermost bracket still open at the end of the file.
fn never_closed(s: &Source<'_>, open: &[usize]) -> Option<ParseError> {
    let &j = open.last()?;
    let b = s.tokens[j].range();
    let c = &s.src[b.start().to_usize()..b.end().to_usize()];
    Some(s.error(b.start(), b.start(), &format!("'{c}' was never closed")))
}

/// "expected an indented block after 'if' statement on line 1": the header is the last
/// compound statement before the error.
fn indented_block(s: &Source<'_>, at: TextSize) -> ParseError {
    let i = s.token_at(at);
    let header = (0..i.min(s.tokens.len())).rev().find_map(|j| {
        let what = match s.tokens[j].kind() {
            K::If => "'if' statement",
            K::Elif => "'elif' statement",
            K::Else => "'else' statement",
            K::For => "'for' statement",
            K::While => "'while' statement",
            K::With => "'with' statement",
            K::Try => "'try' statement",
            K::Except => "'except' statement",
            K::Finally => "'finally' statement",
            K::Def => "function definition",
            K::Class => "class definition",
            _ => return None,
        };
        // Only a keyword that starts its logical line heads a block (`x if y else z` does not).
        let starts_line = j == 0
            || matches!(
                s.tokens[j - 1].kind(),
                K::Newline | K::Indent | K::Dedent | K::Async
            );
        starts_line.then(|| (what, s.lines.pos(s.src, s.tokens[j].start()).line))
    });
    // CPython marks the first token of the line that should have been indented.
    let next = (i..s.tokens.len())
        .find(|&j| {
            !matches!(
                s.tokens[j].kind(),
                K::Newline | K::NonLogicalNewline | K::Comment | K::Indent | K::Dedent
            )
        })
        .map(|j| s.tokens[j].range())
        .unwrap_or(TextRange::empty(at));
    let msg = match header {
        Some((what, line)) => format!("expected an indented block after {what} on line {line}"),
        None => "expected an indented block".to_string(),
    };
    let mut e = s.error(next.start(), next.start(), &msg);
    e.kind = ErrorKind::Indentation;
    e
}

/// A message in CPython's words, and which exception CPython raises with it.
pub(super) enum Wording {
    Syntax(String),
    Indentation(String),
}

/// ruff's messages say the same things as CPython's in other words; match CPython's where the
/// learner will meet them most.
pub(super) fn cpython_wording(msg: &str) -> Wording {
    let m = msg.trim();
    if m.starts_with("Expected an indented block") {
        return Wording::Indentation("expected an indented block".into());
    }
    if m.contains("Unexpected indentation") {
        return Wording::Indentation("unexpected indent".into());
    }
    let same: &[(&str, &str)] = &[
        ("Simple statements must be separated", "invalid syntax"),
        ("Expected an expression", "invalid syntax"),
        ("got unexpected token", "invalid syntax"),
        ("Expected a statement", "invalid syntax"),
        (
            "Expected one or more exception types",
            "expected one or more exception types",
        ),
        (
            "f-string: empty expression",
            "f-string: empty expression not allowed",
        ),
        ("Expected symbol after", "invalid syntax"),
        // `case *x:` and `case {**rest, "k": v}`: CPython's grammar has no rule for them.
        ("Star pattern cannot be used here", "invalid syntax"),
        (
            "Pattern cannot follow a double star pattern",
            "invalid syntax",
        ),
        ("Expected `:`, found", "expected ':'"),
        ("Expected `,`, found", "invalid syntax"),
        ("Expected `]`, found", "invalid syntax"),
        ("Expected `)`, found", "invalid syntax"),
        ("Expected `}`, found", "invalid syntax"),
        ("unexpected EOF while parsing", "invalid syntax"),
        ("Expected `else`", "expected 'else' after 'if' expression"),
        (
            "Expected `except` or `finally`",
            "expected 'except' or 'finally' block",
        ),
        (
            "parameter without a default cannot follow a parameter with a default",
            "non-default argument follows default argument",
        ),
        (
            "positional argument cannot follow keyword argument unpacking",
            "positional argument follows keyword argument unpacking",
        ),
        (
            "positional argument cannot follow keyword argument",
            "positional argument follows keyword argument",
        ),
        (
            "iterable argument unpacking cannot follow keyword argument unpacking",
            "iterable argument unpacking follows keyword argument unpacking",
        ),
        (
            "Expected one or more keyword parameter after",
            "named arguments must follow bare *",
        ),
        (
            "f-string: invalid conversion character",
            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        ),
    ];
    let lower = m.to_ascii_lowercase();
    if let Some((_, cpython)) = same
        .iter()
        .find(|(ruff, _)| lower.starts_with(&ruff.to_ascii_lowercase()))
    {
        return Wording::Syntax(cpython.to_string());
    }
    let mut s = m.to_string();
    if let Some(first) = s.get(..1)
        && first.chars().all(|c| c.is_ascii_uppercase())
        && !s.starts_with("Expected ")
    {
        let lower = first.to_ascii_lowercase();
        s.replace_range(..1, &lower);
    }
    Wording::Syntax(s)
}
