//! The small standard modules, one file each: `time` (on the lesson clock), `os` (process identity
//! only), `sys`, `random`, `queue` (its exceptions), `math`. `signal` and `os.kill` are in
//! `signal.rs`.

mod cmath;
mod math;
mod math_gamma;
mod math_ints;
mod mt;
mod os;
mod os_path;
mod queue;
pub(super) mod random;
mod structseq;
mod sys;
mod sys_info;
mod time;
mod time_struct;

pub use cmath::cmath;
pub use math::math;
pub use os::{cpu_count, getpid, os};
pub use queue::{queue, queue_classes};
pub use random::random_module as random;
pub use sys::{set_arguments, stream_of, sys};
pub use time::time;

use crate::python::exceptions::{Exc, type_error};
use crate::python::value::Value;

type R = Result<Value, Exc>;

/// A number argument as a float (ints of any size, bools, floats), or a TypeError naming `what`.
fn num(v: Option<&Value>, what: &str) -> Result<f64, Exc> {
    match v {
        Some(Value::Int(i)) => Ok(*i as f64),
        Some(Value::BigInt(b)) => crate::python::bigint::to_f64(b),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(Value::Float(f)) => Ok(*f),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as a number ({what})",
            other.type_name()
        ))),
        None => Err(type_error(format!("{what} missing required argument"))),
    }
}
