//! Python's `int` past 64 bits.
//!
//! An int that fits in an `i64` is `Value::Int`, inline, and the arithmetic on it is checked
//! machine arithmetic; when a result does not fit, the same operation is done again here on
//! `num_bigint::BigInt`, and the answer goes back through [`norm`], which makes it `Value::Int`
//! again whenever it fits. So every number has exactly one form, and equality, hashing and dict
//! keys never have to ask whether `2**64 // 2**32` is "big". Sizes are weighed against the
//! per-object limit before a big result is built (`1 << 10**12` is `MemoryError`, not an abort).

use crate::python::exceptions::ExcKind;
use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::alloc::{MAX_OBJECT_BYTES, memory_error};
use super::ast::BinOp;
use super::exceptions::{Exc, type_error};
use super::value::Value;

/// CPython's modulus for hashing numbers: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython 3.11's default limit on decimal digits converted between `int` and `str`.
pub const MAX_STR_DIGITS: usize = 4300;

/// The smallest limit `sys.set_int_max_str_digits` accepts (other than 0, no limit).
const MIN_STR_DIGITS: usize = 640;

thread_local! {
    /// The process's current limit (`sys.set_int_max_str_digits`), 0 for none. One interpreter per
    /// process; a forked child starts with its parent's limit, as in CPython.
    static STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_STR_DIGITS) };
}

/// `sys.get_int_max_str_digits()`.
pub fn max_str_digits() -> usize {
    STR_DIGITS.with(|d| d.get())
}

/// `sys.set_int_max_str_digits(n)`: 0, or at least 640, as CPython.
pub fn set_max_str_digits(v: &Value) -> Result<(), Exc> {
    let n = match v {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(Exc::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ));
        }
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    match usize::try_from(n) {
        Ok(n) if n == 0 || n >= MIN_STR_DIGITS => {
            STR_DIGITS.with(|d| d.set(n));
            Ok(())
        }
        _ => Err(Exc::new(
            ExcKind::ValueError,
            format!("maxdigits must be 0 or larger than {MIN_STR_DIGITS}"),
        )),
    }
}

/// The value as an int, `Some` for ints and bools.
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// Whether `v` is an int (or bool) of any size.
pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// The one form of the number `b`: inline when it fits in 64 bits.
pub fn norm(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// `MemoryError` unless a number of `bits` bits fits in one object.
pub fn check_bits(bits: u64) -> Result<(), Exc> {
    if bits / 8 > MAX_OBJECT_BYTES as u64 {
        Err(memory_error())
    } else {
        Ok(())
    }
}

/// The error CPython gives where an index-sized integer is needed and the int is larger.
pub fn index_overflow(error: ExcKind) -> Exc {
    Exc::new(error, "cannot fit 'int' into an index-sized integer")
}

/// CPython's error where a C size is needed (`list.pop(2**100)`, `'x'.zfill(2**100)`).
pub fn ssize_overflow() -> Exc {
    Exc::new(
        ExcKind::OverflowError,
        "Python int too large to convert to C ssize_t",
    )
}

/// `int` to `float`, correctly rounded, or CPython's OverflowError.
pub fn to_f64(b: &BigInt) -> Result<f64, Exc> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(Exc::new(
            ExcKind::OverflowError,
            "int too large to convert to float",
        )),
    }
}

