//! `bytes` methods: the str-like ones, ASCII-only as CPython's are (`b'\xe9'.upper()` stays), and
//! `hex`/`fromhex`. Text codecs (`decode`, and `str.encode`) live in `codecs.rs`.

use crate::python::bind::Sig;

use super::{given, ssize};
use crate::python::alloc;
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, NativeFn, PyStr, ThinRc, Value};

type R = Result<Value, Exc>;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "decode" => super::codecs::decode,
        "hex" => hex,
        "fromhex" => fromhex_method,
        "maketrans" => maketrans_method,
        "upper" => upper,
        "lower" => lower,
        "swapcase" => swapcase,
        "title" => title,
        "capitalize" => capitalize,
        "split" => split,
        "rsplit" => rsplit,
        "join" => join,
        "strip" => strip,
        "lstrip" => lstrip,
        "rstrip" => rstrip,
        "replace" => replace,
        "find" => find,
        "rfind" => rfind,
        "index" => index,
        "rindex" => rindex,
        "count" => count,
        "startswith" => startswith,
        "endswith" => endswith,
        "partition" => partition,
        "rpartition" => rpartition,
        "splitlines" => splitlines,
        "isdigit" => isdigit,
        "isalpha" => isalpha,
        "isalnum" => isalnum,
        "isspace" => isspace,
        "isupper" => isupper,
        "islower" => islower,
        "istitle" => istitle,
        "isascii" => isascii,
        "center" => center,
        "ljust" => ljust,
        "rjust" => rjust,
        "zfill" => zfill,
        "expandtabs" => expandtabs,
        "removeprefix" => removeprefix,
        "removesuffix" => removesuffix,
        "translate" => translate,
        _ => return None,
    })
}

/// The bytes of a bytes-like value (`bytes`, or `bytearray`'s contents).
pub fn bytes_like(v: &Value) -> Option<ThinRc<u8>> {
    match v {
        Value::Bytes(b) => Some(b.clone()),
        other => super::bytearray::contents(other)
            .or_else(|| super::memoryview::contents(other))
            .map(ThinRc::from),
    }
}

/// `self`'s bytes.
fn this(a: &Args) -> ThinRc<u8> {
    bytes_like(&a.pos[0]).unwrap_or_else(|| ThinRc::from(&b""[..]))
}

/// A result of the same type as `self`: a bytearray method returns a bytearray.
fn same(a: &Args, v: Vec<u8>) -> R {
    if matches!(a.pos[0], Value::Bytes(_)) {
        Ok(Value::Bytes(ThinRc::from(v)))
    } else {
        Ok(super::bytearray::new_value(v))
    }
}

fn same_list(a: &Args, parts: Vec<Vec<u8>>) -> R {
    alloc::check_strings(parts.len())?;
    let items = parts
        .into_iter()
        .map(|p| same(a, p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Value::list(items))
}

/// An argument that must be bytes-like, in CPython's words.
fn arg_bytes(v: &Value) -> Result<ThinRc<u8>, Exc> {
    bytes_like(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))
    })
}

/// The type whose method this is, as `self` is: messages name `bytes.zfill()` or
/// `bytearray.zfill()`.
fn owner(a: &Args) -> &'static str {
    match a.pos.first() {
        Some(Value::Bytes(_)) | None => "bytes",
        Some(_) => "bytearray",
    }
}

/// The arguments of a method whose parameters are all positional-only (`center(width,
/// fillchar=b' ', /)`), named after `self`'s type.
fn bind_pos<'a, const N: usize>(
    a: &'a Args,
    m: &str,
    params: &'static [&'static str],
    required: usize,
) -> Result<[Option<&'a Value>; N], Exc> {
    Sig::c_pos(m, owner(a), params, required).method().bind(a)
}

fn noargs(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, owner(a), &[], 0)
        .method()
        .bind::<0>(a)
        .map(|_| ())
}

/// ASCII whitespace as `bytes.isspace` and `bytes.split()` know it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn map_bytes(a: &Args, m: &str, f: fn(u8) -> u8) -> R {
    noargs(a, m)?;
    same(a, this(a).iter().map(|&b| f(b)).collect())
}

