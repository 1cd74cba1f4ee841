//! Python 2 forms. The learner's note is written in Python 2, so its code meets forkyard's Python 3
//! parser: each form gets CPython 3.11's own error (message and caret, its "Did you mean
//! print(...)?" included) and then one line of forkyard's on how to write it in Python 3.
//!
//! | Python 2 | CPython 3.11 says | Python 3 |
//! |---|---|---|
//! | `print "x"`, `exec "code"` | Missing parentheses in call to 'print'. Did you mean print(...)? | `print("x")` |
//! | `except E, e:` | multiple exception types must be parenthesized | `except E as e:` |
//! | `` `x` `` | invalid syntax | `repr(x)` |
//! | `a <> b` | invalid syntax | `a != b` |
//! | `0777` | leading zeros in decimal integer literals are not permitted; ... | `0o777` |
//! | `10L` | invalid decimal literal | `10` |
//! | `ur'x'` | invalid syntax | `r'x'` |
//! | `raise E, v` | invalid syntax | `raise E(v)` |
//!
//! (`print >>f, x` is valid Python 3, a shift and a tuple; it fails when it runs, as in CPython.)

use ruff_python_ast::token::TokenKind as K;
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{Failure, ParseError, Source};

/// The first words of every hint: the learner's note is the usual source of Python 2 code.
const PREFIX: &str =
    "Hint: this is Python 2 (the note's code is written in Python 2); in Python 3 write";

/// CPython's error and forkyard's hint, if the failure is a Python 2 form.
pub(super) fn recognize(
    s: &Source<'_>,
    range: TextRange,
    failure: &Failure<'_>,
) -> Option<ParseError> {
    let i = s.token_at(range.start());
    let stmt = s.statement_of(i);
    let toks: Vec<usize> = stmt
        .filter(|&j| !matches!(s.tokens[j].kind(), K::Comment | K::NonLogicalNewline))
        .collect();
    let (mut err, hint) = match failure {
        Failure::Newer(e) => {
            if format!("{:?}", e.kind) != "UnparenthesizedExceptionTypes" {
                return None;
            }
            except_comma(s, &toks, e.range)?
        }
        Failure::Syntax(_) => legacy_call(s, &toks)
            .or_else(|| backtick(s, range))
            .or_else(|| not_equal(s, &toks, range))
            .or_else(|| old_number(s, range))
            .or_else(|| unicode_raw(s, &toks))
            .or_else(|| raise_comma(s, &toks))?,
    };
    err.hint = Some(format!("{PREFIX} {hint}"));
    Some(err)
}

fn kind(s: &Source<'_>, j: usize) -> K {
    s.tokens[j].kind()
}

fn text<'a>(s: &Source<'a>, j: usize) -> &'a str {
    let r = s.tokens[j].range();
    s.src
        .get(r.start().to_usize()..r.end().to_usize())
        .unwrap_or("")
}

