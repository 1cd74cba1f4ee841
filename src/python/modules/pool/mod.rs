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

mod result_handler;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;

use super::sync::{arg, blocked, check_kw, created, new_id, op, os_error, running, timeout_of};
use super::wire;
use crate::python::exceptions::{self, Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Instance, Namespace, NativeKind, Value};
use crate::runtime::{
    self,
    sync::{Channel, Recv, Sem},
};

type R = Result<Value, Exc>;

/// How a task's items are called.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `func(*args, **kwds)`, one result (apply).
    Apply = 0,
    /// `[func(x) for x in chunk]` (map, imap).
    Map = 1,
    /// `[func(*x) for x in chunk]` (starmap).
    Star = 2,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PoolRun {
    Run,
    Close,
    Terminate,
}

/// What the parent knows of one submitted job.
struct Job {
    /// Chunks not yet answered.
    left: usize,
    chunksize: usize,
    /// For map-like jobs, one slot per item; for apply, one slot; for imap, none (its iterator
    /// takes each chunk's values from `arrived`, so a slot per item would hold them twice).
    values: Vec<Value>,
    /// The number of items the job was given.
    len: usize,
    error: Option<Exc>,
    /// Chunk results not yet taken by an `imap` iterator, by chunk index.
    arrived: BTreeMap<usize, Result<Vec<Value>, Exc>>,
    /// Arrival order of chunks (for `imap_unordered`).
    order: VecDeque<usize>,
    single: bool,
    /// An imap iterator's job: chunk outcomes are kept for the iterator to take.
    imap: bool,
    /// An imap iterable's own error, raised by the iterator after the items before it.
    tail_error: Option<Exc>,
    callback: Value,
    error_callback: Value,
    /// The pool's number for its first chunk (see `PoolState::next_task`).
    first_task: u64,
    /// A ready map's result list, made once from `values` (which it takes): `get()` and the
    /// callback then hand out that one list, as CPython's `_value`, instead of a copy each.
    list: Option<Value>,
}

impl Job {
    fn ready(&self) -> bool {
        self.left == 0
    }

    /// The result of a ready job: the one value of an apply, the list of a map.
    fn result(&mut self) -> Value {
        if self.single {
            return self.values.first().cloned().unwrap_or(Value::None);
        }
        self.list
            .get_or_insert_with(|| Value::list(std::mem::take(&mut self.values)))
            .clone()
    }
}

/// The pool's kernel objects and the parent's bookkeeping. Workers get a copy by fork and use only
/// the worker side (`tasks_r` + `read_lock`, `results_w` + `write_lock`).
struct PoolState {
    id: u32,
    tasks_r: Channel,
    tasks_w: Channel,
    results_r: Channel,
    results_w: Channel,
    read_lock: Sem,
    write_lock: Sem,
    processes: usize,
    initializer: Value,
    initargs: Vec<Value>,
    maxtasks: Option<i64>,
    workers: Vec<Value>,
    state: PoolRun,
    next_job: u64,
    /// The next task's number: each chunk handed to a worker is a task, counted from 0 in the
    /// order they were handed over, so that `apply(f, (i,))` in a loop runs tasks 0, 1, 2...
    next_task: u64,
    /// Jobs still waiting for results (CPython's cache); a result object keeps its job after.
    jobs: HashMap<u64, Rc<RefCell<Job>>>,
    /// Encoded task frames waiting for room in the task pipe.
    outbox: VecDeque<Vec<u8>>,
    /// Bytes of the front frame (its 4-byte length first) already in the pipe: a frame larger
    /// than the room in the pipe goes in pieces (only the parent writes the task pipe).
    front_written: usize,
    /// Sentinels owed to workers after `close()` (one each, after the last task).
    sentinels_sent: usize,
    /// CPython's `_handle_results` thread: its `Thread-N` number, and whether it died of a
    /// result that could not be unpickled (see `pool_results`).
    handler_thread: u32,
    results_dead: bool,
}

#[derive(Clone)]
struct PoolRef(Rc<RefCell<PoolState>>);

/// An `AsyncResult`, `MapResult` or imap iterator: its pool and job.
#[derive(Clone)]
struct JobRef {
    pool: PoolRef,
    state: Rc<RefCell<Job>>,
    /// For imap iterators: the next item to yield and whether order matters.
    next: Rc<RefCell<(usize, usize)>>,
    ordered: bool,
    /// Buffered items of the current chunk.
    buffer: Rc<RefCell<VecDeque<Value>>>,
}

thread_local! {
    static CLASSES: RefCell<HashMap<&'static str, Rc<Class>>> = RefCell::new(HashMap::new());
}

fn class(
    name: &'static str,
    module: &str,
    methods: &[(&str, crate::python::value::NativeFn)],
    base: Option<Rc<Class>>,
) -> Rc<Class> {
    if let Some(c) = CLASSES.with(|c| c.borrow().get(name).cloned()) {
        return c;
    }
    let mut attrs = Namespace::default();
    for (n, f) in methods {
        attrs.insert(Rc::from(*n), Value::builtin(n, *f));
    }
    let base = base.unwrap_or_else(|| exceptions::class("object"));
    let native = (&*base.name == "object").then_some(NativeKind::Other);
    let cls = exceptions::make_class(name, module, vec![base], attrs, native).expect("one base");
    CLASSES.with(|c| c.borrow_mut().insert(name, cls.clone()));
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

/// `RemoteTraceback`, the cause of an exception re-raised from a worker.
pub fn remote_traceback_class() -> Rc<Class> {
    class(
        "RemoteTraceback",
        "multiprocessing.pool",
        &[("__str__", remote_traceback_str)],
        Some(exceptions::class("Exception")),
    )
}

/// The worker process class: a `Process` whose `run` is the worker loop.
fn worker_class() -> Rc<Class> {
    let process = match super::multiprocessing::process_class_value() {
        Value::Class(ref c) => c.clone(),
        _ => exceptions::class("object"),
    };
    class(
        "ForkProcess",
        "multiprocessing.context",
        &[("run", worker_run)],
        Some(process),
    )
}

fn pool_of(a: &Args) -> Result<PoolRef, Exc> {
    super::sync::this::<PoolRef>(a, "Pool")
}

fn job_of(a: &Args) -> Result<JobRef, Exc> {
    super::sync::this::<JobRef>(a, "AsyncResult")
}

fn int_opt(v: Option<Value>, what: &str) -> Result<Option<i64>, Exc> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(i)),
        Some(other) => Err(type_error(format!(
            "{what} must be an integer, not {}",
            other.type_name()
        ))),
    }
}

