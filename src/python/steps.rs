//! The operations of a Python program that are checkpoints of a held run (`scheduler.md`): a call
//! of a `multiprocessing` object's method (Lock/Queue/Pipe/Event/Process... operations), `print`,
//! and each read and write of shared memory. Statement starts and sleeps are checkpoints in
//! `runtime` itself. Each hook is one relaxed load in a free run.

use std::rc::Rc;

use super::modules::shared;
use super::value::{Args, Builtin, Instance, Value};
use crate::runtime::gate;

/// Before calling `func` with `args`: a checkpoint when it is a `multiprocessing` method (bound,
/// or taken from the class with the instance first, as `obj.method(...)` calls it) or `print`.
#[inline]
pub fn before_call(func: &Value, args: &Args) {
    if !gate::is_held() {
        return;
    }
    // A bound method comes back here as its function with the instance first: one checkpoint.
    match func {
        Value::Builtin(b) if &*b.name == "print" && b.data.is_none() => {
            gate::operation(|| "print".to_string());
        }
        Value::Builtin(b) => {
            if let Some(Value::Instance(inst)) = args.pos.first() {
                method_call(inst, b);
            }
        }
        _ => {}
    }
}

/// `before_call` for the native `b` called as a method, `args` holding the instance first (the
/// method-call site's path that does not go through `Interp::call`).
#[inline]
pub fn before_native(b: &Rc<Builtin>, args: &Args) {
    before_native_on(b, args.pos.first());
}

/// [`before_native`] for the native `b` called on `this` (its first argument).
#[inline]
pub fn before_native_on(b: &Rc<Builtin>, this: Option<&Value>) {
    if !gate::is_held() {
        return;
    }
    if &*b.name == "print" && b.data.is_none() {
        gate::operation(|| "print".to_string());
    } else if let Some(Value::Instance(inst)) = this {
        method_call(inst, b);
    }
}

/// A checkpoint for `b` called on `inst` when `b` is a method of a `multiprocessing` class (and
/// not a function that merely got such an object first, like `repr(lock)`).
fn method_call(inst: &Rc<Instance>, b: &Rc<Builtin>) {
    if !inst.class.module.starts_with("multiprocessing") || !is_operation(&b.name) {
        return;
    }
    let own = matches!(inst.class.lookup(&b.name), Some(Value::Builtin(ref m)) if Rc::ptr_eq(m, b));
    if own {
        gate::operation(|| method_step(&inst.class.name, &b.name));
    }
}

/// Whether a method is an operation other processes can observe: not construction, `repr` or
/// the like, nor `run` (a child's own start, whose first statement is its first checkpoint).
fn is_operation(method: &str) -> bool {
    let dunder = method.starts_with("__") && method.ends_with("__");
    (!dunder || matches!(method, "__enter__" | "__exit__")) && method != "run"
}

/// What a method call on a `multiprocessing` object does, as a step says it.
fn method_step(class: &str, method: &str) -> String {
    match method {
        "__enter__" => format!("{class}.acquire (with)"),
        "__exit__" => format!("{class}.release (with)"),
        _ => format!("{class}.{method}"),
    }
}

/// Before reading or writing (`write`) the shared memory of a `Value`/`Array`: `counter.value += 1`
/// is a read step, then a write step.
#[inline]
pub fn shared_access(inst: &Rc<Instance>, write: bool) {
    if !gate::is_held() {
        return;
    }
    if let Some(label) = shared::label_of(inst) {
        let how = if write { "write" } else { "read" };
        gate::operation(|| format!("{label} {how}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_blocks_read_as_acquire_and_release() {
        assert_eq!(method_step("Lock", "__enter__"), "Lock.acquire (with)");
        assert_eq!(method_step("Lock", "__exit__"), "Lock.release (with)");
        assert_eq!(method_step("Queue", "put"), "Queue.put");
        assert!(is_operation("acquire") && is_operation("__enter__"));
        assert!(!is_operation("__init__") && !is_operation("__repr__") && !is_operation("run"));
    }
}
