//! `_futures`: the two things `concurrent.futures` (written in Python, `src/python/lib/`) cannot
//! say in forkyard's subset of Python.
//!
//! - `format_exception(exc)`: the traceback text of an exception a worker caught, as CPython's
//!   `traceback.format_exception` gives it, for the `_RemoteTraceback` the parent re-raises with.
//! - `at_exit(fn)`: a function run when this process's program ends, before its children are
//!   joined. CPython registers the executors' "join the manager thread" step with
//!   `threading._register_atexit`; here it finishes the work still pending and lets the workers go,
//!   so a program that forgets `shutdown()` ends as CPython's does.

use std::cell::RefCell;

use super::make_module;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};

type R = Result<Value, Exc>;

thread_local! {
    /// The functions `at_exit` registered, in order. A forked child inherits them; each decides
    /// for itself whether it belongs to this process (an executor knows its owner's pid).
    static HOOKS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

pub fn module() -> Value {
    make_module(
        "_futures",
        &[("format_exception", format_exception), ("at_exit", at_exit)],
        vec![],
    )
}

fn format_exception(it: &mut Interp, a: Args) -> R {
    let Some(v) = a.pos.first().cloned() else {
        return Err(type_error("format_exception() missing 1 required argument"));
    };
    let e = match it.to_exception(v) {
        Ok(e) | Err(e) => e,
    };
    Ok(Value::str(&it.format_exception(&e)))
}

fn at_exit(_: &mut Interp, a: Args) -> R {
    let Some(f) = a.pos.first().cloned() else {
        return Err(type_error("at_exit() missing 1 required argument"));
    };
    HOOKS.with(|h| h.borrow_mut().push(f));
    Ok(Value::None)
}

/// Runs the registered functions once, last registered first (as `atexit`). An error in one is
/// printed as CPython prints an exception ignored at exit, and the others still run.
pub fn run_exit_hooks(it: &mut Interp) {
    let hooks = HOOKS.with(|h| std::mem::take(&mut *h.borrow_mut()));
    for f in hooks.iter().rev() {
        if let Err(e) = it.call(f, Args::new(vec![])) {
            let tb = it.format_exception(&e);
            crate::runtime::output::write(
                crate::trace::Stream::Stderr,
                &format!(
                    "Exception ignored in atexit callback: {}\n{tb}",
                    f.type_name()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_hooks_run_once_last_first() {
        crate::python::exceptions::install();
        let src = "order = []\ndef a():\n    order.append('a')\ndef b():\n    order.append('b')\n";
        let mut it = Interp::new("hooks.py", src);
        let parsed = crate::python::parse_program(src, "hooks.py").expect("parses");
        it.run_module(&parsed).expect("runs");
        for name in ["a", "b"] {
            let f = it.globals.borrow().get(name).cloned().expect("defined");
            at_exit(&mut it, Args::new(vec![f])).expect("registers");
        }
        run_exit_hooks(&mut it);
        run_exit_hooks(&mut it);
        let order = it.globals.borrow().get("order").cloned().expect("list");
        let text = it.repr(&order).expect("repr");
        assert_eq!(text, "['b', 'a']");
        std::mem::forget(parsed);
    }
}