// ---- the pool -------------------------------------------------------------------------------

/// `Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)`.
fn init(it: &mut Interp, a: Args) -> R {
    check_kw(
        &a,
        "Pool",
        &[
            "processes",
            "initializer",
            "initargs",
            "maxtasksperchild",
            "context",
        ],
    )?;
    let processes = match int_opt(arg(&a, 0, "processes"), "processes")? {
        None => runtime::process::cpu_count() as i64,
        Some(n) => n,
    };
    if processes < 1 {
        return Err(value_error("Number of processes must be at least 1"));
    }
    let initializer = arg(&a, 1, "initializer").unwrap_or(Value::None);
    if !matches!(initializer, Value::None) && !is_callable(&initializer) {
        return Err(type_error("initializer must be a callable"));
    }
    let initargs = match arg(&a, 2, "initargs") {
        None | Some(Value::None) => vec![],
        Some(v) => it.collect(&v)?,
    };
    let maxtasks = int_opt(arg(&a, 3, "maxtasksperchild"), "maxtasksperchild")?;
    if maxtasks.is_some_and(|m| m < 1) {
        return Err(value_error(
            "maxtasksperchild must be a positive int or None",
        ));
    }
    let (tasks_r, tasks_w) = Channel::pipe().map_err(os_error)?;
    let (results_r, results_w) = Channel::pipe().map_err(os_error)?;
    tasks_w.enlarge();
    results_w.enlarge();
    // The parent feeds the task pipe without ever blocking (see `feed`).
    tasks_w.set_nonblocking().map_err(os_error)?;
    let id = new_id(it);
    created(id, "Pool", Some(processes));
    let state = PoolState {
        id,
        tasks_r,
        tasks_w,
        results_r,
        results_w,
        read_lock: Sem::new(1).map_err(os_error)?,
        write_lock: Sem::new(1).map_err(os_error)?,
        processes: processes as usize,
        initializer,
        initargs,
        maxtasks,
        workers: Vec::new(),
        state: PoolRun::Run,
        next_job: 0,
        next_task: 0,
        jobs: HashMap::new(),
        outbox: VecDeque::new(),
        front_written: 0,
        sentinels_sent: 0,
        handler_thread: result_handler::new_handler_number(),
        results_dead: false,
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

fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

/// Start one `ForkPoolWorker-N`: a daemonic Process whose run is the worker loop.
fn spawn_worker(it: &mut Interp, pool: &PoolRef, pool_obj: &Value) -> Result<(), Exc> {
    let cls = Value::Class(worker_class());
    let w = it.call(&cls, Args::default())?;
    if let Value::Instance(inst) = &w {
        let name = it.getattr(&w, "name")?;
        let name = it.str_of(&name)?.replace("Process", "PoolWorker");
        it.setattr(&w, "name", Value::str(&name))?;
        it.setattr(&w, "daemon", Value::Bool(true))?;
        inst.attrs
            .borrow_mut()
            .insert(Rc::from("_pool"), pool_obj.clone());
    }
    it.call_method(&w, "start", vec![])?;
    pool.0.borrow_mut().workers.push(w);
    publish_workers(pool, pool_obj);
    Ok(())
}

/// `pool._pool`: the list of worker processes, as CPython's pool keeps it.
fn publish_workers(pool: &PoolRef, pool_obj: &Value) {
    if let Value::Instance(inst) = pool_obj {
        let list = Value::list(pool.0.borrow().workers.clone());
        inst.attrs.borrow_mut().insert(Rc::from("_pool"), list);
    }
}

/// Keep the pool full: reap workers that ended and start new ones while there is work or the pool
/// is running (CPython's `_maintain_pool`).
fn maintain(it: &mut Interp, pool: &PoolRef, pool_obj: &Value) -> Result<(), Exc> {
    let workers = pool.0.borrow().workers.clone();
    let mut alive = Vec::new();
    for w in workers {
        let code = it.getattr(&w, "exitcode")?;
        if matches!(code, Value::None) {
            alive.push(w);
        }
    }
    let (state, need) = {
        let mut p = pool.0.borrow_mut();
        let ended = p.workers.len() - alive.len();
        p.workers = alive;
        if ended > 0 {
            drop(p);
            publish_workers(pool, pool_obj);
            p = pool.0.borrow_mut();
        }
        let need = p.processes.saturating_sub(p.workers.len());
        if ended > 0 && p.state == PoolRun::Close {
            // Each replacement needs its own sentinel.
            p.sentinels_sent = p.sentinels_sent.saturating_sub(ended);
        }
        (p.state, need)
    };
    let busy = unfinished(pool);
    if state == PoolRun::Run || (state == PoolRun::Close && busy) {
        for _ in 0..need {
            spawn_worker(it, pool, pool_obj)?;
        }
    }
    Ok(())
}

/// Whether some job still waits for results.
fn unfinished(pool: &PoolRef) -> bool {
    !pool.0.borrow().jobs.is_empty()
}

/// After `close()`, once every task is queued, each worker gets a sentinel telling it to finish.
fn queue_sentinels(it: &mut Interp, pool: &PoolRef) -> Result<(), Exc> {
    let owed = {
        let p = pool.0.borrow();
        if p.state != PoolRun::Close {
            return Ok(());
        }
        p.workers.len().saturating_sub(p.sentinels_sent)
    };
    for _ in 0..owed {
        let frame = wire::dumps(it, &Value::None)?;
        let mut p = pool.0.borrow_mut();
        p.outbox.push_back(frame);
        p.sentinels_sent += 1;
    }
    Ok(())
}

/// Feed queued tasks into the pipe as far as it has room (never blocking). A frame that does not
/// fit whole goes in as much as fits now, the rest at later rounds, so a task larger than the
/// pipe itself (a 3 MB argument) gets through too, as workers read it.
fn feed(pool: &PoolRef) -> Result<(), Exc> {
    let mut p = pool.0.borrow_mut();
    while let Some(frame) = p.outbox.front() {
        if p.front_written == 0 && p.tasks_w.try_send(frame).map_err(os_error)? {
            p.outbox.pop_front();
            continue;
        }
        let header = (frame.len() as u32).to_le_bytes();
        let total = 4 + frame.len();
        let rest = match p.front_written {
            w if w < 4 => &header[w..],
            w => &frame[w - 4..],
        };
        // SAFETY: writing our own buffer to our pipe's non-blocking write end.
        let n = unsafe { libc::write(p.tasks_w.fd(), rest.as_ptr().cast(), rest.len()) };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if matches!(
                err.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::Interrupted
            ) {
                break;
            }
            return Err(os_error(err));
        }
        p.front_written += n as usize;
        if p.front_written < total {
            continue;
        }
        p.front_written = 0;
        p.outbox.pop_front();
    }
    Ok(())
}

/// One round of the parent's pool work: replace dead workers, feed tasks, wait at most `timeout`
/// lesson seconds for results (or room in the pipe), and take every result that is there.
fn pump(
    it: &mut Interp,
    pool: &PoolRef,
    pool_obj: &Value,
    timeout: Option<f64>,
) -> Result<(), Exc> {
    maintain(it, pool, pool_obj)?;
    if !unfinished(pool) {
        queue_sentinels(it, pool)?;
    }
    feed(pool)?;
    let (rfd, wfd, want_write) = {
        let p = pool.0.borrow();
        // A dead result handler reads nothing: poll skips a negative fd.
        let rfd = if p.results_dead { -1 } else { p.results_r.fd() };
        (rfd, p.tasks_w.fd(), !p.outbox.is_empty())
    };
    // No result is owed and nothing waits to be fed (join's last round, after close): there is
    // nothing to wait for, and waiting without a timeout would never end.
    let timeout = if !want_write && !unfinished(pool) {
        Some(0.0)
    } else {
        timeout
    };
    let mut fds = vec![libc::pollfd {
        fd: rfd,
        events: libc::POLLIN,
        revents: 0,
    }];
    if want_write {
        fds.push(libc::pollfd {
            fd: wfd,
            events: libc::POLLOUT,
            revents: 0,
        });
    }
    // A worker that dies while we wait must wake us: watch the workers' pidfds too.
    let pidfds = worker_pidfds(it, pool)?;
    for fd in &pidfds {
        fds.push(libc::pollfd {
            fd: *fd,
            events: libc::POLLIN,
            revents: 0,
        });
    }
    runtime::clock::wait_poll(&mut fds, timeout);
    for fd in pidfds {
        // SAFETY: closing pidfds this function opened.
        unsafe { libc::close(fd) };
    }
    // The handler may die of any result taken here: nothing is read after that one.
    while !pool.0.borrow().results_dead {
        let ready = pool.0.borrow().results_r.poll(Some(0.0));
        if !ready {
            break;
        }
        let msg = pool.0.borrow().results_r.recv().map_err(os_error)?;
        let Recv::Message(bytes) = msg else { break };
        take_result(it, pool, &bytes)?;
    }
    feed(pool)
}

fn worker_pidfds(it: &mut Interp, pool: &PoolRef) -> Result<Vec<i32>, Exc> {
    let workers = pool.0.borrow().workers.clone();
    let mut out = Vec::new();
    for w in workers {
        if let Value::Int(pid) = it.getattr(&w, "pid")? {
            // SAFETY: pidfd_open takes a pid and flags; failure (already reaped) is skipped.
            let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) } as i32;
            if fd >= 0 {
                out.push(fd);
            }
        }
    }
    Ok(out)
}

