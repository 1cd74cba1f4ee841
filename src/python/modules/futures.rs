//! `_futures`: the two things `concurrent.futures` (written in Python, `src/python/lib/`) cannot
//! say in forkyard's subset of Python.
//!
//! - `format_exception(exc)`: the traceback text of an exception a worker caught, as CPython's
//!   `traceback.format_exception` gives it, for the `_RemoteTraceback` the parent re-raises with.
//! - `wait(fd, pids, timeout)`: the manager thread's wait, on the result pipe and on the workers
//!   at once (CPython waits on the pipe and the processes' sentinels): `"result"` when the pipe
//!   has data, `"ended"` when a worker has ended, `None` after `timeout` lesson seconds. One
//!   blocking wait, so the parent's lane shows one wait rather than a poll every few moments.
//! - `at_exit(fn)`: a function run when this process's program ends, before its children are
//!   joined. CPython registers the executors' "join the manager thread" step with
//!   `threading._register_atexit`; here it finishes the work still pending and lets the workers go,
//!   so a program that forgets `shutdown()` ends as CPython's does.

use std::cell::RefCell;

use super::make_module;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use crate::runtime::clock::Waited;

type R = Result<Value, Exc>;

thread_local! {
    /// The functions `at_exit` registered, in order. A forked child inherits them; each decides
    /// for itself whether it belongs to this process (an executor knows its owner's pid).
    static HOOKS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

pub fn module() -> Value {
    make_module(
        "_futures",
        &[
            ("format_exception", format_exception),
            ("at_exit", at_exit),
            ("wait", wait),
        ],
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

fn wait(it: &mut Interp, a: Args) -> R {
    let (Some(Value::Int(fd)), Some(pids)) = (a.pos.first(), a.pos.get(1)) else {
        return Err(type_error(
            "wait(fd, pids, timeout) takes a file descriptor and a list of pids",
        ));
    };
    let timeout = match a.pos.get(2) {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) => Some((*i as f64).max(0.0)),
        Some(Value::Float(f)) => Some(f.max(0.0)),
        Some(other) => {
            return Err(type_error(format!(
                "timeout must be a number, not {}",
                other.type_name()
            )));
        }
    };
    let pids: Vec<i64> = match pids {
        Value::List(l) => l
            .borrow()
            .iter()
            .filter_map(|v| match v {
                Value::Int(p) => Some(*p),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut fds = vec![libc::pollfd {
        fd: *fd as i32,
        events: libc::POLLIN,
        revents: 0,
    }];
    for pid in pids {
        // SAFETY: pidfd_open takes a pid and flags; a failure (already reaped) is skipped.
        let pfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) } as i32;
        if pfd >= 0 {
            fds.push(libc::pollfd {
                fd: pfd,
                events: libc::POLLIN,
                revents: 0,
            });
        }
    }
    let deadline_ns =
        timeout.map(|t| crate::runtime::clock::now_ns().saturating_add((t * 1e9) as u64));
    super::sync::blocked("ProcessPoolExecutor", "result");
    // A signal handler runs while the parent waits (Ctrl-C raises KeyboardInterrupt here); if it
    // returns, the wait goes on to the same deadline (PEP 475).
    let outcome = loop {
        match crate::runtime::clock::wait_poll_or_signal(&mut fds, deadline_ns) {
            Waited::Ready => break Ok(true),
            Waited::TimedOut => break Ok(false),
            Waited::Signal => {
                super::sync::running();
                if let Err(e) = super::signal::run_pending(it) {
                    break Err(e);
                }
                super::sync::blocked("ProcessPoolExecutor", "result");
            }
        }
    };
    super::sync::running();
    for p in &fds[1..] {
        // SAFETY: closing the pidfds this function opened.
        unsafe { libc::close(p.fd) };
    }
    let ready = outcome?;
    Ok(if !ready {
        Value::None
    } else if fds[0].revents != 0 {
        Value::str("result")
    } else {
        Value::str("ended")
    })
}

fn at_exit(_: &mut Interp, a: Args) -> R {
    let Some(f) = a.pos.first().cloned() else {
        return Err(type_error("at_exit() missing 1 required argument"));
    };
    HOOKS.with(|h| h.borrow_mut().push(f));
    Ok(Value::None)
}

/// A spawned child is a fresh interpreter: what its parent registered is not its own.
pub fn forget_exit_hooks() {
    HOOKS.with(|h| h.borrow_mut().clear());
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

    /// A module's own `__getattr__` (PEP 562) answers for the names it lacks: concurrent.futures
    /// refuses ThreadPoolExecutor with the reason, and other names stay AttributeErrors (so
    /// `getattr` with a default and `hasattr` work).
    #[test]
    fn a_module_getattr_answers_for_missing_names() {
        let src = "import concurrent.futures as cf\n\
                   print(getattr(cf, 'nothing', 'default'), hasattr(cf, 'wait'))\n\
                   try:\n    cf.ThreadPoolExecutor\nexcept ImportError as e:\n    print(e)\n";
        let (code, got) =
            crate::runtime::capture::capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "{}", got.stderr);
        assert_eq!(
            got.stdout,
            "default True\nThreadPoolExecutor is not available in forkyard: a lesson process \
             runs a single thread (use ProcessPoolExecutor)\n"
        );
    }

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