/// Source text from token `a` to token `b`, both included, on one line.
fn span<'a>(s: &Source<'a>, a: usize, b: usize) -> String {
    let r = TextRange::new(s.tokens[a].start(), s.tokens[b].end());
    let t = s
        .src
        .get(r.start().to_usize()..r.end().to_usize())
        .unwrap_or("");
    // One line: continuation backslashes and line breaks become single spaces.
    t.replace("\\\n", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `except E, e:` (and `except (A, B), e:`).
fn except_comma(s: &Source<'_>, toks: &[usize], types: TextRange) -> Option<(ParseError, String)> {
    let err = s.error(
        types.start(),
        super::py311::except_types_end(s, types.end()),
        "multiple exception types must be parenthesized",
    );
    // The types: the tokens inside `types`, split at the commas outside brackets.
    let inside: Vec<usize> = toks
        .iter()
        .copied()
        .filter(|&j| types.contains_range(s.tokens[j].range()))
        .collect();
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut depth = 0i32;
    for &j in &inside {
        match kind(s, j) {
            K::Lpar | K::Lsqb | K::Lbrace => depth += 1,
            K::Rpar | K::Rsqb | K::Rbrace => depth -= 1,
            K::Comma if depth == 0 => {
                parts.push(Vec::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut()?.push(j);
    }
    let hint = match parts.as_slice() {
        [first, name] if name.len() == 1 && kind(s, name[0]) == K::Name && !first.is_empty() => {
            let types = span(s, first[0], *first.last()?);
            format!("except {types} as {}:", text(s, name[0]))
        }
        _ => {
            let all = span(s, *inside.first()?, *inside.last()?);
            format!("except ({all}): for several types, or except E as name: to name the exception")
        }
    };
    Some((err, hint))
}

/// `print "x"`, `exec "code"`: a Python 2 statement; CPython suggests the call.
fn legacy_call(s: &Source<'_>, toks: &[usize]) -> Option<(ParseError, String)> {
    let (&first, rest) = toks.split_first()?;
    let name = text(s, first);
    if kind(s, first) != K::Name || !matches!(name, "print" | "exec") {
        return None;
    }
    let &second = rest.first()?;
    // CPython's rule: the name, no `(`, then expressions (`print -1` or `print >>f` are valid).
    let starts_expression = matches!(
        kind(s, second),
        K::Name
            | K::Int
            | K::Float
            | K::Complex
            | K::String
            | K::FStringStart
            | K::Lbrace
            | K::Tilde
            | K::True
            | K::False
            | K::None
            | K::Not
            | K::Lambda
            | K::Ellipsis
            | K::Await
    );
    if !starts_expression {
        return None;
    }
    let last = *toks.last()?;
    let err = s.error(
        s.tokens[first].start(),
        s.tokens[last].end(),
        &format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
    );
    let mut args = span(s, second, last);
    let hint = if name == "print" {
        // `print x,` printed no newline.
        match args.strip_suffix(',') {
            Some(a) => format!("print({}, end=\" \")", a.trim_end()),
            None => format!("print({args})"),
        }
    } else {
        // `exec code in ns` ran `code` in the namespace `ns`.
        if let Some((code, ns)) = args.split_once(" in ") {
            args = format!("{code}, {ns}");
        }
        format!("exec({args})")
    };
    Some((err, hint))
}

/// `` `x` ``: Python 2's repr.
fn backtick(s: &Source<'_>, range: TextRange) -> Option<(ParseError, String)> {
    let at = range.start();
    if !s.src.get(at.to_usize()..)?.starts_with('`') {
        return None;
    }
    let inner = s.src[at.to_usize() + 1..]
        .split(['`', '\n'])
        .next()
        .unwrap_or("")
        .trim();
    let err = s.error(at, at, "invalid syntax");
    Some((
        err,
        format!("repr({inner}) (backticks were Python 2's repr)"),
    ))
}

/// `a <> b`: Python 2's not-equal.
fn not_equal(s: &Source<'_>, toks: &[usize], range: TextRange) -> Option<(ParseError, String)> {
    let pair = toks.windows(2).find(|w| {
        kind(s, w[0]) == K::Less
            && kind(s, w[1]) == K::Greater
            && s.tokens[w[0]].end() == s.tokens[w[1]].start()
            && s.tokens[w[0]].start() <= range.start()
    })?;
    let err = s.error(
        s.tokens[pair[0]].start(),
        s.tokens[pair[1]].end(),
        "invalid syntax",
    );
    Some((err, "!= instead of <>".to_string()))
}

/// `0777` (Python 2's octal) and `10L` (Python 2's long).
fn old_number(s: &Source<'_>, range: TextRange) -> Option<(ParseError, String)> {
    let mut at = range.start().to_usize();
    // ruff may report `10L` at the `L`: the number starts at the digits before it.
    if s.src[at..].starts_with(['L', 'l']) {
        let digits = s.src[..at].len()
            - s.src[..at]
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '_')
                .len();
        if digits == 0 {
            return None;
        }
        at -= digits;
    }
    let range = TextRange::new(
        TextSize::from(at as u32),
        range.end().max(TextSize::from(at as u32)),
    );
    let rest = s.src.get(at..)?;
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let number = &rest[..len];
    let digits = number.trim_end_matches(['L', 'l']);
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit() || c == b'_') {
        return None;
    }
    if digits.len() > 1
        && digits.starts_with('0')
        && digits.bytes().any(|c| (b'1'..=b'9').contains(&c))
    {
        // CPython marks the leading zeros (and underscores among them).
        let zeros = digits
            .bytes()
            .take_while(|&c| c == b'0' || c == b'_')
            .count();
        let err = s.error(
            range.start(),
            range.start() + TextSize::from(zeros as u32),
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        );
        let octal = digits.trim_start_matches(['0', '_']);
        return Some((err, format!("0o{octal} for the octal number {digits}")));
    }
    if digits.len() < number.len() {
        // `10L`: CPython's tokenizer stops at the letter and marks the digit before it.
        let last = range.start() + TextSize::from(digits.len() as u32 - 1);
        let err = s.error(last, last, "invalid decimal literal");
        return Some((
            err,
            format!("{digits} (Python 3 has one int type; the L suffix is gone)"),
        ));
    }
    None
}

/// `ur'x'`: Python 2's raw unicode string.
fn unicode_raw(s: &Source<'_>, toks: &[usize]) -> Option<(ParseError, String)> {
    let pair = toks.windows(2).find(|w| {
        kind(s, w[0]) == K::Name
            && text(s, w[0]).eq_ignore_ascii_case("ur")
            && kind(s, w[1]) == K::String
            && s.tokens[w[0]].end() == s.tokens[w[1]].start()
    })?;
    let string = s.tokens[pair[1]].range();
    let err = s.error(string.start(), string.end(), "invalid syntax");
    let literal = text(s, pair[1]);
    Some((
        err,
        format!("r{literal} (every Python 3 string is unicode)"),
    ))
}

/// `raise E, v`: Python 2's raise with a value.
fn raise_comma(s: &Source<'_>, toks: &[usize]) -> Option<(ParseError, String)> {
    let (&first, rest) = toks.split_first()?;
    if kind(s, first) != K::Raise {
        return None;
    }
    let mut depth = 0i32;
    let comma = rest.iter().position(|&j| {
        match kind(s, j) {
            K::Lpar | K::Lsqb | K::Lbrace => depth += 1,
            K::Rpar | K::Rsqb | K::Rbrace => depth -= 1,
            _ => {}
        }
        depth == 0 && kind(s, j) == K::Comma
    })?;
    let at = s.tokens[rest[comma]].start();
    let err = s.error(at, at, "invalid syntax");
    let exc = span(s, *rest.first()?, rest[comma.checked_sub(1)?]);
    let args = rest.get(comma + 1..)?;
    // `raise E, v, tb`: the traceback has no place in Python 3's raise.
    let value_end = args
        .iter()
        .position(|&j| kind(s, j) == K::Comma)
        .map(|p| p.checked_sub(1))
        .unwrap_or(Some(args.len().checked_sub(1)?))?;
    let value = span(s, *args.first()?, args[value_end]);
    Some((err, format!("raise {exc}({value})")))
}