/// A result message from a worker: `(job, chunk, ok, value, traceback_text)`.
fn take_result(it: &mut Interp, pool: &PoolRef, bytes: &[u8]) -> Result<(), Exc> {
    let msg = match wire::loads(it, bytes) {
        Ok(msg) => msg,
        // CPython's result handler thread dies here; nothing reaches the parent after.
        Err(e) => {
            let thread = {
                let mut p = pool.0.borrow_mut();
                p.results_dead = true;
                p.handler_thread
            };
            result_handler::report_death(it, thread, &e);
            return Ok(());
        }
    };
    let Value::Tuple(ref t) = msg else {
        return Ok(());
    };
    let (Value::Int(job), Value::Int(chunk), Value::Bool(ok)) = (&t[0], &t[1], &t[2]) else {
        return Ok(());
    };
    let (job, chunk, ok) = (*job as u64, *chunk as usize, *ok);
    let outcome: Result<Vec<Value>, Exc> = if ok {
        match &t[3] {
            // The message was just decoded: its list is ours alone, its values move out.
            Value::List(l) if Rc::strong_count(l) == 1 => Ok(std::mem::take(&mut *l.borrow_mut())),
            Value::List(l) => Ok(l.borrow().clone()),
            _ => return Ok(()),
        }
    } else {
        Err(remote_exception(it, &t[3], &t[4]))
    };
    let id = pool.0.borrow().id;
    let first_task = pool
        .0
        .borrow()
        .jobs
        .get(&job)
        .map(|j| j.borrow().first_task);
    if let Some(first) = first_task {
        let task = first + chunk as u64;
        op(
            id,
            "result",
            Some(format!("task {task} reached the parent")),
        );
    }
    deliver(it, pool, job, chunk, outcome)
}

