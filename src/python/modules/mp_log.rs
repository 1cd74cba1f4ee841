//! multiprocessing's own logger (`multiprocessing.get_logger()`, `log_to_stderr()`), and the
//! messages CPython's multiprocessing writes to it at a process's moments. CPython writes them from
//! its Python code (`process.py`'s `_bootstrap`, `util.py`'s `_exit_function`); forkyard's process
//! code is Rust, so it sends the same messages, at the same moments, through
//! `multiprocessing.util` (`src/python/lib/multiprocessing.util.py`), and the program's logging
//! configuration formats them as CPython's would.
//!
//! Nothing is sent while the program has not asked for the logger: `multiprocessing.util` is then
//! not even imported, and a moment costs one map lookup.

use crate::python::exceptions::Exc;
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use crate::runtime;
use crate::trace::Stream;

type R = Result<Value, Exc>;

/// `util.info(msg, *args)` (`level` is `info`, `debug`, `sub_debug` or `sub_warning`), when the
/// program has made multiprocessing's logger. An error raised by the program's own handler or
/// filter is reported on stderr, as CPython's interpreter reports one raised in an exit function.
pub fn log(it: &mut Interp, level: &str, msg: &str, args: Vec<Value>) {
    let Some(util) = it.modules.get("multiprocessing.util").cloned() else {
        return;
    };
    let result = (|| {
        if matches!(it.getattr(&util, "_logger")?, Value::None) {
            return Ok(Value::None);
        }
        let f = it.getattr(&util, level)?;
        let mut pos = vec![Value::str(msg)];
        pos.extend(args);
        it.call(&f, Args::new(pos))
    })();
    if let Err(e) = result {
        let tb = it.format_exception(&e);
        runtime::output::write(Stream::Stderr, &tb);
    }
}

/// `multiprocessing.get_logger()`.
pub fn get_logger(it: &mut Interp, a: Args) -> R {
    call_util(it, "get_logger", a)
}

/// `multiprocessing.log_to_stderr(level=None)`.
pub fn log_to_stderr(it: &mut Interp, a: Args) -> R {
    call_util(it, "log_to_stderr", a)
}

fn call_util(it: &mut Interp, name: &str, a: Args) -> R {
    let util = super::import(it, "multiprocessing.util")?;
    let f = it.getattr(&util, name)?;
    it.call(&f, a)
}

/// What a spawned child is told of multiprocessing's logger (CPython's preparation data:
/// `log_to_stderr` and `log_level`), read from the parent's interpreter before the child's own
/// starts.
pub struct Carried {
    pub(super) to_stderr: bool,
    pub(super) level: Option<i64>,
}

/// The parent's logger setting, for a spawned child (`None`: the program made no logger).
pub fn carried(parent: &Interp) -> Option<Carried> {
    let attr = |v: &Value, name: &str| -> Option<Value> {
        match v {
            Value::Module(m) => m.attrs.borrow().get(name).cloned(),
            Value::Instance(i) => i.attrs.borrow().get(name).cloned(),
            _ => None,
        }
    };
    let util = parent.modules.get("multiprocessing.util")?;
    let to_stderr = matches!(attr(util, "_log_to_stderr"), Some(Value::Bool(true)));
    let logger = attr(util, "_logger").filter(|l| !matches!(l, Value::None))?;
    // getEffectiveLevel(): the logger's own level, else its parents' (the root's).
    let mut level = None;
    let mut at = Some(logger);
    while let Some(l) = at {
        if let Some(Value::Int(n)) = attr(&l, "level")
            && n != 0
        {
            level = Some(n);
            break;
        }
        at = attr(&l, "parent").filter(|p| !matches!(p, Value::None));
    }
    Some(Carried { to_stderr, level })
}

/// In the spawned child, before its main program runs again: `util.log_to_stderr()` and
/// `util.get_logger().setLevel(level)`, as CPython's `spawn.prepare` does.
pub fn prepare_spawned(it: &mut Interp, c: Carried) {
    let result = (|| {
        if c.to_stderr {
            call_util(it, "log_to_stderr", Args::new(vec![]))?;
        }
        if let Some(level) = c.level {
            let logger = call_util(it, "get_logger", Args::new(vec![]))?;
            it.call_method(&logger, "setLevel", vec![Value::Int(level)])?;
        }
        Ok::<(), Exc>(())
    })();
    if let Err(e) = result {
        let tb = it.format_exception(&e);
        runtime::output::write(Stream::Stderr, &tb);
    }
}
