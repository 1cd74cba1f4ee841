//! `math`.

use super::super::make_module;
use super::{R, num};
use crate::python::exceptions::value_error;
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};

pub fn math() -> Value {
    make_module(
        "math",
        &[
            ("sqrt", sqrt),
            ("floor", floor),
            ("ceil", ceil),
            ("isclose", isclose),
            ("factorial", super::math_ints::factorial),
            ("gcd", super::math_ints::gcd),
            ("comb", super::math_ints::comb),
            ("isqrt", super::math_ints::isqrt),
        ],
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
        ],
    )
}

fn sqrt(_: &mut Interp, a: Args) -> R {
    let x = num(a.pos.first(), "sqrt")?;
    if x < 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

fn floor(_: &mut Interp, a: Args) -> R {
    // An int is its own floor (through a float it would lose its low digits).
    if let Some(v @ (Value::Int(_) | Value::BigInt(_))) = a.pos.first() {
        return Ok(v.clone());
    }
    let x = num(a.pos.first(), "floor")?.floor();
    crate::python::ops::float_to_int(x)
}

fn ceil(_: &mut Interp, a: Args) -> R {
    // An int is its own ceil (through a float it would lose its low digits).
    if let Some(v @ (Value::Int(_) | Value::BigInt(_))) = a.pos.first() {
        return Ok(v.clone());
    }
    let x = num(a.pos.first(), "ceil")?.ceil();
    crate::python::ops::float_to_int(x)
}

fn isclose(_: &mut Interp, a: Args) -> R {
    let x = num(a.pos.first(), "isclose")?;
    let y = num(a.pos.get(1), "isclose")?;
    Ok(Value::Bool((x - y).abs() <= 1e-9 * x.abs().max(y.abs())))
}
