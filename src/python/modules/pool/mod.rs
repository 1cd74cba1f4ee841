//! `multiprocessing.Pool`: real daemonic worker processes (`ForkPoolWorker-N`, forked like any
//! `Process`) fed through a task pipe and answering through a result pipe, as in CPython.
//!
//! CPython's parent runs three helper threads (keep the pool full, feed tasks, collect results).
//! A lesson process stays single-threaded, so forkyard's parent does that work itself whenever it
//! waits on the pool (`get`, `wait`, `map`, `join`, iterating `imap`...) and whenever it touches it:
//! dead workers are replaced, queued tasks are fed as the pipe makes room, results are collected and
//! callbacks run, in the parent, one at a time. And once a job with a callback is waiting, the
//! result pipe raises SIGIO in the parent when a result arrives (`results_arrived`): between two of
//! the parent's statements, or in the middle of its `time.sleep`, the result is taken and the
//! callback runs, where CPython's result-handler thread would run it.

//!
//! This file holds the bindings: the `Pool` class and its methods, and the result classes
//! (`ApplyResult`, `MapResult`, the imap iterators) and theirs. The rest, one idea a file:
//! - `scheduler.rs`: the parent's side (the pool's state, jobs, feeding tasks, taking results).
//! - `worker.rs`: the worker process's loop.
//! - `functions.rs`: passing a task's function by name.
//! - `remote.rs`: a worker's exception re-raised in the parent (`RemoteTraceback`,
//!   `MaybeEncodingError`).
//! - `result_handler.rs`: CPython's result handler thread dying of a result it cannot unpickle.

mod functions;
mod remote;
mod result_handler;
mod scheduler;
pub(crate) mod served;
mod worker;

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::sync::{blocked, created, new_id, op, os_error, running, timeout_of};
use crate::python::bind::Sig;
use crate::python::exceptions::{self, Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Instance, Namespace, NativeKind, PyStr, Value};
use crate::runtime::{
    self, memory,
    sync::{Channel, Sem},
};
use crate::trace::Op;
use functions::is_callable;
pub use remote::{maybe_encoding_error_class, remote_traceback_class};
pub use scheduler::results_arrived;
use scheduler::{
    Items, Job, Mode, PoolKernel, PoolRef, PoolRun, PoolState, check_running, feed, listen,
    lost_error, maintain, pump, queue_sentinels, spawn_worker, submit, unfinished,
};
use worker::worker_run;

type R = Result<Value, Exc>;

/// An `AsyncResult`, `MapResult` or imap iterator: its pool and job.
#[derive(Clone)]
struct JobRef {
    pool: PoolRef,
    state: Rc<RefCell<Job>>,
    /// For imap iterators: the next item to yield and whether order matters.
    next: Rc<RefCell<(usize, usize)>>,
    ordered: bool,
    /// Buffered items of the current chunk.
    buffer: Rc<RefCell<std::vec::IntoIter<Value>>>,
}

impl crate::python::native_object::NativeObject for JobRef {}

/// The pool's classes by name, made once per interpreter (`per_interp`): a spawned child's derive
/// from its own `object` and `BaseProcess`.
static CLASSES: crate::python::builtin_classes::InterpSlot<Classes> =
    crate::python::builtin_classes::InterpSlot::new();

/// One interpreter's pool classes.
type Classes = Rc<RefCell<HashMap<&'static str, Rc<Class>>>>;

fn classes() -> Classes {
    crate::python::builtin_classes::per_interp(&CLASSES, Classes::default)
}

fn class(
    name: &'static str,
    module: &str,
    methods: &[(&str, crate::python::value::NativeFn)],
    base: Option<Rc<Class>>,
) -> Rc<Class> {
    if let Some(c) = classes().borrow().get(name).cloned() {
        return c;
    }
    let mut attrs = Namespace::default();
    for (n, f) in methods {
        attrs.insert(PyStr::from(*n), Value::builtin(n, *f));
    }
    let base = base.unwrap_or_else(crate::python::builtin_classes::object);
    let native =
        crate::python::builtin_classes::is(&base, |b| &b.object).then_some(NativeKind::Other);
    let cls = exceptions::make_class(name, module, vec![base], attrs, native).expect("one base");
    classes().borrow_mut().insert(name, cls.clone());
    cls
}