fn upper(_: &mut Interp, a: Args) -> R {
    map_bytes(&a, "upper", |b| b.to_ascii_uppercase())
}
fn lower(_: &mut Interp, a: Args) -> R {
    map_bytes(&a, "lower", |b| b.to_ascii_lowercase())
}
fn swapcase(_: &mut Interp, a: Args) -> R {
    map_bytes(&a, "swapcase", |b| {
        if b.is_ascii_uppercase() {
            b.to_ascii_lowercase()
        } else {
            b.to_ascii_uppercase()
        }
    })
}

fn title(_: &mut Interp, a: Args) -> R {
    noargs(&a, "title")?;
    let mut prev_cased = false;
    let out = this(&a)
        .iter()
        .map(|&b| {
            let r = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect();
    same(&a, out)
}

fn capitalize(_: &mut Interp, a: Args) -> R {
    noargs(&a, "capitalize")?;
    let t = this(&a);
    let out = t
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect();
    same(&a, out)
}

fn all_bytes(a: &Args, m: &str, f: fn(u8) -> bool) -> R {
    noargs(a, m)?;
    let t = this(a);
    Ok(Value::Bool(!t.is_empty() && t.iter().all(|&b| f(b))))
}
fn isdigit(_: &mut Interp, a: Args) -> R {
    all_bytes(&a, "isdigit", |b| b.is_ascii_digit())
}
fn isalpha(_: &mut Interp, a: Args) -> R {
    all_bytes(&a, "isalpha", |b| b.is_ascii_alphabetic())
}
fn isalnum(_: &mut Interp, a: Args) -> R {
    all_bytes(&a, "isalnum", |b| b.is_ascii_alphanumeric())
}
fn isspace(_: &mut Interp, a: Args) -> R {
    all_bytes(&a, "isspace", is_space)
}
fn isascii(_: &mut Interp, a: Args) -> R {
    noargs(&a, "isascii")?;
    Ok(Value::Bool(this(&a).is_ascii()))
}
fn isupper(_: &mut Interp, a: Args) -> R {
    noargs(&a, "isupper")?;
    let t = this(&a);
    Ok(Value::Bool(
        t.iter().any(u8::is_ascii_uppercase) && !t.iter().any(u8::is_ascii_lowercase),
    ))
}
fn islower(_: &mut Interp, a: Args) -> R {
    noargs(&a, "islower")?;
    let t = this(&a);
    Ok(Value::Bool(
        t.iter().any(u8::is_ascii_lowercase) && !t.iter().any(u8::is_ascii_uppercase),
    ))
}
fn istitle(_: &mut Interp, a: Args) -> R {
    noargs(&a, "istitle")?;
    let (mut cased, mut prev) = (false, false);
    for &b in this(&a).iter() {
        if b.is_ascii_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// Where `needle` first (or last) occurs in `hay`.
fn position(hay: &[u8], needle: &[u8], from_right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut starts = 0..=hay.len() - needle.len();
    let hit = |i: &usize| &hay[*i..*i + needle.len()] == needle;
    if from_right {
        starts.rev().find(hit)
    } else {
        starts.find(hit)
    }
}

/// Non-overlapping occurrences of `needle`, from the left.
fn occurrences(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = position(&hay[i..], needle, false) {
        out.push(i + p);
        i += p + needle.len().max(1);
        if i > hay.len() {
            break;
        }
    }
    out
}

/// `split`'s separator (none: runs of whitespace) and `maxsplit` (-1: no limit).
type SplitArgs = (Option<ThinRc<u8>>, i64);

/// `split(sep=None, maxsplit=-1)`: `maxsplit` is converted first, as CPython's parser does.
fn split_args(a: &Args, m: &str) -> Result<SplitArgs, Exc> {
    let [sep, maxsplit] = Sig::c(m, &["sep", "maxsplit"], 0).method().bind(a)?;
    let n = maxsplit.map_or(Ok(-1), ssize)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = arg_bytes(v)?;
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s)
        }
    };
    Ok((sep, n))
}

fn split(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let (sep, n) = split_args(&a, "split")?;
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < t.len() && is_space(t[i]) {
                    i += 1;
                }
                if i == t.len() {
                    break;
                }
                if n >= 0 && out.len() as i64 == n {
                    // The rest keeps its trailing whitespace, as CPython's does.
                    out.push(t[i..].to_vec());
                    break;
                }
                let start = i;
                while i < t.len() && !is_space(t[i]) {
                    i += 1;
                }
                out.push(t[start..i].to_vec());
            }
        }
        Some(sep) => {
            let mut start = 0;
            for p in occurrences(&t, &sep) {
                if n >= 0 && out.len() as i64 == n {
                    break;
                }
                out.push(t[start..p].to_vec());
                start = p + sep.len();
            }
            out.push(t[start..].to_vec());
        }
    }
    same_list(&a, out)
}

