//! `str` methods that depend on Python's own character classes: the `is*()` tests, case changes
//! (`title`, `capitalize`, `swapcase`, `casefold`), `splitlines` with every line boundary Python
//! knows, whitespace `split`/`rsplit`/`strip`, `expandtabs`, `translate`/`maketrans`,
//! `format_map`. The classes come from CPython 3.11 itself (`unicode_db.rs`): Rust's `char`
//! predicates answer other questions (`'½'.is_numeric()` is true, `'½'.isdigit()` is not).

use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;

use super::unicode_db as db;
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Dict, NativeFn, PyStr, Value};

type R = Result<Value, Exc>;

/// The methods this file answers for `str` (looked up before `str.rs`'s table).
pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "isdecimal" => isdecimal,
        "isdigit" => isdigit,
        "isnumeric" => isnumeric,
        "isalpha" => isalpha,
        "isalnum" => isalnum,
        "isspace" => isspace,
        "isprintable" => isprintable,
        "isascii" => isascii,
        "isidentifier" => isidentifier,
        "isupper" => isupper,
        "islower" => islower,
        "istitle" => istitle,
        "title" => title,
        "capitalize" => capitalize,
        "swapcase" => swapcase,
        "casefold" => casefold,
        "splitlines" => splitlines,
        "expandtabs" => expandtabs,
        "translate" => translate,
        "maketrans" => maketrans_method,
        "format_map" => format_map,
        _ => return None,
    })
}

/// Whether `c` lies in one of `table`'s sorted ranges.
/// The value of a Unicode decimal digit (`'٣'` is 3), as CPython's `Py_UNICODE_TODECIMAL`: every
/// range of the table is whole runs of ten starting at a zero.
pub fn decimal_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    let n = c as u32;
    db::DECIMAL
        .iter()
        .find(|&&(lo, hi)| lo <= n && n <= hi)
        .map(|&(lo, _)| (n - lo) % 10)
}

pub fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `str.isspace` of one character (also what `split()` and `strip()` split on).
pub fn is_space(c: char) -> bool {
    in_table(db::SPACE, c)
}

/// Python's `str.isprintable` of one character: `repr` escapes the others.
pub fn is_printable(c: char) -> bool {
    in_table(db::PRINTABLE, c)
}

fn is_titlecase(c: char) -> bool {
    in_table(db::TITLECASE, c)
}

/// Python's "cased": upper, lower or titlecase.
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

fn is_alnum(c: char) -> bool {
    in_table(db::ALPHA, c) || in_table(db::NUMERIC, c)
}

fn mapped(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// Lowercase of `cs[i]`, with Greek final sigma: `Σ` after a cased letter and not before one is
/// `ς` (as CPython's `lower`, `title` and `swapcase` do).
fn push_lower(out: &mut String, cs: &[char], i: usize) {
    if cs[i] == 'Σ' {
        let before = cs[..i].iter().rev().find(|c| !is_case_ignorable(**c));
        let after = cs[i + 1..].iter().find(|c| !is_case_ignorable(**c));
        if before.is_some_and(|c| is_cased(*c)) && !after.is_some_and(|c| is_cased(*c)) {
            out.push('ς');
            return;
        }
    }
    out.extend(cs[i].to_lowercase());
}

/// Marks and apostrophes that the final-sigma rule looks past.
fn is_case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{b7}' | '\u{2019}')
        || ('\u{300}'..='\u{36f}').contains(&c)
}

fn push_title(out: &mut String, c: char) {
    match mapped(db::TITLE, c) {
        Some(t) => out.push_str(t),
        None => out.extend(c.to_uppercase()),
    }
}

fn this(a: &Args) -> PyStr {
    match &a.pos[0] {
        Value::Str(s) => s.clone(),
        _ => PyStr::from(""),
    }
}

fn s(v: String) -> R {
    Ok(Value::Str(PyStr::from(v)))
}