/// `int(f)` for a float: exact at any size; NaN and infinities raise what CPython raises.
pub fn from_f64(f: f64) -> Result<Value, Exc> {
    if f.is_nan() {
        return Err(Exc::new(
            ExcKind::ValueError,
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    // i64::MIN is exactly -2**63; 2**63 itself is already too large.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        return Ok(Value::Int(t as i64));
    }
    // An integral double is exact as a BigInt: its mantissa shifted by its exponent.
    Ok(norm(
        num_traits::FromPrimitive::from_f64(t).unwrap_or_default(),
    ))
}

/// How `a` compares with the float `f`, exactly (`2**53 + 1 > 2.0**53`); `None` against NaN.
pub fn cmp_float(a: &Value, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if let Value::Int(i) = a
        && i.unsigned_abs() <= 1 << 53
    {
        return (*i as f64).partial_cmp(&f);
    }
    if let Value::Bool(b) = a {
        return (*b as i64 as f64).partial_cmp(&f);
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let a = to_big(a)?;
    let floor = f.floor();
    let fb: BigInt = num_traits::FromPrimitive::from_f64(floor)?;
    Some(match a.cmp(&fb) {
        // Equal to the floor: below `f` unless `f` is integral.
        Ordering::Equal if f > floor => Ordering::Less,
        o => o,
    })
}

/// CPython's `hash()` of an int: the value modulo 2**61 - 1 with the int's sign, and -1 (which
/// CPython reserves for errors) turned into -2.
pub fn hash_i64(i: i64) -> i64 {
    let h = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -h } else { h };
    if h == -1 { -2 } else { h }
}

/// CPython's `hash()` of a big int, as [`hash_i64`].
pub fn hash_big(b: &BigInt) -> i64 {
    let m = (b.magnitude() % BigUint::from(HASH_MODULUS))
        .to_i64()
        .unwrap_or(0);
    let h = if b.sign() == Sign::Minus { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// An int operand of a shift or a power as a count: `None` when it is past `i64`.
fn small(b: &BigInt) -> Option<i64> {
    b.to_i64()
}

/// `a op b` for ints of any size (the slow path, after the 64-bit one did not fit).
pub fn int_op(op: BinOp, a: &BigInt, b: &BigInt) -> Result<Value, Exc> {
    let zero_div = |msg: &str| Exc::new(ExcKind::ZeroDivisionError, msg);
    Ok(norm(match op {
        BinOp::Add => {
            check_bits(a.bits().max(b.bits()) + 1)?;
            a + b
        }
        BinOp::Sub => {
            check_bits(a.bits().max(b.bits()) + 1)?;
            a - b
        }
        BinOp::Mul => {
            check_bits(a.bits() + b.bits())?;
            a * b
        }
        BinOp::Div => return true_div(a, b).map(Value::Float),
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_div("integer division or modulo by zero"));
            }
            a.div_floor(b)
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(zero_div("integer modulo by zero"));
            }
            a.mod_floor(b)
        }
        BinOp::Pow => return pow(a, b),
        BinOp::LShift => {
            if b.is_negative() {
                return Err(Exc::new(ExcKind::ValueError, "negative shift count"));
            }
            if a.is_zero() {
                return Ok(Value::Int(0));
            }
            let Some(n) = small(b) else {
                return Err(Exc::new(
                    ExcKind::OverflowError,
                    "too many digits in integer",
                ));
            };
            check_bits(a.bits().saturating_add(n as u64))?;
            a << (n as u64)
        }
        BinOp::RShift => {
            if b.is_negative() {
                return Err(Exc::new(ExcKind::ValueError, "negative shift count"));
            }
            // Past the number's own width every bit is gone: 0, or -1 for a negative number
            // (shifting rounds toward minus infinity).
            match small(b) {
                Some(n) if (n as u64) < a.bits() => a >> (n as u64),
                _ if a.is_negative() => BigInt::from(-1),
                _ => BigInt::zero(),
            }
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::MatMul => {
            return Err(type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ));
        }
    }))
}

/// `a ** b` for ints: a float for a negative exponent, as CPython.
fn pow(a: &BigInt, b: &BigInt) -> Result<Value, Exc> {
    if b.is_negative() {
        if a.is_zero() {
            return Err(Exc::new(
                ExcKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            ));
        }
        // CPython converts both to float and uses the float power.
        let (x, y) = (to_f64(a)?, to_f64(b)?);
        let r = x.powf(y);
        return Ok(Value::Float(r));
    }
    // Any exponent, however large, keeps these small.
    if a.is_zero() || a.is_one() {
        return Ok(if b.is_zero() {
            Value::Int(1)
        } else {
            norm(a.clone())
        });
    }
    if *a == BigInt::from(-1) {
        return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
    }
    let Some(e) = b.to_u64() else {
        return Err(memory_error());
    };
    // The result has about bits(a) * e bits (at least (bits(a) - 1) * e).
    check_bits((a.bits() - 1).saturating_mul(e))?;
    let e = u32::try_from(e).map_err(|_| memory_error())?;
    Ok(norm(num_traits::Pow::pow(a, e)))
}

/// `pow(b, e, m)` for ints: modular power, a negative exponent through the modular inverse (as
/// Python 3.8+); the result has the modulus's sign, as `%`.
pub fn pow_mod(b: &BigInt, e: &BigInt, m: &BigInt) -> Result<Value, Exc> {
    if m.is_zero() {
        return Err(Exc::new(
            ExcKind::ValueError,
            "pow() 3rd argument cannot be 0",
        ));
    }
    let modulus = m.abs();
    let mut base = b.mod_floor(&modulus);
    if e.is_negative() {
        base = mod_inverse(&base, &modulus).ok_or_else(|| {
            Exc::new(
                ExcKind::ValueError,
                "base is not invertible for the given modulus",
            )
        })?;
    }
    let r = base.modpow(&e.abs(), &modulus);
    Ok(norm(if m.is_negative() && !r.is_zero() {
        r + m
    } else {
        r
    }))
}

/// `x` with `x * a % m == 1`, by the extended Euclid algorithm (`None` when gcd(a, m) != 1).
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    old_r.is_one().then(|| old_s.mod_floor(m))
}

