//! `struct`: values packed as C lays them out, as CPython 3.11's module does it, for the formats
//! programs and `multiprocessing.shared_memory.ShareableList` use: byte orders `@ = < > !` (native
//! with C's alignment, or standard sizes without it), pad `x`, `c`, `b B ? h H i I l L q Q n N`,
//! `f d`, `s` and `p` strings, with repeat counts. `calcsize`, `pack`, `unpack`, `pack_into` (into
//! a bytearray or a writable memoryview, such as a `SharedMemory`'s `buf`), `unpack_from`, and
//! CPython's messages, raised as `struct.error`.

use std::rc::Rc;

use num_bigint::BigInt;

use super::make_module;
use crate::python::bigint;
use crate::python::builtin_classes;
use crate::python::exceptions::{self, Exc, ExcKind, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, ThinRc, Value};

type R = Result<Value, Exc>;

pub fn module() -> Value {
    make_module(
        "struct",
        &[
            ("calcsize", calcsize),
            ("pack", pack),
            ("unpack", unpack),
            ("pack_into", pack_into),
            ("unpack_from", unpack_from),
        ],
        vec![("error", Value::Class(error_class()))],
    )
}

fn error_class() -> Rc<Class> {
    static ERROR: builtin_classes::InterpSlot<Rc<Class>> = builtin_classes::InterpSlot::new();
    builtin_classes::per_interp(&ERROR, || {
        exceptions::make_class(
            "error",
            "struct",
            vec![ExcKind::Exception.class()],
            Default::default(),
            None,
        )
        .expect("single base")
    })
}

fn error(msg: impl Into<String>) -> Exc {
    Exc {
        value: exceptions::instance(error_class(), vec![Value::str(&msg.into())]),
    }
}

/// One item of a format: its code and repeat count.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Item {
    code: char,
    count: usize,
}

/// A parsed format: native (aligned, native sizes) or standard, little- or big-endian.
#[derive(Debug, PartialEq)]
struct Format {
    native: bool,
    little: bool,
    items: Vec<Item>,
}

impl Format {
    fn parse(s: &str) -> Result<Format, Exc> {
        let mut chars = s.chars().peekable();
        let (native, little) = match chars.peek() {
            Some('@') => (true, cfg!(target_endian = "little")),
            Some('=') => (false, cfg!(target_endian = "little")),
            Some('<') => (false, true),
            Some('>') | Some('!') => (false, false),
            _ => (true, cfg!(target_endian = "little")),
        };
        if matches!(chars.peek(), Some('@' | '=' | '<' | '>' | '!')) {
            chars.next();
        }
        let mut items = Vec::new();
        while let Some(c) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut count = None;
            let mut c = c;
            if let Some(d) = c.to_digit(10) {
                let mut n = d as usize;
                loop {
                    match chars.next() {
                        Some(d) if d.is_ascii_digit() => {
                            n = n
                                .checked_mul(10)
                                .and_then(|n| n.checked_add(d.to_digit(10).unwrap_or(0) as usize))
                                .ok_or_else(|| error("total struct size too long"))?;
                        }
                        Some(other) => {
                            c = other;
                            break;
                        }
                        None => return Err(error("repeat count given without format specifier")),
                    }
                }
                count = Some(n);
            }
            let ok = match c {
                'x' | 'c' | 'b' | 'B' | '?' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'q' | 'Q'
                | 'f' | 'd' | 's' | 'p' => true,
                'n' | 'N' => native,
                _ => false,
            };
            if !ok {
                return Err(error("bad char in struct format"));
            }
            items.push(Item {
                code: c,
                count: count.unwrap_or(1),
            });
        }
        Ok(Format {
            native,
            little,
            items,
        })
    }

    fn size_of(&self, code: char) -> usize {
        match code {
            'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
            'h' | 'H' => 2,
            'i' | 'I' | 'f' => 4,
            'l' | 'L' if !self.native => 4,
            _ => 8,
        }
    }

    /// Each value-taking field at its offset, with its size, and the total size.
    fn layout(&self) -> (Vec<(char, usize, usize)>, usize) {
        let mut fields = Vec::new();
        let mut at = 0usize;
        for item in &self.items {
            let size = self.size_of(item.code);
            if self.native && !matches!(item.code, 's' | 'p') && item.count > 0 {
                at = at.next_multiple_of(size);
            }
            match item.code {
                's' | 'p' => {
                    fields.push((item.code, at, item.count));
                    at += item.count;
                }
                'x' => at += item.count,
                c => {
                    for _ in 0..item.count {
                        fields.push((c, at, size));
                        at += size;
                    }
                }
            }
        }
        (fields, at)
    }
}

