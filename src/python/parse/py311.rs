//! Python newer than 3.11, which ruff's parser reads and CPython 3.11 refuses: each is the
//! SyntaxError CPython 3.11 gives, in its words and with its caret.
//!
//! - type parameters (`def f[T]`, `class C[T]`) and `type X = ...` (3.12);
//! - f-strings as 3.12 reads them (PEP 701): the quote of the f-string reused inside it, a
//!   backslash or a comment in an expression part, a line break in a one-line f-string, format
//!   specs nested more than two deep;
//! - `except A, B:` without parentheses (3.14), t-strings (3.14), `lazy import` (3.15), `*x` in a
//!   comprehension (3.15).

use ruff_python_ast::token::TokenKind as K;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ra, InterpolatedStringElement};
use ruff_python_parser::{UnsupportedSyntaxError, UnsupportedSyntaxErrorKind as U};
use ruff_text_size::{Ranged, TextSize};

use super::{ParseError, Source};

/// CPython 3.11's error for syntax that only newer Pythons accept.
pub(super) fn describe(s: &Source<'_>, e: &UnsupportedSyntaxError) -> ParseError {
    let at = e.range.start();
    match e.kind {
        U::TypeParameterList => {
            // The `[` of `name[T]`: after `def name` CPython expects `(`; after `class name`
            // any `[` is just invalid.
            let i = s.token_at(at);
            let is_def = i >= 2 && s.tokens[i - 2].kind() == K::Def;
            let msg = if is_def {
                "expected '('"
            } else {
                "invalid syntax"
            };
            s.error(at, at, msg)
        }
        U::TypeAliasStatement => {
            // `type X = int`: `type` is a name in 3.11, and the name after it is the error.
            let i = s.token_at(at) + 1;
            let name = significant(s, i)
                .map(|j| s.tokens[j].range())
                .unwrap_or(e.range);
            s.error(name.start(), name.end(), "invalid syntax")
        }
        // The kinds' types are private to ruff: told apart by name.
        U::Pep701FString(kind) => fstring(s, at, &format!("{kind:?}")),
        U::UnparenthesizedExceptionTypes => s.error(
            e.range.start(),
            except_types_end(s, e.range.end()),
            "multiple exception types must be parenthesized",
        ),
        U::TemplateStrings => {
            // `t"..."`: the name `t`, then a string: the string is the error.
            let quote = s.text(e.range).find(['\'', '"']).unwrap_or(0) as u32;
            let start = at + TextSize::from(quote);
            let i = s.token_at(at);
            let end = (i..s.tokens.len())
                .find(|&j| s.tokens[j].kind() == K::TStringEnd)
                .map(|j| s.tokens[j].end())
                .unwrap_or(e.range.end());
            s.error(start, end, "invalid syntax")
        }
        U::LazyImportStatement => {
            let next = significant(s, s.token_at(at) + 1).map(|j| s.tokens[j].range());
            let r = next.unwrap_or(e.range);
            s.error(r.start(), r.end(), "invalid syntax")
        }
        U::UnpackingInComprehension(k) => {
            if format!("{k:?}") == "DictInDict" {
                // CPython marks the `**` alone.
                let msg = "dict unpacking cannot be used in dict comprehension";
                return s.error(at, at + TextSize::from(2), msg);
            }
            let msg = "iterable unpacking cannot be used in comprehension";
            s.error(e.range.start(), e.range.end(), msg)
        }
        // Every other kind is syntax 3.11 has; ruff reports none of them for a 3.11 target.
        _ => s.error(at, at, "invalid syntax"),
    }
}