fn rsplit(_: &mut Interp, a: Args) -> R {
    let t = this(&a);
    let (sep, n) = split_args(&a, "rsplit")?;
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            let mut end = t.len();
            loop {
                while end > 0 && is_space(t[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if n >= 0 && out.len() as i64 == n {
                    // The head keeps its leading whitespace, as CPython's does.
                    out.push(t[..end].to_vec());
                    break;
                }
                let stop = end;
                while end > 0 && !is_space(t[end - 1]) {
                    end -= 1;
                }
                out.push(t[end..stop].to_vec());
            }
        }
        Some(sep) => {
            let mut end = t.len();
            while n < 0 || (out.len() as i64) < n {
                match position(&t[..end], &sep, true) {
                    Some(p) => {
                        out.push(t[p + sep.len()..end].to_vec());
                        end = p;
                    }
                    None => break,
                }
            }
            out.push(t[..end].to_vec());
        }
    }
    out.reverse();
    same_list(&a, out)
}

fn join(it: &mut Interp, a: Args) -> R {
    let sep = this(&a);
    let [items] = bind_pos(&a, "join", &["iterable_of_bytes"], 1)?;
    let items = super::str::join_items_of(it, given(items)?)?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(part) = bytes_like(x) else {
            return Err(type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                x.type_name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        alloc::grow(&mut out, part.len())?;
        out.extend_from_slice(&part);
    }
    same(&a, out)
}

/// `strip(bytes=None, /)`: `None` strips ASCII whitespace.
fn strip_set(a: &Args, m: &str) -> Result<Option<ThinRc<u8>>, Exc> {
    let [set] = bind_pos(a, m, &["bytes"], 0)?;
    set.filter(|v| !matches!(v, Value::None))
        .map(arg_bytes)
        .transpose()
}

fn strip_ends(a: &Args, m: &str, left: bool, right: bool) -> R {
    let set = strip_set(a, m)?;
    let t = this(a);
    let strip = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_space(b),
    };
    let (mut lo, mut hi) = (0, t.len());
    while left && lo < hi && strip(t[lo]) {
        lo += 1;
    }
    while right && hi > lo && strip(t[hi - 1]) {
        hi -= 1;
    }
    same(a, t[lo..hi].to_vec())
}
fn strip(_: &mut Interp, a: Args) -> R {
    strip_ends(&a, "strip", true, true)
}
fn lstrip(_: &mut Interp, a: Args) -> R {
    strip_ends(&a, "lstrip", true, false)
}
fn rstrip(_: &mut Interp, a: Args) -> R {
    strip_ends(&a, "rstrip", false, true)
}

fn replace(_: &mut Interp, a: Args) -> R {
    let [old, new, count] = bind_pos(&a, "replace", &["old", "new", "count"], 2)?;
    let old = arg_bytes(given(old)?)?;
    let new = arg_bytes(given(new)?)?;
    let limit = match count.map(ssize).transpose()? {
        Some(n) if n >= 0 => n as usize,
        _ => usize::MAX,
    };
    let t = this(&a);
    let mut out = Vec::new();
    if old.is_empty() {
        // Between every two bytes and at both ends, as for str.
        let mut done = 0;
        for (i, &b) in t.iter().enumerate() {
            if done < limit {
                out.extend_from_slice(&new);
                done += 1;
            }
            let _ = i;
            out.push(b);
        }
        if done < limit {
            out.extend_from_slice(&new);
        }
        return same(&a, out);
    }
    let mut start = 0;
    for p in occurrences(&t, &old).into_iter().take(limit) {
        out.extend_from_slice(&t[start..p]);
        alloc::grow(&mut out, new.len())?;
        out.extend_from_slice(&new);
        start = p + old.len();
    }
    out.extend_from_slice(&t[start..]);
    same(&a, out)
}

