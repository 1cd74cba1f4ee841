//! The `spawn` start method: the child is a fresh interpreter that re-runs the main program as
//! `__mp_main__`, then rebuilds its Process object from what the parent serialized, as CPython's
//! `popen_spawn_posix` and `spawn._main` do.
//!
//! What a learner meets, as under CPython: the program's top level runs again in every child (its
//! prints appear again, a `start()` outside `if __name__ == '__main__':` is the "bootstrapping
//! phase" RuntimeError in the child), the child sees globals as the program's top level makes them
//! (not as the parent changed them afterwards), and the target and arguments must pickle (a lambda
//! fails in the parent; a function defined only under the guard fails in the child). Locks,
//! Queues, Connections and shared Values may be passed as arguments ("through inheritance").
//!
//! How: the child is still a real `fork()` (the sandbox forbids `exec`), but nothing of the
//! parent's Python heap is used by it: it builds a new interpreter from the program's source. Only
//! the primitives passed as arguments cross as themselves, since the kernel objects behind them are
//! inherited by the fork (CPython passes their file descriptors to the new process).

use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use super::process::{ProcState, bootstrap, exit_code_of};
use super::wire;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::{Interp, ProcessInfo};
use crate::python::value::{Class, Dict, Instance, NativeKind, PyStr, Value};
use crate::runtime;
use crate::trace::Stream;

/// What the parent hands its spawned child: the process object, serialized before the fork.
pub struct Spawning {
    /// The parent's default start method, which becomes the child's.
    pub(super) default_method: &'static str,
    /// The Process class when it is multiprocessing's own (`Process`, `SpawnProcess`), by the key
    /// of `native_class_key`: the child's fresh interpreter has classes of its own, found by it
    /// (`native_class_of`). A class of the program travels inside `bytes`, by name, as pickle
    /// sends it.
    pub(super) native_class: Option<String>,
    pub(super) bytes: Vec<u8>,
    pub(super) inherited: Vec<Value>,
    /// multiprocessing's logger as the parent set it when it started the child.
    pub(super) logger: Option<super::mp_log::Carried>,
    /// A pool worker's Pool: its pipes and locks cross as themselves, inherited through the fork
    /// (CPython passes the pool's queues as the worker's arguments, by their fds), not pickled.
    pub(super) pool: Option<Value>,
}

/// CPython's error for a `start()` while a spawned child is still importing the main program.
pub fn bootstrapping_error() -> Exc {
    Exc::new(
        ExcKind::RuntimeError,
        "\n        An attempt has been made to start a new process before the\n        \
         current process has finished its bootstrapping phase.\n\n        \
         This probably means that you are not using fork to start your\n        \
         child processes and you have forgotten to use the proper idiom\n        \
         in the main module:\n\n            \
         if __name__ == '__main__':\n                \
         freeze_support()\n                \
         ...\n\n        \
         The \"freeze_support()\" line can be omitted if the program\n        \
         is not going to be frozen to produce an executable.\n\n        \
         To fix this issue, refer to the \"Safe importing of main module\"\n        \
         section in https://docs.python.org/3/library/multiprocessing.html\n        ",
    )
}

/// In the parent, before the fork: serializes the process object, raising what pickling it
/// raises in CPython (a lambda target, a local class, an open file...).
pub fn prepare(it: &mut Interp, inst: &Rc<Instance>) -> Result<Spawning, Exc> {
    prepare_as(it, inst, wire::dumps_spawning)
}

/// A serializer of a process object: its bytes and the primitives passed beside them.
pub(super) type Dumps = fn(&mut Interp, &Value) -> Result<(Vec<u8>, Vec<Value>), Exc>;

