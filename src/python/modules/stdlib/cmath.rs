//! `cmath`: functions of complex numbers, ported from CPython 3.11's `cmathmodule.c` for finite
//! input (the same formulas over the same libm, so the last digits agree), with its errors: a
//! finite argument whose result is infinite is `math range error`, a pole `math domain error`.
//! Infinite and NaN arguments follow C99 Annex G's simple rules rather than CPython's full tables.

use super::super::make_module;
use super::R;
use crate::python::bind::Sig;
use crate::python::complex::{self, Cpx};
use crate::python::exceptions::{Exc, ExcKind, type_error, value_error};
use crate::python::interp::{Interp, bind};
use crate::python::value::{Args, NativeFn, Value};

mod libm {
    unsafe extern "C" {
        pub fn log1p(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
    }

    /// C's `double complex`: two doubles, passed and returned in SSE registers like this struct.
    #[repr(C)]
    #[derive(Clone, Copy)]
    pub struct C64 {
        pub re: f64,
        pub im: f64,
    }

    unsafe extern "C" {
        pub fn csqrt(z: C64) -> C64;
        pub fn cexp(z: C64) -> C64;
        pub fn csin(z: C64) -> C64;
        pub fn ccos(z: C64) -> C64;
        pub fn ctan(z: C64) -> C64;
        pub fn csinh(z: C64) -> C64;
        pub fn ccosh(z: C64) -> C64;
        pub fn ctanh(z: C64) -> C64;
    }
}

/// An infinite or NaN argument: C99 Annex G's value (glibc's complex functions), and CPython's
/// `math domain error` where an infinity without a NaN gives a NaN.
fn special(z: Cpx, f: unsafe extern "C" fn(libm::C64) -> libm::C64) -> Option<R> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    // SAFETY: a pure libm function of one complex value.
    let r = unsafe { f(libm::C64 { re: z.re, im: z.im }) };
    let nan_in = z.re.is_nan() || z.im.is_nan();
    if !nan_in && (r.re.is_nan() || r.im.is_nan()) {
        return Some(Err(domain()));
    }
    Some(out(Cpx { re: r.re, im: r.im }))
}

fn log1p(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::log1p(x) }
}
fn sinh(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::sinh(x) }
}
fn cosh(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::cosh(x) }
}
fn tanh(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::tanh(x) }
}

/// `log(DBL_MAX / 4)`: past it `exp`, `sinh`... are computed scaled to avoid a spurious overflow.
const LOG_LARGE_DOUBLE: f64 = 708.3964185322641;
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;

fn domain() -> Exc {
    value_error("math domain error")
}

fn range() -> Exc {
    Exc::new(ExcKind::OverflowError, "math range error")
}

/// An argument as a complex, as `PyArg_Parse("D")` takes it: a complex, an int or float, or an
/// object with `__complex__` or `__float__`.
fn arg(it: &mut Interp, v: Option<&Value>, name: &str) -> Result<Cpx, Exc> {
    let Some(v) = v else {
        return Err(type_error(format!(
            "{name}() missing required argument 'z' (pos 1)"
        )));
    };
    let real = |x: f64| Cpx { re: x, im: 0.0 };
    Ok(match v {
        Value::Int(i) => real(*i as f64),
        Value::Bool(b) => real(*b as i64 as f64),
        Value::BigInt(b) => real(crate::python::bigint::to_f64(b)?),
        Value::Float(f) => real(*f),
        _ => match complex::get(v) {
            Some(c) => c,
            None => {
                let hook = match v {
                    Value::Instance(i) => i
                        .class
                        .lookup("__complex__")
                        .or_else(|| i.class.lookup("__float__")),
                    _ => None,
                };
                let Some(m) = hook else {
                    return Err(type_error(format!(
                        "must be real number, not {}",
                        v.type_name()
                    )));
                };
                let got = it.call(&bind(m, v), Args::default())?;
                match (&got, complex::get(&got)) {
                    (_, Some(c)) => c,
                    (Value::Float(f), _) => real(*f),
                    _ => {
                        return Err(type_error(format!(
                            "__complex__ returned non-complex (type {})",
                            got.type_name()
                        )));
                    }
                }
            }
        },
    })
}

fn one(it: &mut Interp, a: &Args, name: &str) -> Result<Cpx, Exc> {
    let [z] = Sig::c_pos(name, "cmath", &["z"], 1).bind(a)?;
    arg(it, z, name)
}

fn out(c: Cpx) -> R {
    Ok(complex::new(c.re, c.im))
}

/// A finite argument with an infinite result overflowed.
fn checked(z: Cpx, r: Cpx) -> R {
    let finite = z.re.is_finite() && z.im.is_finite();
    if finite && (r.re.is_infinite() || r.im.is_infinite()) {
        return Err(range());
    }
    out(r)
}

