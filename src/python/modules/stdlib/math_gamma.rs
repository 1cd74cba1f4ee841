//! `math.gamma` and `math.lgamma` as CPython 3.11 computes them: not the C library's `tgamma` /
//! `lgamma` but CPython's own Lanczos approximation (N=13, g=6.0246800407767296, the Boost
//! parameters), so the last digits agree with CPython rather than with glibc, and CPython's
//! domain and range errors (`gamma(0)`, `gamma(-1)`, `gamma(200)`, `lgamma(0)`).

use super::R;
use crate::python::exceptions::ExcKind;
use crate::python::exceptions::{Exc, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};

// The C library's functions CPython's formulas call (Rust's own may differ in the last digit).
mod libm {
    unsafe extern "C" {
        pub fn exp(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
    }
}

fn exp(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::exp(x) }
}
fn log(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::log(x) }
}
fn pow(x: f64, y: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::pow(x, y) }
}
fn sin(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::sin(x) }
}
fn cos(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm::cos(x) }
}

const PI: f64 = std::f64::consts::PI;
const LOGPI: f64 = 1.144_729_885_849_400_2;
// g and g - 1/2 are exact binary fractions; written out in full as CPython writes them.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator is x(x+1)...(x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Why a result is an error: CPython's `errno` after the computation.
#[derive(Debug, PartialEq)]
enum Fault {
    /// EDOM: `ValueError: math domain error`.
    Domain,
    /// ERANGE: `OverflowError: math range error` (when the result is large).
    Range,
}

/// Lanczos' sum for positive x, as a rational function (in 1/x past 5, to keep it finite).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), exact at the integers and half-integers (CPython's `m_sinpi`).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => sin(PI * y),
        1 => cos(PI * (y - 0.5)),
        // Not -sin(pi*(y-1)), which gives -0.0 at y == 1.
        2 => sin(PI * (1.0 - y)),
        3 => -cos(PI * (y - 1.5)),
        _ => sin(PI * (y - 2.0)),
    };
    1f64.copysign(x) * r
}

/// The Gamma function (CPython's `m_tgamma`), with the fault CPython's errno would carry.
fn tgamma(x: f64) -> (f64, Option<Fault>) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, None);
        }
        return (f64::NAN, Some(Fault::Domain));
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Some(Fault::Domain));
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Some(Fault::Domain));
        }
        if x <= 23.0 {
            // (x-1)! exactly, as CPython's table has it.
            let mut f = 1.0;
            for k in 2..(x as i64) {
                f *= k as f64;
            }
            return (f, None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, r.is_infinite().then_some(Fault::Range));
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), None);
        }
        return (f64::INFINITY, Some(Fault::Range));
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, to correct pow(y, x-0.5)/exp(y) with.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= pow(y, absx - 0.5);
        } else {
            let sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= pow(y, absx - 0.5);
        } else {
            let sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, r.is_infinite().then_some(Fault::Range))
}

/// The log of |Gamma(x)| (CPython's `m_lgamma`).
fn lgamma(x: f64) -> (f64, Option<Fault>) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, None);
        }
        return (f64::INFINITY, None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Some(Fault::Domain));
        }
        return (0.0, None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-log(absx), None);
    }
    let mut r = log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - log(sinpi(absx).abs()) - log(absx) - r;
    }
    (r, r.is_infinite().then_some(Fault::Range))
}

/// CPython's `math_1a` + `is_error`: a fault becomes the exception, except a range fault on a
/// small result (an underflow), which CPython lets through.
fn finish((r, fault): (f64, Option<Fault>)) -> R {
    match fault {
        Some(Fault::Domain) => Err(value_error("math domain error")),
        Some(Fault::Range) if r.abs() >= 1.5 => {
            Err(Exc::new(ExcKind::OverflowError, "math range error"))
        }
        _ => Ok(Value::Float(r)),
    }
}

fn one_arg(a: &Args, name: &str) -> Result<f64, Exc> {
    let [x] = crate::python::bind::Sig::c_pos(name, "math", &["x"], 1).bind(a)?;
    super::math::real(x)
}

/// `math.gamma(x)`.
pub fn gamma(_: &mut Interp, a: Args) -> R {
    finish(tgamma(one_arg(&a, "gamma")?))
}

/// `math.lgamma(x)`.
pub fn lgamma_fn(_: &mut Interp, a: Args) -> R {
    finish(lgamma(one_arg(&a, "lgamma")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_is_cpythons() {
        // python3 -c 'import math; print(math.gamma(0.5), math.gamma(-2.5), math.gamma(171.5))'
        assert_eq!(tgamma(0.5).0, 1.772_453_850_905_515_9);
        assert_eq!(tgamma(-2.5).0, -0.945_308_720_482_941_7);
        assert_eq!(tgamma(5.0), (24.0, None));
        assert_eq!(tgamma(-1.0).1, Some(Fault::Domain));
        assert_eq!(tgamma(0.0).1, Some(Fault::Domain));
        assert_eq!(tgamma(201.0).1, Some(Fault::Range));
        assert_eq!(tgamma(-250.5).0, 0.0);
    }

    #[test]
    fn lgamma_is_cpythons() {
        // python3 -c 'import math; print(math.lgamma(10), math.lgamma(-2.5))'
        assert_eq!(lgamma(10.0).0, 12.801_827_480_081_467);
        assert_eq!(lgamma(-2.5).0, -0.056_243_716_497_674_57);
        assert_eq!(lgamma(1.0), (0.0, None));
        assert_eq!(lgamma(-3.0).1, Some(Fault::Domain));
        assert_eq!(lgamma(f64::NEG_INFINITY), (f64::INFINITY, None));
    }
}