/// [`prepare`] with the serializer of the start method (a forkserver child passes Connections
/// through the run's broker, since the server forks it, not this process).
pub(super) fn prepare_as(
    it: &mut Interp,
    inst: &Rc<Instance>,
    dumps: Dumps,
) -> Result<Spawning, Exc> {
    if it.process.importing_main {
        return Err(bootstrapping_error());
    }
    // The child learns the parent's default start method (`spawn.get_preparation_data` asks
    // `get_start_method()`, which fixes `fork` if nothing had chosen).
    let default_method = *it.process.start_method.get_or_insert("fork");
    let native_class = is_multiprocessing_class(&inst.class).then(|| native_class_key(&inst.class));
    let (target, args, kwargs) = {
        let st = super::process::state(inst).expect("a started Process has its state");
        (st.target.clone(), st.args.clone(), st.kwargs.clone())
    };
    let mut kw = Dict::default();
    for (k, v) in kwargs {
        it.dict_insert(&mut kw, Value::Str(k), v)?;
    }
    let mut attrs = Dict::default();
    let worker = super::pool::is_worker_class(&inst.class).is_some();
    let mut pool = None;
    let own: Vec<(PyStr, Value)> = inst
        .attrs
        .borrow()
        .iter()
        .filter(|(k, v)| {
            if worker && &***k == "_pool" {
                pool = Some((*v).clone());
                return false;
            }
            true
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, v) in own {
        it.dict_insert(&mut attrs, Value::Str(k), v)?;
    }
    let class = match &native_class {
        Some(_) => Value::None,
        None => Value::Class(inst.class.clone()),
    };
    let whole = Value::tuple(vec![
        class,
        target,
        Value::tuple(args),
        Value::dict(kw),
        Value::dict(attrs),
    ]);
    let (bytes, inherited) = dumps(it, &whole)?;
    Ok(Spawning {
        default_method,
        native_class,
        bytes,
        inherited,
        logger: super::mp_log::carried(it),
        pool,
    })
}

/// What names one of multiprocessing's own Process classes across interpreters: a pool's worker
/// class by `pool:` and its start method, the others by their name.
pub(super) fn native_class_key(cls: &Rc<Class>) -> String {
    match super::pool::is_worker_class(cls) {
        Some(m) => format!("{POOL_CLASS}{m}"),
        None => cls.name.to_string(),
    }
}

/// The prefix of a pool worker class's key.
const POOL_CLASS: &str = "pool:";

/// The start method of a pool worker class's key.
pub(super) fn worker_method_of_key(key: &str) -> Option<&'static str> {
    key.strip_prefix(POOL_CLASS).and_then(super::context::known)
}

/// This interpreter's class of a key made by `native_class_key`.
pub(super) fn native_class_of(key: &str) -> Rc<Class> {
    if let Some(m) = worker_method_of_key(key) {
        return super::pool::worker_class_for(m);
    }
    match key {
        "Process" => super::multiprocessing::process_class(),
        "ForkProcess" => super::context::process_class_for("fork"),
        "SpawnProcess" => super::context::process_class_for("spawn"),
        _ => super::context::process_class_for("forkserver"),
    }
}

/// Whether `cls` is multiprocessing's own Process class or a context's (`SpawnProcess`).
pub(super) fn is_multiprocessing_class(cls: &Rc<Class>) -> bool {
    cls.module.starts_with("multiprocessing")
}

/// Who the spawned child is: what its parent decided before the fork.
pub struct Identity {
    pub name: PyStr,
    pub identity: Vec<u32>,
    pub daemon: bool,
}

/// In the child, after the fork: a fresh interpreter imports the main program as `__mp_main__`,
/// rebuilds the process object and runs it. `parent` is the name and pid `parent_process()`
/// gives: the forking process under spawn, the process that asked the fork server under
/// forkserver. Returns the exit code (never returns to the parent's frames: the caller ends the
/// process with it).
pub fn run_child(parent_it: &Interp, mut sp: Spawning, who: Identity, parent: (PyStr, i32)) -> i32 {
    let parent_pid = parent.1;
    let logger = sp.logger.take();
    let mut it = Interp::new(&parent_it.file, &parent_it.source);
    it.hook = parent_it.hook;
    it.globals
        .borrow_mut()
        .insert(PyStr::from("__name__"), Value::str("__mp_main__"));
    it.process = ProcessInfo {
        name: who.name.clone(),
        identity: who.identity.clone(),
        daemon: who.daemon,
        parent: Some(parent),
        start_method: Some(sp.default_method),
        importing_main: true,
        ..Default::default()
    };
    // Nothing of the parent's Python world survives an exec: its handlers (its context objects
    // and `current_process()` object are its interpreter's, `per_interp`).
    super::signal::forget_python_handlers();
    super::futures::forget_exit_hooks();
    // A fresh process holds only the Connection ends it is given (before the import, which may
    // make Pipes of its own).
    super::pipe::close_all_but(&sp.inherited);
    if let Some(logger) = logger {
        super::mp_log::prepare_spawned(&mut it, logger);
    }
    let module = match crate::python::parse_program(&it.source.clone(), &it.file.clone()) {
        Ok(m) => m,
        Err(e) => {
            runtime::output::write(Stream::Stderr, &format!("{e}\n"));
            return 1;
        }
    };
    if let Err(e) = it.run_module(&module) {
        return failed_before_run(&mut it, &e);
    }
    it.process.importing_main = false;
    let obj = match rebuild(&mut it, sp, &who, parent_pid) {
        Ok(obj) => obj,
        Err(e) => return failed_before_run(&mut it, &e),
    };
    it.process.this = Some(obj.clone());
    let code = bootstrap(&mut it, &obj, &who.name);
    // A spawned child ends as an interpreter does (`sys.exit` in `spawn_main`), so its atexit
    // callbacks run; a forkserver child ends with `os._exit`, as a forked one, and runs none.
    if it.process.start_method != Some("forkserver") {
        super::finalizers::run_atexit(&mut it, None);
    }
    std::mem::forget(module);
    std::mem::forget(it);
    code
}

