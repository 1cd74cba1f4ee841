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

impl crate::python::native_object::NativeObject for Guard {}

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
    make_module(
        "_finalizer",
        &[
            ("guard", guard),
            ("mp_exit_registered", mp_exit_registered),
            ("set_asyncgen_finalizer", set_asyncgen_finalizer),
        ],
        vec![],
    )
}

/// `mp_exit_registered()`: whether CPython's multiprocessing would have registered its exit
/// function (`util._exit_function`, which joins the children) with `atexit` by now: it does so
/// when `multiprocessing.util` is first imported, which the first `start()` or the first
/// primitive (Lock, Queue, Pipe, Value, Pool, Manager...) does, and a child has it from the
/// start. An `atexit` callback registered before that runs after the children are joined.
fn mp_exit_registered(it: &mut Interp, _: Args) -> Result<Value, Exc> {
    Ok(Value::Bool(
        it.process.this.is_some() || !it.process.children.is_empty() || super::sync::made_any(),
    ))
}

/// `set_asyncgen_finalizer(fn)`: `fn(agen)` is called for an async generator dropped while
/// suspended, instead of closing it at once (asyncio's running loop schedules its `aclose()`);
/// `None` goes back to closing at once.
fn set_asyncgen_finalizer(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    let hook = match a.pos.first() {
        None | Some(Value::None) => None,
        Some(f) => Some(f.clone()),
    };
    crate::python::interp::generator::set_asyncgen_finalizer(hook);
    Ok(Value::None)
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

/// The end of the main process's interpreter, in CPython's order: the executors' threads joined,
/// then the `atexit` callbacks last registered first, multiprocessing's exit function (the exit
/// rules: daemons terminated, children joined) among them where it was registered.
pub fn main_exit(it: &mut Interp) {
    super::futures::run_exit_hooks(it);
    run_atexit(it, Some(true));
    super::run_exit_rules(it);
    run_atexit(it, Some(false));
}

/// Runs the program's `atexit` callbacks, if it imported `atexit`: with `after_mp`, only those
/// registered after (or before) multiprocessing's exit function; last registered first. A callback
/// that raises is reported as CPython reports it (`Exception ignored in atexit callback: ...` and
/// its traceback, which starts in the callback), and the others still run.
pub fn run_atexit(it: &mut Interp, after_mp: Option<bool>) {
    let Some(m) = it.modules.get("atexit").cloned() else {
        return;
    };
    let handlers = match it.getattr(&m, "_exithandlers") {
        Ok(Value::List(ref h)) => h.clone(),
        _ => return,
    };
    let mut i = handlers.borrow().len();
    while i > 0 {
        i -= 1;
        // A callback may register or unregister others: look again each time.
        let entry = {
            let list = handlers.borrow();
            match list.get(i) {
                Some(Value::Tuple(t)) if t.len() == 4 => t.clone(),
                _ => continue,
            }
        };
        if let Some(want) = after_mp
            && !matches!(&entry[3], Value::Bool(late) if *late == want)
        {
            continue;
        }
        handlers.borrow_mut().remove(i);
        let pos = match &entry[1] {
            Value::Tuple(a) => a.to_vec(),
            _ => Vec::new(),
        };
        let kw = match &entry[2] {
            Value::Dict(d) => d
                .borrow()
                .map
                .values()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        if let Err(e) = it.call(&entry[0], Args { pos, kw }) {
            let shown = it.repr(&entry[0]).unwrap_or_default();
            let tb = it.format_exception(&e);
            runtime::output::write(
                Stream::Stderr,
                &format!("Exception ignored in atexit callback: {shown}\n{tb}"),
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
