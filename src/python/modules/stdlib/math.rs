//! `math` on floats: each function converts its arguments as CPython's `PyFloat_AsDouble` does,
//! calls the C library's function (the same libm CPython calls, so the last digit agrees), and turns
//! a NaN or infinity out of finite input into CPython's `math domain error` / `math range error`.
//! The exact int functions (factorial, gcd, comb...) are in `math_ints.rs`.

use super::super::make_module;
use super::R;
use super::math_gamma;
use super::math_ints;
use crate::python::ast::BinOp;
use crate::python::bigint::to_f64;
use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, NativeFn, Value};

// The C library's functions, called directly: Rust's std computes some in Rust (cbrt, asinh...),
// and those differ from glibc, which CPython calls, in the last digit (`cbrt(27)`).
mod libm {
    unsafe extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn ldexp(x: f64, e: libc::c_int) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn acos(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
    }
}

/// glibc's `cbrt`, looked up by name: a plain `extern "C"` declaration links to the Rust runtime's
/// own `cbrt`, which gives `cbrt(27) == 3.0` where glibc (and so CPython) gives 3.0000000000000004.
fn c_cbrt(x: f64) -> f64 {
    type Cbrt = unsafe extern "C" fn(f64) -> f64;
    static GLIBC: std::sync::OnceLock<Option<Cbrt>> = std::sync::OnceLock::new();
    let f = GLIBC.get_or_init(|| {
        // SAFETY: dlsym with a NUL-terminated name; the symbol, when found, is libm's cbrt with
        // this signature.
        unsafe {
            let p = libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr());
            (!p.is_null()).then(|| std::mem::transmute::<*mut libc::c_void, Cbrt>(p))
        }
    });
    match f {
        // SAFETY: a pure libm function.
        Some(f) => unsafe { f(x) },
        None => x.cbrt(),
    }
}

fn domain() -> Exc {
    value_error("math domain error")
}

fn range() -> Exc {
    Exc::new(ExcKind::OverflowError, "math range error")
}

/// An argument as a float, as `PyFloat_AsDouble` takes it: ints of any size (an OverflowError past
/// the float range), bools, floats; anything else is CPython's TypeError.
pub fn real(v: Option<&Value>) -> Result<f64, Exc> {
    match v {
        Some(Value::Int(i)) => Ok(*i as f64),
        Some(Value::BigInt(b)) => to_f64(b),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(Value::Float(f)) => Ok(*f),
        Some(other) => Err(type_error(format!(
            "must be real number, not {}",
            other.type_name()
        ))),
        None => Err(type_error("math function missing required argument")),
    }
}