pub fn c_sqrt(z: Cpx) -> Cpx {
    if z.re == 0.0 && z.im == 0.0 {
        return Cpx { re: 0.0, im: z.im };
    }
    if z.im.is_infinite() {
        return Cpx {
            re: f64::INFINITY,
            im: z.im,
        };
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Subnormal parts: scaled up first, as CPython does (CM_SCALE_UP = 53).
        ax *= 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        Cpx {
            re: s,
            im: d.copysign(z.im),
        }
    } else {
        Cpx {
            re: d,
            im: s.copysign(z.im),
        }
    }
}

pub fn c_exp(z: Cpx) -> Cpx {
    let (l, e) = if z.re > LOG_LARGE_DOUBLE {
        ((z.re - 1.0).exp(), std::f64::consts::E)
    } else {
        (z.re.exp(), 1.0)
    };
    if z.im == 0.0 {
        // exp(x + 0j) is real, even where l * cos(0) would not say so for an infinite l.
        return Cpx {
            re: l * e,
            im: z.im,
        };
    }
    Cpx {
        re: l * z.im.cos() * e,
        im: l * z.im.sin() * e,
    }
}

/// CPython's `c_log`; `None` at the pole 0.
pub fn c_log(z: Cpx) -> Option<Cpx> {
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax.is_infinite() || ay.is_infinite() {
        f64::INFINITY
    } else if ax.is_nan() || ay.is_nan() {
        f64::NAN
    } else if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + std::f64::consts::LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let k = 2f64.powi(53);
            (ax * k).hypot(ay * k).ln() - 53.0 * std::f64::consts::LN_2
        } else {
            return None;
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    Some(Cpx {
        re,
        im: z.im.atan2(z.re),
    })
}

fn c_sinh(z: Cpx) -> Cpx {
    if z.re.abs() > LOG_LARGE_DOUBLE {
        let x = z.re - z.re.signum();
        Cpx {
            re: z.im.cos() * sinh(x) * std::f64::consts::E,
            im: z.im.sin() * cosh(x) * std::f64::consts::E,
        }
    } else {
        Cpx {
            re: z.im.cos() * sinh(z.re),
            im: z.im.sin() * cosh(z.re),
        }
    }
}

fn c_cosh(z: Cpx) -> Cpx {
    if z.re.abs() > LOG_LARGE_DOUBLE {
        let x = z.re - z.re.signum();
        Cpx {
            re: z.im.cos() * cosh(x) * std::f64::consts::E,
            im: z.im.sin() * sinh(x) * std::f64::consts::E,
        }
    } else {
        Cpx {
            re: z.im.cos() * cosh(z.re),
            im: z.im.sin() * sinh(z.re),
        }
    }
}

fn c_tanh(z: Cpx) -> Cpx {
    if z.re.abs() > LOG_LARGE_DOUBLE {
        Cpx {
            re: 1f64.copysign(z.re),
            im: 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        }
    } else {
        let tx = tanh(z.re);
        let ty = z.im.tan();
        let cx = 1.0 / cosh(z.re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        Cpx {
            re: tx * (1.0 + ty * ty) / denom,
            im: ((ty / denom) * cx) * cx,
        }
    }
}

/// `f(i*z)` turned back: sin, cos and tan are sinh, cosh and tanh of `i*z`.
fn rotated(z: Cpx, f: fn(Cpx) -> Cpx, back: bool) -> Cpx {
    let s = f(Cpx {
        re: -z.im,
        im: z.re,
    });
    if back {
        Cpx {
            re: s.im,
            im: -s.re,
        }
    } else {
        s
    }
}

fn sqrt(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "sqrt")?;
    if let Some(r) = special(z, libm::csqrt) {
        return r;
    }
    out(c_sqrt(z))
}

fn exp(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "exp")?;
    if let Some(r) = special(z, libm::cexp) {
        return r;
    }
    checked(z, c_exp(z))
}

fn log(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("log", "cmath", &["z", "base"], 1).bind::<2>(&a)?;
    let z = arg(it, a.pos.first(), "log")?;
    let r = c_log(z).ok_or_else(domain)?;
    match a.pos.get(1) {
        None => out(r),
        Some(b) => {
            let b = arg(it, Some(b), "log")?;
            let lb = c_log(b).ok_or_else(domain)?;
            out(complex::c_quot(r, lb).ok_or_else(domain)?)
        }
    }
}

fn log10(it: &mut Interp, a: Args) -> R {
    let r = c_log(one(it, &a, "log10")?).ok_or_else(domain)?;
    out(Cpx {
        re: r.re / std::f64::consts::LN_10,
        im: r.im / std::f64::consts::LN_10,
    })
}

