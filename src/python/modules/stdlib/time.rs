//! `time`: the clock functions, on the lesson clock where they tell elapsed time.

use super::super::make_module;
use super::time_struct;
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
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("gmtime", time_struct::gmtime),
            ("localtime", time_struct::localtime),
            ("mktime", time_struct::mktime),
            ("asctime", time_struct::asctime),
            ("ctime", time_struct::ctime),
            ("strftime", time_struct::strftime),
        ],
        vec![(
            "struct_time",
            Value::Class(time_struct::struct_time_class()),
        )],
    )
}

fn process_time(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(
        time_struct::cpu_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 / 1e9,
    ))
}

fn process_time_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(time_struct::cpu_ns(
        libc::CLOCK_PROCESS_CPUTIME_ID,
    )))
}

fn thread_time(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(
        time_struct::cpu_ns(libc::CLOCK_THREAD_CPUTIME_ID) as f64 / 1e9,
    ))
}

fn thread_time_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(time_struct::cpu_ns(
        libc::CLOCK_THREAD_CPUTIME_ID,
    )))
}

fn sleep(it: &mut Interp, a: Args) -> R {
    let s = match a.pos.first() {
        Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)) | None => {
            num(a.pos.first(), "sleep")?
        }
        // CPython's _PyTime_FromSecondsObject: a non-number is asked for an integer.
        Some(other) => {
            return Err(crate::python::exceptions::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
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
