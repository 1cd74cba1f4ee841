//! `_finalizer`: CPython's `util.Finalize(obj, callback)` for the objects that need one when their
//! last reference goes (a manager shuts its server down: `m = Manager()` rebound, or a function's
//! manager at its return). forkyard frees objects by reference counting as CPython does, so the
//! moment is the same; but a value is freed deep inside the interpreter, where no Python can run.
//! `guard(callback)` makes an object that, when freed in the process that made it, queues
//! `callback`; the queue is run at the next statement (the same check that closes a dropped
//! generator), so the callback runs between two statements, as CPython's would within the one
//! that dropped the object.

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;

use crate::python::exceptions::{self, Exc};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, NativeKind, Value};
use crate::runtime;
use crate::trace::Stream;

use super::make_module;

thread_local! {
    /// Callbacks whose guard was freed, oldest first.
    static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// The native part of a guard: the callback, and the process it belongs to (a forked child's copy
/// of the object is not the one CPython's finalizer registry knows: it is cleared at a fork).
struct Guard {
    callback: Option<Value>,
    owner: i32,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let Some(callback) = self.callback.take() else {
            return;
        };
        if std::process::id() as i32 != self.owner {
            return;
        }
        // While the thread's storage is torn down nothing runs any more: the callback is dropped.
        let _ = PENDING.try_with(|p| p.borrow_mut().push(callback));
        crate::python::interp::generator::run_at_next_statement();
    }
}

pub fn module() -> Value {
    make_module("_finalizer", &[("guard", guard)], vec![])
}

/// `guard(callback)`: an object whose freeing calls `callback()` between the next two statements.
fn guard(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    let Some(callback) = a.pos.first().cloned() else {
        return Err(exceptions::type_error("guard(callback) takes one argument"));
    };
    let class = exceptions::make_class(
        "_FinalizerGuard",
        "_finalizer",
        vec![crate::python::builtin_classes::object()],
        Default::default(),
        Some(NativeKind::Other),
    )
    .map_err(|e| Exc::new(ExcKind::TypeError, e))?;
    Ok(Value::Instance(std::rc::Rc::new(Instance {
        class,
        attrs: Default::default(),
        native: RefCell::new(Some(Box::new(Guard {
            callback: Some(callback),
            owner: std::process::id() as i32,
        }))),
    })))
}

/// Run the callbacks of the guards freed since the last statement; an error one raises is
/// reported on stderr, as CPython reports an exception in a finalizer, and the program goes on.
pub fn run_pending(it: &mut Interp) {
    while let Some(callback) = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        (!p.is_empty()).then(|| p.remove(0))
    }) {
        if let Err(e) = it.call(&callback, Args::new(vec![])) {
            let tb = it.format_exception(&e);
            runtime::output::write(
                Stream::Stderr,
                &format!("Exception ignored in finalizer:\n{tb}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn a_freed_guard_calls_back_before_the_next_statement() {
        let src = "import _finalizer\n\
                   class Box:\n    pass\n\
                   def scoped():\n    g = _finalizer.guard(lambda: print('function ended'))\n    print('in f')\n\
                   b = Box()\n\
                   b.g = _finalizer.guard(lambda: print('freed'))\n\
                   print('before')\n\
                   del b\n\
                   print('after')\n\
                   scoped()\n\
                   print('end')\n";
        assert_eq!(
            out(src),
            "before\nfreed\nafter\nin f\nfunction ended\nend\n"
        );
    }

    #[test]
    fn an_error_in_a_callback_is_reported_and_the_program_goes_on() {
        let src = "import _finalizer\n\
                   g = _finalizer.guard(lambda: 1 / 0)\n\
                   g = None\n\
                   print('still running')\n";
        assert_eq!(out(src), "still running\n");
    }
}
