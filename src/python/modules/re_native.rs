//! `_re`: the matching engine under `re` (`src/python/lib/re.py`), as CPython has `_sre` in C.
//! Matching is the inner loop of a word count or a log parser, so it runs in Rust on the
//! `fancy-regex` crate (a backtracking engine with backreferences and lookaround, which Python's
//! `re` has). Python's pattern syntax is translated into the crate's where the two differ
//! ([`translate`]); positions cross in code points, as Python counts them.

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fancy_regex::Regex;

use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, PyStr, Value};

use super::make_module;

type R = Result<Value, Exc>;

// Python's flag values (`re.IGNORECASE` is 2...), the ones a str pattern can carry.
const IGNORECASE: i64 = 2;
const LOCALE: i64 = 4;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const UNICODE: i64 = 32;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

pub fn module() -> Value {
    make_module(
        "_re",
        &[
            ("compile_info", compile_info),
            ("scan", scan),
            ("scan_all", scan_all),
            ("findall", findall),
            ("split", split),
            ("sub", sub),
        ],
        vec![],
    )
}

/// A Python pattern in the crate's syntax, with the flags its leading `(?aimsx)` group adds.
#[derive(Debug, PartialEq)]
pub struct Translated {
    pub regex: String,
    pub flags: i64,
}

/// What `re.error` says, and where in the pattern.
#[derive(Debug, PartialEq)]
pub struct PatternError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn err(msg: impl Into<String>, pos: usize) -> PatternError {
    PatternError {
        msg: msg.into(),
        pos: Some(pos),
    }
}

fn flag_of(c: char) -> Option<i64> {
    Some(match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'u' => UNICODE,
        'x' => VERBOSE,
        'a' => ASCII,
        _ => return None,
    })
}

/// Whether `p[i..]` (just after a `{`) is a repeat count `m}`, `m,}`, `,n}` or `m,n}`: the
/// length up to and including the `}`, and the text the crate takes for it (`{,n}` is `{0,n}`).
fn repeat_count(p: &[char], i: usize) -> Option<(usize, String)> {
    let mut j = i;
    let mut lo = String::new();
    while j < p.len() && p[j].is_ascii_digit() {
        lo.push(p[j]);
        j += 1;
    }
    let mut hi = None;
    if j < p.len() && p[j] == ',' {
        j += 1;
        let mut h = String::new();
        while j < p.len() && p[j].is_ascii_digit() {
            h.push(p[j]);
            j += 1;
        }
        hi = Some(h);
    }
    if j >= p.len() || p[j] != '}' || (lo.is_empty() && hi.is_none()) {
        return None;
    }
    let lo = if lo.is_empty() { "0".to_string() } else { lo };
    let text = match hi {
        None => format!("{{{lo}}}"),
        Some(h) => format!("{{{lo},{h}}}"),
    };
    Some((j + 1 - i, text))
}

