//! The `math` functions on ints, exact at any size: `factorial`, `gcd`, `lcm`, `comb`, `perm`,
//! `isqrt`.

use crate::python::exceptions::ExcKind;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::python::bigint::{check_bits, norm, to_big};
use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};

type R = Result<Value, Exc>;

/// Argument `i` as an int of any size, with CPython's TypeError for anything else.
fn int_at(a: &Args, i: usize, what: &str) -> Result<BigInt, Exc> {
    match a.pos.get(i) {
        Some(v) => to_big(v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ))
        }),
        None => Err(type_error(format!("{what}() missing required argument"))),
    }
}

/// `n` as a count small enough to loop over (past it the result could not be held anyway), or
/// CPython's OverflowError: `what` is its wording before "exceed N".
fn count(n: &BigInt, what: &str) -> Result<u64, Exc> {
    u64::try_from(n)
        .ok()
        .filter(|n| i64::try_from(*n).is_ok())
        .ok_or_else(|| {
            Exc::new(
                ExcKind::OverflowError,
                format!("{what} exceed {}", i64::MAX),
            )
        })
}

/// The product of `lo..=hi`, split in halves so the big multiplications are balanced.
fn product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        return (lo..=hi).fold(BigInt::one(), |acc, k| acc * k);
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

pub fn factorial(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("factorial", "math", &["n"], 1).bind::<1>(&a)?;
    let n = int_at(&a, 0, "factorial")?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = count(&n, "factorial() argument should not")?;
    // log2(n!) < n * log2(n): weighed before the work starts.
    check_bits(n.saturating_mul(64 - n.leading_zeros() as u64))?;
    Ok(norm(product(2, n)))
}

pub fn gcd(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("gcd", "math", &[], 0).varargs().bind::<0>(&a)?;
    let mut g = BigInt::zero();
    for i in 0..a.pos.len() {
        g = g.gcd(&int_at(&a, i, "gcd")?);
    }
    Ok(norm(g))
}

/// `lcm(*integers)`: 1 for none, 0 if any is 0, always non-negative.
pub fn lcm(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("lcm", "math", &[], 0).varargs().bind::<0>(&a)?;
    let mut l = BigInt::one();
    for i in 0..a.pos.len() {
        let n = int_at(&a, i, "lcm")?;
        if l.is_zero() || n.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&n);
    }
    Ok(norm(l.abs()))
}

/// `perm(n, k=None)`: n! / (n-k)!, and `factorial(n)` when k is None.
pub fn perm(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("perm", "math", &["n", "k"], 1).bind::<2>(&a)?;
    if matches!(a.pos.get(1), None | Some(Value::None)) {
        return factorial(it, Args::new(vec![a.pos[0].clone()]));
    }
    let n = int_at(&a, 0, "perm")?;
    let k = int_at(&a, 1, "perm")?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = count(&k, "k must not")?;
    check_bits(k.saturating_mul(n.bits()))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(norm(r))
}

pub fn comb(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("comb", "math", &["n", "k"], 2).bind::<2>(&a)?;
    let n = int_at(&a, 0, "comb")?;
    let k = int_at(&a, 1, "comb")?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = count(&k.clone().min(&n - &k), "min(n - k, k) must not")?;
    check_bits(k.saturating_mul(n.bits()))?;
    // C(n, i+1) = C(n, i) * (n - i) / (i + 1), exact at every step.
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(norm(r))
}

pub fn isqrt(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("isqrt", "math", &["n"], 1).bind::<1>(&a)?;
    let n = int_at(&a, 0, "isqrt")?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(norm(n.sqrt()))
}