fn fmt_arg(v: Option<&Value>) -> Result<Format, Exc> {
    match v {
        Some(Value::Str(s)) => Format::parse(s),
        Some(Value::Bytes(b)) => Format::parse(&String::from_utf8_lossy(b)),
        Some(other) => Err(type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            other.type_name()
        ))),
        None => Err(type_error("function takes exactly 1 argument (0 given)")),
    }
}

fn calcsize(_: &mut Interp, a: Args) -> R {
    Ok(Value::Int(fmt_arg(a.pos.first())?.layout().1 as i64))
}

/// The integer field `code` of `size` bytes, CPython's messages for out-of-range values.
fn int_bytes(f: &Format, code: char, size: usize, v: &Value) -> Result<Vec<u8>, Exc> {
    let Some(n) = (match v {
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Int(_) | Value::BigInt(_) => bigint::to_big(v),
        _ => None,
    }) else {
        return Err(error("required argument is not an integer"));
    };
    let signed = code.is_ascii_lowercase();
    let bits = size as u32 * 8;
    let (lo, hi): (i128, i128) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    let value = i128::try_from(&n).ok().filter(|x| (lo..=hi).contains(x));
    let Some(value) = value else {
        let named = match code {
            'b' => Some("byte format"),
            'B' => Some("ubyte format"),
            'h' => Some("short format"),
            'H' => Some("ushort format"),
            'i' => Some("'i' format"),
            'l' if !f.native => Some("'l' format"),
            _ => None,
        };
        return Err(error(match named {
            Some(what) => format!("{what} requires {lo} <= number <= {hi}"),
            None => "argument out of range".to_string(),
        }));
    };
    let le = value.to_le_bytes();
    let mut out = le[..size].to_vec();
    if !f.little {
        out.reverse();
    }
    Ok(out)
}

fn float_bytes(f: &Format, size: usize, v: &Value) -> Result<Vec<u8>, Exc> {
    let x = match v {
        Value::Float(x) => *x,
        Value::Int(n) => *n as f64,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::BigInt(b) => bigint::to_f64(b)?,
        _ => return Err(error("required argument is not a float")),
    };
    let mut out = if size == 4 {
        (x as f32).to_le_bytes().to_vec()
    } else {
        x.to_le_bytes().to_vec()
    };
    if !f.little {
        out.reverse();
    }
    Ok(out)
}

/// The packed bytes of `values` for `f`; `func` names the caller in the count message.
fn pack_values(it: &mut Interp, f: &Format, values: &[Value], func: &str) -> Result<Vec<u8>, Exc> {
    let (fields, size) = f.layout();
    if fields.len() != values.len() {
        return Err(error(format!(
            "{func} expected {} items for packing (got {})",
            fields.len(),
            values.len()
        )));
    }
    let mut out = vec![0u8; size];
    for (&(code, at, len), v) in fields.iter().zip(values) {
        let bytes = match code {
            's' | 'p' => {
                let Value::Bytes(b) = v else {
                    return Err(error(format!(
                        "argument for '{code}' must be a bytes object"
                    )));
                };
                let mut field = vec![0u8; len];
                if code == 's' {
                    let n = b.len().min(len);
                    field[..n].copy_from_slice(&b[..n]);
                } else if len > 0 {
                    let n = b.len().min(len - 1).min(255);
                    field[0] = n as u8;
                    field[1..=n].copy_from_slice(&b[..n]);
                }
                field
            }
            'c' => match v {
                Value::Bytes(b) if b.len() == 1 => b.to_vec(),
                _ => {
                    return Err(error("char format requires a bytes object of length 1"));
                }
            },
            '?' => vec![u8::from(it.truthy(v)?)],
            'f' | 'd' => float_bytes(f, len, v)?,
            _ => int_bytes(f, code, len, v)?,
        };
        out[at..at + bytes.len()].copy_from_slice(&bytes);
    }
    Ok(out)
}