/// Translate a Python `re` pattern into `fancy-regex` syntax. Where the two differ: `(?P=name)`
/// is `\k<name>`; `\Z` is `\z`; `$` without MULTILINE also matches before a final newline; a `{`
/// that is not a repeat count is a literal; `[` and `&`/`~` inside a set are literals; `\d\w\s`
/// are ASCII under re.ASCII; `(?#...)` is a comment. Python's own errors (an unbalanced
/// parenthesis, nothing to repeat, a bad escape) are found here, with Python's words.
pub fn translate(pattern: &str, flags: i64) -> Result<Translated, PatternError> {
    let p: Vec<char> = pattern.chars().collect();
    let mut flags = flags;
    let mut i = 0;
    // The global inline flags at the start, `(?aim)`, are the pattern's flags.
    while i + 2 < p.len() && p[i] == '(' && p[i + 1] == '?' && flag_of(p[i + 2]).is_some() {
        let mut j = i + 2;
        let mut f = 0;
        while j < p.len() && flag_of(p[j]).is_some() {
            f |= flag_of(p[j]).unwrap();
            j += 1;
        }
        if j < p.len() && p[j] == ')' {
            flags |= f;
            i = j + 1;
        } else {
            break;
        }
    }
    if flags & ASCII != 0 && flags & UNICODE != 0 {
        return Err(PatternError {
            msg: "ASCII and UNICODE flags are incompatible".into(),
            pos: None,
        });
    }
    let ascii = flags & ASCII != 0;
    let verbose = flags & VERBOSE != 0;
    let mut out = String::from("(?");
    for (f, c) in [
        (IGNORECASE, 'i'),
        (MULTILINE, 'm'),
        (DOTALL, 's'),
        (VERBOSE, 'x'),
    ] {
        if flags & f != 0 {
            out.push(c);
        }
    }
    out.push(':');
    if out == "(?:" {
        out.clear();
    }
    let wrapped = !out.is_empty();
    let mut open: Vec<usize> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    // Whether the last item can take a repeat (`*`, `+`, `?`, `{m,n}`), and whether it already
    // is one (a second is "multiple repeat", except the lazy `?` and possessive `+`).
    let mut can_repeat = false;
    let mut repeated = false;
    // Whether that repeat already has its lazy `?` or possessive `+`.
    let mut modified = false;
    // Capturing groups opened so far: a backreference may name only those.
    let mut groups = 0usize;
    while i < p.len() {
        let c = p[i];
        match c {
            '\\' => {
                let Some(&e) = p.get(i + 1) else {
                    return Err(err("bad escape (end of pattern)", i));
                };
                let (text, len) = escape(e, ascii, false, &p, i)?;
                if e.is_ascii_digit() && e != '0' {
                    // A backreference: up to two digits, to a group already opened.
                    let mut j = i + 1;
                    let mut n = 0usize;
                    while j < p.len() && p[j].is_ascii_digit() && j < i + 3 {
                        n = n * 10 + p[j].to_digit(10).unwrap() as usize;
                        j += 1;
                    }
                    if n > groups {
                        return Err(err(format!("invalid group reference {n}"), i + 1));
                    }
                    out.push_str(&format!("\\{n}"));
                    i = j;
                } else {
                    out.push_str(&text);
                    i += len;
                }
                can_repeat = !matches!(e, 'A' | 'Z' | 'b' | 'B');
                repeated = false;
            }
            '[' => {
                let start = i;
                out.push('[');
                i += 1;
                if p.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                let mut first = true;
                loop {
                    let Some(&d) = p.get(i) else {
                        return Err(err("unterminated character set", start));
                    };
                    match d {
                        ']' if !first => {
                            out.push(']');
                            i += 1;
                            break;
                        }
                        '\\' => {
                            let Some(&e) = p.get(i + 1) else {
                                return Err(err("bad escape (end of pattern)", i));
                            };
                            let (text, len) = escape(e, ascii, true, &p, i)?;
                            out.push_str(&text);
                            i += len;
                        }
                        '[' | ']' | '&' | '~' | '#' | ' ' | '\t' | '\n' => {
                            out.push_str(&format!("\\x{{{:x}}}", d as u32));
                            i += 1;
                        }
                        '-' if p.get(i + 1) == Some(&'-') => {
                            out.push_str("\\-");
                            i += 1;
                        }
                        _ => {
                            out.push(d);
                            i += 1;
                        }
                    }
                    first = false;
                }
                can_repeat = true;
                repeated = false;
            }
            '(' => {
                if p.get(i + 1) == Some(&'?') {
                    let rest: String = p[i + 2..].iter().take(3).collect();
                    if rest.starts_with('#') {
                        // A comment: nothing of it reaches the engine.
                        let Some(end) = p[i..].iter().position(|&x| x == ')') else {
                            return Err(err("missing ), unterminated comment", i));
                        };
                        i += end + 1;
                        continue;
                    }
                    if rest.starts_with("P=") {
                        let Some(end) = p[i..].iter().position(|&x| x == ')') else {
                            return Err(err("missing ), unterminated name", i + 4));
                        };
                        let name: String = p[i + 4..i + end].iter().collect();
                        if !names.contains(&name) {
                            return Err(err(format!("unknown group name '{name}'"), i + 4));
                        }
                        out.push_str(&format!("\\k<{name}>"));
                        i += end + 1;
                        can_repeat = true;
                        repeated = false;
                        continue;
                    }
                    if rest.starts_with("P<") {
                        let Some(end) = p[i..].iter().position(|&x| x == '>') else {
                            return Err(err("missing >, unterminated name", i + 4));
                        };
                        let name: String = p[i + 4..i + end].iter().collect();
                        if name.is_empty() {
                            return Err(err("missing group name", i + 4));
                        }
                        if !(name.chars().next().unwrap().is_alphabetic() || name.starts_with('_'))
                            || !name.chars().all(|x| x.is_alphanumeric() || x == '_')
                        {
                            return Err(err(
                                format!("bad character in group name '{name}'"),
                                i + 4,
                            ));
                        }
                        if names.contains(&name) {
                            return Err(err(
                                format!(
                                    "redefinition of group name '{name}' as group {}; was group {}",
                                    names.len() + 1,
                                    names.iter().position(|n| *n == name).unwrap() + 1
                                ),
                                i + 4,
                            ));
                        }
                        names.push(name.clone());
                        groups += 1;
                        out.push_str(&format!("(?P<{name}>"));
                        open.push(i);
                        i += end + 1;
                        can_repeat = false;
                        continue;
                    }
                    if let Some(&f) = p.get(i + 2)
                        && (flag_of(f).is_some() || f == '-')
                    {
                        // Scoped flags `(?i:...)`, `(?-i:...)`; global ones only at the start.
                        let mut j = i + 2;
                        let mut letters = String::new();
                        while j < p.len() && (flag_of(p[j]).is_some() || p[j] == '-') {
                            if !matches!(p[j], 'a' | 'u' | 'L') {
                                letters.push(p[j]);
                            }
                            j += 1;
                        }
                        if p.get(j) == Some(&')') {
                            return Err(err("global flags not at the start of the expression", i));
                        }
                        if p.get(j) != Some(&':') {
                            return Err(err("missing :", j));
                        }
                        out.push_str(&format!("(?{letters}:"));
                        open.push(i);
                        i = j + 1;
                        can_repeat = false;
                        continue;
                    }
                    // (?:  (?=  (?!  (?<=  (?<!  (?>: the crate has them as Python does.
                    let known = ["?:", "?=", "?!", "?<=", "?<!", "?>"];
                    let here: String = p[i + 1..].iter().take(3).collect();
                    let Some(k) = known.iter().find(|k| here.starts_with(**k)) else {
                        let what: String = p[i + 1..].iter().take(2).collect();
                        return Err(err(format!("unknown extension {what}"), i + 1));
                    };
                    out.push('(');
                    out.push_str(k);
                    open.push(i);
                    i += 1 + k.len();
                    can_repeat = false;
                    continue;
                }
                out.push('(');
                open.push(i);
                groups += 1;
                i += 1;
                can_repeat = false;
            }
            ')' => {
                if open.pop().is_none() {
                    return Err(err("unbalanced parenthesis", i));
                }
                out.push(')');
                i += 1;
                can_repeat = true;
                repeated = false;
            }
            '*' | '+' | '?' | '{' => {
                let count = if c == '{' {
                    repeat_count(&p, i + 1)
                } else {
                    None
                };
                if c == '{' && count.is_none() {
                    // Not a repeat count: Python takes the brace as itself.
                    out.push_str("\\{");
                    i += 1;
                    can_repeat = true;
                    repeated = false;
                    continue;
                }
                if repeated && !modified && (c == '?' || c == '+') {
                    // `*?` lazy, `*+` possessive: one modifier after a repeat.
                    out.push(c);
                    i += 1;
                    modified = true;
                    continue;
                }
                if repeated || !can_repeat {
                    let what = if repeated {
                        "multiple repeat"
                    } else {
                        "nothing to repeat"
                    };
                    return Err(err(what, i));
                }
                match count {
                    Some((len, text)) => {
                        out.push_str(&text);
                        i += 1 + len;
                    }
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
                repeated = true;
                modified = false;
            }
            '$' => {
                out.push_str(if flags & MULTILINE != 0 {
                    "(?m:$)"
                } else {
                    "(?=\\n?\\z)"
                });
                i += 1;
                can_repeat = false;
                repeated = false;
            }
            '#' if verbose => {
                while i < p.len() && p[i] != '\n' {
                    i += 1;
                }
            }
            c if verbose && c.is_whitespace() => {
                i += 1;
            }
            '}' => {
                out.push_str("\\}");
                i += 1;
                can_repeat = true;
                repeated = false;
            }
            '|' | '^' => {
                out.push(c);
                i += 1;
                can_repeat = false;
                repeated = false;
            }
            _ => {
                out.push(c);
                i += 1;
                can_repeat = true;
                repeated = false;
            }
        }
    }
    if let Some(&at) = open.last() {
        return Err(err("missing ), unterminated subpattern", at));
    }
    if wrapped {
        out.push(')');
    }
    if flags & ASCII == 0 {
        flags |= UNICODE;
    }
    Ok(Translated { regex: out, flags })
}

/// One escape `\e` of a Python pattern in the crate's syntax (`in_set`: inside `[...]`).
fn escape(
    e: char,
    ascii: bool,
    in_set: bool,
    p: &[char],
    at: usize,
) -> Result<(String, usize), PatternError> {
    let set = |s: &str| {
        if in_set {
            s.to_string()
        } else {
            format!("[{s}]")
        }
    };
    // Python's \s also takes the separators \x1c-\x1f, which Unicode's White_Space leaves out.
    let text = match e {
        'd' if ascii => set("0-9"),
        'w' if ascii => set("a-zA-Z0-9_"),
        's' if ascii => set("\\t\\n\\x0b\\x0c\\r "),
        'D' if ascii => "[^0-9]".into(),
        'W' if ascii => "[^a-zA-Z0-9_]".into(),
        'S' if ascii => "[^\\t\\n\\x0b\\x0c\\r ]".into(),
        's' => set("\\s\\x1c-\\x1f"),
        'S' if !in_set => "[^\\s\\x1c-\\x1f]".into(),
        'b' if in_set => "\\x08".into(),
        'Z' if !in_set => "\\z".into(),
        'A' | 'b' | 'B' if !in_set => format!("\\{e}"),
        'd' | 'w' | 'D' | 'W' | 'S' | 'n' | 't' | 'r' | 'f' | 'v' | 'a' => format!("\\{e}"),
        'x' | 'u' | 'U' => {
            let n = match e {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let hex: String = p
                .iter()
                .skip(at + 2)
                .take(n)
                .take_while(|c| c.is_ascii_hexdigit())
                .collect();
            if hex.len() != n {
                return Err(err(format!("incomplete escape \\{e}{hex}"), at));
            }
            return Ok((format!("\\x{{{hex}}}"), 2 + n));
        }
        // An octal escape: \0, \012, or any digits inside a set.
        c if c == '0' || (in_set && c.is_digit(8)) => {
            let digits: String = p[at + 1..]
                .iter()
                .take(3)
                .take_while(|d| d.is_digit(8))
                .collect();
            let code = u32::from_str_radix(&digits, 8).unwrap_or(0);
            return Ok((format!("\\x{{{code:x}}}"), 1 + digits.len()));
        }
        c if c.is_ascii_digit() && !in_set => format!("\\{c}"),
        c if c.is_ascii_alphanumeric() => return Err(err(format!("bad escape \\{c}"), at)),
        c => format!("\\x{{{:x}}}", c as u32),
    };
    Ok((text, 2))
}

thread_local! {
    /// Compiled patterns by (pattern, flags, whole): a program compiles its few patterns once,
    /// as CPython's `re` caches them.
    static CACHE: RefCell<HashMap<(String, i64, bool), Rc<Regex>>> = RefCell::new(HashMap::new());
}

/// The `re.error` raised for a bad pattern: `_re` raises ValueError("msg\0pos") and re.py makes
/// it the `re.error` with the pattern and position.
fn pattern_error(e: PatternError) -> Exc {
    let pos = e.pos.map(|p| p.to_string()).unwrap_or_default();
    Exc::new(ExcKind::ValueError, format!("{}\0{pos}", e.msg))
}

fn compiled(pattern: &str, flags: i64, whole: bool) -> Result<Rc<Regex>, Exc> {
    let key = (pattern.to_string(), flags, whole);
    if let Some(r) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(r);
    }
    let t = translate(pattern, flags).map_err(pattern_error)?;
    let text = if whole {
        format!("(?:{})\\z", t.regex)
    } else {
        t.regex
    };
    let r = Rc::new(Regex::new(&text).map_err(|e| {
        pattern_error(PatternError {
            msg: e.to_string(),
            pos: None,
        })
    })?);
    CACHE.with(|c| c.borrow_mut().insert(key, r.clone()));
    Ok(r)
}

fn str_arg(a: &Args, i: usize, what: &str) -> Result<PyStr, Exc> {
    match a.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(v) => Err(type_error(format!(
            "expected string or bytes-like object, got '{}' ({what})",
            v.type_name()
        ))),
        None => Err(type_error(format!("_re: missing {what}"))),
    }
}