/// `2**e` as a float, for `e` in the range a double's exponent can take.
fn two_to(e: i64) -> f64 {
    f64::from_bits(((1023 + e) as u64) << 52)
}

/// `x * 2**e` with one rounding at most (`x` has at most 54 bits): two steps keep each power
/// of two a normal double.
fn ldexp(x: f64, e: i64) -> f64 {
    let half = e / 2;
    x * two_to(half) * two_to(e - half)
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide`: the quotient is computed
/// in integers to two bits more than a double holds, the remainder kept as a sticky bit, then
/// rounded half to even once.
pub fn true_div(a: &BigInt, b: &BigInt) -> Result<f64, Exc> {
    if b.is_zero() {
        return Err(Exc::new(ExcKind::ZeroDivisionError, "division by zero"));
    }
    let negate = a.is_negative() != b.is_negative();
    let exact = BigInt::from(1u64 << 53);
    if a.abs() <= exact && b.abs() <= exact {
        return Ok(to_f64(a)? / to_f64(b)?);
    }
    if a.is_zero() {
        return Ok(if negate { -0.0 } else { 0.0 });
    }
    let (x, y) = (a.magnitude(), b.magnitude());
    let diff = x.bits() as i64 - y.bits() as i64;
    // DBL_MAX_EXP, DBL_MIN_EXP and DBL_MANT_DIG of IEEE doubles.
    const MAX_EXP: i64 = 1024;
    const MIN_EXP: i64 = -1021;
    const MANT_DIG: i64 = 53;
    let too_large = || {
        Exc::new(
            ExcKind::OverflowError,
            "integer division result too large for a float",
        )
    };
    if diff > MAX_EXP {
        return Err(too_large());
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Ok(if negate { -0.0 } else { 0.0 });
    }
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    let (mut q, r) = if shift >= 0 {
        x.div_rem(&(y << shift as u64))
    } else {
        (x << (-shift) as u64).div_rem(y)
    };
    let inexact = !r.is_zero();
    let q_bits = q.bits() as i64;
    let extra = (q_bits.max(MIN_EXP - shift) - MANT_DIG).max(1) as u64;
    let low_mask = (BigUint::one() << extra) - 1u32;
    let mut low = &q & &low_mask;
    if inexact {
        low |= BigUint::one();
    }
    q >>= extra;
    let half = BigUint::one() << (extra - 1);
    if low > half || (low == half && q.is_odd()) {
        q += 1u32;
    }
    let e = shift + extra as i64;
    if q.bits() as i64 + e > MAX_EXP {
        return Err(too_large());
    }
    let m = q.to_f64().unwrap_or(0.0);
    let r = ldexp(m, e);
    Ok(if negate { -r } else { r })
}

/// The decimal digits of `b`, refused past the process's digit limit (CPython 3.11's 4300 unless
/// `sys.set_int_max_str_digits` changed it) with CPython's words.
pub fn to_decimal(b: &BigInt) -> Result<String, Exc> {
    let limit = max_str_digits();
    if limit == 0 {
        return Ok(b.to_string());
    }
    // A number of `bits` bits lies in [2**(bits-1), 2**bits): the number of its digits is known
    // within one from the bit count, and only in between need the text be made to count them.
    let bits = b.bits() as f64;
    let at_least = (bits - 1.0) * std::f64::consts::LOG10_2;
    let at_most = bits * std::f64::consts::LOG10_2;
    let too_many = || {
        Exc::new(
            ExcKind::ValueError,
            format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ),
        )
    };
    if at_least >= limit as f64 {
        return Err(too_many());
    }
    let s = b.to_string();
    if at_most >= limit as f64 && s.trim_start_matches('-').len() > limit {
        return Err(too_many());
    }
    Ok(s)
}

/// Digits (already checked: valid for `base`, no underscores) as an int; past CPython's limit
/// for a base that is not a power of two, its ValueError.
pub fn parse_digits(digits: &str, base: u32, negative: bool) -> Result<Value, Exc> {
    let limit = max_str_digits();
    if !base.is_power_of_two() && limit != 0 && digits.len() > limit {
        return Err(Exc::new(
            ExcKind::ValueError,
            format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: \
                 value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                digits.len()
            ),
        ));
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), base)
        .ok_or_else(|| Exc::new(ExcKind::ValueError, "invalid literal for int()"))?;
    Ok(norm(if negative { -m } else { m }))
}

/// The magnitude of `b` in base 2, 8 or 16 (for `bin`, `oct`, `hex` and format specs).
pub fn radix_digits(b: &BigInt, radix: u32, upper: bool) -> String {
    let s = b.magnitude().to_str_radix(radix);
    if upper { s.to_ascii_uppercase() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().expect("a number")
    }

    #[test]
    fn results_that_fit_come_back_inline() {
        let two64 = BigInt::one() << 64u32;
        assert!(matches!(
            int_op(BinOp::FloorDiv, &two64, &(BigInt::one() << 32u32)),
            Ok(Value::Int(4294967296))
        ));
        assert!(matches!(
            int_op(BinOp::Add, &two64, &BigInt::one()),
            Ok(Value::BigInt(_))
        ));
        assert!(matches!(norm(BigInt::from(i64::MIN)), Value::Int(i64::MIN)));
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_big(&(BigInt::one() << 61u32)), 1);
        assert_eq!(hash_big(&(BigInt::one() << 64u32)), 8);
        assert_eq!(hash_big(&-(BigInt::one() << 64u32)), -8);
        assert_eq!(hash_i64(i64::MIN), -4);
        // hash(-2**61 - 5) == -6 in CPython 3.11.
        assert_eq!(hash_big(&(-(BigInt::one() << 61u32) - 5)), -6);
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        crate::python::exceptions::install();
        let a = big("1") << 400u32;
        let b = big("3");
        // CPython: 2**400 / 3 == 8.607499593623028e+119.
        assert_eq!(true_div(&a, &b).ok(), Some(8.607499593623028e+119));
        let ten400 = num_traits::Pow::pow(BigInt::from(10), 400u32);
        let ten390 = num_traits::Pow::pow(BigInt::from(10), 390u32);
        assert_eq!(true_div(&ten400, &ten390).ok(), Some(1e10));
        assert!(true_div(&ten400, &BigInt::from(3)).is_err());
        assert_eq!(true_div(&BigInt::one(), &ten400).ok(), Some(0.0));
        // The smallest subnormal, exactly.
        assert_eq!(
            true_div(&(BigInt::one() << 1100u32), &(BigInt::one() << 2174u32)).ok(),
            Some(5e-324)
        );
    }

    #[test]
    fn comparisons_with_floats_are_exact() {
        let two53 = Value::Int((1 << 53) + 1);
        assert_eq!(cmp_float(&two53, 2f64.powi(53)), Some(Ordering::Greater));
        let two64 = norm(BigInt::one() << 64u32);
        assert_eq!(cmp_float(&two64, 2f64.powi(64)), Some(Ordering::Equal));
        assert_eq!(cmp_float(&two64, f64::INFINITY), Some(Ordering::Less));
        assert_eq!(cmp_float(&two64, f64::NAN), None);
        assert_eq!(cmp_float(&Value::Int(3), 3.5), Some(Ordering::Less));
        assert_eq!(cmp_float(&two64, 1.5e19), Some(Ordering::Greater));
    }

    #[test]
    fn huge_shifts_and_powers_refuse_instead_of_allocating() {
        crate::python::exceptions::install();
        let one = BigInt::one();
        let far = BigInt::one() << 100u32;
        assert!(
            matches!(int_op(BinOp::LShift, &one, &far), Err(e) if e.is(ExcKind::OverflowError))
        );
        assert!(
            matches!(int_op(BinOp::LShift, &one, &BigInt::from(1u64 << 62)), Err(e) if e.is(ExcKind::MemoryError))
        );
        assert!(matches!(
            int_op(BinOp::RShift, &-far.clone(), &far),
            Ok(Value::Int(-1))
        ));
        assert!(
            matches!(int_op(BinOp::Pow, &BigInt::from(2), &far), Err(e) if e.is(ExcKind::MemoryError))
        );
        assert!(matches!(
            int_op(BinOp::Pow, &BigInt::from(-1), &far),
            Ok(Value::Int(1))
        ));
    }

    #[test]
    fn modular_power_with_a_negative_exponent_inverts() {
        crate::python::exceptions::install();
        let v = |x: i64| BigInt::from(x);
        assert!(matches!(pow_mod(&v(3), &v(-1), &v(7)), Ok(Value::Int(5))));
        assert!(matches!(pow_mod(&v(2), &v(10), &v(-7)), Ok(Value::Int(-5))));
        assert!(pow_mod(&v(2), &v(-1), &v(4)).is_err());
    }

    #[test]
    fn decimal_text_has_cpythons_limit() {
        crate::python::exceptions::install();
        let ok = num_traits::Pow::pow(BigInt::from(10), 4299u32);
        assert_eq!(to_decimal(&ok).map(|s| s.len()).ok(), Some(4300));
        assert!(to_decimal(&(ok * 10)).is_err());
        assert!(parse_digits(&"1".repeat(4301), 10, false).is_err());
        assert!(parse_digits(&"1".repeat(5000), 16, false).is_ok());
    }
}