fn unpack_bytes(f: &Format, data: &[u8]) -> Value {
    let (fields, _) = f.layout();
    let mut out = Vec::with_capacity(fields.len());
    for (code, at, len) in fields {
        let raw = &data[at..at + len];
        let mut ordered = raw.to_vec();
        if !f.little {
            ordered.reverse();
        }
        out.push(match code {
            's' => Value::Bytes(ThinRc::from(raw)),
            'p' => {
                let n = (raw.first().copied().unwrap_or(0) as usize).min(len.saturating_sub(1));
                Value::Bytes(ThinRc::from(&raw[1.min(len)..1.min(len) + n]))
            }
            'c' => Value::Bytes(ThinRc::from(raw)),
            '?' => Value::Bool(raw[0] != 0),
            'f' => Value::Float(f64::from(f32::from_le_bytes(
                ordered[..4].try_into().unwrap_or([0; 4]),
            ))),
            'd' => Value::Float(f64::from_le_bytes(
                ordered[..8].try_into().unwrap_or([0; 8]),
            )),
            c => {
                let mut wide = [0u8; 16];
                wide[..len].copy_from_slice(&ordered);
                let signed = c.is_ascii_lowercase();
                if signed && ordered[len - 1] & 0x80 != 0 {
                    wide[len..].fill(0xff);
                }
                bigint::norm(BigInt::from(i128::from_le_bytes(wide)))
            }
        });
    }
    Value::tuple(out)
}

/// The bytes of a bytes-like argument (bytes, bytearray, memoryview).
fn buffer_bytes(v: &Value) -> Result<Vec<u8>, Exc> {
    use crate::python::methods::{bytearray, memoryview};
    match v {
        Value::Bytes(b) => Some(b.to_vec()),
        other => memoryview::contents(other).or_else(|| bytearray::contents(other)),
    }
    .ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))
    })
}

fn pack(it: &mut Interp, a: Args) -> R {
    let f = fmt_arg(a.pos.first())?;
    let bytes = pack_values(it, &f, &a.pos[1..], "pack")?;
    Ok(Value::Bytes(ThinRc::from(bytes)))
}

fn unpack(_: &mut Interp, a: Args) -> R {
    let f = fmt_arg(a.pos.first())?;
    let data = buffer_bytes(a.pos.get(1).unwrap_or(&Value::None))?;
    let size = f.layout().1;
    if data.len() != size {
        return Err(error(format!("unpack requires a buffer of {size} bytes")));
    }
    Ok(unpack_bytes(&f, &data))
}

/// An offset as CPython takes it: negative counts from the end.
fn offset_in(v: Option<&Value>, len: usize) -> Result<usize, Exc> {
    let off = match v {
        None => 0,
        Some(Value::Int(n)) => *n,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    if off < 0 {
        let from_end = off + len as i64;
        if from_end < 0 {
            return Err(error(format!(
                "offset {off} out of range for {len}-byte buffer"
            )));
        }
        return Ok(from_end as usize);
    }
    Ok(off as usize)
}

fn pack_into(it: &mut Interp, a: Args) -> R {
    let f = fmt_arg(a.pos.first())?;
    let Some(buf) = a.pos.get(1).cloned() else {
        return Err(type_error("pack_into expected buffer argument"));
    };
    let values = a.pos.get(3..).unwrap_or(&[]);
    use crate::python::methods::{bytearray, memoryview};
    // Only the length is needed here: a view's bytes are not copied to learn it.
    let writable = memoryview::len_of(&buf).or_else(|| bytearray::contents(&buf).map(|b| b.len()));
    let Some(len) = writable else {
        return Err(type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            buf.type_name()
        )));
    };
    let bytes = pack_values(it, &f, values, "pack_into")?;
    let at = offset_in(a.pos.get(2), len)?;
    if at + bytes.len() > len {
        return Err(error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {at} (actual buffer size is {len})",
            at + bytes.len(),
            bytes.len()
        )));
    }
    if memoryview::len_of(&buf).is_some() {
        memoryview::write_into(it, &buf, at, &bytes)?;
    } else {
        for (i, b) in bytes.iter().enumerate() {
            it.setitem(&buf, Value::Int((at + i) as i64), Value::Int(*b as i64))?;
        }
    }
    Ok(Value::None)
}

