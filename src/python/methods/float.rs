//! Methods of `float` that see its bits: `hex`, `float.fromhex`, `as_integer_ratio`,
//! `is_integer`; and `int.bit_count`. Exact, as CPython's are: `fromhex` rounds half to even once,
//! from the whole mantissa, never through a decimal string.

use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::python::bigint::{norm, to_big};
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, NativeFn, PyStr, Value};

type R = Result<Value, Exc>;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "hex" => hex,
        "fromhex" => fromhex_method,
        "as_integer_ratio" => as_integer_ratio,
        "is_integer" => is_integer,
        "conjugate" => conjugate,
        _ => return None,
    })
}

fn this(a: &Args) -> f64 {
    match a.pos[0] {
        Value::Float(f) => f,
        _ => 0.0,
    }
}

fn noargs(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, "float", &[], 0)
        .method()
        .bind::<0>(a)
        .map(|_| ())
}

/// `x.hex()`: `[-]0x1.<13 hex digits>p<exp>`, or `0x0.` for zero and subnormals.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if raw == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", raw - 1023)
    }
}

fn hex(_: &mut Interp, a: Args) -> R {
    noargs(&a, "hex")?;
    Ok(Value::Str(PyStr::from(float_hex(this(&a)))))
}

fn fromhex_method(it: &mut Interp, mut a: Args) -> R {
    a.pos.remove(0);
    fromhex(it, a)
}

/// `float.fromhex(text)`.
pub fn fromhex(_: &mut Interp, a: Args) -> R {
    match Sig::c_pos("fromhex", "float", &["string"], 1).bind(&a)? {
        [Some(Value::Str(s))] => parse_hex_float(s).map(Value::Float),
        _ => Err(type_error("bad argument type for built-in operation")),
    }
}

pub fn parse_hex_float(text: &str) -> Result<f64, Exc> {
    let invalid = || value_error("invalid hexadecimal floating-point string");
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let hex_digits = |s: &str| s.chars().all(|c| c.is_ascii_hexdigit());
    if !hex_digits(int_part) || !hex_digits(frac_part) {
        return Err(invalid());
    }
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            // Past any float either way: clamped, then overflow or zero decides.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                -1 << 40
            } else {
                1 << 40
            })
        }
    };
    let all = format!("{int_part}{frac_part}");
    let m = BigInt::parse_bytes(all.as_bytes(), 16).unwrap_or_default();
    let exp2 = exp.saturating_sub(4 * frac_part.len() as i64);
    scale_round(&m, exp2).map(|f| sign * f).ok_or_else(|| {
        crate::python::exceptions::Exc::new(
            ExcKind::OverflowError,
            "hexadecimal value too large to represent as a float",
        )
    })
}

/// `m * 2**exp2` rounded half to even to the nearest float; `None` when past the largest.
fn scale_round(m: &BigInt, exp2: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let bits = m.bits() as i64;
    // The exponent of the leading bit, and how many bits the float keeps of it.
    let top = bits - 1 + exp2;
    if top > 1023 {
        return None;
    }
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep <= 0 {
        // Below half the smallest subnormal (or exactly half, which rounds to even zero)...
        let half_smallest = keep == 0 && !(m - (BigInt::one() << (bits - 1) as usize)).is_zero();
        return Some(if half_smallest { 5e-324 } else { 0.0 });
    }
    let shift = bits - keep;
    let (mut q, e) = if shift > 0 {
        let s = shift as usize;
        let q: BigInt = m >> s;
        let rem: BigInt = m - (&q << s);
        let half = BigInt::one() << (s - 1);
        let up = rem > half || (rem == half && (&q & BigInt::one()).is_one());
        (if up { q + 1 } else { q }, exp2 + shift)
    } else {
        (m.clone(), exp2)
    };
    let mut e = e;
    // Rounding up may carry into a 54th bit: one more binade.
    if keep == 53 && q.bits() > 53 {
        q >>= 1usize;
        e += 1;
    }
    if q.bits() as i64 - 1 + e > 1023 {
        return None;
    }
    let q = q.to_u64()? as f64;
    // Two steps, so no intermediate power of two is itself subnormal or infinite.
    let h = e / 2;
    Some(q * 2f64.powi(h as i32) * 2f64.powi((e - h) as i32))
}

/// `x.real`, `x.imag`, and an int's `numerator`/`denominator` (the number tower's attributes).
pub fn number_attr(v: &Value, name: &str) -> Option<Value> {
    let int = |v: &Value| match v {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    };
    match (v, name) {
        (Value::Float(f), "real") => Some(Value::Float(*f)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Float(_), _) => None,
        (_, "real" | "numerator") => Some(int(v)),
        (_, "imag") => Some(Value::Int(0)),
        (_, "denominator") => Some(Value::Int(1)),
        _ => None,
    }
}

fn conjugate(_: &mut Interp, a: Args) -> R {
    noargs(&a, "conjugate")?;
    Ok(Value::Float(this(&a)))
}

fn as_integer_ratio(_: &mut Interp, a: Args) -> R {
    noargs(&a, "as_integer_ratio")?;
    let x = this(&a);
    if x.is_infinite() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if raw == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), raw - 1075)
    };
    // Lowest terms: the denominator is a power of two, so only twos cancel.
    while m & 1 == 0 && e < 0 {
        m >>= 1;
        e += 1;
    }
    let mut num = BigInt::from(m);
    if x < 0.0 {
        num = -num;
    }
    let (num, den) = if e >= 0 {
        (num << e as usize, BigInt::one())
    } else {
        (num, BigInt::one() << (-e) as usize)
    };
    Ok(Value::tuple(vec![norm(num), norm(den)]))
}

fn is_integer(_: &mut Interp, a: Args) -> R {
    noargs(&a, "is_integer")?;
    let x = this(&a);
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

/// `n.bit_count()`: the ones in `abs(n)`'s binary form.
pub fn bit_count(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("bit_count", "int", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let n = to_big(&a.pos[0]).unwrap_or_default();
    let ones: u64 = n
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_through_fromhex() {
        for x in [
            1.5,
            0.1,
            -2.75,
            5e-324,
            2.2250738585072014e-308,
            f64::MAX,
            1e300,
            -0.0,
        ] {
            let h = float_hex(x);
            let back = parse_hex_float(&h).unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{x} via {h}");
        }
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
    }

    #[test]
    fn fromhex_rounds_half_to_even() {
        crate::python::exceptions::install();
        // 1 + 2**-53 is halfway between 1 and the next float: ties go to even (1.0).
        assert_eq!(parse_hex_float("0x1.00000000000008p0").unwrap(), 1.0);
        assert_eq!(
            parse_hex_float("0x1.00000000000018p0").unwrap(),
            1.0 + 2f64 * f64::EPSILON
        );
        assert!(parse_hex_float("0x1p1024").is_err());
        assert_eq!(parse_hex_float("0x1p-1075").unwrap(), 0.0);
        assert_eq!(parse_hex_float("0x1.8p-1075").unwrap(), 5e-324);
        assert!(parse_hex_float("0xg").is_err());
    }
}
