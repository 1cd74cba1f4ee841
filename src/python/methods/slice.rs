//! `slice` objects: `slice(stop)`, `slice(start, stop[, step])`, their `start`/`stop`/`step`
//! and `indices(length)`. Indexing with one (`xs[slice(1, 5, 2)]`) is the same as `xs[1:5:2]`,
//! which the evaluator already builds as a `Value::Slice`.

use crate::python::bind::Sig;
use std::rc::Rc;

use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::ops::slice_bounds;
use crate::python::value::{Args, NativeFn, Value};

type R = Result<Value, Exc>;

/// `slice.__new__`: the class comes first.
pub fn new(_: &mut Interp, a: Args) -> R {
    if !a.kw.is_empty() {
        return Err(type_error("slice() takes no keyword arguments"));
    }
    let args = &a.pos[1..];
    let parts = match args {
        [] => {
            return Err(type_error("slice expected at least 1 argument, got 0"));
        }
        [stop] => [Value::None, stop.clone(), Value::None],
        [start, stop] => [start.clone(), stop.clone(), Value::None],
        [start, stop, step] => [start.clone(), stop.clone(), step.clone()],
        more => {
            return Err(type_error(format!(
                "slice expected at most 3 arguments, got {}",
                more.len()
            )));
        }
    };
    Ok(Value::Slice(Rc::new(parts)))
}

/// `s.start`, `s.stop`, `s.step`.
pub fn attr(s: &[Value; 3], name: &str) -> Option<Value> {
    match name {
        "start" => Some(s[0].clone()),
        "stop" => Some(s[1].clone()),
        "step" => Some(s[2].clone()),
        _ => None,
    }
}

pub fn lookup(name: &str) -> Option<NativeFn> {
    match name {
        "indices" => Some(indices),
        _ => None,
    }
}

/// `s.indices(length)`: the `(start, stop, step)` a sequence of that length would use.
fn indices(_: &mut Interp, a: Args) -> R {
    let Value::Slice(s) = &a.pos[0] else {
        return Err(type_error("indices() needs a slice"));
    };
    Sig::c_pos("indices", "slice", &["len"], 1)
        .method()
        .bind::<1>(&a)?;
    let len = match &a.pos[1] {
        Value::Int(n) if *n < 0 => return Err(value_error("length should not be negative")),
        Value::Int(n) => *n as usize,
        Value::Bool(b) => *b as usize,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let (start, stop, step) = slice_bounds(s, len)?;
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}