fn int_arg(a: &Args, i: usize) -> Result<i64, Exc> {
    match a.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        _ => Err(type_error("_re: an int argument is needed")),
    }
}

/// `compile_info(pattern, flags)`: `(groups, [(name, index)...], flags)`, or re.error.
fn compile_info(_: &mut Interp, a: Args) -> R {
    let pattern = str_arg(&a, 0, "pattern")?;
    let flags = int_arg(&a, 1)?;
    let t = translate(&pattern, flags).map_err(pattern_error)?;
    let r = compiled(&pattern, flags, false)?;
    let names: Vec<Value> = r
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| Value::tuple(vec![Value::str(n), Value::Int(i as i64)])))
        .collect();
    Ok(Value::tuple(vec![
        Value::Int(r.captures_len() as i64 - 1),
        Value::list(names),
        Value::Int(t.flags),
    ]))
}

/// Byte offsets of `s` at each code point index (and one past the end).
fn char_starts(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    v.push(s.len());
    v
}

/// A byte offset as a code point index.
fn index_of(starts: &[usize], byte: usize) -> i64 {
    starts.binary_search(&byte).unwrap_or_else(|i| i) as i64
}

/// Python's `pos`/`endpos` clamped to the string, as code point indices.
fn bounds(a: &Args, n: usize) -> Result<(usize, usize), Exc> {
    let clamp = |v: i64| v.clamp(0, n as i64) as usize;
    let pos = clamp(int_arg(a, 3)?);
    let end = clamp(int_arg(a, 4)?);
    Ok((pos, end.max(pos)))
}

