//! `time`: the clock functions, on the lesson clock where they tell elapsed time.

use super::super::make_module;
use super::{R, num};
use crate::python::exceptions::value_error;
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use crate::runtime;

pub fn time() -> Value {
    make_module(
        "time",
        &[
            ("sleep", sleep),
            ("time", time_time),
            ("monotonic", monotonic),
            ("perf_counter", monotonic),
            ("time_ns", time_ns),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter_ns", monotonic_ns),
        ],
        vec![],
    )
}

fn sleep(it: &mut Interp, a: Args) -> R {
    let s = num(a.pos.first(), "sleep")?;
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if it.budget.is_none() {
        super::super::signal::sleep(it, s)?;
    }
    Ok(Value::None)
}

fn time_time(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(runtime::clock::epoch_secs()))
}

fn time_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int((runtime::clock::epoch_secs() * 1e9) as i64))
}

fn monotonic(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(runtime::clock::now_secs()))
}

fn monotonic_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::clock::now_ns() as i64))
}
