//! `UnicodeDecodeError` and `UnicodeEncodeError` as CPython has them: made from five arguments
//! (encoding, object, start, end, reason) kept as attributes a handler reads and may change, and a
//! message made from those attributes when it is printed (so `e.start = 2` changes `str(e)`).

use crate::python::value::{PyStr, ThinRc};

use super::exceptions::{Exc, ExcKind, instance, type_error};
use super::interp::Interp;
use super::value::{Args, Instance, Namespace, Value};

type R = Result<Value, Exc>;

const FIELDS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];

/// What the two classes define beyond `BaseException`: `__init__` and `__str__`.
pub fn class_attrs() -> Namespace {
    let mut attrs = Namespace::default();
    attrs.insert(PyStr::from("__init__"), Value::builtin("__init__", init));
    attrs.insert(PyStr::from("__str__"), Value::builtin("__str__", str_));
    attrs
}

/// The error a codec raises: `kind` with its five attributes.
pub fn error(
    kind: ExcKind,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> Exc {
    let args = vec![
        Value::str(encoding),
        object,
        Value::Int(start as i64),
        Value::Int(end as i64),
        Value::str(reason),
    ];
    let inst = instance(kind.class(), args.clone());
    set_fields(&inst, args);
    Exc { value: inst }
}

fn set_fields(inst: &Instance, args: Vec<Value>) {
    let mut attrs = inst.attrs.borrow_mut();
    for (name, v) in FIELDS.iter().zip(args) {
        attrs.insert(PyStr::from(*name), v);
    }
}

fn is_decode(inst: &Instance) -> bool {
    inst.class.is_subclass(&ExcKind::UnicodeDecodeError.class())
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`: CPython checks each argument's
/// type (the object of a decode error is bytes, of an encode error a str).
fn init(_: &mut Interp, a: Args) -> R {
    let Some(Value::Instance(inst)) = a.pos.first() else {
        return Err(type_error("__init__ needs an exception"));
    };
    let args: Vec<Value> = a.pos[1..].to_vec();
    inst.attrs
        .borrow_mut()
        .insert(PyStr::from("args"), Value::tuple(args.clone()));
    if args.len() != 5 || !a.kw.is_empty() {
        return Err(type_error(format!(
            "function takes exactly 5 arguments ({} given)",
            args.len() + a.kw.len()
        )));
    }
    let want_str = |i: usize, v: &Value| match v {
        Value::Str(_) => Ok(()),
        v => Err(type_error(format!(
            "argument {} must be str, not {}",
            i + 1,
            v.type_name()
        ))),
    };
    want_str(0, &args[0])?;
    let object = if is_decode(inst) {
        match &args[1] {
            Value::Bytes(_) => args[1].clone(),
            v => match super::methods::bytearray::contents(v) {
                // A bytearray's contents are kept as bytes, as CPython copies the buffer.
                Some(b) => Value::Bytes(ThinRc::from(b)),
                None => {
                    return Err(type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        v.type_name()
                    )));
                }
            },
        }
    } else {
        want_str(1, &args[1])?;
        args[1].clone()
    };
    for (i, v) in args[2..4].iter().enumerate() {
        if !matches!(v, Value::Int(_) | Value::Bool(_)) {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            )));
        }
        let _ = i;
    }
    want_str(4, &args[4])?;
    let mut fields = args;
    fields[1] = object;
    set_fields(inst, fields);
    Ok(Value::None)
}

fn int_attr(inst: &Instance, name: &str) -> Option<i64> {
    match inst.attrs.borrow().get(name) {
        Some(Value::Int(n)) => Some(*n),
        Some(Value::Bool(b)) => Some(*b as i64),
        _ => None,
    }
}

/// CPython's message, from the attributes as they are now: the one byte or character in hex, or
/// the range of positions.
fn str_(it: &mut Interp, a: Args) -> R {
    let Some(Value::Instance(inst)) = a.pos.first() else {
        return Err(type_error("__str__ needs an exception"));
    };
    let (encoding, object, reason) = {
        let attrs = inst.attrs.borrow();
        (
            attrs.get("encoding").cloned(),
            attrs.get("object").cloned(),
            attrs.get("reason").cloned(),
        )
    };
    let (Some(encoding), Some(object), Some(reason), Some(start), Some(end)) = (
        encoding,
        object,
        reason,
        int_attr(inst, "start"),
        int_attr(inst, "end"),
    ) else {
        // Made without its five arguments: as BaseException prints it.
        return Ok(Value::str(&it.exception_str(inst)?));
    };
    let encoding = it.str_of(&encoding)?;
    let reason = it.str_of(&reason)?;
    let verb = if is_decode(inst) { "decode" } else { "encode" };
    let len = match &object {
        Value::Bytes(b) => b.len(),
        Value::Str(s) => s.chars().count(),
        _ => 0,
    } as i64;
    // CPython clamps the positions into the object before it words the message.
    let start = start.clamp(0, (len - 1).max(0));
    let end = end.clamp(1, len.max(1));
    let what = if end == start + 1 && start < len {
        match &object {
            Value::Bytes(b) => format!("byte 0x{:02x} in position {start}", b[start as usize]),
            Value::Str(s) => {
                let c = s.chars().nth(start as usize).unwrap_or('\0');
                let mut shown = String::new();
                super::format::push_escape(&mut shown, c);
                format!("character '{shown}' in position {start}")
            }
            _ => String::new(),
        }
    } else {
        let noun = if is_decode(inst) {
            "bytes"
        } else {
            "characters"
        };
        format!("{noun} in position {start}-{}", end - 1)
    };
    Ok(Value::str(&format!(
        "'{encoding}' codec can't {verb} {what}: {reason}"
    )))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn the_message_follows_the_attributes() {
        let src = "try:\n    b'a\\xffb'.decode()\nexcept UnicodeDecodeError as e:\n\
                   \x20   print(e.start, e.end, e.reason)\n    e.end = 3\n    print(e)";
        assert_eq!(
            out(src),
            "1 2 invalid start byte\n'utf-8' codec can't decode bytes in position 1-2: \
             invalid start byte\n"
        );
    }
}