/// The spans of a match's groups, flat: `[start0, end0, start1, end1...]`, -1 for a group that
/// took no part.
fn spans(c: &fancy_regex::Captures<'_, str>, starts: &[usize]) -> Vec<Value> {
    let mut v = Vec::with_capacity(c.len() * 2);
    for g in 0..c.len() {
        match c.get(g) {
            Some(m) => {
                v.push(Value::Int(index_of(starts, m.start())));
                v.push(Value::Int(index_of(starts, m.end())));
            }
            None => {
                v.push(Value::Int(-1));
                v.push(Value::Int(-1));
            }
        }
    }
    v
}

fn engine_error(e: fancy_regex::Error) -> Exc {
    Exc::new(
        ExcKind::RuntimeError,
        format!("the pattern could not be matched: {e}"),
    )
}

/// `scan(pattern, flags, string, pos, endpos, mode)`: the first match's spans or None; `mode` 0
/// searches, 1 matches at `pos`, 2 matches the whole of `string[pos:endpos]`.
fn scan(_: &mut Interp, a: Args) -> R {
    let pattern = str_arg(&a, 0, "pattern")?;
    let flags = int_arg(&a, 1)?;
    let string = str_arg(&a, 2, "string")?;
    let mode = int_arg(&a, 5)?;
    let starts = char_starts(&string);
    let (pos, end) = bounds(&a, starts.len() - 1)?;
    let text = &string[..starts[end]];
    let r = compiled(&pattern, flags, mode == 2)?;
    let found = r
        .captures_from_pos(text, starts[pos])
        .map_err(engine_error)?;
    Ok(match found {
        Some(c) if mode == 0 || c.get(0).unwrap().start() == starts[pos] => {
            Value::list(spans(&c, &starts))
        }
        _ => Value::None,
    })
}

