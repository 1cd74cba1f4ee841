//! Dispatch from the evaluator to native objects (a Process, a Lock, a Queue, a Value...): their
//! property-like attributes, `repr`, indexing, length and items. The instance's payload answers
//! through its kind's hooks (`native_object::Slots`); a kind without a hook answers `None`, and
//! the evaluator falls back to ordinary Python rules.

use std::rc::Rc;

use super::exceptions::Exc;
use super::interp::Interp;
use super::native_object::slots_of;
use super::value::{Instance, Value};

type R<T> = Result<T, Exc>;

/// An attribute of a native instance not found in its `__dict__` or class. Not inlined: it is
/// `generic_getattr`'s last resort, which stays out of that function's hot path (a method found
/// in the class).
#[inline(never)]
pub fn instance_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str) -> R<Option<Value>> {
    match slots_of(inst).and_then(|s| s.attr) {
        Some(attr) => attr(it, inst, name),
        None => Ok(None),
    }
}

/// Assignment to an attribute a native instance manages; `true` when handled.
pub fn set_instance_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str, v: &Value) -> R<bool> {
    match slots_of(inst).and_then(|s| s.set_attr) {
        Some(set_attr) => set_attr(it, inst, name, v),
        None => Ok(false),
    }
}

/// `repr` of a native instance (or of a code object, which carries no payload).
pub fn repr(it: &mut Interp, inst: &Rc<Instance>) -> R<Option<String>> {
    match slots_of(inst).and_then(|s| s.repr) {
        Some(repr) => repr(it, inst),
        None => Ok(super::interp::frame_object::code_repr(inst)),
    }
}

/// `obj[idx]` on a native instance.
pub fn getitem(it: &mut Interp, inst: &Rc<Instance>, idx: &Value) -> R<Option<Value>> {
    match slots_of(inst).and_then(|s| s.item) {
        Some(item) => item(it, inst, idx),
        None => Ok(None),
    }
}

/// `obj[idx] = v` on a native instance; `true` when handled.
pub fn setitem(it: &mut Interp, inst: &Rc<Instance>, idx: &Value, v: &Value) -> R<bool> {
    match slots_of(inst).and_then(|s| s.set_item) {
        Some(set_item) => set_item(it, inst, idx, v),
        None => Ok(false),
    }
}

/// `len(obj)` of a native instance.
pub fn len(it: &mut Interp, inst: &Rc<Instance>) -> R<Option<i64>> {
    match slots_of(inst).and_then(|s| s.len) {
        Some(len) => len(it, inst),
        None => Ok(None),
    }
}

/// The items of a native iterable instance.
pub fn iterate(it: &mut Interp, inst: &Rc<Instance>) -> R<Option<Vec<Value>>> {
    match slots_of(inst).and_then(|s| s.iter) {
        Some(iter) => iter(it, inst),
        None => Ok(None),
    }
}
