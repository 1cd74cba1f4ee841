//! A memoryview's items: the native `struct` letters a view may have, an item's value from its
//! bytes and its bytes from a value (CPython's `unpack_single`/`pack_single`, with their errors),
//! and items compared as `==` compares them.

use std::rc::Rc;

use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{ThinRc, Value};

/// The native `struct` letter a cast may name, with its size (CPython's `get_native_fmtchar`).
pub fn native_letter(fmt: &str) -> Option<(char, usize)> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt);
    let mut cs = f.chars();
    let c = cs.next()?;
    if cs.next().is_some() {
        return None;
    }
    let size = match c {
        'c' | 'b' | 'B' | '?' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
        _ => return None,
    };
    Some((c, size))
}

pub fn is_byte_format(c: char) -> bool {
    matches!(c, 'b' | 'B' | 'c')
}

/// One element's value from its bytes (CPython's `unpack_single`).
pub fn decode(code: char, b: &[u8]) -> Value {
    let int = |n: i128| match i64::try_from(n) {
        Ok(n) => Value::Int(n),
        Err(_) => Value::BigInt(Rc::new(num_bigint::BigInt::from(n))),
    };
    let arr = |n: usize| -> [u8; 8] {
        let mut x = [0u8; 8];
        x[..n].copy_from_slice(&b[..n]);
        x
    };
    match code {
        'c' => Value::Bytes(ThinRc::from(&b[..1])),
        'b' => Value::Int(b[0] as i8 as i64),
        'B' => Value::Int(b[0] as i64),
        '?' => Value::Bool(b[0] != 0),
        'h' => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        'H' => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        'i' => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        'I' => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        'd' => Value::Float(f64::from_ne_bytes(arr(8))),
        'L' | 'Q' | 'N' | 'P' => int(u64::from_ne_bytes(arr(8)) as i128),
        _ => Value::Int(i64::from_ne_bytes(arr(8))),
    }
}

/// An element's bytes from a value (CPython's `pack_single`), refused in CPython's words.
pub fn encode(it: &mut Interp, code: char, v: &Value) -> Result<Vec<u8>, Exc> {
    let bad_type = || type_error(format!("memoryview: invalid type for format '{code}'"));
    let bad_value = || value_error(format!("memoryview: invalid value for format '{code}'"));
    match code {
        'c' => match v {
            Value::Bytes(b) if b.len() == 1 => Ok(b.to_vec()),
            Value::Bytes(_) => Err(bad_value()),
            _ => Err(bad_type()),
        },
        '?' => Ok(vec![it.truthy(v)? as u8]),
        'f' | 'd' => {
            let x = match v {
                Value::Float(f) => *f,
                Value::Int(n) => *n as f64,
                Value::Bool(b) => *b as u8 as f64,
                Value::BigInt(b) => {
                    use num_traits::ToPrimitive;
                    b.to_f64().filter(|f| f.is_finite()).ok_or_else(bad_value)?
                }
                _ => return Err(bad_type()),
            };
            Ok(if code == 'f' {
                (x as f32).to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            })
        }
        _ => {
            let n: i128 = match v {
                Value::Int(n) => *n as i128,
                Value::Bool(b) => *b as i128,
                Value::BigInt(b) => {
                    use num_traits::ToPrimitive;
                    b.to_i128().ok_or_else(bad_value)?
                }
                _ => return Err(bad_type()),
            };
            let (lo, hi, size): (i128, i128, usize) = match code {
                'b' => (i8::MIN as i128, i8::MAX as i128, 1),
                'B' => (0, u8::MAX as i128, 1),
                'h' => (i16::MIN as i128, i16::MAX as i128, 2),
                'H' => (0, u16::MAX as i128, 2),
                'i' => (i32::MIN as i128, i32::MAX as i128, 4),
                'I' => (0, u32::MAX as i128, 4),
                'L' | 'Q' | 'N' | 'P' => (0, u64::MAX as i128, 8),
                _ => (i64::MIN as i128, i64::MAX as i128, 8),
            };
            if n < lo || n > hi {
                return Err(bad_value());
            }
            Ok((n as i64 as u64).to_ne_bytes()[..size].to_vec())
        }
    }
}

/// One element as comparison sees it: a number, or the bytes of a `'c'` item.
pub enum Item {
    Int(i128),
    Float(f64),
    Bytes(Vec<u8>),
}

pub fn item_of(v: Value) -> Item {
    match &v {
        Value::Int(n) => Item::Int(*n as i128),
        Value::Bool(b) => Item::Int(*b as i128),
        Value::BigInt(b) => {
            use num_traits::ToPrimitive;
            Item::Int(b.to_i128().unwrap_or(0))
        }
        Value::Float(f) => Item::Float(*f),
        Value::Bytes(b) => Item::Bytes(b.to_vec()),
        _ => Item::Int(0),
    }
}

pub fn same_item(x: Item, y: Item) -> bool {
    match (x, y) {
        (Item::Int(a), Item::Int(b)) => a == b,
        (Item::Float(a), Item::Float(b)) => a == b,
        (Item::Int(a), Item::Float(b)) | (Item::Float(b), Item::Int(a)) => a as f64 == b,
        (Item::Bytes(a), Item::Bytes(b)) => a == b,
        _ => false,
    }
}