/// The `[start:end]` window of find/count/startswith, clamped as slices are.
fn window(a: &Args, len: usize) -> Result<(usize, usize), Exc> {
    let n = len as i64;
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
    let (lo, hi) = (bound(2, 0)?, bound(3, n)?);
    Ok((lo as usize, hi.max(lo) as usize))
}

/// A needle of find/count/index: bytes-like or one byte as an int.
fn needle(v: &Value) -> Result<Vec<u8>, Exc> {
    match v {
        Value::Int(i) => match u8::try_from(*i) {
            Ok(b) => Ok(vec![b]),
            Err(_) => Err(value_error("byte must be in range(0, 256)")),
        },
        Value::Bool(b) => Ok(vec![*b as u8]),
        other => bytes_like(other).map(|b| b.to_vec()).ok_or_else(|| {
            type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                other.type_name()
            ))
        }),
    }
}

fn search(a: &Args, m: &str, from_right: bool) -> Result<Option<i64>, Exc> {
    let [sub, ..] = super::str::finds(m, owner(a)).bind::<3>(a)?;
    let sub = needle(given(sub)?)?;
    let t = this(a);
    let (lo, hi) = window(a, t.len())?;
    if super::str::start_past_end(a, t.len()) {
        return Ok(None);
    }
    Ok(position(&t[lo..hi], &sub, from_right).map(|p| (lo + p) as i64))
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
        .ok_or_else(|| value_error("subsection not found"))
}
fn rindex(_: &mut Interp, a: Args) -> R {
    search(&a, "rindex", true)?
        .map(Value::Int)
        .ok_or_else(|| value_error("subsection not found"))
}

fn count(_: &mut Interp, a: Args) -> R {
    let [sub, ..] = super::str::finds("count", owner(&a)).bind::<3>(&a)?;
    let sub = needle(given(sub)?)?;
    let t = this(&a);
    let (lo, hi) = window(&a, t.len())?;
    let hay = &t[lo.min(hi)..hi];
    if super::str::start_past_end(&a, t.len()) {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    Ok(Value::Int(occurrences(hay, &sub).len() as i64))
}

fn affix(a: &Args, m: &str, at_end: bool) -> R {
    let [p, ..] = super::str::finds(m, owner(a)).bind::<3>(a)?;
    let p = given(p)?;
    let t = this(a);
    let (lo, hi) = window(a, t.len())?;
    let hay = &t[lo.min(hi)..hi];
    // A start past the end matches nothing, not even `b''`; the argument is checked all the same.
    let past = super::str::start_past_end(a, t.len());
    let test = |x: &[u8]| {
        !past
            && if at_end {
                hay.ends_with(x)
            } else {
                hay.starts_with(x)
            }
    };
    let wrong = |v: &Value| {
        type_error(format!(
            "{m} first arg must be bytes or a tuple of bytes, not {}",
            v.type_name()
        ))
    };
    match p {
        Value::Tuple(xs) => {
            for x in xs.iter() {
                let x = bytes_like(x).ok_or_else(|| {
                    type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        x.type_name()
                    ))
                })?;
                if test(&x) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let x = bytes_like(other).ok_or_else(|| wrong(other))?;
            Ok(Value::Bool(test(&x)))
        }
    }
}
fn startswith(_: &mut Interp, a: Args) -> R {
    affix(&a, "startswith", false)
}
fn endswith(_: &mut Interp, a: Args) -> R {
    affix(&a, "endswith", true)
}