/// An error while the child imports the main program or unpickles its process object: CPython
/// prints the traceback (from `spawn_main`, with no `Process NAME:` header, since `_bootstrap`
/// never ran) and the child exits 1.
fn failed_before_run(it: &mut Interp, e: &Exc) -> i32 {
    if e.is(ExcKind::SystemExit) {
        return exit_code_of(it, e);
    }
    let mut tb = it.format_exception(e);
    if !tb.starts_with("Traceback") {
        tb.insert_str(0, "Traceback (most recent call last):\n");
    }
    runtime::output::write(Stream::Stderr, &tb);
    1
}

/// The child's process object, rebuilt in the fresh interpreter as pickle rebuilds it: its class
/// found by name in `__mp_main__`, its attributes set without calling `__init__`.
fn rebuild(it: &mut Interp, sp: Spawning, who: &Identity, parent_pid: i32) -> Result<Value, Exc> {
    let whole = wire::loads_inherited(it, &sp.bytes, sp.inherited)?;
    let Value::Tuple(ref parts) = whole else {
        return Err(type_error("a spawned process object is a tuple"));
    };
    let [class, target, args, kwargs, attrs] = &parts[..] else {
        return Err(type_error("a spawned process object has five parts"));
    };
    let class = match (sp.native_class, class) {
        (Some(key), _) => native_class_of(&key),
        (None, Value::Class(c)) if c.native_kind() == Some(NativeKind::Process) => c.clone(),
        _ => {
            return Err(type_error(
                "a spawned process object's class is a Process class",
            ));
        }
    };
    let args = match args {
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    };
    let kwargs = match kwargs {
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
    let inst = Rc::new(Instance {
        class,
        attrs: Default::default(),
        native: std::cell::RefCell::new(Some(Box::new(ProcState {
            name: who.name.clone(),
            identity: who.identity.clone(),
            daemon: who.daemon,
            daemon_value: None,
            target: target.clone(),
            args,
            kwargs,
            pid: Some(runtime::state::pid()),
            parent_pid,
            ending: None,
            is_current: true,
            served: None,
            pidfd: None,
            closed: false,
        }))),
    });
    if let Value::Dict(d) = attrs {
        let mut own = inst.attrs.borrow_mut();
        for (k, v) in d.borrow().map.values() {
            if let Value::Str(s) = k {
                own.insert(s.clone(), v.clone());
            }
        }
        if let Some(pool) = sp.pool {
            own.insert(PyStr::from("_pool"), pool);
        }
    }
    Ok(Value::Instance(inst))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::exceptions::install;

    #[test]
    fn a_native_class_crosses_by_key_into_the_childs_own_classes() {
        install();
        let parent_classes = [
            super::super::multiprocessing::process_class(),
            super::super::context::process_class_for("spawn"),
            super::super::pool::worker_class_for("forkserver"),
        ];
        let keys: Vec<String> = parent_classes.iter().map(native_class_key).collect();
        assert_eq!(keys, ["Process", "SpawnProcess", "pool:forkserver"]);
        assert_eq!(worker_method_of_key(&keys[2]), Some("forkserver"));
        assert_eq!(worker_method_of_key(&keys[1]), None);
        // A spawned child's fresh interpreter: the same keys give its own classes, from its own
        // `object` and `BaseProcess`.
        let child = install();
        let base = super::super::multiprocessing::base_process_class();
        for (key, parents) in keys.iter().zip(&parent_classes) {
            let own = native_class_of(key);
            assert!(!Rc::ptr_eq(&own, parents));
            assert_eq!(own.name, parents.name);
            assert!(own.is_subclass(&child.object) && own.is_subclass(&base));
        }
    }
}