/// Methods without arguments refuse any, in CPython's words.
fn noargs(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, "str", &[], 0)
        .method()
        .bind::<0>(a)
        .map(|_| ())
}

/// A non-empty string whose every character passes `f`.
fn all_chars(a: &Args, m: &str, f: fn(char) -> bool) -> R {
    noargs(a, m)?;
    let t = this(a);
    Ok(Value::Bool(!t.is_empty() && t.chars().all(f)))
}

fn isdecimal(_: &mut Interp, a: Args) -> R {
    all_chars(&a, "isdecimal", |c| in_table(db::DECIMAL, c))
}
fn isdigit(_: &mut Interp, a: Args) -> R {
    all_chars(&a, "isdigit", |c| in_table(db::DIGIT, c))
}
fn isnumeric(_: &mut Interp, a: Args) -> R {
    all_chars(&a, "isnumeric", |c| in_table(db::NUMERIC, c))
}
fn isalpha(_: &mut Interp, a: Args) -> R {
    all_chars(&a, "isalpha", |c| in_table(db::ALPHA, c))
}
fn isalnum(_: &mut Interp, a: Args) -> R {
    all_chars(&a, "isalnum", is_alnum)
}
fn isspace(_: &mut Interp, a: Args) -> R {
    all_chars(&a, "isspace", is_space)
}

/// The empty string is printable (unlike the other tests, which want at least one character).
fn isprintable(_: &mut Interp, a: Args) -> R {
    noargs(&a, "isprintable")?;
    Ok(Value::Bool(this(&a).chars().all(is_printable)))
}

fn isascii(_: &mut Interp, a: Args) -> R {
    noargs(&a, "isascii")?;
    Ok(Value::Bool(this(&a).is_ascii()))
}

fn isidentifier(_: &mut Interp, a: Args) -> R {
    noargs(&a, "isidentifier")?;
    let t = this(&a);
    let mut cs = t.chars();
    let ok = cs.next().is_some_and(|c| in_table(db::ID_START, c))
        && cs.all(|c| in_table(db::ID_CONTINUE, c));
    Ok(Value::Bool(ok))
}

/// CPython's `isupper`: some cased character, and none lowercase or titlecase.
fn isupper(_: &mut Interp, a: Args) -> R {
    noargs(&a, "isupper")?;
    let t = this(&a);
    let mut cased = false;
    for c in t.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        cased |= c.is_uppercase();
    }
    Ok(Value::Bool(cased))
}

fn islower(_: &mut Interp, a: Args) -> R {
    noargs(&a, "islower")?;
    let t = this(&a);
    let mut cased = false;
    for c in t.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        cased |= c.is_lowercase();
    }
    Ok(Value::Bool(cased))
}

/// Uppercase and titlecase characters only after uncased ones, lowercase only after cased ones.
fn istitle(_: &mut Interp, a: Args) -> R {
    noargs(&a, "istitle")?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in this(&a).chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// Each character after a cased one lowercased, every other titlecased (`'ǆx'` is `'ǅx'`).
fn title(_: &mut Interp, a: Args) -> R {
    noargs(&a, "title")?;
    let mut out = String::new();
    let mut prev_cased = false;
    let cs: Vec<char> = this(&a).chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &cs, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    s(out)
}

/// The first character titlecased (since Python 3.8, not uppercased), the rest lowercased.
fn capitalize(_: &mut Interp, a: Args) -> R {
    noargs(&a, "capitalize")?;
    let t = this(&a);
    let mut out = String::new();
    let mut cs = t.chars();
    if let Some(c) = cs.next() {
        push_title(&mut out, c);
        out.push_str(&cs.as_str().to_lowercase());
    }
    s(out)
}

/// Upper to lower and lower to upper; titlecase and uncased characters stay.
fn swapcase(_: &mut Interp, a: Args) -> R {
    noargs(&a, "swapcase")?;
    let mut out = String::new();
    let cs: Vec<char> = this(&a).chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, &cs, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    s(out)
}

fn casefold(_: &mut Interp, a: Args) -> R {
    noargs(&a, "casefold")?;
    let mut out = String::new();
    for c in this(&a).chars() {
        match mapped(db::CASEFOLD, c) {
            Some(f) => out.push_str(f),
            None => out.extend(c.to_lowercase()),
        }
    }
    s(out)
}

/// Python's line boundaries: `\r\n` is one, and so are `\v \f \x1c-\x1e \x85 \u2028 \u2029`.
pub fn split_lines(t: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = t.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let ends = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !ends {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            end += 1;
        }
        out.push(if keepends {
            &t[start..end]
        } else {
            &t[start..i]
        });
        start = end;
    }
    if start < t.len() {
        out.push(&t[start..]);
    }
    out
}

