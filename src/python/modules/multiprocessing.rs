//! The `multiprocessing` module object: `Process`, `current_process`, `parent_process`,
//! `active_children`, `cpu_count`. Each process gets its own module object when it first imports,
//! and a forked child inherits its parent's, as with CPython's fork.

use std::rc::Rc;

use super::make_module;
use super::process;
use super::stdlib::{cpu_count, getpid};
use super::{context, pipe, pool, queues, shared, sync};
use crate::python::builtin_classes::InterpSlot;
use crate::python::exceptions::{self, Exc, ExcKind};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Value};

type R = Result<Value, Exc>;

/// `BaseProcess` and `Process`, made once per interpreter (`per_interp`): a spawned child's derive
/// from its own `object`.
static PROCESS_CLASSES: InterpSlot<ProcessClasses> = InterpSlot::new();
/// The main process's `current_process()`, made once per interpreter (`per_interp`): a spawned
/// child's fresh interpreter makes its own.
static MAIN_OBJECT: InterpSlot<MainObject> = InterpSlot::new();

/// `multiprocessing.process.BaseProcess` and `multiprocessing.context.Process` derived from it.
#[derive(Clone)]
struct ProcessClasses {
    base: Rc<Class>,
    process: Rc<Class>,
}

fn process_classes() -> ProcessClasses {
    crate::python::builtin_classes::per_interp(&PROCESS_CLASSES, || {
        let base = process::base_process_class();
        let process = exceptions::make_class(
            "Process",
            "multiprocessing.context",
            vec![base.clone()],
            Default::default(),
            None,
        )
        .expect("one base");
        ProcessClasses { base, process }
    })
}

/// `multiprocessing.process.BaseProcess`: the methods' class, the base of every process class
/// (the contexts' `ForkProcess`..., `_MainProcess`, `_ParentProcess`).
pub fn base_process_class() -> Rc<Class> {
    process_classes().base
}

/// `multiprocessing.Process` (CPython's `context.Process`), the class programs derive from.
pub fn process_class() -> Rc<Class> {
    process_classes().process
}

/// `multiprocessing`'s own exceptions: `ProcessError` and its subclasses `TimeoutError`,
/// `AuthenticationError` and `BufferTooShort` (`Connection.recv_bytes_into` into too small a buffer).
#[derive(Clone)]
pub struct Errors {
    pub process_error: Rc<Class>,
    pub timeout_error: Rc<Class>,
    pub auth_error: Rc<Class>,
    pub buffer_too_short: Rc<Class>,
}

/// This interpreter's `multiprocessing` exceptions (a Pool's `get(timeout)` raises `TimeoutError`).
pub fn errors() -> Errors {
    static MADE: InterpSlot<Errors> = InterpSlot::new();
    crate::python::builtin_classes::per_interp(&MADE, || {
        let made = |name: &str, base: Rc<Class>| {
            exceptions::make_class(
                name,
                // CPython defines them in multiprocessing.context, and its tracebacks name them so.
                "multiprocessing.context",
                vec![base],
                Default::default(),
                None,
            )
            .expect("one base")
        };
        let process_error = made("ProcessError", ExcKind::Exception.class());
        Errors {
            timeout_error: made("TimeoutError", process_error.clone()),
            auth_error: made("AuthenticationError", process_error.clone()),
            buffer_too_short: made("BufferTooShort", process_error.clone()),
            process_error,
        }
    })
}

/// `multiprocessing.TimeoutError()`, as a Pool's `get(timeout)` raises it.
pub fn timeout_error() -> Exc {
    Exc {
        value: exceptions::instance(errors().timeout_error, vec![]),
    }
}