/// One match: the byte span of each group, None for a group that took no part.
type Spans = Vec<Option<(usize, usize)>>;

/// Every match in `text` from byte `at`, left to right, at most `limit` (0: all), with Python's
/// rule for empty matches (one may follow a non-empty match at its end, but never another empty
/// match at the same place).
fn all_matches(r: &Regex, text: &str, mut at: usize, limit: usize) -> Result<Vec<Spans>, Exc> {
    let mut out = Vec::new();
    let mut last_empty_at: Option<usize> = None;
    while at <= text.len() && (limit == 0 || out.len() < limit) {
        let Some(c) = r.captures_from_pos(text, at).map_err(engine_error)? else {
            break;
        };
        let m = c.get(0).unwrap();
        if m.start() == m.end() && last_empty_at == Some(m.start()) {
            // Another empty match where one just was: look again one character on.
            match text[at..].chars().next() {
                Some(ch) => {
                    at += ch.len_utf8();
                    last_empty_at = None;
                    continue;
                }
                None => break,
            }
        }
        out.push(
            (0..c.len())
                .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                .collect(),
        );
        last_empty_at = (m.start() == m.end()).then_some(m.end());
        at = m.end();
    }
    Ok(out)
}

/// The string, the byte where `endpos` cuts it, its code point starts, and the matches.
type MatchesOf = (PyStr, usize, Vec<usize>, Vec<Spans>);