/// `keepends` given by position or keyword, truth-tested as CPython's `bool` argument.
pub(super) fn keepends_arg(it: &mut Interp, a: &Args, m: &str) -> Result<bool, Exc> {
    let [keepends] = Sig::c(m, &["keepends"], 0).method().bind(a)?;
    match keepends.filter(|v| !matches!(v, Value::None)) {
        Some(v @ Value::Float(_)) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
        Some(v) => it.truthy(v),
        None => Ok(false),
    }
}

fn splitlines(it: &mut Interp, a: Args) -> R {
    let keep = keepends_arg(it, &a, "splitlines")?;
    let t = this(&a);
    let lines = split_lines(&t, keep);
    crate::python::alloc::check_strings(lines.len())?;
    Ok(Value::list(lines.into_iter().map(Value::str).collect()))
}

/// `split()` without a separator: runs of Python whitespace separate, none at the ends count.
pub fn split_whitespace(t: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t.trim_start_matches(is_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest.to_string());
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        rest = rest[end..].trim_start_matches(is_space);
    }
    out
}

/// `rsplit()` without a separator: as `split_whitespace`, counting `maxsplit` from the right, and
/// the leftover head keeps its leading whitespace (`'  a b c'.rsplit(None, 1)` is `['  a b', 'c']`).
pub fn rsplit_whitespace(t: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t.trim_end_matches(is_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest.to_string());
            break;
        }
        let start = rest.rfind(is_space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        out.push(rest[start..].to_string());
        rest = rest[..start].trim_end_matches(is_space);
    }
    out.reverse();
    out
}

/// A count CPython keeps in a C int (`expandtabs`' tab size).
pub(super) fn c_int(n: i64) -> Result<i64, Exc> {
    if i32::try_from(n).is_err() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    Ok(n)
}

/// `expandtabs(tabsize=8)`'s tab size, a C int (shared with `bytes.expandtabs`).
pub(super) fn tabsize(a: &Args) -> Result<i64, Exc> {
    let [size] = Sig::c("expandtabs", &["tabsize"], 0).method().bind(a)?;
    match size {
        None => Ok(8),
        Some(Value::Int(n)) => c_int(*n),
        Some(Value::BigInt(_)) => c_int(i64::MAX),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

fn expandtabs(_: &mut Interp, a: Args) -> R {
    let size = tabsize(&a)?;
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in this(&a).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&crate::python::alloc::repeat_char(' ', n as usize)?);
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(out)
}

/// Each character looked up in `table` by its code point (`table[ord(c)]`): a missing key keeps
/// the character, `None` deletes it, an int or a str replaces it.
fn translate(it: &mut Interp, a: Args) -> R {
    let [table] = Sig::c_pos("translate", "str", &["table"], 1)
        .method()
        .bind(&a)?;
    let table = super::given(table)?;
    let mut out = String::new();
    for c in this(&a).chars() {
        match it.getitem(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(ref r)) => out.push_str(r),
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => {
                    return Err(value_error("character mapping must be in range(0x110000)"));
                }
            },
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ));
            }
            Err(e)
                if e.is(ExcKind::LookupError)
                    || e.is(ExcKind::KeyError)
                    || e.is(ExcKind::IndexError) =>
            {
                out.push(c)
            }
            Err(e) => return Err(e),
        }
    }
    s(out)
}