/// CPython's `math_1`: NaN out of a non-NaN is a domain error; an infinity out of a finite number
/// is a range error where the function can overflow (`exp`), a domain error where it cannot
/// (`atanh(1)`, `log1p(-1)`).
fn one(a: &Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> R {
    Sig::c_pos(name, "math", &["x"], 1).bind::<1>(a)?;
    let x = real(a.pos.first())?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! float_fns {
    ($($name:ident => $f:expr, $over:expr;)*) => {
        $(fn $name(_: &mut Interp, a: Args) -> R { one(&a, stringify!($name), $f, $over) })*
        const FLOAT_FNS: &[(&str, NativeFn)] = &[$((stringify!($name), $name)),*];
    };
}

float_fns! {
    sqrt => f64::sqrt, false;
    cbrt => c_cbrt, false;
    exp => |x| unsafe { libm::exp(x) }, true;
    exp2 => |x| unsafe { libm::exp2(x) }, true;
    expm1 => |x| unsafe { libm::expm1(x) }, true;
    log1p => |x| unsafe { libm::log1p(x) }, false;
    sin => |x| unsafe { libm::sin(x) }, false;
    cos => |x| unsafe { libm::cos(x) }, false;
    tan => |x| unsafe { libm::tan(x) }, false;
    asin => |x| unsafe { libm::asin(x) }, false;
    acos => |x| unsafe { libm::acos(x) }, false;
    atan => |x| unsafe { libm::atan(x) }, false;
    sinh => |x| unsafe { libm::sinh(x) }, true;
    cosh => |x| unsafe { libm::cosh(x) }, true;
    tanh => |x| unsafe { libm::tanh(x) }, false;
    asinh => |x| unsafe { libm::asinh(x) }, false;
    acosh => |x| unsafe { libm::acosh(x) }, false;
    atanh => |x| unsafe { libm::atanh(x) }, false;
    erf => |x| unsafe { libm::erf(x) }, false;
    erfc => |x| unsafe { libm::erfc(x) }, false;
    fabs => f64::abs, false;
}

/// `log`, `log2`, `log10` (CPython's `loghelper`): an int too big for a float is split into
/// mantissa and exponent first, so `log(10**400)` works.
fn log_of(v: Option<&Value>, f: fn(f64) -> f64) -> Result<f64, Exc> {
    if let Some(Value::BigInt(b)) = v {
        if b.sign() != num_bigint::Sign::Plus {
            return Err(domain());
        }
        if let Ok(x) = to_f64(b) {
            return log_float(x, f);
        }
        // x = m * 2**e with 0.5 <= m < 1, m from the top 64 bits.
        let e = b.bits();
        let top: num_bigint::BigInt = &**b >> (e - 64);
        let m = u64::try_from(&top).expect("64 bits") as f64 / 18_446_744_073_709_551_616.0;
        return Ok(f(m) + e as f64 * f(2.0));
    }
    log_float(real(v)?, f)
}

fn ln(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::log(x) }
}

fn log_float(x: f64, f: fn(f64) -> f64) -> Result<f64, Exc> {
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

fn log(_: &mut Interp, a: Args) -> R {
    // `log(x, [base])`: an optional group, which CPython counts by hand.
    Sig::c_pos("log", "", &["x", "base"], 1)
        .bind::<2>(&a)
        .map_err(|e| {
            if a.kw.is_empty() {
                type_error("math.log requires 1 to 2 arguments")
            } else {
                e
            }
        })?;
    let num = log_of(a.pos.first(), ln)?;
    let Some(base) = a.pos.get(1) else {
        return Ok(Value::Float(num));
    };
    let den = log_of(Some(base), ln)?;
    if den == 0.0 {
        return Err(Exc::new(
            ExcKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(Value::Float(num / den))
}

fn log2(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("log2", "math", &["x"], 1).bind::<1>(&a)?;
    Ok(Value::Float(log_of(a.pos.first(), |x| unsafe {
        libm::log2(x)
    })?))
}

fn log10(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("log10", "math", &["x"], 1).bind::<1>(&a)?;
    Ok(Value::Float(log_of(a.pos.first(), |x| unsafe {
        libm::log10(x)
    })?))
}

fn pow(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("pow", "math", &["x", "y"], 2).bind::<2>(&a)?;
    let (x, y) = (real(a.pos.first())?, real(a.pos.get(1))?);
    // SAFETY: a pure libm function.
    let r = unsafe { libm::pow(x, y) };
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() {
            // 0 ** negative is a domain error; anything else overflowed.
            return Err(if x == 0.0 { domain() } else { range() });
        }
    }
    Ok(Value::Float(r))
}

fn atan2(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("atan2", "math", &["y", "x"], 2).bind::<2>(&a)?;
    Ok(Value::Float(unsafe {
        libm::atan2(real(a.pos.first())?, real(a.pos.get(1))?)
    }))
}

fn copysign(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("copysign", "math", &["x", "y"], 2).bind::<2>(&a)?;
    Ok(Value::Float(
        real(a.pos.first())?.copysign(real(a.pos.get(1))?),
    ))
}

fn math_fmod(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("fmod", "math", &["x", "y"], 2).bind::<2>(&a)?;
    let (x, y) = (real(a.pos.first())?, real(a.pos.get(1))?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    // SAFETY: a pure libm function.
    let r = unsafe { libm::fmod(x, y) };
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn math_remainder(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("remainder", "math", &["x", "y"], 2).bind::<2>(&a)?;
    let (x, y) = (real(a.pos.first())?, real(a.pos.get(1))?);
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    // SAFETY: a pure libm function (IEEE remainder is exact).
    Ok(Value::Float(unsafe { libm::remainder(x, y) }))
}

fn degrees(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("degrees", "math", &["x"], 1).bind::<1>(&a)?;
    Ok(Value::Float(
        real(a.pos.first())? * (180.0 / std::f64::consts::PI),
    ))
}

fn radians(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("radians", "math", &["x"], 1).bind::<1>(&a)?;
    Ok(Value::Float(
        real(a.pos.first())? * (std::f64::consts::PI / 180.0),
    ))
}

fn isfinite(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("isfinite", "math", &["x"], 1).bind::<1>(&a)?;
    Ok(Value::Bool(real(a.pos.first())?.is_finite()))
}

fn isinf(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("isinf", "math", &["x"], 1).bind::<1>(&a)?;
    Ok(Value::Bool(real(a.pos.first())?.is_infinite()))
}

fn isnan(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("isnan", "math", &["x"], 1).bind::<1>(&a)?;
    Ok(Value::Bool(real(a.pos.first())?.is_nan()))
}

fn isclose(_: &mut Interp, a: Args) -> R {
    let [x, y, rel, abs] = Sig::c("isclose", &["a", "b", "rel_tol", "abs_tol"], 2)
        .kwonly(2)
        .bind(&a)?;
    let (x, y) = (real(x)?, real(y)?);
    let rel = rel.map_or(Ok(1e-9), |v| real(Some(v)))?;
    let abs = abs.map_or(Ok(0.0), |v| real(Some(v)))?;
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

/// `floor`/`ceil`/`trunc`: ints are their own result, a float is rounded, an object answers
/// through its own `__floor__`/`__ceil__`/`__trunc__`.
fn round_with(it: &mut Interp, a: Args, name: &str, f: fn(f64) -> f64) -> R {
    Sig::c_pos(name, "math", &["x"], 1).bind::<1>(&a)?;
    let v = &a.pos[0];
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => crate::python::ops::float_to_int(f(*x)),
        // A complex number has none of these: it is refused as CPython refuses it.
        Value::Instance(_) if crate::python::complex::get(v).is_none() => {
            it.call_method(v, &format!("__{name}__"), vec![])
        }
        other if name == "trunc" => Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            other.type_name()
        ))),
        other => Err(type_error(format!(
            "must be real number, not {}",
            other.type_name()
        ))),
    }
}

fn floor(it: &mut Interp, a: Args) -> R {
    round_with(it, a, "floor", f64::floor)
}

fn ceil(it: &mut Interp, a: Args) -> R {
    round_with(it, a, "ceil", f64::ceil)
}

fn trunc(it: &mut Interp, a: Args) -> R {
    round_with(it, a, "trunc", f64::trunc)
}

fn modf(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("modf", "math", &["x"], 1).bind::<1>(&a)?;
    let x = real(a.pos.first())?;
    let (frac, whole) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(whole)]))
}