/// The `Pool` class.
pub fn pool_class() -> Rc<Class> {
    class(
        "Pool",
        "multiprocessing.pool",
        &[
            ("__init__", init),
            ("apply", apply),
            ("apply_async", apply_async),
            ("map", map),
            ("map_async", map_async),
            ("starmap", starmap),
            ("starmap_async", starmap_async),
            ("imap", imap),
            ("imap_unordered", imap_unordered),
            ("close", close),
            ("terminate", terminate),
            ("join", join),
            ("__enter__", enter),
            ("__exit__", exit),
            ("__repr__", pool_repr),
            ("_repopulate_pool", repopulate),
        ],
        None,
    )
}

/// `multiprocessing.pool.AsyncResult` (= `ApplyResult`), the class of `apply_async`'s result.
pub fn async_result_class() -> Rc<Class> {
    async_class()
}

fn async_class() -> Rc<Class> {
    class(
        "ApplyResult",
        "multiprocessing.pool",
        &[
            ("get", result_get),
            ("wait", result_wait),
            ("ready", result_ready),
            ("successful", result_successful),
        ],
        None,
    )
}

fn map_result_class() -> Rc<Class> {
    class(
        "MapResult",
        "multiprocessing.pool",
        &[],
        Some(async_class()),
    )
}

fn imap_class(ordered: bool) -> Rc<Class> {
    let methods: &[(&str, crate::python::value::NativeFn)] = &[
        ("__iter__", imap_iter),
        ("__next__", imap_next),
        ("next", imap_next),
    ];
    if ordered {
        class("IMapIterator", "multiprocessing.pool", methods, None)
    } else {
        class(
            "IMapUnorderedIterator",
            "multiprocessing.pool",
            methods,
            None,
        )
    }
}

/// The worker process class of a start method: the context's Process class (`ForkProcess`,
/// `SpawnProcess`, `ForkServerProcess`, as CPython's `ctx.Process`) whose `run` is the worker loop.
/// Its name makes the worker's (`SpawnProcess-3` -> `SpawnPoolWorker-3`).
pub(crate) fn worker_class_for(method: &'static str) -> Rc<Class> {
    let key = worker_key(method);
    if let Some(c) = classes().borrow().get(key).cloned() {
        return c;
    }
    let base = super::context::process_class_for(method);
    let name = match method {
        "fork" => "ForkProcess",
        "spawn" => "SpawnProcess",
        _ => "ForkServerProcess",
    };
    let mut attrs = Namespace::default();
    attrs.insert(PyStr::from("run"), Value::builtin("run", worker_run));
    let cls = exceptions::make_class(name, "multiprocessing.context", vec![base], attrs, None)
        .expect("one base");
    classes().borrow_mut().insert(key, cls.clone());
    cls
}

/// The cache's key of a start method's worker class: the classes take the names of the context's
/// classes, so they are kept under keys of their own.
fn worker_key(method: &str) -> &'static str {
    match method {
        "fork" => "pool/fork",
        "spawn" => "pool/spawn",
        _ => "pool/forkserver",
    }
}

/// Whether `cls` is one of the pool's worker classes, and of which start method (a spawned or
/// served child rebuilds its pool from what its parent carried, not from pickled bytes). Only
/// classes already made are compared: a program without a Pool makes none.
pub(crate) fn is_worker_class(cls: &Rc<Class>) -> Option<&'static str> {
    ["fork", "spawn", "forkserver"].into_iter().find(|m| {
        classes()
            .borrow()
            .get(worker_key(m))
            .is_some_and(|w| Rc::ptr_eq(w, cls))
    })
}

/// The trace id of a Pool object (the fork server checks whether it has a copy of the pool).
pub(crate) fn pool_id(v: &Value) -> Option<u32> {
    super::sync::payload::<PoolRef>(v).map(|p| p.0.borrow().id)
}