/// The pattern, the string cut at `endpos`, and the matches from `pos` (arguments 0-4), with the
/// string's code point starts.
fn matches_of(a: &Args, limit: usize) -> Result<MatchesOf, Exc> {
    let pattern = str_arg(a, 0, "pattern")?;
    let flags = int_arg(a, 1)?;
    let string = str_arg(a, 2, "string")?;
    let starts = char_starts(&string);
    let (pos, end) = bounds(a, starts.len() - 1)?;
    let r = compiled(&pattern, flags, false)?;
    let found = all_matches(&r, &string[..starts[end]], starts[pos], limit)?;
    Ok((string, starts[end], starts, found))
}

/// `scan_all(pattern, flags, string, pos, endpos)`: the flat spans (as `scan` gives them, in
/// code points) of every match.
fn scan_all(_: &mut Interp, a: Args) -> R {
    let (_, _, starts, found) = matches_of(&a, 0)?;
    let at = |b: usize| Value::Int(index_of(&starts, b));
    Ok(Value::list(
        found
            .iter()
            .map(|m| {
                Value::list(
                    m.iter()
                        .flat_map(|g| match g {
                            Some((s, e)) => [at(*s), at(*e)],
                            None => [Value::Int(-1), Value::Int(-1)],
                        })
                        .collect(),
                )
            })
            .collect(),
    ))
}

/// A group's text, or `default` when it took no part.
fn group_text(string: &str, g: &Option<(usize, usize)>, default: &Value) -> Value {
    match g {
        Some((s, e)) => Value::str(&string[*s..*e]),
        None => default.clone(),
    }
}

/// `findall(pattern, flags, string, pos, endpos)`: Pattern.findall made in one pass, without a
/// Match object per match (a word count finds many thousands).
fn findall(_: &mut Interp, a: Args) -> R {
    let (string, _, _, found) = matches_of(&a, 0)?;
    let empty = Value::str("");
    Ok(Value::list(
        found
            .iter()
            .map(|m| match m.len() {
                1 => group_text(&string, &m[0], &empty),
                2 => group_text(&string, &m[1], &empty),
                _ => Value::tuple(
                    m[1..]
                        .iter()
                        .map(|g| group_text(&string, g, &empty))
                        .collect(),
                ),
            })
            .collect(),
    ))
}

/// `split(pattern, flags, string, 0, len, maxsplit)`: Pattern.split, the groups kept between the
/// pieces (None for a group that took no part).
fn split(_: &mut Interp, a: Args) -> R {
    let maxsplit = int_arg(&a, 5)?;
    if maxsplit < 0 {
        return Ok(Value::list(vec![a.pos[2].clone()]));
    }
    let (string, end, _, found) = matches_of(&a, maxsplit as usize)?;
    let mut out = Vec::new();
    let mut last = 0;
    for m in &found {
        let (s, e) = m[0].unwrap();
        out.push(Value::str(&string[last..s]));
        out.extend(m[1..].iter().map(|g| group_text(&string, g, &Value::None)));
        last = e;
    }
    out.push(Value::str(&string[last..end]));
    Ok(Value::list(out))
}