pub fn module(_it: &mut Interp) -> Value {
    let process_cls = process_class();
    let Errors {
        process_error,
        timeout_error,
        auth_error,
        buffer_too_short,
    } = errors();
    make_module(
        "multiprocessing",
        &[
            ("current_process", current_process),
            ("parent_process", parent_process),
            ("active_children", active_children),
            ("cpu_count", cpu_count),
            ("freeze_support", noop),
            ("set_start_method", context::set_start_method),
            ("get_start_method", context::get_start_method),
            ("get_all_start_methods", context::get_all_start_methods),
            ("get_context", context::get_context),
            ("set_forkserver_preload", super::forkserver::set_preload),
            ("Pipe", pipe::pipe),
            ("Value", shared::value),
            ("Array", shared::array),
            ("RawValue", shared::raw_value),
            ("RawArray", shared::raw_array),
            ("Manager", manager),
            ("_getpid", getpid),
            ("get_logger", super::mp_log::get_logger),
            ("log_to_stderr", super::mp_log::log_to_stderr),
        ],
        vec![
            ("Process", Value::Class(process_cls)),
            ("ProcessError", Value::Class(process_error)),
            ("TimeoutError", Value::Class(timeout_error)),
            ("AuthenticationError", Value::Class(auth_error)),
            ("BufferTooShort", Value::Class(buffer_too_short)),
            ("Lock", Value::Class(sync::lock_class())),
            ("RLock", Value::Class(sync::rlock_class())),
            ("Semaphore", Value::Class(sync::semaphore_class())),
            ("BoundedSemaphore", Value::Class(sync::bounded_class())),
            ("Event", Value::Class(sync::event_class())),
            ("Condition", Value::Class(sync::condition_class())),
            ("Barrier", Value::Class(sync::barrier_class())),
            ("Queue", Value::Class(queues::queue_class())),
            ("JoinableQueue", Value::Class(queues::joinable_class())),
            ("SimpleQueue", Value::Class(queues::simple_class())),
            ("Pool", Value::Class(pool::pool_class())),
        ],
    )
}

/// `multiprocessing.process`: `BaseProcess` and the functions about the processes of a program.
pub fn process_module(_it: &mut Interp) -> Value {
    make_module(
        "multiprocessing.process",
        &[
            ("current_process", current_process),
            ("parent_process", parent_process),
            ("active_children", active_children),
        ],
        vec![("BaseProcess", Value::Class(base_process_class()))],
    )
}

pub fn pool_module(_it: &mut Interp) -> Value {
    make_module(
        "multiprocessing.pool",
        &[("ThreadPool", thread_pool)],
        vec![
            ("Pool", Value::Class(pool::pool_class())),
            ("TimeoutError", Value::Class(errors().timeout_error)),
            (
                "RemoteTraceback",
                Value::Class(pool::remote_traceback_class()),
            ),
            (
                "MaybeEncodingError",
                Value::Class(pool::maybe_encoding_error_class()),
            ),
            ("AsyncResult", Value::Class(pool::async_result_class())),
            ("ApplyResult", Value::Class(pool::async_result_class())),
        ],
    )
}

/// `multiprocessing.pool.ThreadPool(...)`: refused with the reason, as `ThreadPoolExecutor` is.
fn thread_pool(_: &mut Interp, _: Args) -> R {
    Err(Exc::new(
        ExcKind::NotImplementedError,
        "ThreadPool is not available in forkyard: its workers are threads, and a lesson process runs a single thread (use Pool: its workers are processes)",
    ))
}

/// `multiprocessing.Manager()`: a started `SyncManager`, as CPython's context makes it. The manager
/// is written in Python (`src/python/lib/multiprocessing.managers.py`).
fn manager(it: &mut Interp, a: Args) -> R {
    if !a.pos.is_empty() || !a.kw.is_empty() {
        return Err(exceptions::type_error(
            "BaseContext.Manager() takes 1 positional argument but more were given",
        ));
    }
    let managers = super::import(it, "multiprocessing.managers")?;
    let class = it.getattr(&managers, "SyncManager")?;
    let m = it.call(&class, Args::new(vec![]))?;
    it.call_method(&m, "start", vec![])?;
    Ok(m)
}

fn noop(_: &mut Interp, _: Args) -> R {
    Ok(Value::None)
}

fn current_process(it: &mut Interp, _: Args) -> R {
    if let Some(p) = &it.process.this {
        return Ok(p.clone());
    }
    let slot = crate::python::builtin_classes::per_interp(&MAIN_OBJECT, MainObject::default);
    let existing = slot.borrow().clone();
    if let Some(m) = existing {
        return Ok(m);
    }
    let m = process::main_process_object(it, &base_process_class());
    *slot.borrow_mut() = Some(m.clone());
    Ok(m)
}

/// One interpreter's main process object, once made.
type MainObject = Rc<std::cell::RefCell<Option<Value>>>;

fn parent_process(it: &mut Interp, _: Args) -> R {
    match it.process.parent.clone() {
        None => Ok(Value::None),
        Some((name, pid)) => Ok(process::parent_object(&base_process_class(), name, pid)),
    }
}

fn active_children(it: &mut Interp, _: Args) -> R {
    Ok(Value::list(process::active_children(it)))
}