/// CPython marks `except A, B :` up to the colon (spaces before it included).
pub(super) fn except_types_end(s: &Source<'_>, end: TextSize) -> TextSize {
    let rest = &s.src[end.to_usize()..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest[spaces..].starts_with(':') {
        end + TextSize::from(spaces as u32)
    } else {
        end
    }
}

/// The index of the first token at or after `i` that is not trivia.
fn significant(s: &Source<'_>, i: usize) -> Option<usize> {
    (i..s.tokens.len()).find(|&j| {
        !matches!(
            s.tokens[j].kind(),
            K::Comment | K::NonLogicalNewline | K::Newline
        )
    })
}

/// A PEP 701 f-string: what CPython 3.11's tokenizer and f-string parser say about it.
fn fstring(s: &Source<'_>, at: TextSize, kind: &str) -> ParseError {
    let start = outermost_fstring_start(s, at);
    let prefix = s.src[start.to_usize()..].find(['\'', '"']).unwrap_or(0);
    let q = &s.src[start.to_usize() + prefix..];
    let triple = q.starts_with("\"\"\"") || q.starts_with("\'\'\'");
    // A comment in a one-line f-string runs to the line's end: 3.11 sees the line break first.
    if kind == "LineBreak" || (kind == "Comment" && !triple) {
        // 3.11 reads a one-line f-string as a string token: a line break ends it unterminated.
        let line = s.lines.pos(s.src, start).line;
        let msg = format!("unterminated string literal (detected at line {line})");
        return s.error(start, start, &msg);
    }
    // 3.11 reads the f-string as one string token that ends at its first unescaped closing
    // quote; its f-string parser then reports at the token after the strings.
    let caret = after_fstring(s, at);
    let msg = match kind {
        "Backslash" => "f-string expression part cannot include a backslash".to_string(),
        "Comment" => "f-string expression part cannot include '#'".to_string(),
        _ => {
            // The quote reused inside ends 3.11's string early: what its f-string parser makes
            // of the part it got.
            let end = string_end_311(s.src, start.to_usize());
            let from = start.to_usize() + prefix + 1;
            let body = s
                .src
                .get(from..end.saturating_sub(1).max(from))
                .unwrap_or("");
            field_error_311(body)
        }
    };
    s.error(caret.start(), caret.end(), &msg)
}

/// What CPython 3.11's f-string parser (`fstring_find_expr`) says about an f-string's text that
/// ends inside a replacement field.
fn field_error_311(body: &str) -> String {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => i += 2,
            b'{' => {
                i += 1;
                let mut nested: Vec<u8> = Vec::new();
                let mut quote: Option<u8> = None;
                loop {
                    let Some(&c) = b.get(i) else {
                        return if quote.is_some() {
                            "f-string: unterminated string".to_string()
                        } else if let Some(&open) = nested.last() {
                            format!("f-string: unmatched '{}'", open as char)
                        } else {
                            "f-string: expecting '}'".to_string()
                        };
                    };
                    i += 1;
                    if let Some(q) = quote {
                        if c == q {
                            quote = None;
                        }
                        continue;
                    }
                    match c {
                        b'\'' | b'"' => quote = Some(c),
                        b'(' | b'[' | b'{' => nested.push(c),
                        b'#' => return "f-string expression part cannot include '#'".to_string(),
                        b')' | b']' | b'}' if !nested.is_empty() => {
                            nested.pop();
                        }
                        b')' | b']' => return format!("f-string: unmatched '{}'", c as char),
                        b'!' if b.get(i) == Some(&b'=') => i += 1,
                        b'}' | b'!' | b':' => {
                            // The field's end, or its conversion / format spec up to its `}`.
                            if c != b'}' {
                                let mut depth = 0;
                                loop {
                                    match b.get(i) {
                                        None => return "f-string: expecting '}'".to_string(),
                                        Some(b'{') => depth += 1,
                                        Some(b'}') if depth == 0 => break,
                                        Some(b'}') => depth -= 1,
                                        Some(_) => {}
                                    }
                                    i += 1;
                                }
                                i += 1;
                            }
                            break;
                        }
                        _ => {}
                    }
                }
            }
            _ => i += 1,
        }
    }
    "f-string: expecting '}'".to_string()
}

/// Where CPython 3.11's f-string parser reports an error in the f-string around `at`: the token
/// after it (the whole token is marked).
pub(super) fn after_fstring(s: &Source<'_>, at: TextSize) -> ruff_text_size::TextRange {
    let start = outermost_fstring_start(s, at);
    let end = string_end_311(s.src, start.to_usize());
    let next = after_strings(s.src, end);
    let token_end = token_end_311(s.src, next);
    ruff_text_size::TextRange::new(
        TextSize::from(next as u32),
        TextSize::from(token_end as u32),
    )
}