/// `sub(pattern, flags, string, 0, len, count, parts)`: Pattern.subn with a template already
/// parsed into strings and group numbers (re.py parses it, with CPython's errors): the new
/// string and the number of replacements.
fn sub(_: &mut Interp, a: Args) -> R {
    let count = int_arg(&a, 5)?;
    let Some(Value::List(parts)) = a.pos.get(6) else {
        return Err(type_error("_re.sub: the template parts are a list"));
    };
    let parts = parts.borrow().clone();
    if count < 0 {
        return Ok(Value::tuple(vec![a.pos[2].clone(), Value::Int(0)]));
    }
    let (string, _, _, found) = matches_of(&a, count as usize)?;
    let mut out = String::with_capacity(string.len());
    let mut last = 0;
    for m in &found {
        let (s, e) = m[0].unwrap();
        out.push_str(&string[last..s]);
        for part in &parts {
            match part {
                Value::Str(t) => out.push_str(t),
                Value::Int(g) => {
                    if let Some(Some((gs, ge))) = m.get(*g as usize) {
                        out.push_str(&string[*gs..*ge]);
                    }
                }
                _ => return Err(type_error("_re.sub: a template part is a str or an int")),
            }
        }
        last = e;
    }
    out.push_str(&string[last..]);
    Ok(Value::tuple(vec![
        Value::str(&out),
        Value::Int(found.len() as i64),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(p: &str, flags: i64) -> String {
        translate(p, flags).unwrap().regex
    }

    fn e(p: &str) -> (String, Option<usize>) {
        let e = translate(p, 0).unwrap_err();
        (e.msg, e.pos)
    }

    #[test]
    fn python_syntax_becomes_the_crates() {
        assert_eq!(t(r"(?P<w>\w+) (?P=w)", 0), r"(?P<w>\w+) \k<w>");
        assert_eq!(t(r"a\Z", 0), r"a\z");
        assert_eq!(t("a$", 0), r"a(?=\n?\z)");
        assert_eq!(t("a$", MULTILINE), "(?m:a(?m:$))");
        assert_eq!(t("a{,3}", 0), "a{0,3}");
        assert_eq!(t("{x}", 0), r"\{x\}");
        assert_eq!(t("[[&]", 0), r"[\x{5b}\x{26}]");
        assert_eq!(t(r"\d", ASCII), "[0-9]");
        assert_eq!(t(r"[\d_]", ASCII), "[0-9_]");
        assert_eq!(t("a(?#note)b", 0), "ab");
        assert_eq!(t("x", IGNORECASE | DOTALL), "(?is:x)");
    }

    #[test]
    fn leading_inline_flags_are_the_patterns_flags() {
        let tr = translate("(?i)ab", 0).unwrap();
        assert_eq!(tr.flags, IGNORECASE | UNICODE);
        assert_eq!(tr.regex, "(?i:ab)");
        assert_eq!(translate("(?a)x", 0).unwrap().flags, ASCII);
    }

    #[test]
    fn bad_patterns_get_pythons_words() {
        assert_eq!(
            e("(ab"),
            ("missing ), unterminated subpattern".into(), Some(0))
        );
        assert_eq!(e("ab)"), ("unbalanced parenthesis".into(), Some(2)));
        assert_eq!(e("*a"), ("nothing to repeat".into(), Some(0)));
        assert_eq!(e("a**"), ("multiple repeat".into(), Some(2)));
        assert_eq!(e("[ab"), ("unterminated character set".into(), Some(0)));
        assert_eq!(e(r"\q"), (r"bad escape \q".into(), Some(0)));
        assert_eq!(e("(?P=x)"), ("unknown group name 'x'".into(), Some(4)));
        assert_eq!(
            e("a(?i)"),
            (
                "global flags not at the start of the expression".into(),
                Some(1)
            )
        );
    }

    #[test]
    fn numbered_escapes_take_their_digits() {
        assert_eq!(t(r"\x41\u00e9b", 0), r"\x{41}\x{00e9}b");
        assert_eq!(t(r"\0", 0), r"\x{0}");
        assert_eq!(t(r"[\101]", 0), r"[\x{41}]");
        assert_eq!(t(r"(a)\1", 0), r"(a)\1");
        assert_eq!(e(r"(a)\2"), ("invalid group reference 2".into(), Some(4)));
        assert_eq!(e(r"\x4"), (r"incomplete escape \x4".into(), Some(0)));
        assert_eq!(t(r"\s", 0), r"[\s\x1c-\x1f]");
    }

    #[test]
    fn matching_counts_code_points_and_follows_pythons_empty_match_rule() {
        let r = compiled("x*", 0, false).unwrap();
        let found = all_matches(&r, "axb", 0, 0).unwrap();
        let spans: Vec<_> = found.iter().map(|m| m[0].unwrap()).collect();
        assert_eq!(spans, vec![(0, 0), (1, 2), (2, 2), (3, 3)]);
        let starts = char_starts("éa");
        assert_eq!(index_of(&starts, 2), 1);
    }

    #[test]
    fn lazy_and_possessive_repeats_are_not_multiple_repeats() {
        assert_eq!(t("a*?b+?c?", 0), "a*?b+?c?");
        assert_eq!(t("a*+", 0), "a*+");
        assert_eq!(e("a+?+"), ("multiple repeat".into(), Some(3)));
    }
}