/// One chunk's outcome into its job (CPython's `ApplyResult._set` / `MapResult._set`): its values
/// or its error, and the job's callback once the job is ready.
fn deliver(
    it: &mut Interp,
    pool: &PoolRef,
    job: u64,
    chunk: usize,
    outcome: Result<Vec<Value>, Exc>,
) -> Result<(), Exc> {
    let callback = {
        let Some(rc) = pool.0.borrow().jobs.get(&job).cloned() else {
            return Ok(());
        };
        let mut j = rc.borrow_mut();
        j.left = j.left.saturating_sub(1);
        match &outcome {
            Ok(vals) => {
                for (k, v) in vals.iter().enumerate() {
                    let i = chunk * j.chunksize.max(1) + k;
                    if i < j.values.len() {
                        j.values[i] = v.clone();
                    }
                }
            }
            Err(e) => {
                if j.error.is_none() {
                    j.error = Some(e.clone());
                }
            }
        }
        if j.imap {
            j.arrived.insert(chunk, outcome);
            j.order.push_back(chunk);
        }
        if j.ready() {
            pool.0.borrow_mut().jobs.remove(&job);
            let wanted = match j.error {
                None => !matches!(j.callback, Value::None),
                Some(_) => !matches!(j.error_callback, Value::None),
            };
            wanted.then(|| {
                let value = j.result();
                (
                    j.callback.clone(),
                    j.error_callback.clone(),
                    j.error.clone(),
                    value,
                )
            })
        } else {
            None
        }
    };
    if let Some((cb, ecb, err, v)) = callback {
        match err {
            None if !matches!(cb, Value::None) => {
                it.call(&cb, Args::new(vec![v]))?;
            }
            Some(e) if !matches!(ecb, Value::None) => {
                it.call(&ecb, Args::new(vec![Value::Instance(e.value)]))?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// A pool listened to for results: its state and its Python object, both weak (a pool that goes
/// away stops being listened to).
type Listened = (std::rc::Weak<RefCell<PoolState>>, std::rc::Weak<Instance>);

thread_local! {
    /// Pools with a callback waiting, whose result pipe signals this process (SIGIO) when a result
    /// arrives.
    static LISTENING: RefCell<Vec<Listened>> = const { RefCell::new(Vec::new()) };
    /// Set while `results_arrived` runs: a callback's own statements do not start another round.
    static TAKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Have the pool's result pipe signal this process when a result arrives, so that callbacks run
/// as soon as their results are here (CPython's result-handler thread), not at the next pool call.
fn listen(pool: &PoolRef, pool_obj: &Value) {
    let Value::Instance(obj) = pool_obj else {
        return;
    };
    let known = LISTENING.with(|l| {
        l.borrow()
            .iter()
            .any(|(p, _)| std::ptr::eq(p.as_ptr(), Rc::as_ptr(&pool.0)))
    });
    if known {
        return;
    }
    let fd = pool.0.borrow().results_r.fd();
    if runtime::signals::notify_when_readable(fd).is_ok() {
        LISTENING.with(|l| {
            let mut l = l.borrow_mut();
            l.retain(|(p, _)| p.strong_count() > 0);
            l.push((Rc::downgrade(&pool.0), Rc::downgrade(obj)));
        });
    }
}

/// SIGIO came: take the results waiting in every listening pool's pipe and run their callbacks
/// (and keep the pool going, as its helper threads would: replace dead workers, feed tasks).
pub fn results_arrived(it: &mut Interp) -> Result<(), Exc> {
    if TAKING.with(|t| t.replace(true)) {
        return Ok(());
    }
    let pools: Vec<(PoolRef, Value)> = LISTENING.with(|l| {
        l.borrow()
            .iter()
            .filter_map(|(p, o)| Some((PoolRef(p.upgrade()?), Value::Instance(o.upgrade()?))))
            .collect()
    });
    let mut result = Ok(());
    for (pool, obj) in pools {
        let ready = {
            let p = pool.0.borrow();
            p.state != PoolRun::Terminate && p.results_r.poll(Some(0.0))
        };
        if ready && let Err(e) = pump(it, &pool, &obj, Some(0.0)) {
            result = Err(e);
            break;
        }
    }
    TAKING.with(|t| t.set(false));
    result
}

/// Tags a result that could not be sent: `(MAYBE_ENCODING, repr(error), repr(value))`.
const MAYBE_ENCODING: &str = "__forkyard_maybe_encoding_error__";

/// `multiprocessing.pool.MaybeEncodingError(exc, value)`: a result the worker could not send.
pub fn maybe_encoding_error_class() -> Rc<Class> {
    class(
        "MaybeEncodingError",
        "multiprocessing.pool",
        &[
            ("__str__", maybe_encoding_str),
            ("__repr__", maybe_encoding_repr),
        ],
        Some(exceptions::class("Exception")),
    )
}

/// `Error sending result: 'VALUE'. Reason: 'EXC'`.
fn maybe_encoding_str(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    let exc = it.getattr(&me, "exc")?;
    let value = it.getattr(&me, "value")?;
    let (exc, value) = (it.str_of(&exc)?, it.str_of(&value)?);
    Ok(Value::str(&format!(
        "Error sending result: '{value}'. Reason: '{exc}'"
    )))
}

fn maybe_encoding_repr(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    let text = maybe_encoding_str(it, a)?;
    let text = it.str_of(&text)?;
    let _ = me;
    Ok(Value::str(&format!("<MaybeEncodingError: {text}>")))
}

/// The exception a worker raised, with its traceback text as a `RemoteTraceback` cause.
fn remote_exception(it: &mut Interp, exc: &Value, tb: &Value) -> Exc {
    if let Value::Tuple(t) = exc
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == MAYBE_ENCODING)
    {
        // CPython pickles it as (class, args, __dict__): unpickling runs __init__ again on the
        // reprs, so its args end up repr'd twice while exc and value come back from __dict__.
        let args = [t[1].clone(), t[2].clone()]
            .iter()
            .map(|v| it.repr(v).map(|r| Value::str(&r)))
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_default();
        let inst = exceptions::instance(maybe_encoding_error_class(), args);
        let mut attrs = inst.attrs.borrow_mut();
        attrs.insert(Rc::from("exc"), t[1].clone());
        attrs.insert(Rc::from("value"), t[2].clone());
        drop(attrs);
        return match it.to_exception(Value::Instance(inst)) {
            Ok(e) | Err(e) => e,
        };
    }
    let e = match it.to_exception(exc.clone()) {
        Ok(e) => e,
        Err(e) => e,
    };
    let text = match tb {
        Value::Str(s) => format!("\n\"\"\"\n{}\"\"\"", s),
        _ => String::new(),
    };
    let cause = exceptions::instance(remote_traceback_class(), vec![Value::str(&text)]);
    cause
        .attrs
        .borrow_mut()
        .insert(Rc::from("tb"), Value::str(&text));
    e.value
        .attrs
        .borrow_mut()
        .insert(Rc::from("__cause__"), Value::Instance(cause));
    e
}

/// `str(RemoteTraceback)` is its `tb`, the worker's traceback text.
fn remote_traceback_str(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    it.getattr(&me, "tb")
}

fn check_running(pool: &PoolRef) -> Result<(), Exc> {
    if pool.0.borrow().state != PoolRun::Run {
        return Err(value_error("Pool not running"));
    }
    Ok(())
}

/// A callable as it travels to a worker: functions and classes by name (as pickle does); builtins of
/// a module (`os.getpid`, `time.sleep`) as `(module, name)`.
fn func_ref(it: &mut Interp, f: &Value) -> Result<Value, Exc> {
    if let Value::Builtin(b) = f
        && b.data.is_none()
    {
        for (mname, m) in it.modules.clone() {
            if let Value::Module(module) = &m
                && module.attrs.borrow().get(&*b.name).is_some_and(|x| x.is(f))
            {
                return Ok(Value::tuple(vec![
                    Value::str("__forkyard_module_attr__"),
                    Value::Str(mname),
                    Value::Str(b.name.clone()),
                ]));
            }
        }
    }
    // A bound method (`obj.method`), as pickle sends it: its object, and the name to look up on it.
    if let Value::BoundMethod(m) = f {
        let name = match &m.func {
            Value::Function(func) => Some(func.def.name.to_string()),
            Value::Builtin(b) => Some(b.name.to_string()),
            _ => None,
        };
        if let Some(name) = name {
            return Ok(Value::tuple(vec![
                Value::str("__forkyard_bound_method__"),
                m.this.clone(),
                Value::str(&name),
            ]));
        }
    }
    // A method of a builtin type looked up on the type (`str.upper`), as pickle sends it: by name.
    if let Some((tn, name)) = crate::python::methods::unbound_method_of(f) {
        return Ok(Value::tuple(vec![
            Value::str("__forkyard_type_attr__"),
            Value::Str(tn),
            Value::Str(name),
        ]));
    }
    if !is_callable(f) {
        return Err(type_error(format!(
            "'{}' object is not callable",
            f.type_name()
        )));
    }
    Ok(f.clone())
}

fn resolve_func(it: &mut Interp, f: Value) -> R {
    if let Value::Tuple(t) = &f
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == "__forkyard_module_attr__")
    {
        let (Value::Str(m), Value::Str(n)) = (&t[1], &t[2]) else {
            return Ok(f);
        };
        let module = super::import(it, m)?;
        return it.getattr(&module, n);
    }
    if let Value::Tuple(t) = &f
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == "__forkyard_bound_method__")
        && let Value::Str(n) = &t[2]
    {
        return it.getattr(&t[1], n);
    }
    if let Value::Tuple(t) = &f
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == "__forkyard_type_attr__")
        && let (Value::Str(tn), Value::Str(n)) = (&t[1], &t[2])
        && let Some(m) = crate::python::methods::on_type(tn, n)
    {
        return Ok(m);
    }
    Ok(f)
}

/// Queue a job of `chunks` (each a list of argument items) and return its id.
#[allow(clippy::too_many_arguments)]
fn submit(
    it: &mut Interp,
    pool: &PoolRef,
    func: &Value,
    mode: Mode,
    items: Vec<Value>,
    kwds: Value,
    chunksize: usize,
    callback: Value,
    error_callback: Value,
    imap: bool,
) -> Result<(u64, Rc<RefCell<Job>>), Exc> {
    check_running(pool)?;
    let fref = func_ref(it, func)?;
    let n = items.len();
    let single = mode == Mode::Apply;
    // Each chunk is copied out of the items only while its message is made: a million-item map
    // holds its items once, and one chunk at a time besides (not every chunk at once).
    let size = if single { n.max(1) } else { chunksize.max(1) };
    // Whether CPython's worker calls the function through `mapstar`/`starmapstar` (a chunk) or
    // directly (`apply`, and `imap` one item at a time): its traceback shows which.
    let in_chunks = !(single || (imap && size == 1));
    let n_chunks = match (single, chunksize) {
        (true, _) => 1,
        (false, 0) => 0,
        (false, _) => n.div_ceil(size),
    };
    let (job, id, first_task) = {
        let mut p = pool.0.borrow_mut();
        p.next_job += 1;
        let first = p.next_task;
        p.next_task += n_chunks as u64;
        (p.next_job, p.id, first)
    };
    let mut frames = Vec::new();
    // Chunks that could not be pickled: CPython's task handler thread sets them failed (so the
    // error comes out of `get()` and goes to `error_callback`, not out of `apply_async`).
    let mut unpicklable = Vec::new();
    for i in 0..n_chunks {
        let chunk = items[(i * size).min(n)..((i + 1) * size).min(n)].to_vec();
        // The number comes first: the viewer reads it (`task 2 → ForkPoolWorker-1`).
        let detail = format!(
            "task {}: {}",
            first_task + i as u64,
            describe(it, func, mode, &chunk, i)
        );
        let msg = Value::tuple(vec![
            Value::Int(job as i64),
            Value::Int(i as i64),
            Value::Int(mode as i64),
            fref.clone(),
            Value::list(chunk),
            kwds.clone(),
            Value::str(&detail),
            Value::Bool(in_chunks),
        ]);
        match wire::dumps(it, &msg) {
            Ok(frame) => frames.push(frame),
            Err(e) if e.value.class.is_subclass(&exceptions::class("Exception")) => {
                unpicklable.push((i, e));
                continue;
            }
            Err(e) => return Err(e),
        }
        op(id, "submit", Some(detail));
    }
    drop(items);
    let left = n_chunks;
    let job_state = Job {
        left,
        chunksize: if single { 1 } else { chunksize.max(1) },
        values: vec![
            Value::None;
            match (single, imap) {
                (true, _) => 1,
                (false, true) => 0,
                (false, false) => n,
            }
        ],
        len: if single { 1 } else { n },
        error: None,
        arrived: BTreeMap::new(),
        order: VecDeque::new(),
        single,
        imap,
        tail_error: None,
        callback,
        error_callback,
        first_task,
        list: None,
    };
    let state = Rc::new(RefCell::new(job_state));
    let mut p = pool.0.borrow_mut();
    if left > 0 {
        p.jobs.insert(job, state.clone());
    }
    p.outbox.extend(frames);
    drop(p);
    for (i, e) in unpicklable {
        deliver(it, pool, job, i, Err(e))?;
    }
    feed(pool)?;
    Ok((job, state))
}

/// The most characters of one argument's repr a trace record shows.
const DETAIL_CHARS: usize = 40;

/// `f(3)`, `f(1, 2)`, `f([3 items])`: what a task runs, for the timeline.
fn describe(it: &mut Interp, func: &Value, mode: Mode, chunk: &[Value], i: usize) -> String {
    let name = match func {
        Value::Function(f) => f.def.name.to_string(),
        Value::Builtin(b) => b.name.to_string(),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => f.def.name.to_string(),
            Value::Builtin(b) => b.name.to_string(),
            other => other.type_name().to_string(),
        },
        Value::Class(c) => c.name.to_string(),
        other => other.type_name().to_string(),
    };
    // Arguments as the timeline shows them: short (a 3 MB string argument must not become 3 MB
    // of trace in every record of its task).
    let show = |it: &mut Interp, v: &Value| {
        let text = it.repr(v).unwrap_or_default();
        match text.char_indices().nth(DETAIL_CHARS) {
            Some((at, _)) => format!("{}...", &text[..at]),
            None => text,
        }
    };
    match mode {
        Mode::Apply => {
            let args = match chunk.first() {
                Some(v) => it.collect(v).unwrap_or_default(),
                None => vec![],
            };
            let parts: Vec<String> = args.iter().map(|a| show(it, a)).collect();
            format!("{name}({})", parts.join(", "))
        }
        _ if chunk.len() == 1 => format!("{name}({}) [item {i}]", show(it, &chunk[0])),
        _ => format!("{name} over {} items (chunk {i})", chunk.len()),
    }
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
        buffer: Rc::new(RefCell::new(VecDeque::new())),
    }
}

