//! Dispatch from the evaluator to native objects (a Process, a Lock, a Queue, a Value...): their
//! property-like attributes, `repr`, indexing and length. Each native kind answers `None` for what
//! it does not have, and the evaluator falls back to ordinary Python rules.

use std::rc::Rc;

use super::exceptions::Exc;
use super::interp::Interp;
use super::modules::{pipe, process, shared, sync};
use super::value::{Instance, Value};

type R<T> = Result<T, Exc>;

/// An attribute of a native instance not found in its `__dict__` or class.
pub fn instance_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str) -> R<Option<Value>> {
    if matches!(name, "value" | "raw") {
        super::steps::shared_access(inst, false);
    }
    if let Some(v) = super::interp::frame_object::get_attr(it, inst, name)? {
        return Ok(Some(v));
    }
    if let Some(v) = super::complex::attr(inst, name) {
        return Ok(Some(v));
    }
    if let Some(v) = process::get_attr(it, inst, name)? {
        return Ok(Some(v));
    }
    if let Some(v) = pipe::get_attr(inst, name).or_else(|| sync::get_attr(inst, name)) {
        return Ok(Some(v));
    }
    let got = shared::get_attr(it, inst, name)?;
    if name == "value"
        && let Some(v) = &got
    {
        shared::traced_read(it, inst, v)?;
    }
    Ok(got)
}

/// Assignment to an attribute a native instance manages; `true` when handled.
pub fn set_instance_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str, v: &Value) -> R<bool> {
    super::complex::check_set_attr(inst, name)?;
    if matches!(name, "value" | "raw") {
        super::steps::shared_access(inst, true);
    }
    Ok(process::set_attr(it, inst, name, v)? || shared::set_attr(it, inst, name, v)?)
}

/// `repr` of a native instance.
pub fn repr(it: &mut Interp, inst: &Rc<Instance>) -> R<Option<String>> {
    if let Some(r) = super::interp::frame_object::repr(it, inst) {
        return Ok(Some(r));
    }
    if let Some(r) = process::repr(it, inst) {
        return Ok(Some(r));
    }
    if let Some(r) = sync::repr(it, inst)? {
        return Ok(Some(r));
    }
    shared::repr(it, inst)
}

/// `obj[idx]` on a native instance.
pub fn getitem(it: &mut Interp, inst: &Rc<Instance>, idx: &Value) -> R<Option<Value>> {
    super::steps::shared_access(inst, false);
    shared::getitem(it, inst, idx)
}

/// `obj[idx] = v` on a native instance; `true` when handled.
pub fn setitem(it: &mut Interp, inst: &Rc<Instance>, idx: &Value, v: &Value) -> R<bool> {
    super::steps::shared_access(inst, true);
    shared::setitem(it, inst, idx, v)
}

/// `len(obj)` of a native instance.
pub fn len(_it: &mut Interp, inst: &Rc<Instance>) -> R<Option<i64>> {
    Ok(shared::len(inst))
}

/// The items of a native iterable instance.
pub fn iterate(_it: &mut Interp, inst: &Rc<Instance>) -> R<Option<Vec<Value>>> {
    shared::iterate(inst)
}