/// The end of the token CPython 3.11's tokenizer reads at `at` (at a line's end: `at` itself).
pub(super) fn token_end_311(src: &str, at: usize) -> usize {
    let rest = &src[at.min(src.len())..];
    let Some(c) = rest.chars().next() else {
        return at;
    };
    if c == '\n' || c == '\r' || c == '#' {
        return at;
    }
    if c.is_alphanumeric() || c == '_' {
        let n = rest
            .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '.'))
            .unwrap_or(rest.len());
        return at + n;
    }
    const OPS: [&str; 21] = [
        "**=", "//=", ">>=", "<<=", "...", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->",
        ":=", "+=", "-=", "*=", "/=", "%=", "|=",
    ];
    let n = OPS
        .iter()
        .find(|op| rest.starts_with(**op))
        .map(|op| op.len())
        .unwrap_or(c.len_utf8());
    at + n
}

/// The start of the outermost f-string around `at` (where 3.11's tokenizer starts its string).
fn outermost_fstring_start(s: &Source<'_>, at: TextSize) -> TextSize {
    let i = s.token_at(at).min(s.tokens.len());
    let mut open = 0usize;
    let mut start = at;
    for j in (0..i).rev() {
        match s.tokens[j].kind() {
            K::FStringEnd => open += 1,
            K::FStringStart if open == 0 => start = s.tokens[j].start(),
            K::FStringStart => open -= 1,
            K::Newline => break,
            _ => {}
        }
    }
    start
}

/// Where a string literal starting at `start` (its prefix or quote) ends as CPython 3.11's
/// tokenizer reads it: at the first closing quote not escaped by a backslash.
fn string_end_311(src: &str, start: usize) -> usize {
    let b = src.as_bytes();
    let mut i = start;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    let Some(&q) = b.get(i) else {
        return b.len();
    };
    let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
    i += if triple { 3 } else { 1 };
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            c if c == q => {
                if !triple {
                    return i + 1;
                }
                if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// The token after a run of adjacent string literals starting at `from` (CPython concatenates
/// them into one atom before its f-string parser runs).
fn after_strings(src: &str, mut from: usize) -> usize {
    let b = src.as_bytes();
    loop {
        while from < b.len() && matches!(b[from], b' ' | b'\t' | b'\x0c') {
            from += 1;
        }
        let mut j = from;
        while j < b.len() && j - from < 2 && b"rRbBuUfF".contains(&b[j]) {
            j += 1;
        }
        if matches!(b.get(j), Some(b'\'' | b'"')) {
            from = string_end_311(src, from);
        } else {
            return from.min(b.len());
        }
    }
}

/// CPython 3.11's f-string parser allows format specs nested two deep (`f'{x:{y}}'`), not three.
pub(super) fn check_fstring_nesting(m: &ra::ModModule, s: &Source<'_>) -> Result<(), ParseError> {
    let mut finder = DeepSpec { found: None };
    finder.visit_body(&m.body);
    match finder.found {
        Some(at) => {
            let caret = after_fstring(s, at);
            let msg = "f-string: expressions nested too deeply";
            Err(s.error(caret.start(), caret.end(), msg))
        }
        None => Ok(()),
    }
}

struct DeepSpec {
    found: Option<TextSize>,
}

impl<'a> Visitor<'a> for DeepSpec {
    fn visit_expr(&mut self, e: &'a ra::Expr) {
        if self.found.is_some() {
            return;
        }
        if let ra::Expr::FString(f) = e {
            for part in f.value.f_strings() {
                if spec_depth(&part.elements) > 2 {
                    self.found = Some(part.start());
                    return;
                }
            }
        }
        visitor::walk_expr(self, e);
    }
}

/// How deep replacement fields nest through format specs: `{x}` is 1, `{x:{y}}` is 2.
fn spec_depth(elements: &ra::InterpolatedStringElements) -> usize {
    elements
        .iter()
        .map(|el| match el {
            InterpolatedStringElement::Interpolation(i) => {
                1 + i
                    .format_spec
                    .as_ref()
                    .map(|spec| spec_depth(&spec.elements))
                    .unwrap_or(0)
            }
            InterpolatedStringElement::Literal(_) => 0,
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_311_string_ends_at_its_first_unescaped_quote() {
        let src = r#"f"{x["a"]}" + 1"#;
        assert_eq!(string_end_311(src, 0), 6);
        let src = r#"f'{"\'"}' x"#;
        assert_eq!(string_end_311(src, 0), 9);
        let src = "f'''{'''' x";
        assert_eq!(string_end_311(src, 0), 8);
    }

    #[test]
    fn the_caret_goes_after_adjacent_strings() {
        let src = r#"f"{" "b" x"#;
        assert_eq!(after_strings(src, string_end_311(src, 0)), 9);
    }
}