/// `ctx.Pool(...)`: a Pool of that context's start method (CPython's `BaseContext.Pool` passes
/// `context=self.get_context()`). The builtin's data, the method's name, comes first.
pub fn context_pool(it: &mut Interp, mut a: Args) -> R {
    let method = if a.pos.is_empty() {
        Value::None
    } else {
        a.pos.remove(0)
    };
    if !a.kw.iter().any(|(k, _)| &**k == "context") {
        let ctx = match &method {
            Value::Str(m) => match super::context::known(m) {
                Some(m) => super::context::context_value(it, m),
                None => Value::None,
            },
            _ => Value::None,
        };
        a.kw.push((PyStr::from("context"), ctx));
    }
    it.call(&Value::Class(pool_class()), a)
}

fn pool_of(a: &Args) -> Result<PoolRef, Exc> {
    super::sync::this::<PoolRef>(a, "Pool")
}

fn job_of(a: &Args) -> Result<JobRef, Exc> {
    super::sync::this::<JobRef>(a, "AsyncResult")
}

fn int_opt(v: Option<&Value>, what: &str) -> Result<Option<i64>, Exc> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(other) => Err(type_error(format!(
            "{what} must be an integer, not {}",
            other.type_name()
        ))),
    }
}

/// `processes` as CPython's `Pool.__init__` meets it: compared with 1 (`'<' not supported` for
/// what is not a number), then counted by `range` (a float is refused there).
fn processes_arg(v: Option<&Value>) -> Result<Option<i64>, Exc> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(Value::Float(_)) => Err(type_error(
            "'float' object cannot be interpreted as an integer",
        )),
        Some(Value::BigInt(_)) => Err(Exc::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        Some(other) => Err(type_error(format!(
            "'<' not supported between instances of '{}' and 'int'",
            other.type_name()
        ))),
    }
}

/// `maxtasksperchild`: CPython accepts only a positive int (a bool is one) or None.
fn maxtasks_arg(v: Option<&Value>) -> Result<Option<i64>, Exc> {
    let n = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i64,
        Some(Value::BigInt(b)) if b.sign() == num_bigint::Sign::Plus => i64::MAX,
        Some(_) => 0,
    };
    if n < 1 {
        return Err(value_error(
            "maxtasksperchild must be a positive int or None",
        ));
    }
    Ok(Some(n))
}

// ---- the pool -------------------------------------------------------------------------------

/// `Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)`.
fn init(it: &mut Interp, a: Args) -> R {
    // `context` is `multiprocessing.pool.Pool`'s own parameter, the others also `ctx.Pool`'s.
    const POOL: Sig = Sig::py(
        "BaseContext.Pool",
        &[
            "processes",
            "initializer",
            "initargs",
            "maxtasksperchild",
            "context",
        ],
        0,
    )
    .method();
    let [processes, initializer, initargs, maxtasks, context] = POOL.bind(&a)?;
    let processes = match processes_arg(processes)? {
        None => runtime::process::cpu_count() as i64,
        Some(n) => n,
    };
    if processes < 1 {
        return Err(value_error("Number of processes must be at least 1"));
    }
    let initializer = initializer.cloned().unwrap_or(Value::None);
    if !matches!(initializer, Value::None) && !is_callable(&initializer) {
        return Err(type_error("initializer must be a callable"));
    }
    let initargs = match initargs {
        None | Some(Value::None) => vec![],
        Some(v) => it.collect(v)?,
    };
    let maxtasks = maxtasks_arg(maxtasks)?;
    // The start method of the workers: the context's (`ctx.Pool`, `Pool(context=ctx)`), else the
    // default context's, fixed now as CPython's `Pool(context=None)` fixes it.
    let method = match context {
        Some(Value::Instance(ctx)) => match ctx.attrs.borrow().get("_name") {
            Some(Value::Str(m)) => super::context::known(m),
            _ => None,
        },
        _ => None,
    };
    let method = method.unwrap_or_else(|| *it.process.start_method.get_or_insert("fork"));
    let (tasks_r, tasks_w) = Channel::pipe().map_err(os_error)?;
    let (results_r, results_w) = Channel::pipe().map_err(os_error)?;
    tasks_w.enlarge();
    results_w.enlarge();
    // The parent feeds the task pipe without ever blocking (see `feed`).
    tasks_w.set_nonblocking().map_err(os_error)?;
    let id = new_id(it);
    created(id, "Pool", Some(processes));
    let kernel = PoolKernel {
        tasks_r,
        tasks_w,
        results_r,
        results_w,
        read_lock: Sem::new(1).map_err(os_error)?,
        write_lock: Sem::new(1).map_err(os_error)?,
    };
    let state = PoolState {
        processes: processes as usize,
        initializer,
        initargs,
        handler_thread: result_handler::new_handler_number(),
        ..PoolState::new(id, kernel, method, maxtasks)
    };
    let pool = PoolRef(Rc::new(RefCell::new(state)));
    let Some(Value::Instance(inst)) = a.pos.first() else {
        return Err(type_error("Pool.__init__ needs self"));
    };
    *inst.native.borrow_mut() = Some(Box::new(pool.clone()));
    for _ in 0..processes {
        spawn_worker(it, &pool, &Value::Instance(inst.clone()))?;
    }
    Ok(Value::None)
}

