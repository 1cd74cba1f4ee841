//! `str` and `bytes` methods.

use crate::python::alloc::{concat, repeat_char};
use crate::python::bind::Sig;

use super::{opt, req};
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, NativeFn, PyStr, Value};

type R = Result<Value, Exc>;

pub fn lookup(name: &str) -> Option<NativeFn> {
    if let Some(f) = super::text::lookup(name) {
        return Some(f);
    }
    Some(match name {
        "upper" => upper,
        "lower" => lower,
        "strip" => strip,
        "lstrip" => lstrip,
        "rstrip" => rstrip,
        "split" => split,
        "rsplit" => rsplit,
        "join" => join,
        "replace" => replace,
        "find" => find,
        "rfind" => rfind,
        "index" => index,
        "rindex" => rindex,
        "rpartition" => rpartition,
        "count" => count,
        "startswith" => startswith,
        "endswith" => endswith,
        "format" => format,
        "center" => center,
        "ljust" => ljust,
        "rjust" => rjust,
        "zfill" => zfill,
        "encode" => super::codecs::encode,
        "partition" => partition,
        "removeprefix" => removeprefix,
        "removesuffix" => removesuffix,
        _ => return None,
    })
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

fn str_arg(v: &Value, m: &str) -> Result<PyStr, Exc> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "{m}() argument must be str, not {}",
            other.type_name()
        ))),
    }
}

fn upper(_: &mut Interp, a: Args) -> R {
    noargs(&a, "upper")?;
    s(this(&a).to_uppercase())
}

/// Methods that take no arguments say so, as CPython does.
fn noargs(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, "str", &[], 0)
        .method()
        .bind::<0>(a)
        .map(|_| ())
}
fn lower(_: &mut Interp, a: Args) -> R {
    noargs(&a, "lower")?;
    s(this(&a).to_lowercase())
}

fn strip_chars(a: &Args, m: &str) -> Result<Option<Vec<char>>, Exc> {
    match opt(a, 0, "chars") {
        Some(v) => Ok(Some(str_arg(&v, m)?.chars().collect())),
        None => Ok(None),
    }
}

fn strip(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    match strip_chars(&a, "strip")? {
        Some(cs) => s(t.trim_matches(|c| cs.contains(&c)).to_string()),
        None => s(t.trim_matches(super::text::is_space).to_string()),
    }
}
fn lstrip(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    match strip_chars(&a, "lstrip")? {
        Some(cs) => s(t.trim_start_matches(|c| cs.contains(&c)).to_string()),
        None => s(t.trim_start_matches(super::text::is_space).to_string()),
    }
}
fn rstrip(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    match strip_chars(&a, "rstrip")? {
        Some(cs) => s(t.trim_end_matches(|c| cs.contains(&c)).to_string()),
        None => s(t.trim_end_matches(super::text::is_space).to_string()),
    }
}

fn maxsplit(a: &Args) -> Result<i64, Exc> {
    match opt(a, 1, "maxsplit") {
        Some(Value::Int(n)) => Ok(n),
        Some(Value::BigInt(_)) => Err(crate::python::bigint::ssize_overflow()),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
        None => Ok(-1),
    }
}

/// The `sep` of `split`/`rsplit`, in CPython's words when it is not a str.
fn sep_arg(v: &Value) -> Result<PyStr, Exc> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "must be str or None, not {}",
            other.type_name()
        ))),
    }
}

fn str_value(part: &str) -> Value {
    Value::Str(PyStr::from(part))
}

fn list_of(parts: Vec<String>) -> R {
    Ok(Value::list(
        parts
            .into_iter()
            .map(|p| Value::Str(PyStr::from(p)))
            .collect(),
    ))
}

