//! `str.format` and `str.format_map`, parsed as CPython 3.11's `unicode_format.h` parses them: the
//! same walk over literal text and `{field!conv:spec}`, the same automatic/manual numbering state,
//! the same two levels of nested specs, and CPython's words for every malformed string. The string
//! is walked as bytes: every character the grammar looks at is ASCII, so each index where one
//! stands is a char boundary and the text between them is copied a run at a time.

use crate::python::exceptions::{Exc, ExcKind, value_error};
use crate::python::interp::Interp;
use crate::python::value::{PyStr, Value};

/// Where `{name}` fields are looked up: `format`'s keyword arguments, or `format_map`'s mapping
/// (any object with `__getitem__`, read key by key as CPython does).
#[derive(Clone, Copy)]
pub enum Names<'a> {
    Keywords(&'a [(PyStr, Value)]),
    Mapping(&'a Value),
}

/// Which way `{}` and `{0}` fields are numbered; a string may not mix them.
#[derive(PartialEq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

struct State<'a> {
    /// `None` under `format_map`, which has no positional arguments.
    args: Option<&'a [Value]>,
    names: Names<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// `fmt.format(*args, **kwargs)`.
pub fn format(
    it: &mut Interp,
    fmt: &str,
    args: &[Value],
    kwargs: &[(PyStr, Value)],
) -> Result<String, Exc> {
    let mut st = State {
        args: Some(args),
        names: Names::Keywords(kwargs),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    build(it, fmt, &mut st, 2)
}

/// `fmt.format_map(mapping)`.
pub fn format_map(it: &mut Interp, fmt: &str, mapping: &Value) -> Result<String, Exc> {
    let mut st = State {
        args: None,
        names: Names::Mapping(mapping),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    build(it, fmt, &mut st, 2)
}

/// One replacement field as the parser found it.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_has_fields: bool,
}

/// PEP 3101 allows a spec to hold fields, but those fields no more: `depth` counts what is left.
fn build(it: &mut Interp, fmt: &str, st: &mut State, depth: u32) -> Result<String, Exc> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len() + 16);
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Literal text up to the next brace.
        let start = i;
        while i < b.len() && b[i] != b'{' && b[i] != b'}' {
            i += 1;
        }
        out.push_str(&fmt[start..i]);
        if i == b.len() {
            break;
        }
        let c = b[i];
        i += 1;
        let doubled = b.get(i) == Some(&c);
        if c == b'}' && !doubled {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c == b'{' && i == b.len() {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if doubled {
            out.push(c as char);
            i += 1;
            continue;
        }
        let (field, next) = parse_field(fmt, i)?;
        i = next;
        render(it, &field, st, depth, &mut out)?;
    }
    Ok(out)
}

/// Parses the field starting at byte `i` (just past its `{`); returns it and where the text goes on.
fn parse_field(fmt: &str, mut i: usize) -> Result<(Field<'_>, usize), Exc> {
    let b = fmt.as_bytes();
    let name_start = i;
    let mut c = 0u8;
    while i < b.len() {
        c = b[i];
        i += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            // An index may hold any character but `]`, even `:` or `!`.
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    if !matches!(c, b'}' | b':' | b'!') {
        return Err(value_error("expected '}' before end of string"));
    }
    let name = &fmt[name_start..i - 1];
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        spec_has_fields: false,
    };
    if c == b'}' {
        return Ok((field, i));
    }
    if c == b'!' {
        let Some(conv) = fmt[i..].chars().next() else {
            return Err(value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        field.conversion = Some(conv);
        i += conv.len_utf8();
        if i < b.len() {
            let after = b[i];
            i += 1;
            if after == b'}' {
                return Ok((field, i));
            }
            if after != b':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = i;
    let mut count = 1;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'{' {
            field.spec_has_fields = true;
            count += 1;
        } else if c == b'}' {
            count -= 1;
            if count == 0 {
                field.spec = &fmt[spec_start..i - 1];
                return Ok((field, i));
            }
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// The value of `field`, converted, formatted with its (expanded) spec, onto `out`.
fn render(
    it: &mut Interp,
    field: &Field,
    st: &mut State,
    depth: u32,
    out: &mut String,
) -> Result<(), Exc> {
    let mut v = field_object(it, field.name, st)?;
    if let Some(conv) = field.conversion {
        v = Value::Str(PyStr::from(match conv {
            'r' => it.repr(&v)?,
            's' => it.str_of(&v)?,
            'a' => super::ascii_of(&it.repr(&v)?),
            c if (c as u32) > 32 && (c as u32) < 127 => {
                return Err(value_error(format!("Unknown conversion specifier {c}")));
            }
            c => {
                return Err(value_error(format!(
                    "Unknown conversion specifier \\x{:x}",
                    c as u32
                )));
            }
        }));
    }
    if field.spec_has_fields {
        let spec = build(it, field.spec, st, depth - 1)?;
        it.format_into(out, &v, &spec)
    } else {
        it.format_into(out, &v, field.spec)
    }
}

/// A run of decimal digits as an index: `None` if `s` is empty or holds anything else.
fn integer(s: &str) -> Result<Option<usize>, Exc> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s.chars() {
        let Some(d) = crate::python::methods::decimal_value(c) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// The object a field name names: the first part picks an argument (by position, automatic or
/// manual, or by name), then each `.attr` and `[key]` walks on from it.
fn field_object(it: &mut Interp, name: &str, st: &mut State) -> Result<Value, Exc> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut index = integer(first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if st.numbering == Numbering::Unset {
            st.numbering = if empty {
                Numbering::Auto
            } else {
                Numbering::Manual
            };
        }
        match (&st.numbering, empty) {
            (Numbering::Manual, true) => {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            (Numbering::Auto, false) => {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            _ => {}
        }
        if empty {
            index = Some(st.next_auto);
            st.next_auto += 1;
        }
    }
    let mut obj = match index {
        None => match st.names {
            Names::Keywords(kw) => kw
                .iter()
                .find(|(k, _)| **k == *first)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| Exc::with_args(ExcKind::KeyError, vec![Value::str(first)]))?,
            Names::Mapping(m) => it.getitem(m, &Value::str(first))?,
        },
        Some(n) => {
            let Some(args) = st.args else {
                return Err(value_error("Format string contains positional fields"));
            };
            args.get(n).cloned().ok_or_else(|| {
                Exc::new(
                    ExcKind::IndexError,
                    format!("Replacement index {n} out of range for positional args tuple"),
                )
            })?
        }
    };
    let b = name.as_bytes();
    let mut i = first_end;
    while i < b.len() {
        let c = b[i];
        i += 1;
        let start = i;
        match c {
            b'.' => {
                while i < b.len() && b[i] != b'.' && b[i] != b'[' {
                    i += 1;
                }
                let attr = &name[start..i];
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                obj = it.getattr(&obj, attr)?;
            }
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
                if i == b.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                let key = &name[start..i];
                i += 1;
                let key = match integer(key)? {
                    _ if key.is_empty() => {
                        return Err(value_error("Empty attribute in format string"));
                    }
                    Some(n) => Value::Int(n as i64),
                    None => Value::str(key),
                };
                obj = it.getitem(&obj, &key)?;
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
    }
    Ok(obj)
}

#[cfg(test)]
mod tests {
    use crate::python::tests::{out, run};

    #[test]
    fn numbering_may_not_switch() {
        for (src, word) in [
            (
                "'{0} {}'.format(1, 2)",
                "manual field specification to automatic",
            ),
            (
                "'{} {0}'.format(1, 2)",
                "automatic field numbering to manual",
            ),
        ] {
            let (code, _, err) = run(&format!("print({src})"));
            assert_eq!(code, 1);
            assert!(err.contains(word), "{src}: {err}");
        }
        assert_eq!(out("print('{:{}}'.format(3.14159, '.2f'))"), "3.14\n");
    }

    #[test]
    fn format_map_reads_any_mapping() {
        let src = "class D(dict):\n    def __missing__(self, k): return k * 2\n\
                   class M:\n    def __getitem__(self, k): return k.upper()\n\
                   print('{a}{b}'.format_map(D(a=1)), '{x[y]}'.format_map({'x': {'y': 3}}), \
                   '{q}'.format_map(M()))";
        assert_eq!(out(src), "1bb 3 Q\n");
    }
}