fn pool_obj(a: &Args) -> Value {
    a.pos.first().cloned().unwrap_or(Value::None)
}

fn job_handle(pool: &PoolRef, state: Rc<RefCell<Job>>, ordered: bool) -> JobRef {
    JobRef {
        pool: pool.clone(),
        state,
        next: Rc::new(RefCell::new((0, 0))),
        ordered,
        buffer: Rc::new(RefCell::new(Vec::new().into_iter())),
    }
}

fn result_object(cls: Rc<Class>, handle: JobRef, pool_obj: Value) -> Value {
    let v = Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: Default::default(),
        native: RefCell::new(Some(Box::new(handle))),
    }));
    if let Value::Instance(i) = &v {
        i.attrs.borrow_mut().insert(PyStr::from("_pool"), pool_obj);
    }
    v
}

fn apply_async(it: &mut Interp, a: Args) -> R {
    apply_with(it, a, "Pool.apply_async")
}

/// `apply_async(func, args=(), kwds={}, callback=None, error_callback=None)`; `apply` has the first
/// three.
fn apply_with(it: &mut Interp, a: Args, name: &str) -> R {
    static PARAMS: [&str; 5] = ["func", "args", "kwds", "callback", "error_callback"];
    let [func, args, kwds, callback, error_callback] = if name == "Pool.apply" {
        let [f, a, k] = Sig::py(name, &PARAMS[..3], 1).method().bind(&a)?;
        [f, a, k, None, None]
    } else {
        Sig::py(name, &PARAMS, 1).method().bind(&a)?
    };
    let pool = pool_of(&a)?;
    let func = func.cloned().unwrap_or(Value::None);
    // CPython sends args and kwds as given; the worker's `func(*args, **kwds)` refuses what is
    // not an iterable or a mapping, and get() raises it.
    let args = match args {
        None => Value::tuple(vec![]),
        Some(v @ (Value::Tuple(_) | Value::List(_))) => Value::tuple(it.collect(v)?),
        Some(v) => match it.collect(v) {
            Ok(items) => Value::tuple(items),
            Err(_) => v.clone(),
        },
    };
    let kwds = kwds
        .cloned()
        .unwrap_or_else(|| Value::dict(Default::default()));
    let callback = callback.cloned().unwrap_or(Value::None);
    let error_callback = error_callback.cloned().unwrap_or(Value::None);
    let wants = !matches!(callback, Value::None) || !matches!(error_callback, Value::None);
    let (_, job) = submit(
        it,
        &pool,
        &func,
        Mode::Apply,
        vec![args].into(),
        kwds,
        1,
        callback,
        error_callback,
        false,
    )?;
    if wants {
        listen(&pool, &pool_obj(&a));
    }
    Ok(result_object(
        async_class(),
        job_handle(&pool, job, true),
        pool_obj(&a),
    ))
}

fn apply(it: &mut Interp, a: Args) -> R {
    // `apply_async(...).get()`, as CPython's: the caller waits, so its tasks never overlap.
    let r = apply_with(it, a, "Pool.apply")?;
    it.call_method(&r, "get", vec![])
}

