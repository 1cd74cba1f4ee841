//! Methods of `int` that see its bytes: `to_bytes` and the class method `int.from_bytes`.

use crate::python::exceptions::ExcKind;

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::python::bigint::{norm, to_big};
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, ThinRc, Value};

/// Argument `i` (counting from 0 after `self`, if any) or keyword `name`.
fn param(a: &Args, skip: usize, i: usize, name: &str) -> Option<Value> {
    a.pos.get(skip + i).cloned().or_else(|| {
        a.kw.iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    })
}

/// `byteorder`: whether the bytes are little-endian (`'big'` when not given, as in 3.11).
fn little(v: Option<Value>) -> Result<bool, Exc> {
    match v {
        None => Ok(false),
        Some(Value::Str(ref s)) if &**s == "big" => Ok(false),
        Some(Value::Str(ref s)) if &**s == "little" => Ok(true),
        Some(Value::Str(_)) => Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => Err(type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            other.type_name()
        ))),
    }
}

/// The keyword-only `signed` (false when not given).
fn signed(a: &Args) -> bool {
    a.kw.iter()
        .find(|(k, _)| &**k == "signed")
        .and_then(|(_, v)| v.truthy_simple())
        .unwrap_or(false)
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn to_bytes(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    let n = a.pos.first().and_then(to_big).unwrap_or_default();
    let length = match param(&a, 1, 0, "length") {
        None => 1,
        Some(Value::Int(l)) if l < 0 => {
            return Err(value_error("length argument must be non-negative"));
        }
        Some(Value::Int(l)) => l as usize,
        Some(Value::BigInt(_)) => {
            return Err(crate::python::bigint::ssize_overflow());
        }
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let little = little(param(&a, 1, 1, "byteorder"))?;
    let signed = signed(&a);
    if n.is_negative() && !signed {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = if n.is_zero() {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.magnitude().to_bytes_le()
    };
    if bytes.len() > length {
        return Err(Exc::new(ExcKind::OverflowError, "int too big to convert"));
    }
    crate::python::alloc::bytes_for(1, length)?;
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(ThinRc::from(bytes)))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, called on the class.
pub fn from_bytes(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let data = param(&a, 0, 0, "bytes")
        .ok_or_else(|| type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let mut bytes: Vec<u8> = match &data {
        Value::Bytes(b) => b.to_vec(),
        Value::Str(_) => return Err(type_error("cannot convert 'str' object to bytes")),
        other => {
            let mut out = Vec::new();
            for x in it.collect(other)? {
                match x {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    Value::Int(_) | Value::BigInt(_) => {
                        return Err(value_error("bytes must be in range(0, 256)"));
                    }
                    v => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            v.type_name()
                        )));
                    }
                }
            }
            out
        }
    };
    if !little(param(&a, 0, 1, "byteorder"))? {
        bytes.reverse();
    }
    let n = if signed(&a) {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    Ok(norm(n))
}
