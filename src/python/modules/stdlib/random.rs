//! `random`.

use super::super::make_module;
use super::{R, num};
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use std::cell::Cell;

thread_local! {
    /// xorshift64* state. Copied by fork like the rest of the heap, so children that don't reseed
    /// draw the same numbers as their parent would, as with CPython's fork.
    static RNG: Cell<u64> = Cell::new(seed_from_clock());
}

fn seed_from_clock() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    (t ^ 0x9E37_79B9_7F4A_7C15) | 1
}

fn next_u64() -> u64 {
    RNG.with(|s| {
        let mut x = s.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        s.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

fn unit() -> f64 {
    (next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

fn below(n: i64) -> i64 {
    if n <= 0 {
        0
    } else {
        (next_u64() % n as u64) as i64
    }
}

pub fn random() -> Value {
    make_module(
        "random",
        &[
            ("random", rand_random),
            ("randint", randint),
            ("randrange", randrange),
            ("uniform", uniform),
            ("choice", choice),
            ("shuffle", shuffle),
            ("sample", sample),
            ("seed", seed),
        ],
        vec![],
    )
}

fn rand_random(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(unit()))
}

fn int_at(a: &Args, i: usize, f: &str) -> Result<num_bigint::BigInt, Exc> {
    match a.pos.get(i) {
        Some(v) => crate::python::bigint::to_big(v)
            .ok_or_else(|| type_error(format!("{f}() needs integer arguments"))),
        None => Err(type_error(format!("{f}() needs integer arguments"))),
    }
}

/// A uniform int in `lo..hi` (`hi > lo`), at any size: enough 64-bit draws for the span and one
/// more, taken modulo the span (the bias is below 2**-64).
fn between(lo: &num_bigint::BigInt, hi: &num_bigint::BigInt) -> Result<Value, Exc> {
    use num_integer::Integer;
    let span = hi - lo;
    crate::python::bigint::check_bits(span.bits())?;
    let mut draw = num_bigint::BigInt::from(0);
    for _ in 0..span.bits() / 64 + 2 {
        draw = (draw << 64u32) + next_u64();
    }
    Ok(crate::python::bigint::norm(lo + draw.mod_floor(&span)))
}

fn randint(_: &mut Interp, a: Args) -> R {
    let (lo, hi) = (int_at(&a, 0, "randint")?, int_at(&a, 1, "randint")?);
    let stop = &hi + 1;
    if hi < lo {
        return Err(value_error(format!(
            "empty range for randrange() ({lo}, {stop}, {})",
            &stop - &lo
        )));
    }
    between(&lo, &stop)
}

fn randrange(_: &mut Interp, a: Args) -> R {
    let (lo, hi) = if a.pos.len() == 1 {
        (num_bigint::BigInt::from(0), int_at(&a, 0, "randrange")?)
    } else {
        (int_at(&a, 0, "randrange")?, int_at(&a, 1, "randrange")?)
    };
    if hi <= lo {
        // CPython names the bounds only when both were given.
        return Err(value_error(if a.pos.len() == 1 {
            "empty range for randrange()".to_string()
        } else {
            format!("empty range for randrange() ({lo}, {hi}, {})", &hi - &lo)
        }));
    }
    between(&lo, &hi)
}

fn uniform(_: &mut Interp, a: Args) -> R {
    let lo = num(a.pos.first(), "uniform")?;
    let hi = num(a.pos.get(1), "uniform")?;
    Ok(Value::Float(lo + (hi - lo) * unit()))
}

fn choice(it: &mut Interp, a: Args) -> R {
    let items = it.collect(a.pos.first().unwrap_or(&Value::None))?;
    if items.is_empty() {
        return Err(Exc::new(
            "IndexError",
            "Cannot choose from an empty sequence",
        ));
    }
    Ok(items[below(items.len() as i64) as usize].clone())
}

fn shuffle(_: &mut Interp, a: Args) -> R {
    let Some(Value::List(l)) = a.pos.first() else {
        return Err(type_error("shuffle() needs a list"));
    };
    let mut l = l.borrow_mut();
    for i in (1..l.len()).rev() {
        let j = below(i as i64 + 1) as usize;
        l.swap(i, j);
    }
    Ok(Value::None)
}

fn sample(it: &mut Interp, a: Args) -> R {
    let mut items = it.collect(a.pos.first().unwrap_or(&Value::None))?;
    let k = usize::try_from(&int_at(&a, 1, "sample")?)
        .ok()
        .filter(|k| *k <= items.len())
        .ok_or_else(|| value_error("Sample larger than population or is negative"))?;
    let mut out = Vec::new();
    for _ in 0..k {
        let j = below(items.len() as i64) as usize;
        out.push(items.remove(j));
    }
    Ok(Value::list(out))
}

fn seed(it: &mut Interp, a: Args) -> R {
    let s = match a.pos.first() {
        None | Some(Value::None) => seed_from_clock(),
        Some(Value::Int(i)) => *i as u64,
        Some(v) => {
            let k = it.hash_key(v)?;
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            k.hash(&mut h);
            h.finish()
        }
    };
    RNG.with(|r| r.set((s ^ 0x9E37_79B9_7F4A_7C15) | 1));
    Ok(Value::None)
}