/// Refuses, before making any, more parts than one list may hold: at most `limit` parts
/// (`maxsplit + 1`, or every separator if negative).
fn check_parts(t: &str, sep: Option<&str>, maxsplit: i64) -> Result<(), Exc> {
    use crate::python::alloc::{MAX_STRINGS, check_strings};
    // A text of fewer bytes has fewer parts: nothing to count.
    if t.len() < MAX_STRINGS {
        return Ok(());
    }
    // Counting stops as soon as the answer is known: past what a list may hold, or past maxsplit.
    let too_many = MAX_STRINGS + 1;
    let limit = usize::try_from(maxsplit)
        .map(|m| m.saturating_add(1))
        .unwrap_or(usize::MAX)
        .min(too_many);
    let parts = match sep {
        Some(sep) => (t.matches(sep).take(limit).count() + 1).min(limit),
        None => {
            // Words start where a non-space byte follows a space (or the start); a byte of a
            // multi-byte character is never ASCII whitespace, so counting bytes is enough for a
            // bound.
            let mut n = 0;
            let mut in_word = false;
            for b in t.bytes() {
                let space = b.is_ascii_whitespace() || (0x1c..=0x1f).contains(&b) || b == 0x0b;
                if !space && !in_word {
                    n += 1;
                    if n >= limit {
                        break;
                    }
                }
                in_word = !space;
            }
            n
        }
    };
    check_strings(parts)
}

fn split(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let n = maxsplit(&a)?;
    let sep = match opt(&a, 0, "sep") {
        Some(v @ Value::Str(_)) => Some(str_arg(&v, "split")?),
        _ => None,
    };
    if sep.as_deref().is_none_or(|s| !s.is_empty()) {
        check_parts(&t, sep.as_deref(), n)?;
    }
    match opt(&a, 0, "sep") {
        None => list_of(super::text::split_whitespace(&t, n)),
        Some(sep) => {
            let sep = sep_arg(&sep)?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            // Each part made once as the str it is (it was a String first, then copied), and a
            // one-character separator searched as a char.
            let limit = usize::try_from(n).map_or(usize::MAX, |n| n.saturating_add(1));
            let mut one = sep.chars();
            // The list made at its size: grown by doubling, each move freed a block big enough
            // to make malloc sweep its free lists (a quarter of `s.split(',')`'s time).
            let mut parts;
            match (one.next(), one.next()) {
                (Some(c), None) => {
                    parts = Vec::with_capacity(t.matches(c).count().saturating_add(1).min(limit));
                    parts.extend(t.splitn(limit, c).map(str_value));
                }
                _ => {
                    parts =
                        Vec::with_capacity(t.matches(&*sep).count().saturating_add(1).min(limit));
                    parts.extend(t.splitn(limit, &*sep).map(str_value));
                }
            }
            Ok(Value::list(parts))
        }
    }
}

fn rsplit(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let n = maxsplit(&a)?;
    let sep = match opt(&a, 0, "sep") {
        Some(v @ Value::Str(_)) => Some(str_arg(&v, "rsplit")?),
        _ => None,
    };
    if sep.as_deref().is_none_or(|s| !s.is_empty()) {
        check_parts(&t, sep.as_deref(), n)?;
    }
    match opt(&a, 0, "sep") {
        None => list_of(super::text::rsplit_whitespace(&t, n)),
        Some(sep) => {
            let sep = sep_arg(&sep)?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let mut parts: Vec<String> = if n < 0 {
                t.rsplit(&*sep).map(String::from).collect()
            } else {
                t.rsplitn(n as usize + 1, &*sep).map(String::from).collect()
            };
            parts.reverse();
            list_of(parts)
        }
    }
}

fn join(it: &mut Interp, a: Args) -> R {
    let sep = this(&a);
    let [iterable] = Sig::c_pos("join", "str", &["iterable"], 1)
        .method()
        .bind(&a)?;
    // A list or tuple is read where it is: no copy of its items (a million reference counts up
    // and down) before the text is made.
    match iterable.unwrap_or(&Value::None) {
        Value::List(l) => join_items(&sep, &l.borrow()),
        Value::Tuple(t) => join_items(&sep, t),
        other => join_items(&sep, &it.collect(other)?),
    }
}