/// CPython's default chunksize: `ceil(len / (4 * workers))`.
fn default_chunksize(n: usize, workers: usize) -> usize {
    let (q, r) = (n / (workers * 4), n % (workers * 4));
    if r > 0 { q + 1 } else { q }
}

fn map_like(it: &mut Interp, a: &Args, fname: &str, mode: Mode, ordered: Option<bool>) -> R {
    // The `_async` forms also take the callbacks.
    static PARAMS: [&str; 5] = [
        "func",
        "iterable",
        "chunksize",
        "callback",
        "error_callback",
    ];
    let [func, iterable, chunksize, callback, error_callback] = if fname.ends_with("_async") {
        Sig::py(fname, &PARAMS, 2).method().bind(a)?
    } else {
        let [f, i, c] = Sig::py(fname, &PARAMS[..3], 2).method().bind(a)?;
        [f, i, c, None, None]
    };
    let pool = pool_of(a)?;
    check_running(&pool)?;
    let func = func.cloned().unwrap_or(Value::None);
    let iterable = iterable.cloned().unwrap_or(Value::None);
    // map and starmap take the whole iterable first (an error in it reaches the caller at once);
    // imap's task feeder takes items until the iterable fails, and the iterator raises that error
    // after the items before it (CPython's `_handle_tasks`).
    let (items, tail_error): (Items, _) = if let Value::List(list) = &iterable {
        let list = list.clone();
        (Items::List { list, pos: 0 }, None)
    } else if ordered.is_none() {
        (it.collect(&iterable)?.into(), None)
    } else {
        let iter = it.iter(&iterable)?;
        let mut items = Vec::new();
        let mut failed = None;
        loop {
            match it.next(&iter) {
                Ok(Some(v)) => items.push(v),
                Ok(None) => break,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        (items.into(), failed)
    };
    let workers = pool.0.borrow().processes;
    let chunksize = match (int_opt(chunksize, "chunksize")?, ordered) {
        (Some(c), Some(_)) if c < 1 => {
            return Err(value_error(format!("Chunksize must be 1+, not {c}")));
        }
        // CPython's map with a chunksize below 1 sends no task and answers `[None] * len`.
        (Some(c), None) if c < 1 => 0,
        (Some(c), _) => c as usize,
        (None, Some(_)) => 1,
        (None, None) => default_chunksize(items.len(), workers),
    };
    let (callback, error_callback) = if ordered.is_none() {
        (
            callback.cloned().unwrap_or(Value::None),
            error_callback.cloned().unwrap_or(Value::None),
        )
    } else {
        (Value::None, Value::None)
    };
    let wants = !matches!(callback, Value::None) || !matches!(error_callback, Value::None);
    let (_, job) = submit(
        it,
        &pool,
        &func,
        mode,
        items,
        Value::None,
        chunksize,
        callback,
        error_callback,
        ordered.is_some(),
    )?;
    if wants {
        listen(&pool, &pool_obj(a));
    }
    job.borrow_mut().tail_error = tail_error;
    let handle = job_handle(&pool, job, ordered.unwrap_or(true));
    Ok(match ordered {
        None => result_object(map_result_class(), handle, pool_obj(a)),
        Some(o) => result_object(imap_class(o), handle, pool_obj(a)),
    })
}

fn map_async(it: &mut Interp, a: Args) -> R {
    map_like(it, &a, "Pool.map_async", Mode::Map, None)
}

fn starmap_async(it: &mut Interp, a: Args) -> R {
    map_like(it, &a, "Pool.starmap_async", Mode::Star, None)
}

fn map(it: &mut Interp, a: Args) -> R {
    let r = map_like(it, &a, "Pool.map", Mode::Map, None)?;
    it.call_method(&r, "get", vec![])
}

fn starmap(it: &mut Interp, a: Args) -> R {
    let r = map_like(it, &a, "Pool.starmap", Mode::Star, None)?;
    it.call_method(&r, "get", vec![])
}

fn imap(it: &mut Interp, a: Args) -> R {
    map_like(it, &a, "Pool.imap", Mode::Map, Some(true))
}

fn imap_unordered(it: &mut Interp, a: Args) -> R {
    map_like(it, &a, "Pool.imap_unordered", Mode::Map, Some(false))
}

fn close(it: &mut Interp, a: Args) -> R {
    let pool = pool_of(&a)?;
    {
        let mut p = pool.0.borrow_mut();
        if p.state == PoolRun::Run {
            p.state = PoolRun::Close;
        }
    }
    op(pool.0.borrow().id, Op::Close, None);
    if !unfinished(&pool) {
        queue_sentinels(it, &pool)?;
        feed(&pool)?;
    }
    Ok(Value::None)
}

fn terminate(it: &mut Interp, a: Args) -> R {
    let pool = pool_of(&a)?;
    let was = std::mem::replace(&mut pool.0.borrow_mut().state, PoolRun::Terminate);
    {
        let p = pool.0.borrow();
        // CPython's `_terminate_pool` checks this before it stops any worker (and runs once).
        if was != PoolRun::Terminate && p.results_dead && !p.jobs.is_empty() {
            return Err(result_handler::dead_handler_error());
        }
    }
    op(pool.0.borrow().id, Op::Terminate, None);
    let workers = pool.0.borrow().workers.clone();
    for w in &workers {
        it.call_method(w, "terminate", vec![])?;
    }
    for w in &workers {
        it.call_method(w, "join", vec![])?;
    }
    let mut p = pool.0.borrow_mut();
    p.outbox.clear();
    p.front_written = 0;
    Ok(Value::None)
}

fn join(it: &mut Interp, a: Args) -> R {
    let pool = pool_of(&a)?;
    let obj = pool_obj(&a);
    let state = pool.0.borrow().state;
    if state == PoolRun::Run {
        return Err(value_error("Pool is still running"));
    }
    let label = format!("Pool#{}", pool.0.borrow().id);
    blocked(&label, "join");
    // Wait for every job's results, then for every worker to finish (sentinels are queued once no
    // job is left).
    while state == PoolRun::Close && unfinished(&pool) {
        if let Some(e) = lost_error(it, &pool, None)? {
            running();
            return Err(e);
        }
        pump(it, &pool, &obj, None)?;
    }
    if state == PoolRun::Close {
        queue_sentinels(it, &pool)?;
        while !pool.0.borrow().outbox.is_empty() {
            pump(it, &pool, &obj, None)?;
        }
    }
    running();
    let workers = pool.0.borrow().workers.clone();
    for w in &workers {
        it.call_method(w, "join", vec![])?;
    }
    Ok(Value::None)
}

/// `pool._repopulate_pool()`: reap ended workers and start new ones up to the pool's size (what
/// any pool call does first; CPython's tests call it directly).
fn repopulate(it: &mut Interp, a: Args) -> R {
    let pool = pool_of(&a)?;
    maintain(it, &pool, &pool_obj(&a))?;
    Ok(Value::None)
}

fn enter(_: &mut Interp, a: Args) -> R {
    let pool = pool_of(&a)?;
    check_running(&pool)?;
    Ok(pool_obj(&a))
}

fn exit(it: &mut Interp, a: Args) -> R {
    terminate(it, Args::new(vec![pool_obj(&a)]))?;
    Ok(Value::Bool(false))
}

fn pool_repr(_: &mut Interp, a: Args) -> R {
    let pool = pool_of(&a)?;
    let p = pool.0.borrow();
    let state = match p.state {
        PoolRun::Run => "RUN",
        PoolRun::Close => "CLOSE",
        PoolRun::Terminate => "TERMINATE",
    };
    Ok(Value::str(&format!(
        "<multiprocessing.pool.Pool state={state} pool_size={}>",
        p.workers.len()
    )))
}

// ---- results --------------------------------------------------------------------------------

/// Pump the pool until job `h` is ready or `timeout` lesson seconds pass; whether it is ready.
fn wait_for(
    it: &mut Interp,
    h: &JobRef,
    pool_obj: &Value,
    timeout: Option<f64>,
) -> Result<bool, Exc> {
    let deadline = timeout.map(|t| runtime::clock::now_secs() + t);
    let ready = |h: &JobRef| h.state.borrow().ready();
    if ready(h) {
        return Ok(true);
    }
    let label = format!("Pool#{}", h.pool.0.borrow().id);
    blocked(&label, "get");
    loop {
        let left = deadline.map(|d| (d - runtime::clock::now_secs()).max(0.0));
        if left.is_none()
            && let Some(n) = job_number(&h.pool, &h.state)
            && let Some(e) = lost_error(it, &h.pool, Some(n))?
        {
            running();
            return Err(e);
        }
        pump(it, &h.pool, pool_obj, left)?;
        if ready(h) {
            running();
            return Ok(true);
        }
        if left.is_some_and(|l| l <= 0.0) {
            running();
            return Ok(false);
        }
    }
}

/// The pool's number of a job still waiting (`None` once it has all its results).
fn job_number(pool: &PoolRef, state: &Rc<RefCell<Job>>) -> Option<u64> {
    pool.0
        .borrow()
        .jobs
        .iter()
        .find(|(_, j)| Rc::ptr_eq(j, state))
        .map(|(n, _)| *n)
}

fn handle_and_pool(a: &Args) -> Result<(JobRef, Value), Exc> {
    let h = job_of(a)?;
    let obj = match a.pos.first() {
        Some(Value::Instance(i)) => i
            .attrs
            .borrow()
            .get("_pool")
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    };
    Ok((h, obj))
}

/// The timeout of `get`/`wait`: CPython hands it to `threading.Event.wait`, which looks at it
/// only when the result is not there yet (`timeout > 0`): then a value that does not compare with
/// an int is that comparison's TypeError.
fn result_timeout(
    it: &mut Interp,
    h: &JobRef,
    obj: &Value,
    timeout: Option<&Value>,
) -> Result<Option<f64>, Exc> {
    match timeout {
        None | Some(Value::None | Value::Int(_) | Value::Bool(_) | Value::Float(_)) => {
            timeout_of(timeout.cloned())
        }
        // Past 64 bits: longer than any run, or already over.
        Some(Value::BigInt(b)) => Ok((b.sign() != num_bigint::Sign::Plus).then_some(0.0)),
        Some(other) => {
            pump(it, &h.pool, obj, Some(0.0))?;
            if h.state.borrow().ready() {
                return Ok(None);
            }
            Err(type_error(format!(
                "'>' not supported between instances of '{}' and 'int'",
                other.type_name()
            )))
        }
    }
}

fn result_get(it: &mut Interp, a: Args) -> R {
    let (h, obj) = handle_and_pool(&a)?;
    let [timeout] = Sig::py("ApplyResult.get", &["timeout"], 0)
        .method()
        .bind(&a)?;
    let timeout = result_timeout(it, &h, &obj, timeout)?;
    if !wait_for(it, &h, &obj, timeout)? {
        return Err(super::multiprocessing::timeout_error());
    }
    let mut j = h.state.borrow_mut();
    if let Some(e) = &j.error {
        return Err(e.clone());
    }
    Ok(j.result())
}

fn result_wait(it: &mut Interp, a: Args) -> R {
    let (h, obj) = handle_and_pool(&a)?;
    let [timeout] = Sig::py("ApplyResult.wait", &["timeout"], 0)
        .method()
        .bind(&a)?;
    let timeout = result_timeout(it, &h, &obj, timeout)?;
    wait_for(it, &h, &obj, timeout)?;
    Ok(Value::None)
}

fn result_ready(it: &mut Interp, a: Args) -> R {
    let (h, obj) = handle_and_pool(&a)?;
    // Take whatever has arrived, without waiting.
    pump(it, &h.pool, &obj, Some(0.0))?;
    Ok(Value::Bool(h.state.borrow().ready()))
}

fn result_successful(it: &mut Interp, a: Args) -> R {
    let (h, obj) = handle_and_pool(&a)?;
    pump(it, &h.pool, &obj, Some(0.0))?;
    let ready = h.state.borrow().ready();
    if !ready {
        let me = pool_obj(&a);
        let text = it.repr(&me)?;
        return Err(value_error(format!("{text} not ready")));
    }
    Ok(Value::Bool(h.state.borrow().error.is_none()))
}

fn imap_iter(_: &mut Interp, a: Args) -> R {
    Ok(pool_obj(&a))
}

/// `next(it)` / `it.next(timeout)`: the next result, in order (imap) or as they come
/// (imap_unordered); `StopIteration` at the end.
fn imap_next(it: &mut Interp, a: Args) -> R {
    let (h, obj) = handle_and_pool(&a)?;
    let [timeout] = Sig::py("IMapIterator.next", &["timeout"], 0)
        .method()
        .bind(&a)?;
    let timeout = timeout_of(timeout.cloned())?;
    if let Some(v) = h.buffer.borrow_mut().next() {
        return Ok(v);
    }
    let deadline = timeout.map(|t| runtime::clock::now_secs() + t);
    let mut looked_at_deadline = false;
    loop {
        let taken = {
            let mut j = h.state.borrow_mut();
            let total_chunks = j.len.div_ceil(j.chunksize.max(1));
            let mut next = h.next.borrow_mut();
            if next.0 >= total_chunks {
                if let Some(e) = j.tail_error.take() {
                    return Err(e);
                }
                return Err(Exc::with_args(ExcKind::StopIteration, vec![]));
            }
            let chunk = if h.ordered {
                j.arrived.remove(&next.0).map(|r| (next.0, r))
            } else {
                match j.order.pop_front() {
                    Some(c) => j.arrived.remove(&c).map(|r| (c, r)),
                    None => None,
                }
            };
            if chunk.is_some() {
                next.0 += 1;
            }
            chunk
        };
        match taken {
            Some((_, Ok(vals))) => {
                // The chunk's own vector is read from: its items are not copied a second time.
                // The chunk before it (of the job's same chunksize) is done with: when chunks are
                // big, its pages go back to the kernel rather than stay resident while the
                // caller's list grows past them.
                let big = vals.len() * std::mem::size_of::<Value>() >= memory::WORTH_GIVING_BACK;
                let mut buf = h.buffer.borrow_mut();
                drop(std::mem::replace(&mut *buf, vals.into_iter()));
                if big {
                    memory::give_back_freed();
                }
                if let Some(v) = buf.next() {
                    return Ok(v);
                }
            }
            Some((_, Err(e))) => return Err(e),
            None => {
                let left = deadline.map(|d| (d - runtime::clock::now_secs()).max(0.0));
                let due = left.is_some_and(|l| l <= 0.0);
                if due && looked_at_deadline {
                    return Err(super::multiprocessing::timeout_error());
                }
                if due {
                    // Results already in the pipe count, as CPython's result-handler thread
                    // would have taken them in: `next(timeout=0)` looks once without waiting.
                    looked_at_deadline = true;
                    pump(it, &h.pool, &obj, Some(0.0))?;
                    continue;
                }
                if left.is_none()
                    && let Some(n) = job_number(&h.pool, &h.state)
                    && let Some(e) = lost_error(it, &h.pool, Some(n))?
                {
                    return Err(e);
                }
                let label = format!("Pool#{}", h.pool.0.borrow().id);
                blocked(&label, "next");
                pump(it, &h.pool, &obj, left)?;
                running();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    /// The arguments are refused before any worker is forked, in CPython's words.
    #[test]
    fn processes_and_maxtasksperchild_refused_as_cpython_refuses_them() {
        let src = "import multiprocessing as mp\n\
            for kw in [{'processes': 'a'}, {'processes': 1.5}, {'processes': 0},\n\
            \x20          {'processes': 1, 'maxtasksperchild': 1.5},\n\
            \x20          {'processes': 1, 'maxtasksperchild': False}]:\n\
            \x20   try:\n\
            \x20       mp.Pool(**kw)\n\
            \x20   except Exception as e:\n\
            \x20       print(type(e).__name__, e)\n";
        assert_eq!(
            out(src),
            "TypeError '<' not supported between instances of 'str' and 'int'\n\
             TypeError 'float' object cannot be interpreted as an integer\n\
             ValueError Number of processes must be at least 1\n\
             ValueError maxtasksperchild must be a positive int or None\n\
             ValueError maxtasksperchild must be a positive int or None\n"
        );
    }
}