fn result_object(cls: Rc<Class>, handle: JobRef, pool_obj: Value) -> Value {
    let v = Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: Default::default(),
        native: RefCell::new(Some(Box::new(handle))),
    }));
    if let Value::Instance(i) = &v {
        i.attrs.borrow_mut().insert(Rc::from("_pool"), pool_obj);
    }
    v
}

fn apply_async(it: &mut Interp, a: Args) -> R {
    check_kw(
        &a,
        "apply_async",
        &["func", "args", "kwds", "callback", "error_callback"],
    )?;
    let pool = pool_of(&a)?;
    let func = arg(&a, 0, "func")
        .ok_or_else(|| type_error("apply_async() missing required argument 'func' (pos 1)"))?;
    let args = match arg(&a, 1, "args") {
        None | Some(Value::None) => Value::tuple(vec![]),
        Some(v) => Value::tuple(it.collect(&v)?),
    };
    let kwds = arg(&a, 2, "kwds").unwrap_or(Value::None);
    let callback = arg(&a, 3, "callback").unwrap_or(Value::None);
    let error_callback = arg(&a, 4, "error_callback").unwrap_or(Value::None);
    let wants = !matches!(callback, Value::None) || !matches!(error_callback, Value::None);
    let (_, job) = submit(
        it,
        &pool,
        &func,
        Mode::Apply,
        vec![args],
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
    let r = apply_async(it, a)?;
    it.call_method(&r, "get", vec![])
}

/// CPython's default chunksize: `ceil(len / (4 * workers))`.
fn default_chunksize(n: usize, workers: usize) -> usize {
    let (q, r) = (n / (workers * 4), n % (workers * 4));
    if r > 0 { q + 1 } else { q }
}

fn map_like(it: &mut Interp, a: &Args, fname: &str, mode: Mode, ordered: Option<bool>) -> R {
    check_kw(
        a,
        fname,
        &[
            "func",
            "iterable",
            "chunksize",
            "callback",
            "error_callback",
        ],
    )?;
    let pool = pool_of(a)?;
    check_running(&pool)?;
    let func = arg(a, 0, "func").ok_or_else(|| {
        type_error(format!(
            "{fname}() missing required argument 'func' (pos 1)"
        ))
    })?;
    let iterable = arg(a, 1, "iterable").ok_or_else(|| {
        type_error(format!(
            "{fname}() missing required argument 'iterable' (pos 2)"
        ))
    })?;
    // map and starmap take the whole iterable first (an error in it reaches the caller at once);
    // imap's task feeder takes items until the iterable fails, and the iterator raises that error
    // after the items before it (CPython's `_handle_tasks`).
    let (items, tail_error) = if ordered.is_none() {
        (it.collect(&iterable)?, None)
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
        (items, failed)
    };
    let workers = pool.0.borrow().processes;
    let chunksize = match (int_opt(arg(a, 2, "chunksize"), "chunksize")?, ordered) {
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
            arg(a, 3, "callback").unwrap_or(Value::None),
            arg(a, 4, "error_callback").unwrap_or(Value::None),
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
    map_like(it, &a, "map_async", Mode::Map, None)
}

fn starmap_async(it: &mut Interp, a: Args) -> R {
    map_like(it, &a, "starmap_async", Mode::Star, None)
}

fn map(it: &mut Interp, a: Args) -> R {
    let r = map_like(it, &a, "map", Mode::Map, None)?;
    it.call_method(&r, "get", vec![])
}

fn starmap(it: &mut Interp, a: Args) -> R {
    let r = map_like(it, &a, "starmap", Mode::Star, None)?;
    it.call_method(&r, "get", vec![])
}

fn imap(it: &mut Interp, a: Args) -> R {
    map_like(it, &a, "imap", Mode::Map, Some(true))
}

fn imap_unordered(it: &mut Interp, a: Args) -> R {
    map_like(it, &a, "imap_unordered", Mode::Map, Some(false))
}

fn close(it: &mut Interp, a: Args) -> R {
    let pool = pool_of(&a)?;
    {
        let mut p = pool.0.borrow_mut();
        if p.state == PoolRun::Run {
            p.state = PoolRun::Close;
        }
    }
    op(pool.0.borrow().id, "close", None);
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
    op(pool.0.borrow().id, "terminate", None);
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

fn result_get(it: &mut Interp, a: Args) -> R {
    let (h, obj) = handle_and_pool(&a)?;
    let timeout = timeout_of(arg(&a, 0, "timeout"))?;
    if !wait_for(it, &h, &obj, timeout)? {
        return Err(Exc::with_args("multiprocessing.TimeoutError", vec![]));
    }
    let mut j = h.state.borrow_mut();
    if let Some(e) = &j.error {
        return Err(e.clone());
    }
    Ok(j.result())
}

fn result_wait(it: &mut Interp, a: Args) -> R {
    let (h, obj) = handle_and_pool(&a)?;
    let timeout = timeout_of(arg(&a, 0, "timeout"))?;
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
    let timeout = timeout_of(arg(&a, 0, "timeout"))?;
    if let Some(v) = h.buffer.borrow_mut().pop_front() {
        return Ok(v);
    }
    let deadline = timeout.map(|t| runtime::clock::now_secs() + t);
    loop {
        let taken = {
            let mut j = h.state.borrow_mut();
            let total_chunks = j.len.div_ceil(j.chunksize.max(1));
            let mut next = h.next.borrow_mut();
            if next.0 >= total_chunks {
                if let Some(e) = j.tail_error.take() {
                    return Err(e);
                }
                return Err(Exc::with_args("StopIteration", vec![]));
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
                let mut buf = h.buffer.borrow_mut();
                buf.extend(vals);
                if let Some(v) = buf.pop_front() {
                    return Ok(v);
                }
            }
            Some((_, Err(e))) => return Err(e),
            None => {
                let left = deadline.map(|d| (d - runtime::clock::now_secs()).max(0.0));
                if left.is_some_and(|l| l <= 0.0) {
                    return Err(Exc::with_args("multiprocessing.TimeoutError", vec![]));
                }
                let label = format!("Pool#{}", h.pool.0.borrow().id);
                blocked(&label, "next");
                pump(it, &h.pool, &obj, left)?;
                running();
            }
        }
    }
}

// ---- the worker -----------------------------------------------------------------------------

/// The worker process's `run()`: take tasks until a sentinel (or `maxtasksperchild`), run each,
/// send its result back. An exception in a task goes back to the caller; `SystemExit` ends the
/// worker (its task's result never comes, as in CPython).
fn worker_run(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    let pool_v = match &me {
        Value::Instance(i) => i
            .attrs
            .borrow()
            .get("_pool")
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    };
    let Some(pool) = super::sync::payload::<PoolRef>(&pool_v) else {
        return Err(type_error("a pool worker needs its pool"));
    };
    let (init_f, init_args, maxtasks, id) = {
        let p = pool.0.borrow();
        // As CPython's worker closes `inqueue._writer` and `outqueue._reader`: once the parent is
        // gone (even by SIGKILL) no one can write a task, so an idle worker reads EOF and ends,
        // and a busy one gets a broken pipe when it sends its result. The fds are pointed at
        // /dev/null rather than closed, so the Channels' own close stays harmless.
        detach(p.tasks_w.fd());
        detach(p.results_r.fd());
        (p.initializer.clone(), p.initargs.clone(), p.maxtasks, p.id)
    };
    if !matches!(init_f, Value::None) {
        it.call(&init_f, Args::new(init_args))?;
    }
    let mut completed = 0i64;
    loop {
        if maxtasks.is_some_and(|m| completed >= m) {
            break;
        }
        // Idle: waiting in the pool's task queue is what this process does now, not running.
        super::sync::blocked(&format!("Pool#{id}"), "task");
        let msg = {
            let p = pool.0.borrow();
            p.read_lock.acquire(None);
            let r = p.tasks_r.recv();
            let _ = p.read_lock.release();
            r
        };
        super::sync::running();
        let bytes = match msg {
            Ok(Recv::Message(b)) => b,
            Ok(Recv::Eof) | Err(_) => break,
        };
        let task = wire::loads(it, &bytes)?;
        let Value::Tuple(ref t) = task else { break };
        let (Value::Int(job), Value::Int(chunk), Value::Int(mode)) = (&t[0], &t[1], &t[2]) else {
            break;
        };
        let detail = match &t[6] {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        };
        op(id, "start", Some(detail.clone()));
        let result = run_task(it, &t[3], *mode, &t[4], &t[5]);
        let sent;
        let reply = match result {
            Ok(v) => {
                sent = v.clone();
                // A chunk's results always travel as a list: an apply's one value too, so that a
                // task returning a list is not taken for a chunk of results.
                let values = if *mode == Mode::Apply as i64 {
                    Value::list(vec![v])
                } else {
                    v
                };
                Value::tuple(vec![
                    Value::Int(*job),
                    Value::Int(*chunk),
                    Value::Bool(true),
                    values,
                    Value::None,
                ])
            }
            Err(e) if e.is("SystemExit") => return Err(e),
            Err(e) => {
                // The worker's traceback starts in CPython's `pool.py`, as the remote traceback
                // the parent re-raises with shows it.
                if matches!(t.get(7), Some(Value::Bool(true))) {
                    let star = *mode == Mode::Star as i64;
                    super::cpython_frames::push(
                        &e,
                        if star {
                            &super::cpython_frames::STARMAPSTAR
                        } else {
                            &super::cpython_frames::MAPSTAR
                        },
                    );
                }
                super::cpython_frames::push(&e, &super::cpython_frames::POOL_WORKER);
                let tb = it.format_exception(&e);
                sent = Value::Instance(e.value.clone());
                Value::tuple(vec![
                    Value::Int(*job),
                    Value::Int(*chunk),
                    Value::Bool(false),
                    Value::Instance(e.value),
                    Value::str(&tb),
                ])
            }
        };
        let frame = match wire::dumps(it, &reply) {
            Ok(f) => f,
            Err(e) => {
                // A result that cannot travel comes back as CPython's MaybeEncodingError, made of
                // the reprs of the pickling error and of the value; it has no remote traceback.
                let exc = it.repr(&Value::Instance(e.value))?;
                let value = it.repr(&sent)?;
                let reply = Value::tuple(vec![
                    Value::Int(*job),
                    Value::Int(*chunk),
                    Value::Bool(false),
                    Value::tuple(vec![
                        Value::str(MAYBE_ENCODING),
                        Value::str(&exc),
                        Value::str(&value),
                    ]),
                    Value::None,
                ]);
                wire::dumps(it, &reply)?
            }
        };
        op(id, "finish", Some(detail.clone()));
        {
            let p = pool.0.borrow();
            p.write_lock.acquire(None);
            let r = p.results_w.send(&frame);
            let _ = p.write_lock.release();
            // No reader left (the parent died): CPython's worker dies of the BrokenPipeError.
            r.map_err(os_error)?;
        }
        completed += 1;
    }
    Ok(Value::None)
}

/// Points `fd` at /dev/null: this process's copy of a pipe end is closed, the number stays valid.
fn detach(fd: i32) {
    // SAFETY: opening /dev/null and duplicating it over an fd this process owns, then closing the
    // temporary descriptor.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC);
        if null >= 0 {
            libc::dup3(null, fd, libc::O_CLOEXEC);
            libc::close(null);
        }
    }
}

fn run_task(it: &mut Interp, fref: &Value, mode: i64, items: &Value, kwds: &Value) -> R {
    let func = resolve_func(it, fref.clone())?;
    let items = it.collect(items)?;
    let kw: Vec<(Rc<str>, Value)> = match kwds {
        Value::Dict(d) => d
            .borrow()
            .map
            .values()
            .filter_map(|(k, v)| match k {
                Value::Str(s) => Some((s.clone(), v.clone())),
                _ => None,
            })
            .collect(),
        _ => vec![],
    };
    if mode == Mode::Apply as i64 {
        let args = items.into_iter().next().unwrap_or(Value::tuple(vec![]));
        let args = it.collect(&args)?;
        return it.call(&func, Args { pos: args, kw });
    }
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        let args = if mode == Mode::Star as i64 {
            it.collect(&x)?
        } else {
            vec![x]
        };
        out.push(it.call(&func, Args::new(args))?);
    }
    Ok(Value::list(out))
}