fn join_items(sep: &str, items: &[Value]) -> R {
    let mut total = sep
        .len()
        .checked_mul(items.len().saturating_sub(1))
        .ok_or_else(crate::python::alloc::memory_error)?;
    for x in items {
        if let Value::Str(p) = x {
            total = crate::python::alloc::plus(total, p.len())?;
        }
    }
    let mut out = crate::python::alloc::string_with_capacity(total)?;
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match x {
            Value::Str(p) => out.push_str(p),
            // A str subclass's instance joins as the text it carries.
            Value::Instance(_)
                if let Some(Value::Str(ref p)) = crate::python::subclass::base_of(x) =>
            {
                out.push_str(p)
            }
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )));
            }
        }
    }
    s(out)
}

fn replace(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let old = str_arg(&req(&a, 0, "replace")?, "replace")?;
    let new = str_arg(&req(&a, 1, "replace")?, "replace")?;
    match opt(&a, 2, "count") {
        Some(Value::Int(n)) if n >= 0 => s(t.replacen(&*old, &new, n as usize)),
        _ => s(t.replace(&*old, &new)),
    }
}

/// Char index of a byte offset.
fn char_idx(t: &str, byte: usize) -> i64 {
    t[..byte].chars().count() as i64
}

fn find(_: &mut Interp, a: Args) -> R {
    Ok(Value::Int(search(&a, "find", false)?.unwrap_or(-1)))
}

fn rfind(_: &mut Interp, a: Args) -> R {
    Ok(Value::Int(search(&a, "rfind", true)?.unwrap_or(-1)))
}

fn index(_: &mut Interp, a: Args) -> R {
    search(&a, "index", false)?
        .map(Value::Int)
        .ok_or_else(|| value_error("substring not found"))
}

fn rindex(_: &mut Interp, a: Args) -> R {
    search(&a, "rindex", true)?
        .map(Value::Int)
        .ok_or_else(|| value_error("substring not found"))
}

/// The char range `[start:end]` of `str.find(sub, start, end)` as byte offsets into `t`.
fn window(a: &Args, t: &str) -> Result<(usize, usize), Exc> {
    let n = t.chars().count() as i64;
    let bound = |i: usize, default: i64| -> Result<i64, Exc> {
        match a.pos.get(i) {
            None | Some(Value::None) => Ok(default),
            Some(Value::Int(x)) => Ok(if *x < 0 { (x + n).max(0) } else { (*x).min(n) }),
            Some(other) => Err(type_error(format!(
                "slice indices must be integers or None or have an __index__ method, not {}",
                other.type_name()
            ))),
        }
    };
    let (start, end) = (bound(2, 0)?, bound(3, n)?);
    let byte = |c: i64| {
        t.char_indices()
            .nth(c as usize)
            .map(|(b, _)| b)
            .unwrap_or(t.len())
    };
    Ok((byte(start), byte(end.max(start))))
}

/// Whether a `start` argument lies past the end: then nothing is found, not even `''`.
pub(super) fn start_past_end(a: &Args, len: usize) -> bool {
    matches!(a.pos.get(2), Some(Value::Int(x)) if *x > len as i64)
}

fn search(a: &Args, m: &str, from_right: bool) -> Result<Option<i64>, Exc> {
    let t = this(a);
    let sub = str_arg(&req(a, 0, m)?, m)?;
    let (lo, hi) = window(a, &t)?;
    if start_past_end(a, t.chars().count()) {
        return Ok(None);
    }
    let hay = &t[lo..hi];
    let found = if from_right {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(found.map(|b| char_idx(&t, lo + b)))
}

fn count(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let sub = str_arg(&req(&a, 0, "count")?, "count")?;
    let (lo, hi) = window(&a, &t)?;
    let hay = &t[lo..hi];
    if start_past_end(&a, t.chars().count()) {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(&*sub).count() as i64))
}