fn unpack_from(_: &mut Interp, a: Args) -> R {
    let f = fmt_arg(a.pos.first())?;
    let buf = a
        .pos
        .get(1)
        .or_else(|| a.kw.iter().find(|(k, _)| &**k == "buffer").map(|(_, v)| v))
        .cloned()
        .unwrap_or(Value::None);
    let off = a
        .pos
        .get(2)
        .or_else(|| a.kw.iter().find(|(k, _)| &**k == "offset").map(|(_, v)| v));
    let size = f.layout().1;
    // A memoryview (a ShareableList's `shm.buf`) is read only where the format lies.
    if let Some(len) = crate::python::methods::memoryview::len_of(&buf) {
        let at = offset_in(off, len)?;
        return match crate::python::methods::memoryview::read_range(&buf, at, size) {
            Some(data) => Ok(unpack_bytes(&f, &data)),
            None => Err(unpack_from_short(at, size, len)),
        };
    }
    let data = buffer_bytes(&buf)?;
    let at = offset_in(off, data.len())?;
    if at + size > data.len() {
        return Err(unpack_from_short(at, size, data.len()));
    }
    Ok(unpack_bytes(&f, &data[at..at + size]))
}

fn unpack_from_short(at: usize, size: usize, len: usize) -> Exc {
    error(format!(
        "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {at} (actual buffer size is {len})",
        at + size
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_formats_align_and_standard_ones_do_not() {
        let size = |s: &str| Format::parse(s).unwrap().layout().1;
        assert_eq!(size("bq?3sx"), 21);
        assert_eq!(size("<bq"), 9);
        assert_eq!(size("q q"), 16);
        assert_eq!(size("xxxxxxx?"), 8);
        assert_eq!(size("8s8sb"), 17);
    }

    #[test]
    fn packing_unpacking_and_cpythons_errors() {
        let src = "import struct\n\
            b = bytearray(16)\n\
            struct.pack_into('<hq', b, 2, -2, 7)\n\
            print(struct.unpack_from('<hq', b, 2), struct.pack('>H', 258), struct.unpack('?', b'\\x02'))\n\
            print(struct.pack('5p', b'abc'), struct.unpack('5p', b'\\x03abcz'), struct.pack('2s', b'abc'))\n\
            for f, v in [('b', 200), ('Q', -1), ('d', 'x'), ('s', 1), ('z', 1), ('3', 1)]:\n\
            \x20   try:\n\
            \x20       struct.pack(f, v)\n\
            \x20   except struct.error as e:\n\
            \x20       print(e)\n\
            try:\n\
            \x20   struct.unpack_from('q', b, 12)\n\
            except struct.error as e:\n\
            \x20   print(e)\n";
        assert_eq!(
            crate::python::tests::out(src),
            "(-2, 7) b'\\x01\\x02' (True,)\n\
             b'\\x03abc\\x00' (b'abc',) b'ab'\n\
             byte format requires -128 <= number <= 127\n\
             argument out of range\n\
             required argument is not a float\n\
             argument for 's' must be a bytes object\n\
             bad char in struct format\n\
             repeat count given without format specifier\n\
             unpack_from requires a buffer of at least 20 bytes for unpacking 8 bytes at offset 12 (actual buffer size is 16)\n"
        );
    }
}