fn split_at_sep(a: &Args, m: &str, from_right: bool) -> R {
    let [sep] = bind_pos(a, m, &["sep"], 1)?;
    let sep = arg_bytes(given(sep)?)?;
    let t = this(a);
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let parts = match position(&t, &sep, from_right) {
        Some(p) => [t[..p].to_vec(), sep.to_vec(), t[p + sep.len()..].to_vec()],
        None if from_right => [vec![], vec![], t.to_vec()],
        None => [t.to_vec(), vec![], vec![]],
    };
    let items = parts
        .into_iter()
        .map(|p| same(a, p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Value::tuple(items))
}
fn partition(_: &mut Interp, a: Args) -> R {
    split_at_sep(&a, "partition", false)
}
fn rpartition(_: &mut Interp, a: Args) -> R {
    split_at_sep(&a, "rpartition", true)
}

/// Lines end at `\n`, `\r` or `\r\n` only (bytes know no other boundaries).
fn splitlines(it: &mut Interp, a: Args) -> R {
    let keep = super::text::keepends_arg(it, &a, "splitlines")?;
    let t = this(&a);
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < t.len() {
        let b = t[i];
        if b == b'\n' || b == b'\r' {
            let mut end = i + 1;
            if b == b'\r' && t.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(t[start..if keep { end } else { i }].to_vec());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < t.len() {
        out.push(t[start..].to_vec());
    }
    same_list(&a, out)
}

/// `center(width, fillchar=b' ', /)` and its kin.
fn width_fill(a: &Args, m: &str) -> Result<(usize, u8), Exc> {
    let [width, fill] = bind_pos(a, m, &["width", "fillchar"], 1)?;
    let w = alloc::count(ssize(given(width)?)?);
    let fill = match fill {
        None => b' ',
        Some(v) => match bytes_like(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(type_error(format!(
                    "{m}() argument 2 must be a byte string of length 1, not {}",
                    v.type_name()
                )));
            }
        },
    };
    Ok((w, fill))
}

fn pad(a: &Args, m: &str, left_of: fn(usize, usize) -> usize) -> R {
    let t = this(a);
    let (w, fill) = width_fill(a, m)?;
    if t.len() >= w {
        return same(a, t.to_vec());
    }
    let total = w - t.len();
    let left = left_of(total, w);
    let mut out = alloc::repeat_bytes(&[fill], left)?;
    out.extend_from_slice(&t);
    out.extend(alloc::repeat_bytes(&[fill], total - left)?);
    same(a, out)
}
fn center(_: &mut Interp, a: Args) -> R {
    // CPython: `left = marg / 2 + (marg & width & 1)`.
    pad(&a, "center", |total, w| total / 2 + (total & w & 1))
}
fn ljust(_: &mut Interp, a: Args) -> R {
    pad(&a, "ljust", |_, _| 0)
}
fn rjust(_: &mut Interp, a: Args) -> R {
    pad(&a, "rjust", |total, _| total)
}

fn zfill(_: &mut Interp, a: Args) -> R {
    let [width] = bind_pos(&a, "zfill", &["width"], 1)?;
    let w = alloc::count(ssize(given(width)?)?);
    let t = this(&a);
    if t.len() >= w {
        return same(&a, t.to_vec());
    }
    let (sign, rest) = match t.first() {
        Some(&c @ (b'+' | b'-')) => (vec![c], &t[1..]),
        _ => (vec![], &t[..]),
    };
    let mut out = sign;
    out.extend(alloc::repeat_bytes(b"0", w - t.len())?);
    out.extend_from_slice(rest);
    same(&a, out)
}

fn expandtabs(_: &mut Interp, a: Args) -> R {
    let size = super::text::tabsize(&a)?;
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &b in this(&a).iter() {
        match b {
            b'\t' if size > 0 => {
                let n = size - col % size;
                out.extend(alloc::repeat_bytes(b" ", n as usize)?);
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    same(&a, out)
}

fn removeprefix(_: &mut Interp, a: Args) -> R {
    let [p] = bind_pos(&a, "removeprefix", &["prefix"], 1)?;
    let p = arg_bytes(given(p)?)?;
    let t = this(&a);
    same(&a, t.strip_prefix(&*p).unwrap_or(&t).to_vec())
}
fn removesuffix(_: &mut Interp, a: Args) -> R {
    let [p] = bind_pos(&a, "removesuffix", &["suffix"], 1)?;
    let p = arg_bytes(given(p)?)?;
    let t = this(&a);
    same(&a, t.strip_suffix(&*p).unwrap_or(&t).to_vec())
}

/// `b.translate(table, /, delete=b'')`: `table` is 256 bytes or `None`.
fn translate(_: &mut Interp, a: Args) -> R {
    let [table, delete] = Sig::c("translate", &["table", "delete"], 1)
        .posonly(1)
        .method()
        .bind(&a)?;
    let t = this(&a);
    let table = match given(table)? {
        Value::None => None,
        v => {
            let tb = arg_bytes(v)?;
            if tb.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(tb)
        }
    };
    let delete = match delete {
        Some(v) => arg_bytes(v)?,
        None => ThinRc::from(&b""[..]),
    };
    let out = t
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |tb| tb[b as usize]))
        .collect();
    same(&a, out)
}

fn maketrans_method(it: &mut Interp, mut a: Args) -> R {
    a.pos.remove(0);
    maketrans(it, a)
}

/// `bytes.maketrans(from, to)`: the 256-byte table mapping each byte of `from` to `to`'s.
pub fn maketrans(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("maketrans", "bytes", &["frm", "to"], 2).bind::<2>(&a)?;
    let (from, to) = (arg_bytes(&a.pos[0])?, arg_bytes(&a.pos[1])?);
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(Value::Bytes(ThinRc::from(table)))
}

fn hex(_: &mut Interp, a: Args) -> R {
    hex_of(&this(&a), &a)
}

/// `b.hex(sep=..., bytes_per_sep=1)` (and a memoryview's) of the bytes `t`: groups counted from
/// the right, or from the left when `bytes_per_sep` is negative.
pub(super) fn hex_of(t: &[u8], a: &Args) -> R {
    let [sep, per] = Sig::c("hex", &["sep", "bytes_per_sep"], 0)
        .method()
        .bind(a)?;
    let sep = match sep {
        None => None,
        Some(Value::Str(s)) if s.chars().count() == 1 && !s.is_ascii() => {
            return Err(value_error("sep must be ASCII."));
        }
        Some(Value::Str(s)) if s.chars().count() == 1 => s.chars().next(),
        Some(v) => match bytes_like(v) {
            Some(b) if b.len() == 1 => Some(b[0] as char),
            Some(_) => return Err(value_error("sep must be length 1.")),
            None if matches!(v, Value::Str(_)) => return Err(value_error("sep must be length 1.")),
            None if matches!(v, Value::Int(_) | Value::Float(_) | Value::None) => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )));
            }
            None => return Err(type_error("sep must be str or bytes.")),
        },
    };
    let per = per.map_or(Ok(1), ssize)?;
    let mut out = String::with_capacity(t.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in t.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if per > 0 {
                (t.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(Value::Str(PyStr::from(out)))
}

/// `b''.fromhex(text)`: the classmethod reached from an instance, which it ignores.
fn fromhex_method(_: &mut Interp, mut a: Args) -> R {
    let owner = owner(&a);
    a.pos.remove(0);
    Ok(Value::Bytes(ThinRc::from(hex_text(&a, owner)?)))
}

/// `bytes.fromhex(text)`: pairs of hex digits, ASCII whitespace allowed between pairs.
pub fn fromhex(_: &mut Interp, a: Args) -> R {
    Ok(Value::Bytes(ThinRc::from(hex_text(&a, "bytes")?)))
}

/// The bytes `owner.fromhex(string, /)` makes of its one argument.
pub(super) fn hex_text(a: &Args, owner: &str) -> Result<Vec<u8>, Exc> {
    let [text] = Sig::c_pos("fromhex", owner, &["string"], 1).bind(a)?;
    match given(text)? {
        Value::Str(s) => parse_hex(s),
        other => Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            other.type_name()
        ))),
    }
}

pub fn parse_hex(text: &str) -> Result<Vec<u8>, Exc> {
    let cs: Vec<char> = text.chars().collect();
    let bad = |i: usize| {
        value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() || cs[i] == '\x0b' {
            i += 1;
            continue;
        }
        let hi = cs[i]
            .to_digit(16)
            .filter(|_| cs[i].is_ascii())
            .ok_or_else(|| bad(i))?;
        let lo = cs
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_occurrences() {
        assert_eq!(position(b"hello", b"l", false), Some(2));
        assert_eq!(position(b"hello", b"l", true), Some(3));
        assert_eq!(position(b"he", b"hello", false), None);
        assert_eq!(occurrences(b"aaaa", b"aa"), [0, 2]);
    }

    #[test]
    fn fromhex_reports_the_first_bad_position() {
        crate::python::exceptions::install();
        assert_eq!(parse_hex("00 ff\t61").unwrap(), [0, 255, 0x61]);
        assert!(parse_hex("0g").is_err());
        assert!(parse_hex("0").is_err());
    }
}