fn affix(a: &Args, m: &str, test: fn(&str, &str) -> bool) -> R {
    let full = this(a);
    let (lo, hi) = window(a, &full)?;
    let t = &full[lo..hi];
    if start_past_end(a, full.chars().count()) {
        req(a, 0, m)?;
        return Ok(Value::Bool(false));
    }
    let p = req(a, 0, m)?;
    match &p {
        Value::Str(x) => Ok(Value::Bool(test(t, x))),
        Value::Tuple(xs) => Ok(Value::Bool(
            xs.iter().any(|x| matches!(x, Value::Str(x) if test(t, x))),
        )),
        other => Err(type_error(format!(
            "{m} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
    }
}

fn startswith(_: &mut Interp, a: Args) -> R {
    affix(&a, "startswith", |t, x| t.starts_with(x))
}
fn endswith(_: &mut Interp, a: Args) -> R {
    affix(&a, "endswith", |t, x| t.ends_with(x))
}

fn format(it: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let out = crate::python::format::str_format(it, &t, &a.pos[1..], &a.kw)?;
    s(out)
}

fn width_fill(a: &Args, m: &str) -> Result<(usize, char), Exc> {
    let w = match req(a, 0, m)? {
        Value::Int(w) => w.max(0) as usize,
        Value::BigInt(_) => return Err(crate::python::bigint::ssize_overflow()),
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let fill = match opt(a, 1, "fillchar") {
        Some(Value::Str(ref f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ));
        }
        None => ' ',
    };
    Ok((w, fill))
}

fn center(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let (w, f) = width_fill(&a, "center")?;
    let n = t.chars().count();
    if n >= w {
        return s(t.to_string());
    }
    let total = w - n;
    // CPython: `left = marg / 2 + (marg & width & 1)`.
    let left = total / 2 + (total & w & 1);
    s(concat(&[
        &repeat_char(f, left)?,
        &t,
        &repeat_char(f, total - left)?,
    ])?)
}

fn ljust(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let (w, f) = width_fill(&a, "ljust")?;
    let n = t.chars().count();
    s(concat(&[&t, &repeat_char(f, w.saturating_sub(n))?])?)
}

fn rjust(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let (w, f) = width_fill(&a, "rjust")?;
    let n = t.chars().count();
    s(concat(&[&repeat_char(f, w.saturating_sub(n))?, &t])?)
}

fn zfill(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let w = match req(&a, 0, "zfill")? {
        Value::Int(w) => crate::python::alloc::count(w),
        Value::BigInt(_) => return Err(crate::python::bigint::ssize_overflow()),
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let n = t.chars().count();
    if n >= w {
        return s(t.to_string());
    }
    let (sign, rest) = match t.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &t[1..]),
        _ => (String::new(), &t[..]),
    };
    s(concat(&[&sign, &repeat_char('0', w - n)?, rest])?)
}

fn partition(_: &mut Interp, a: Args) -> R {
    split_at_sep(&a, "partition", false)
}

fn rpartition(_: &mut Interp, a: Args) -> R {
    split_at_sep(&a, "rpartition", true)
}

fn split_at_sep(a: &Args, m: &str, from_right: bool) -> R {
    let t = this(a);
    let sep = str_arg(&req(a, 0, m)?, m)?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let at = if from_right {
        t.rfind(&*sep)
    } else {
        t.find(&*sep)
    };
    let parts = match at {
        Some(p) => [
            t[..p].to_string(),
            sep.to_string(),
            t[p + sep.len()..].to_string(),
        ],
        None if from_right => [String::new(), String::new(), t.to_string()],
        None => [t.to_string(), String::new(), String::new()],
    };
    Ok(Value::tuple(
        parts
            .into_iter()
            .map(|p| Value::Str(PyStr::from(p)))
            .collect(),
    ))
}

fn removeprefix(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let p = str_arg(&req(&a, 0, "removeprefix")?, "removeprefix")?;
    s(t.strip_prefix(&*p).unwrap_or(&t).to_string())
}

fn removesuffix(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let p = str_arg(&req(&a, 0, "removesuffix")?, "removesuffix")?;
    s(t.strip_suffix(&*p).unwrap_or(&t).to_string())
}
