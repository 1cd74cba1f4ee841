//! `str` and `bytes` methods.

use crate::python::alloc::{concat, repeat_char};
use crate::python::bind::Sig;

use super::{given, ssize};
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

/// The `chars` of `strip(chars=None, /)`: `None` strips whitespace.
fn strip_chars(a: &Args, m: &str) -> Result<Option<Vec<char>>, Exc> {
    let [chars] = Sig::c_pos(m, "str", &["chars"], 0).method().bind(a)?;
    match chars {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(cs)) => Ok(Some(cs.chars().collect())),
        Some(_) => Err(type_error(format!("{m} arg must be None or str"))),
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

/// `split(sep=None, maxsplit=-1)`'s arguments, read as CPython does: `maxsplit` converted
/// first, then `sep` checked (`None`: runs of whitespace).
fn split_args<'a>(a: &'a Args, m: &str) -> Result<(Option<&'a PyStr>, i64), Exc> {
    let [sep, maxsplit] = Sig::c(m, &["sep", "maxsplit"], 0).method().bind(a)?;
    let n = maxsplit.map_or(Ok(-1), ssize)?;
    match sep {
        None | Some(Value::None) => Ok((None, n)),
        Some(Value::Str(s)) => Ok((Some(s), n)),
        Some(other) => Err(type_error(format!(
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
    let (sep, n) = split_args(&a, "split")?;
    if sep.is_none_or(|s| !s.is_empty()) {
        check_parts(&t, sep.map(|s| &**s), n)?;
    }
    match sep {
        None => list_of(super::text::split_whitespace(&t, n)),
        Some(sep) => {
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
                        Vec::with_capacity(t.matches(&**sep).count().saturating_add(1).min(limit));
                    parts.extend(t.splitn(limit, &**sep).map(str_value));
                }
            }
            Ok(Value::list(parts))
        }
    }
}

fn rsplit(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let (sep, n) = split_args(&a, "rsplit")?;
    if sep.is_none_or(|s| !s.is_empty()) {
        check_parts(&t, sep.map(|s| &**s), n)?;
    }
    match sep {
        None => list_of(super::text::rsplit_whitespace(&t, n)),
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let mut parts: Vec<String> = if n < 0 {
                t.rsplit(&**sep).map(String::from).collect()
            } else {
                t.rsplitn(n as usize + 1, &**sep)
                    .map(String::from)
                    .collect()
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
        other => join_items(&sep, &join_items_of(it, other)?),
    }
}

/// The items of `join`'s argument (str's and bytes'): what cannot be iterated is refused in
/// `join`'s own words (CPython's `PySequence_Fast`), an error while iterating stays as it is.
pub(super) fn join_items_of(it: &mut Interp, v: &Value) -> Result<Vec<Value>, Exc> {
    if matches!(v, Value::List(_) | Value::Tuple(_)) {
        return it.collect(v);
    }
    let items = it.iter(v).map_err(|e| {
        if e.is(crate::python::exceptions::ExcKind::TypeError) {
            type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    it.collect(&items)
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
    let [old, new, count] = Sig::c_pos("replace", "str", &["old", "new", "count"], 2)
        .method()
        .bind(&a)?;
    let (old, new) = (nth_str(old, 1)?, nth_str(new, 2)?);
    match count.map(ssize).transpose()? {
        Some(n) if n >= 0 => s(t.replacen(&**old, new, n as usize)),
        _ => s(t.replace(&**old, new)),
    }
}

/// `replace`'s `old` (1) or `new` (2): a str.
fn nth_str(v: Option<&Value>, i: usize) -> Result<&PyStr, Exc> {
    match given(v)? {
        Value::Str(x) => Ok(x),
        other => Err(type_error(format!(
            "replace() argument {i} must be str, not {}",
            other.type_name()
        ))),
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
            Some(Value::Bool(x)) => Ok(i64::from(*x).min(n)),
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
    match a.pos.get(2) {
        Some(Value::Int(x)) => *x > len as i64,
        Some(Value::Bool(x)) => i64::from(*x) > len as i64,
        _ => false,
    }
}

/// `find(sub[, start[, end]])` and its kin of `owner` (`str`, `bytes`, `bytearray`): positional
/// only, read by a `PyArg_ParseTuple` format (`find() takes at most 3 arguments (4 given)`).
/// A keyword is refused by the method call itself, which names the type (`s.find(sub='a')`:
/// `str.find() takes no keyword arguments`).
pub(super) fn finds<'n>(m: &'n str, owner: &'n str) -> Sig<'n> {
    Sig::c_pos(m, owner, &["sub", "start", "end"], 1)
        .method()
        .tuple_form()
}

/// The needle of `find`/`count`/`index`, which must be a str.
fn sub_arg<'a>(a: &'a Args, m: &str) -> Result<&'a PyStr, Exc> {
    let [sub, ..] = finds(m, "str").bind::<3>(a)?;
    match given(sub)? {
        Value::Str(x) => Ok(x),
        other => Err(type_error(format!(
            "must be str, not {}",
            other.type_name()
        ))),
    }
}

fn search(a: &Args, m: &str, from_right: bool) -> Result<Option<i64>, Exc> {
    let t = this(a);
    let sub = sub_arg(a, m)?;
    let (lo, hi) = window(a, &t)?;
    if start_past_end(a, t.chars().count()) {
        return Ok(None);
    }
    let hay = &t[lo..hi];
    let found = if from_right {
        hay.rfind(&**sub)
    } else {
        hay.find(&**sub)
    };
    Ok(found.map(|b| char_idx(&t, lo + b)))
}

fn count(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let sub = sub_arg(&a, "count")?;
    let (lo, hi) = window(&a, &t)?;
    let hay = &t[lo..hi];
    if start_past_end(&a, t.chars().count()) {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(&**sub).count() as i64))
}

fn affix(a: &Args, m: &str, test: fn(&str, &str) -> bool) -> R {
    let [p, ..] = finds(m, "str").bind::<3>(a)?;
    let p = given(p)?;
    let full = this(a);
    let (lo, hi) = window(a, &full)?;
    let t = &full[lo..hi];
    // A start past the end matches nothing, not even `''`; the argument is checked all the same.
    let past = start_past_end(a, full.chars().count());
    let test = |t: &str, x: &str| !past && test(t, x);
    match p {
        Value::Str(x) => Ok(Value::Bool(test(t, x))),
        // The first match answers; an item that is not a str is refused when reached.
        Value::Tuple(xs) => {
            for x in xs.iter() {
                match x {
                    Value::Str(x) if test(t, x) => return Ok(Value::Bool(true)),
                    Value::Str(_) => {}
                    other => {
                        return Err(type_error(format!(
                            "tuple for {m} must only contain str, not {}",
                            other.type_name()
                        )));
                    }
                }
            }
            Ok(Value::Bool(false))
        }
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

/// `center(width, fillchar=' ', /)` and its kin.
fn width_fill(a: &Args, m: &str) -> Result<(usize, char), Exc> {
    let [width, fill] = Sig::c_pos(m, "str", &["width", "fillchar"], 1)
        .method()
        .bind(a)?;
    let w = width.map_or(Ok(0), ssize)?.max(0) as usize;
    let fill = match fill {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ));
                }
            }
        }
        Some(other) => {
            return Err(type_error(format!(
                "The fill character must be a unicode character, not {}",
                other.type_name()
            )));
        }
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
    let [width] = Sig::c_pos("zfill", "str", &["width"], 1)
        .method()
        .bind(&a)?;
    let w = crate::python::alloc::count(width.map_or(Ok(0), ssize)?);
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

/// The one argument of `partition(sep, /)`, `removeprefix(prefix, /)`...: a str.
fn one_str<'a>(a: &'a Args, m: &str, param: &'static [&'static str]) -> Result<&'a PyStr, Exc> {
    let [v] = Sig::c_pos(m, "str", param, 1).method().bind(a)?;
    match given(v)? {
        Value::Str(x) => Ok(x),
        other => {
            let other = other.type_name();
            Err(type_error(if param[0] == "sep" {
                format!("must be str, not {other}")
            } else {
                format!("{m}() argument must be str, not {other}")
            }))
        }
    }
}

fn split_at_sep(a: &Args, m: &str, from_right: bool) -> R {
    let t = this(a);
    let sep = one_str(a, m, &["sep"])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let at = if from_right {
        t.rfind(&**sep)
    } else {
        t.find(&**sep)
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
    let p = one_str(&a, "removeprefix", &["prefix"])?;
    s(t.strip_prefix(&**p).unwrap_or(&t).to_string())
}

fn removesuffix(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let p = one_str(&a, "removesuffix", &["suffix"])?;
    s(t.strip_suffix(&**p).unwrap_or(&t).to_string())
}
