//! The modules a lesson program can import, and the bindings from Python to `runtime`. This is the
//! one place where the language meets the OS layer: everything here reaches fork, signals, the
//! lesson clock and output through `crate::runtime`.

mod collections_native;
mod connection;
mod context;
pub mod cpython_frames;
mod ctypes_mem;
pub mod finalizers;
mod forkserver;
mod futures;
mod handover;
mod heapq_native;
mod itertools_native;
pub mod library;
mod logging_native;
mod managers;
mod mp_log;
mod multiprocessing;
pub mod pipe;
mod pool;
pub mod process;
mod queues;
mod re_native;
mod resource_sharer;
pub mod shared;
pub mod shared_memory;
pub mod signal;
mod spawn;
mod stdlib;
mod struct_native;
pub mod sync;
pub mod traceback;
pub mod wire;

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use super::exceptions::Exc;
use super::interp::Interp;
use super::value::{Module, Namespace, NativeFn, PyStr, Value};
use crate::trace::Stream;

pub use process::run_exit_rules;

/// `import name`: the module object, made once per interpreter.
/// What `sys.argv[1:]` is for this run's program (set by the lesson main before it runs).
pub fn set_program_arguments(args: Vec<String>) {
    stdlib::set_arguments(args);
}

pub fn import(it: &mut Interp, name: &str) -> Result<Value, Exc> {
    if let Some(m) = it.modules.get(name) {
        return Ok(m.clone());
    }
    if matches!(name, "traceback" | "inspect") {
        // Programs that read frames: exceptions keep the frames they leave (`tb_frame`).
        it.frames_watched = true;
    }
    let m = match name {
        "multiprocessing" => multiprocessing::module(it),
        "multiprocessing.pool" => multiprocessing::pool_module(it),
        "multiprocessing.process" => multiprocessing::process_module(it),
        "time" => stdlib::time(),
        "os" => stdlib::os(),
        // The same object as `os.path`, as in CPython.
        "os.path" => {
            let os = import(it, "os")?;
            it.getattr(&os, "path")?
        }
        "sys" => stdlib::sys(it),
        "random" => stdlib::random(),
        "_queue" => stdlib::queue(),
        "_futures" => futures::module(),
        "_manager" => managers::module(),
        "_connection" => connection::module(),
        "signal" => signal::module(),
        "math" => stdlib::math(),
        "cmath" => stdlib::cmath(),
        "_collections" => collections_native::module(),
        "_heapq" => heapq_native::module(),
        "_re" => re_native::module(),
        "_traceback" => traceback::module(),
        "_logging" => logging_native::module(),
        "_itertools" => itertools_native::module(),
        "_finalizer" => finalizers::module(),
        "_shm" => shared_memory::module(),
        "struct" => struct_native::module(),
        "_resource_sharer" => resource_sharer::module(),
        "_pickle" => wire::bridge::module(),
        "_ctypes_mem" => ctypes_mem::module(),
        name if library::has(name) => library::load(it, name)?,
        "multiprocessing.dummy" => {
            return Err(Exc::new(
                ExcKind::ModuleNotFoundError,
                "module 'multiprocessing.dummy' is not available in forkyard: it is multiprocessing's API over threads, and a lesson process runs a single thread (use multiprocessing itself: its Pool's workers are processes)",
            ));
        }
        "socket" | "subprocess" | "shutil" | "pathlib" | "urllib" | "http" | "threading" => {
            return Err(Exc::new(
                ExcKind::ModuleNotFoundError,
                format!(
                    "module '{name}' is not available in forkyard: lesson programs cannot reach the machine (files, network, threads, subprocesses)"
                ),
            ));
        }
        _ => {
            return Err(Exc::new(
                ExcKind::ModuleNotFoundError,
                format!(
                    "No module named '{name}' (forkyard provides multiprocessing, time, os, sys, random, signal, math, {})",
                    library::names().join(", ")
                ),
            ));
        }
    };
    if let Some((parent, child)) = name.rsplit_once('.') {
        let p = import(it, parent)?;
        if let Value::Module(pm) = &p {
            pm.attrs.borrow_mut().insert(PyStr::from(child), m.clone());
        }
    }
    it.modules.insert(PyStr::from(name), m.clone());
    // CPython's multiprocessing loads its `util` (the logger's functions) with itself, so
    // `multiprocessing.util.info(...)` works after `import multiprocessing` alone.
    if name == "multiprocessing" {
        import(it, "multiprocessing.util")?;
        // And its `process` (through `context`): `multiprocessing.process.BaseProcess` too.
        import(it, "multiprocessing.process")?;
    }
    Ok(m)
}

/// A module object from a table of natives and values.
pub fn make_module(name: &str, fns: &[(&str, NativeFn)], values: Vec<(&str, Value)>) -> Value {
    let mut attrs = Namespace::default();
    attrs.insert(PyStr::from("__name__"), Value::str(name));
    for (n, f) in fns {
        attrs.insert(PyStr::from(*n), Value::builtin(n, *f));
    }
    for (n, v) in values {
        attrs.insert(PyStr::from(n), v);
    }
    Value::Module(Rc::new(Module {
        name: PyStr::from(name),
        attrs: Rc::new(RefCell::new(attrs)),
    }))
}

/// Which stream a `file=` argument names (`sys.stdout`, `sys.stderr`).
pub fn stream_of(v: &Value) -> Option<Stream> {
    stdlib::stream_of(v)
}

/// What `sys.stdout` / `sys.stderr` (`name`) holds now, once `sys` is imported; `None` before,
/// when nothing can have replaced the real stream.
pub fn sys_stream(it: &Interp, name: &str) -> Option<Value> {
    match it.modules.get("sys") {
        Some(Value::Module(m)) => m.attrs.borrow().get(name).cloned(),
        _ => None,
    }
}