fn sin(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "sin")?;
    if let Some(r) = special(z, libm::csin) {
        return r;
    }
    checked(z, rotated(z, c_sinh, true))
}
fn cos(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "cos")?;
    if let Some(r) = special(z, libm::ccos) {
        return r;
    }
    checked(z, rotated(z, c_cosh, false))
}
fn tan(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "tan")?;
    if let Some(r) = special(z, libm::ctan) {
        return r;
    }
    checked(z, rotated(z, c_tanh, true))
}
fn sinh_fn(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "sinh")?;
    if let Some(r) = special(z, libm::csinh) {
        return r;
    }
    checked(z, c_sinh(z))
}
fn cosh_fn(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "cosh")?;
    if let Some(r) = special(z, libm::ccosh) {
        return r;
    }
    checked(z, c_cosh(z))
}
fn tanh_fn(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "tanh")?;
    if let Some(r) = special(z, libm::ctanh) {
        return r;
    }
    checked(z, c_tanh(z))
}

/// `phase(z)`: libm's `atan2`, whose underflow (`phase(1.7e308-1e-308j)`) CPython reports as
/// `math range error` from errno.
fn phase(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "phase")?;
    // SAFETY: errno is this thread's; atan2 is a pure libm function that may set it.
    let (phi, errno) = unsafe {
        *libc::__errno_location() = 0;
        let phi = libm::atan2(z.im, z.re);
        (phi, *libc::__errno_location())
    };
    if errno == libc::ERANGE {
        return Err(range());
    }
    Ok(Value::Float(phi))
}

fn polar(it: &mut Interp, a: Args) -> R {
    let z = one(it, &a, "polar")?;
    let r = complex::modulus(z).map_err(|_| range())?;
    Ok(Value::tuple(vec![
        Value::Float(r),
        Value::Float(z.im.atan2(z.re)),
    ]))
}

fn real(v: Option<&Value>) -> Result<f64, Exc> {
    super::math::real(v)
}

fn rect(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("rect", "cmath", &["r", "phi"], 2).bind::<2>(&a)?;
    let (r, phi) = (real(a.pos.first())?, real(a.pos.get(1))?);
    if r.is_finite() && phi.is_infinite() {
        return Err(domain());
    }
    if phi == 0.0 {
        return out(Cpx { re: r, im: r * phi });
    }
    out(Cpx {
        re: r * phi.cos(),
        im: r * phi.sin(),
    })
}

fn test(it: &mut Interp, a: &Args, name: &str, f: fn(f64) -> bool, any: bool) -> R {
    let z = one(it, a, name)?;
    Ok(Value::Bool(if any {
        f(z.re) || f(z.im)
    } else {
        f(z.re) && f(z.im)
    }))
}

fn isnan(it: &mut Interp, a: Args) -> R {
    test(it, &a, "isnan", f64::is_nan, true)
}
fn isinf(it: &mut Interp, a: Args) -> R {
    test(it, &a, "isinf", f64::is_infinite, true)
}
fn isfinite(it: &mut Interp, a: Args) -> R {
    test(it, &a, "isfinite", f64::is_finite, false)
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`, as `cmath_isclose_impl`.
fn isclose(it: &mut Interp, a: Args) -> R {
    let [x, y, rel_tol, abs_tol] = Sig::c("isclose", &["a", "b", "rel_tol", "abs_tol"], 2)
        .kwonly(2)
        .bind(&a)?;
    let (x, y) = (arg(it, x, "isclose")?, arg(it, y, "isclose")?);
    let rel_tol = rel_tol.map_or(Ok(1e-9), |v| real(Some(v)))?;
    let abs_tol = abs_tol.map_or(Ok(0.0), |v| real(Some(v)))?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.re.is_infinite() || x.im.is_infinite() || y.re.is_infinite() || y.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let m = |c: Cpx| complex::modulus(c).unwrap_or(f64::INFINITY);
    let diff = m(complex::c_diff(x, y));
    Ok(Value::Bool(
        diff <= rel_tol * m(y) || diff <= rel_tol * m(x) || diff <= abs_tol,
    ))
}

/// The module.
pub fn cmath() -> Value {
    let fns: &[(&str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log10", log10),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("sinh", sinh_fn),
        ("cosh", cosh_fn),
        ("tanh", tanh_fn),
        ("phase", phase),
        ("polar", polar),
        ("rect", rect),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("isclose", isclose),
    ];
    use std::f64::consts;
    make_module(
        "cmath",
        fns,
        vec![
            ("pi", Value::Float(consts::PI)),
            ("e", Value::Float(consts::E)),
            ("tau", Value::Float(consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            ("infj", complex::new(0.0, f64::INFINITY)),
            ("nanj", complex::new(0.0, f64::NAN)),
        ],
    )
}
