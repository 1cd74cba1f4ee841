//! Text codecs of `bytes.decode` and `str.encode`: UTF-8, ASCII and Latin-1, with the error
//! handlers `strict`, `replace`, `ignore` and `backslashreplace`, and CPython's error messages
//! (`'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data`).

use crate::python::exceptions::ExcKind;

use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, PyStr, ThinRc, Value};

type R = Result<Value, Exc>;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// The codec an encoding name means, as Python normalizes it (case, `_` or `-`).
fn codec(name: &str) -> Result<Codec, Exc> {
    let n = name.to_ascii_lowercase().replace('_', "-");
    Ok(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "l1" | "cp819" => {
            Codec::Latin1
        }
        _ => {
            return Err(Exc::new(
                ExcKind::LookupError,
                format!("unknown encoding: {name}"),
            ));
        }
    })
}

fn text_arg(v: Option<&Value>, name: &str, m: &str, default: &str) -> Result<String, Exc> {
    match v.filter(|v| !matches!(v, Value::None)) {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(type_error(format!(
            "{m}() argument '{name}' must be str, not {}",
            other.type_name()
        ))),
    }
}

/// `encoding` and `errors`, by position or keyword.
const fn codec_sig(m: &'static str) -> Sig<'static> {
    Sig::c(m, &["encoding", "errors"], 0).method()
}

fn unknown_handler(h: &str) -> Exc {
    Exc::new(
        ExcKind::LookupError,
        format!("unknown error handler name '{h}'"),
    )
}

/// `b.decode(encoding='utf-8', errors='strict')`.
pub fn decode(_: &mut Interp, a: Args) -> R {
    let [enc, errors] = codec_sig("decode").bind(&a)?;
    let b = super::bytes::bytes_like(&a.pos[0]).unwrap_or_else(|| ThinRc::from(&b""[..]));
    let enc = codec(&text_arg(enc, "encoding", "decode", "utf-8")?)?;
    let errors = text_arg(errors, "errors", "decode", "strict")?;
    decode_bytes(&b, enc, &errors).map(|s| Value::Str(PyStr::from(s)))
}

fn decode_bytes(b: &[u8], enc: Codec, errors: &str) -> Result<String, Exc> {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        // The next run that decodes, and the length of the bad bytes after it.
        let (good, bad): (&str, Option<(usize, &str)>) = match enc {
            Codec::Latin1 => {
                out.extend(b[i..].iter().map(|&c| c as char));
                break;
            }
            Codec::Ascii => {
                let n = b[i..].iter().take_while(|c| c.is_ascii()).count();
                let good = std::str::from_utf8(&b[i..i + n]).unwrap_or_default();
                let bad = (i + n < b.len()).then_some((1, "ordinal not in range(128)"));
                (good, bad)
            }
            Codec::Utf8 => match std::str::from_utf8(&b[i..]) {
                Ok(s) => (s, None),
                Err(e) => {
                    let n = e.valid_up_to();
                    let good = std::str::from_utf8(&b[i..i + n]).unwrap_or_default();
                    let at = i + n;
                    let why = match e.error_len() {
                        None => (b.len() - at, "unexpected end of data"),
                        Some(len) if (0xc2..=0xf4).contains(&b[at]) => {
                            (len, "invalid continuation byte")
                        }
                        Some(len) => (len, "invalid start byte"),
                    };
                    (good, Some(why))
                }
            },
        };
        out.push_str(good);
        i += good.len();
        let Some((len, why)) = bad else { break };
        match errors {
            "strict" => {
                // The message is made from these attributes when it is printed.
                return Err(super::super::exceptions_unicode::error(
                    ExcKind::UnicodeDecodeError,
                    enc.name(),
                    Value::Bytes(ThinRc::from(b)),
                    i,
                    i + len,
                    why,
                ));
            }
            "replace" => out.push('\u{fffd}'),
            "ignore" => {}
            "backslashreplace" => {
                for c in &b[i..i + len] {
                    out.push_str(&format!("\\x{c:02x}"));
                }
            }
            other => return Err(unknown_handler(other)),
        }
        i += len;
    }
    Ok(out)
}

/// `s.encode(encoding='utf-8', errors='strict')`.
pub fn encode(_: &mut Interp, a: Args) -> R {
    let s = match &a.pos[0] {
        Value::Str(s) => s.clone(),
        _ => PyStr::from(""),
    };
    let [enc, errors] = codec_sig("encode").bind(&a)?;
    let enc = codec(&text_arg(enc, "encoding", "encode", "utf-8")?)?;
    let errors = text_arg(errors, "errors", "encode", "strict")?;
    let limit = match enc {
        Codec::Utf8 => return Ok(Value::Bytes(ThinRc::from(s.as_bytes()))),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // CPython reports the whole run of characters the codec cannot hold.
        let run = chars[i..]
            .iter()
            .take_while(|c| (**c as u32) >= limit)
            .count();
        match errors.as_str() {
            "strict" => {
                return Err(super::super::exceptions_unicode::error(
                    ExcKind::UnicodeEncodeError,
                    enc.name(),
                    Value::Str(s.clone()),
                    i,
                    i + run,
                    &format!("ordinal not in range({limit})"),
                ));
            }
            "replace" => out.extend(std::iter::repeat_n(b'?', run)),
            "ignore" => {}
            "backslashreplace" => {
                for c in &chars[i..i + run] {
                    let mut e = String::new();
                    crate::python::format::push_escape(&mut e, *c);
                    out.extend_from_slice(e.as_bytes());
                }
            }
            other => return Err(unknown_handler(other)),
        }
        i += run;
    }
    Ok(Value::Bytes(ThinRc::from(out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_name_the_byte_and_the_reason() {
        crate::python::exceptions::install();
        let e = decode_bytes(b"caf\xe9", Codec::Utf8, "strict").unwrap_err();
        // CPython's five arguments: encoding, object, start, end, reason (the message is made
        // from them when printed).
        let args = e.args();
        assert!(
            matches!(&args[..], [Value::Str(enc), Value::Bytes(_), Value::Int(3), Value::Int(4), Value::Str(why)]
            if &**enc == "utf-8" && &**why == "unexpected end of data")
        );
        assert_eq!(
            decode_bytes(b"a\xffb", Codec::Utf8, "replace").unwrap(),
            "a\u{fffd}b"
        );
        assert_eq!(
            decode_bytes(b"a\xffb", Codec::Utf8, "backslashreplace").unwrap(),
            "a\\xffb"
        );
        assert_eq!(decode_bytes(b"\xe9", Codec::Latin1, "strict").unwrap(), "é");
    }
}