fn frexp(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("frexp", "math", &["x"], 1).bind::<1>(&a)?;
    let x = real(a.pos.first())?;
    let (m, e) = crate::python::float_hash::frexp(x.abs());
    Ok(Value::tuple(vec![
        Value::Float(m.copysign(x)),
        Value::Int(e as i64),
    ]))
}

fn math_ldexp(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("ldexp", "math", &["x", "i"], 2).bind::<2>(&a)?;
    let x = real(a.pos.first())?;
    let e = match &a.pos[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => {
            return Err(type_error("Expected an int as second argument to ldexp."));
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = e.clamp(-100_000, 100_000) as libc::c_int;
    // SAFETY: a pure libm function.
    let r = unsafe { libm::ldexp(x, e) };
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn math_nextafter(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("nextafter", "math", &["x", "y"], 2).bind::<2>(&a)?;
    let (x, y) = (real(a.pos.first())?, real(a.pos.get(1))?);
    // SAFETY: a pure libm function.
    Ok(Value::Float(unsafe { libm::nextafter(x, y) }))
}

fn ulp(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("ulp", "math", &["x"], 1).bind::<1>(&a)?;
    let x = real(a.pos.first())?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    // SAFETY: pure libm functions.
    let up = unsafe { libm::nextafter(x, f64::INFINITY) };
    if up.is_infinite() {
        return Ok(Value::Float(x - unsafe { libm::nextafter(x, 0.0) }));
    }
    Ok(Value::Float(up - x))
}

/// `fsum`: Shewchuk's exact partial sums, with CPython's handling of infinities and its final
/// half-way rounding correction, step for step as `math_fsum`.
fn fsum(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("fsum", "math", &["x"], 1).bind::<1>(&a)?;
    let items = it.collect(&a.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for v in &items {
        let mut x = real(Some(v))?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite partial: an infinity or NaN in the input, or an overflow.
                if xsave.is_finite() {
                    return Err(Exc::new(
                        ExcKind::OverflowError,
                        "intermediate overflow in fsum",
                    ));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest of the partials tip the balance.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

/// CPython's `vector_norm`: the Euclidean norm of `vec` (absolute values, `max` the largest),
/// scaled to avoid overflow and corrected so it is nearly always correctly rounded.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::python::float_hash::frexp(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    // SAFETY: a pure libm function.
    let scale = unsafe { libm::ldexp(1.0, -max_e) };
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in vec.iter() {
        let x = x * scale;
        let pr_hi = x * x;
        let pr_lo = x.mul_add(x, -pr_hi);
        let sm_hi = csum + pr_hi;
        let sm_lo = (csum - sm_hi) + pr_hi;
        csum = sm_hi;
        frac1 += pr_lo;
        frac2 += sm_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr_hi = -h * h;
    let pr_lo = (-h).mul_add(h, -pr_hi);
    let sm_hi = csum + pr_hi;
    let sm_lo = (csum - sm_hi) + pr_hi;
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn norm_of(coords: impl Iterator<Item = Result<f64, Exc>>) -> Result<f64, Exc> {
    let mut vec = Vec::new();
    let (mut max, mut found_nan) = (0.0f64, false);
    for x in coords {
        let x = x?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(vector_norm(&mut vec, max, found_nan))
}

fn hypot(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("hypot", "math", &[], 0)
        .varargs()
        .bind::<0>(&a)?;
    Ok(Value::Float(norm_of(a.pos.iter().map(|v| real(Some(v))))?))
}

fn dist(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("dist", "math", &["p", "q"], 2).bind::<2>(&a)?;
    let p = it.collect(&a.pos[0])?;
    let q = it.collect(&a.pos[1])?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    Ok(Value::Float(norm_of(
        p.iter()
            .zip(q.iter())
            .map(|(x, y)| Ok(real(Some(x))? - real(Some(y))?)),
    )?))
}

/// `prod(iterable, *, start=1)`: Python's `*` in order, so ints stay exact and any type that
/// multiplies works.
fn prod(it: &mut Interp, a: Args) -> R {
    let [_, start] = Sig::c("prod", &["iterable", "start"], 1)
        .posonly(1)
        .kwonly(1)
        .bind(&a)?;
    let mut acc = start.cloned().unwrap_or(Value::Int(1));
    for v in it.collect(&a.pos[0])? {
        acc = it.binop(BinOp::Mul, &acc, &v)?;
    }
    Ok(acc)
}

pub fn math() -> Value {
    let mut fns: Vec<(&str, NativeFn)> = FLOAT_FNS.to_vec();
    fns.extend_from_slice(&[
        ("log", log as NativeFn),
        ("log2", log2),
        ("log10", log10),
        ("pow", pow),
        ("atan2", atan2),
        ("copysign", copysign),
        ("fmod", math_fmod),
        ("remainder", math_remainder),
        ("degrees", degrees),
        ("radians", radians),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", math_ldexp),
        ("nextafter", math_nextafter),
        ("ulp", ulp),
        ("fsum", fsum),
        ("hypot", hypot),
        ("dist", dist),
        ("prod", prod),
        ("factorial", math_ints::factorial),
        ("gcd", math_ints::gcd),
        ("lcm", math_ints::lcm),
        ("comb", math_ints::comb),
        ("perm", math_ints::perm),
        ("isqrt", math_ints::isqrt),
        ("gamma", math_gamma::gamma),
        ("lgamma", math_gamma::lgamma_fn),
    ]);
    make_module(
        "math",
        &fns,
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cbrt_is_glibcs() {
        // python3 -c 'import math; print(repr(math.cbrt(27)))' prints 3.0000000000000004.
        assert_eq!(c_cbrt(27.0), 3.0000000000000004);
        assert_eq!(c_cbrt(-8.0), -2.0);
    }

    #[test]
    fn vector_norm_is_cpythons() {
        // python3 -c 'import math; print(math.hypot(0.1, 0.2, 0.3, 0.4), math.hypot(1e200, 1e200))'
        let mut v = [0.1, 0.2, 0.3, 0.4];
        assert_eq!(vector_norm(&mut v, 0.4, false), 0.5477225575051661);
        let mut v = [1e200, 1e200];
        assert_eq!(vector_norm(&mut v, 1e200, false), 1.414213562373095e200);
        assert!(vector_norm(&mut [1.0, f64::NAN], 1.0, true).is_nan());
        assert_eq!(
            vector_norm(&mut [f64::INFINITY], f64::INFINITY, true),
            f64::INFINITY
        );
    }

    #[test]
    fn log_of_an_int_past_the_float_range() {
        crate::python::exceptions::install();
        // python3 -c 'import math; print(math.log(10**400), math.log2(2**2000))'
        let big = num_bigint::BigInt::from(10).pow(400);
        let v = Value::BigInt(std::rc::Rc::new(big));
        assert_eq!(log_of(Some(&v), ln).unwrap(), 921.0340371976182);
        let two = Value::BigInt(std::rc::Rc::new(num_bigint::BigInt::from(1) << 2000u32));
        assert_eq!(
            log_of(Some(&two), |x| unsafe { libm::log2(x) }).unwrap(),
            2000.0
        );
    }
}