/// `"".maketrans(...)`: the instance form passes the string first, which the table ignores.
fn maketrans_method(it: &mut Interp, mut a: Args) -> R {
    a.pos.remove(0);
    maketrans(it, a)
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points, strings or `None`.
pub fn maketrans(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("maketrans", "str", &["x", "y", "z"], 1).bind::<3>(&a)?;
    let n = a.pos.len();
    let mut d = Dict::default();
    if n == 1 {
        let Value::Dict(src) = &a.pos[0] else {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        let items: Vec<(Value, Value)> = src.borrow().map.values().cloned().collect();
        for (k, v) in items {
            let key = match &k {
                Value::Str(s) if s.chars().count() == 1 => {
                    Value::Int(s.chars().next().map_or(0, |c| c as i64))
                }
                Value::Str(_) => {
                    return Err(value_error(
                        "string keys in translate table must be of length 1",
                    ));
                }
                Value::Int(_) | Value::Bool(_) => k.clone(),
                _ => {
                    return Err(type_error(
                        "keys in translate table must be strings or integers",
                    ));
                }
            };
            it.dict_insert(&mut d, key, v)?;
        }
        return Ok(Value::dict(d));
    }
    let text = |i: usize| -> Result<PyStr, Exc> {
        match &a.pos[i] {
            Value::Str(s) => Ok(s.clone()),
            _ if i == 0 => Err(type_error(
                "first maketrans argument must be a string if there is a second argument",
            )),
            other => Err(type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                other.type_name()
            ))),
        }
    };
    // `y` and `z` are converted while the arguments are parsed, `x` is checked after.
    let y = text(1)?;
    let z = if n == 3 { Some(text(2)?) } else { None };
    let x = text(0)?;
    if x.chars().count() != y.chars().count() {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (f, t) in x.chars().zip(y.chars()) {
        it.dict_insert(&mut d, Value::Int(f as i64), Value::Int(t as i64))?;
    }
    if let Some(z) = z {
        for c in z.chars() {
            it.dict_insert(&mut d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::dict(d))
}

/// `fmt.format_map(mapping)`: `{name}` fields read `mapping[name]`, whatever the mapping is (a dict
/// subclass's `__missing__` answers, an object with only `__getitem__` will do).
fn format_map(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("format_map", "str", &["mapping"], 1)
        .method()
        .bind::<1>(&a)?;
    s(crate::python::format::markup::format_map(
        it,
        &this(&a),
        &a.pos[1],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_answer_as_cpython() {
        assert!(in_table(db::DIGIT, '²') && !in_table(db::DECIMAL, '²'));
        assert!(in_table(db::NUMERIC, '½') && !in_table(db::DIGIT, '½'));
        assert!(is_space('\x1c') && is_space('\u{2003}') && !is_space('\u{200b}'));
        assert!(!is_printable('\u{2003}') && is_printable('é') && !is_printable('\x7f'));
        assert!(is_titlecase('ǅ') && !is_titlecase('Ǆ'));
    }

    #[test]
    fn line_boundaries_are_pythons() {
        assert_eq!(
            split_lines("a\r\nb\x0bc\u{2028}d", false),
            ["a", "b", "c", "d"]
        );
        assert_eq!(split_lines("a\r\n\nb\n", true), ["a\r\n", "\n", "b\n"]);
        assert!(split_lines("", true).is_empty());
    }

    #[test]
    fn whitespace_splits_count_maxsplit_from_their_end() {
        assert_eq!(split_whitespace("  a b  c ", 1), ["a", "b  c "]);
        assert_eq!(rsplit_whitespace("  a b  c ", 1), ["  a b", "c"]);
        assert_eq!(rsplit_whitespace("a\x1cb", -1), ["a", "b"]);
        assert!(rsplit_whitespace("   ", -1).is_empty());
    }
}
