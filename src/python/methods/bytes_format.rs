//! `bytes % args` (PEP 461): the `%` mini-language of str, where `%s`/`%b` take bytes-like
//! values only and insert their bytes, `%r`/`%a` insert `ascii(x)`, and `%c` takes an int or one
//! byte. Each conversion is one call of str's `%` formatter on a single value (numbers are ASCII;
//! bytes travel through it as Latin-1 text, one char per byte), so widths, precisions and flags
//! mean exactly what they mean for str.

use crate::python::exceptions::ExcKind;

use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::format::ascii_of;
use crate::python::interp::Interp;
use crate::python::value::{ThinRc, Value};

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn to_bytes(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

/// `fmt % args` for bytes and bytearray.
pub fn bytes_percent(it: &mut Interp, fmt: &[u8], args: &Value) -> Result<Vec<u8>, Exc> {
    let mapping = crate::python::format::is_percent_mapping(args).then(|| args.clone());
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mut next = 0usize;
    let mut take = |what: &str| -> Result<Value, Exc> {
        let v = items
            .get(next)
            .cloned()
            .ok_or_else(|| type_error(format!("not enough arguments for format {what}")))?;
        next += 1;
        Ok(v)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            out.push(fmt[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if fmt.get(i) == Some(&b'(') {
            let Some(end) = fmt[i..].iter().position(|&c| c == b')').map(|p| p + i) else {
                return Err(value_error("incomplete format key"));
            };
            key = Some(fmt[i + 1..end].to_vec());
            i = end + 1;
        }
        // Flags, width and precision, kept as text for str's formatter.
        let mut spec = String::from("%");
        while let Some(&c) = fmt.get(i) {
            if b"-+ #0".contains(&c) || c.is_ascii_digit() || c == b'.' {
                spec.push(c as char);
                i += 1;
            } else if c == b'*' {
                match take("string")? {
                    Value::Int(n) => spec.push_str(&n.to_string()),
                    _ => return Err(type_error("* wants int")),
                }
                i += 1;
            } else {
                break;
            }
        }
        let Some(&conv) = fmt.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if conv == b'%' {
            out.push(b'%');
            continue;
        }
        let arg = match (&key, &mapping) {
            (Some(k), Some(m)) => it.getitem(m, &Value::Bytes(ThinRc::from(k.as_slice())))?,
            (Some(_), None) => return Err(type_error("format requires a mapping")),
            (None, _) => take("string")?,
        };
        let text = match conv {
            b's' | b'b' => match super::bytes::bytes_like(&arg) {
                Some(b) => it.percent_format(&format!("{spec}s"), &Value::str(&latin1(&b)))?,
                None => {
                    return Err(type_error(format!(
                        "%b requires a bytes-like object, or an object that implements \
                         __bytes__, not '{}'",
                        arg.type_name()
                    )));
                }
            },
            b'r' | b'a' => {
                let shown = ascii_of(&it.repr(&arg)?);
                it.percent_format(&format!("{spec}s"), &Value::str(&shown))?
            }
            b'c' => {
                let byte = match &arg {
                    Value::Int(n) => u8::try_from(*n).map_err(|_| {
                        Exc::new(ExcKind::OverflowError, "%c arg not in range(256)")
                    })?,
                    other => match super::bytes::bytes_like(other) {
                        Some(b) if b.len() == 1 => b[0],
                        _ => {
                            return Err(type_error(
                                "%c requires an integer in range(256) or a single byte",
                            ));
                        }
                    },
                };
                it.percent_format(&format!("{spec}s"), &Value::str(&latin1(&[byte])))?
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let one = Value::tuple(vec![arg]);
                it.percent_format(&format!("{spec}{}", conv as char), &one)?
            }
            other => {
                let shown = if other.is_ascii_graphic() || other == b' ' {
                    (other as char).to_string()
                } else {
                    "?".to_string()
                };
                return Err(value_error(format!(
                    "unsupported format character '{shown}' (0x{other:x}) at index {}",
                    i - 1
                )));
            }
        };
        out.extend(to_bytes(&text));
    }
    if mapping.is_none() && next < items.len() {
        return Err(type_error(
            "not all arguments converted during bytes formatting",
        ));
    }
    Ok(out)
}
