//! The parent's side of a Pool: its kernel objects and bookkeeping (`PoolState`, `Job`), and the
//! work CPython's three helper threads do, done by the single-threaded parent whenever it waits on
//! or touches the pool: keep the pool full (`maintain`), queue jobs (`submit`) and feed their tasks
//! into the task pipe (`feed`), take results from the result pipe (`take_result`) into their jobs
//! and run callbacks (`deliver`), all in one round (`pump`); and, while a callback waits, take
//! results as SIGIO says they arrived (`listen`, `results_arrived`).
//!
//! The bindings in `mod.rs` call into this; the worker side of the pipes is `worker.rs`; what a
//! task message carries for its function is `functions.rs`; a failed task comes back through
//! `remote.rs`; the result handler thread's death is `result_handler.rs`.

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;

use super::functions::{describe, func_ref};
use super::remote::remote_exception;
use super::{result_handler, worker_class_for};
use crate::python::exceptions::{Exc, value_error};
use crate::python::interp::Interp;
use crate::python::modules::sync::{op, os_error};
use crate::python::modules::wire;
use crate::python::value::{Args, Instance, Value};
use crate::runtime::{
    self,
    sync::{Channel, Recv, Sem},
};
use crate::trace::Op;

/// How a task's items are called.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// `func(*args, **kwds)`, one result (apply).
    Apply = 0,
    /// `[func(x) for x in chunk]` (map, imap).
    Map = 1,
    /// `[func(*x) for x in chunk]` (starmap).
    Star = 2,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum PoolRun {
    Run,
    Close,
    Terminate,
}

/// What the parent knows of one submitted job.
pub(super) struct Job {
    /// Chunks not yet answered.
    pub(super) left: usize,
    pub(super) chunksize: usize,
    /// For map-like jobs, one slot per item; for apply, one slot; for imap, none (its iterator
    /// takes each chunk's values from `arrived`, so a slot per item would hold them twice).
    pub(super) values: Vec<Value>,
    /// The number of items the job was given.
    pub(super) len: usize,
    pub(super) error: Option<Exc>,
    /// Chunk results not yet taken by an `imap` iterator, by chunk index.
    pub(super) arrived: BTreeMap<usize, Result<Vec<Value>, Exc>>,
    /// Arrival order of chunks (for `imap_unordered`).
    pub(super) order: VecDeque<usize>,
    pub(super) single: bool,
    /// An imap iterator's job: chunk outcomes are kept for the iterator to take.
    pub(super) imap: bool,
    /// An imap iterable's own error, raised by the iterator after the items before it.
    pub(super) tail_error: Option<Exc>,
    pub(super) callback: Value,
    pub(super) error_callback: Value,
    /// The pool's number for its first chunk (see `PoolState::next_task`).
    pub(super) first_task: u64,
    /// A ready map's result list, made once from `values` (which it takes): `get()` and the
    /// callback then hand out that one list, as CPython's `_value`, instead of a copy each.
    pub(super) list: Option<Value>,
}

impl Job {
    pub(super) fn ready(&self) -> bool {
        self.left == 0
    }

    /// The result of a ready job: the one value of an apply, the list of a map.
    pub(super) fn result(&mut self) -> Value {
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
pub(super) struct PoolState {
    pub(super) id: u32,
    pub(super) tasks_r: Channel,
    pub(super) tasks_w: Channel,
    pub(super) results_r: Channel,
    pub(super) results_w: Channel,
    pub(super) read_lock: Sem,
    pub(super) write_lock: Sem,
    pub(super) processes: usize,
    pub(super) initializer: Value,
    pub(super) initargs: Vec<Value>,
    pub(super) maxtasks: Option<i64>,
    /// How the workers start (`fork`, `spawn`, `forkserver`).
    pub(super) method: &'static str,
    /// A task a worker took and could not unpickle (a function defined only under the main
    /// guard, under spawn): its job and the worker's name. CPython's pool waits for it forever.
    pub(super) lost: Option<(u64, String)>,
    pub(super) workers: Vec<Value>,
    pub(super) state: PoolRun,
    pub(super) next_job: u64,
    /// The next task's number: each chunk handed to a worker is a task, counted from 0 in the
    /// order they were handed over, so that `apply(f, (i,))` in a loop runs tasks 0, 1, 2...
    pub(super) next_task: u64,
    /// Jobs still waiting for results (CPython's cache); a result object keeps its job after.
    pub(super) jobs: HashMap<u64, Rc<RefCell<Job>>>,
    /// Encoded task frames waiting for room in the task pipe.
    pub(super) outbox: VecDeque<Vec<u8>>,
    /// Bytes of the front frame (its 4-byte length first) already in the pipe: a frame larger
    /// than the room in the pipe goes in pieces (only the parent writes the task pipe).
    pub(super) front_written: usize,
    /// Sentinels owed to workers after `close()` (one each, after the last task).
    pub(super) sentinels_sent: usize,
    /// CPython's `_handle_results` thread: its `Thread-N` number, and whether it died of a
    /// result that could not be unpickled (see `result_handler.rs`).
    pub(super) handler_thread: u32,
    pub(super) results_dead: bool,
}

/// The kernel objects a pool's parent and its workers share: the two pipes and the two locks
/// that serialize reading tasks and writing results.
pub(super) struct PoolKernel {
    pub(super) tasks_r: Channel,
    pub(super) tasks_w: Channel,
    pub(super) results_r: Channel,
    pub(super) results_w: Channel,
    pub(super) read_lock: Sem,
    pub(super) write_lock: Sem,
}

impl PoolState {
    /// A running pool over `kernel` with no worker, initializer, job or task yet: the one
    /// place its bookkeeping starts (the parent's `Pool()` and a served worker's rebuilt pool
    /// set what they know on top).
    pub(super) fn new(
        id: u32,
        kernel: PoolKernel,
        method: &'static str,
        maxtasks: Option<i64>,
    ) -> PoolState {
        PoolState {
            id,
            tasks_r: kernel.tasks_r,
            tasks_w: kernel.tasks_w,
            results_r: kernel.results_r,
            results_w: kernel.results_w,
            read_lock: kernel.read_lock,
            write_lock: kernel.write_lock,
            processes: 0,
            initializer: Value::None,
            initargs: Vec::new(),
            maxtasks,
            method,
            lost: None,
            workers: Vec::new(),
            state: PoolRun::Run,
            next_job: 0,
            next_task: 0,
            jobs: HashMap::new(),
            outbox: VecDeque::new(),
            front_written: 0,
            sentinels_sent: 0,
            handler_thread: 0,
            results_dead: false,
        }
    }
}

#[derive(Clone)]
pub(super) struct PoolRef(pub(super) Rc<RefCell<PoolState>>);

impl crate::python::native_object::NativeObject for PoolRef {}

/// Start one worker (`ForkPoolWorker-N`, `SpawnPoolWorker-N`, `ForkServerPoolWorker-N`): a
/// daemonic Process of the pool's start method whose run is the worker loop. As CPython's, the
/// initializer and its arguments are the process's arguments, so under spawn and forkserver they
/// are pickled (a lambda initializer fails here) and found by name in the new interpreter.
pub(super) fn spawn_worker(it: &mut Interp, pool: &PoolRef, pool_obj: &Value) -> Result<(), Exc> {
    let (method, init, initargs) = {
        let p = pool.0.borrow();
        (p.method, p.initializer.clone(), p.initargs.clone())
    };
    let cls = Value::Class(worker_class_for(method));
    let args = Args {
        pos: vec![],
        kw: vec![(
            PyStr::from("args"),
            Value::tuple(vec![init, Value::tuple(initargs)]),
        )],
    };
    let w = it.call(&cls, args)?;
    if let Value::Instance(inst) = &w {
        let name = it.getattr(&w, "name")?;
        let name = it.str_of(&name)?.replace("Process", "PoolWorker");
        it.setattr(&w, "name", Value::str(&name))?;
        it.setattr(&w, "daemon", Value::Bool(true))?;
        inst.attrs
            .borrow_mut()
            .insert(PyStr::from("_pool"), pool_obj.clone());
    }
    it.call_method(&w, "start", vec![])?;
    pool.0.borrow_mut().workers.push(w);
    publish_workers(pool, pool_obj);
    Ok(())
}

/// Where CPython's pool would wait forever for a task a worker lost (`worker::lose_task`): a
/// wait with no timeout on that job (`job` None: on every job, as `join()` waits), forkyard ends
/// with this sentence instead of leaving the program hung.
pub(super) fn lost_error(
    it: &mut Interp,
    pool: &PoolRef,
    job: Option<u64>,
) -> Result<Option<Exc>, Exc> {
    let Some(e) = lost_sentence(pool, job) else {
        return Ok(None);
    };
    // The worker ends right after its note (its traceback is written): it is joined first, so
    // that the end of a `with` block does not terminate it on its way out.
    let name = pool.0.borrow().lost.as_ref().map(|(_, w)| w.clone());
    let workers = pool.0.borrow().workers.clone();
    for w in workers {
        let n = it.getattr(&w, "name")?;
        if name.as_deref() == Some(&*it.str_of(&n)?) {
            it.call_method(&w, "join", vec![])?;
        }
    }
    Ok(Some(e))
}

fn lost_sentence(pool: &PoolRef, job: Option<u64>) -> Option<Exc> {
    let p = pool.0.borrow();
    let (lost, worker) = p.lost.as_ref()?;
    if job.is_some_and(|j| j != *lost) || !p.jobs.contains_key(lost) {
        return None;
    }
    Some(Exc::new(
        ExcKind::RuntimeError,
        format!(
            "forkyard: {worker} could not unpickle a task of this Pool and ended (its traceback \
             is above), so that task's result will never come: CPython's Pool would wait for it \
             forever here"
        ),
    ))
}

/// A task for a spawned or served worker travels inside `(job, chunk, bytes)`: such a worker may
/// fail to unpickle the task (its function was defined only under the main guard), and then still
/// knows which task it lost. A forked worker always has the task's functions and classes, so its
/// tasks go as they are (one encoding, no copy).
fn wrap_task(
    it: &mut Interp,
    pool: &PoolRef,
    job: u64,
    chunk: usize,
    frame: Vec<u8>,
) -> Result<Vec<u8>, Exc> {
    if pool.0.borrow().method == "fork" {
        return Ok(frame);
    }
    let outer = Value::tuple(vec![
        Value::Int(job as i64),
        Value::Int(chunk as i64),
        Value::Bytes(ThinRc::from(frame)),
    ]);
    wire::dumps(it, &outer)
}

/// `pool._pool`: the list of worker processes, as CPython's pool keeps it.
fn publish_workers(pool: &PoolRef, pool_obj: &Value) {
    if let Value::Instance(inst) = pool_obj {
        let list = Value::list(pool.0.borrow().workers.clone());
        inst.attrs.borrow_mut().insert(PyStr::from("_pool"), list);
    }
}

/// Keep the pool full: reap workers that ended and start new ones while there is work or the pool
/// is running (CPython's `_maintain_pool`).
pub(super) fn maintain(it: &mut Interp, pool: &PoolRef, pool_obj: &Value) -> Result<(), Exc> {
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
pub(super) fn unfinished(pool: &PoolRef) -> bool {
    !pool.0.borrow().jobs.is_empty()
}

/// After `close()`, once every task is queued, each worker gets a sentinel telling it to finish.
pub(super) fn queue_sentinels(it: &mut Interp, pool: &PoolRef) -> Result<(), Exc> {
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
pub(super) fn feed(pool: &PoolRef) -> Result<(), Exc> {
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
        let Some(n) = runtime::fds::write_some(p.tasks_w.fd(), rest).map_err(os_error)? else {
            break;
        };
        p.front_written += n;
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
pub(super) fn pump(
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
    let writable: &[i32] = if want_write { &[wfd] } else { &[] };
    // A worker that dies while we wait must wake us: watch the workers too.
    let pids = worker_pids(it, pool)?;
    // A caught signal (Ctrl-C's KeyboardInterrupt) ends the wait for its handler, which runs once
    // the results already there are taken: CPython's waits in a Pool are interruptible.
    let waited = runtime::fds::wait_any_or_signal(&[rfd], writable, &pids, timeout);
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
    if waited == runtime::clock::Waited::Signal {
        crate::python::modules::signal::run_pending(it)?;
    }
    feed(pool)
}

/// The workers' pids (those that have one), for `pump` to watch for their deaths.
fn worker_pids(it: &mut Interp, pool: &PoolRef) -> Result<Vec<i32>, Exc> {
    let workers = pool.0.borrow().workers.clone();
    let mut out = Vec::new();
    for w in workers {
        if let Value::Int(pid) = it.getattr(&w, "pid")? {
            out.push(pid as i32);
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
    if let [Value::Int(job), _, Value::Str(tag), Value::Str(worker)] = &t[..]
        && &**tag == super::worker::LOST
    {
        pool.0.borrow_mut().lost = Some((*job as u64, worker.to_string()));
        return Ok(());
    }
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
            Op::Result,
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
        if let Err(e) = &outcome
            && j.error.is_none()
        {
            j.error = Some(e.clone());
        }
        if j.imap {
            j.arrived.insert(chunk, outcome);
            j.order.push_back(chunk);
        } else if let Ok(vals) = outcome {
            // The values move into their places (a map's 200k results were cloned, then the
            // chunks' vectors dropped value by value).
            let start = chunk * j.chunksize.max(1);
            let end = (start + vals.len()).min(j.values.len());
            if start < end {
                for (slot, v) in j.values[start..end].iter_mut().zip(vals) {
                    *slot = v;
                }
            }
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
pub(super) fn listen(pool: &PoolRef, pool_obj: &Value) {
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

pub(super) fn check_running(pool: &PoolRef) -> Result<(), Exc> {
    if pool.0.borrow().state != PoolRun::Run {
        return Err(value_error("Pool not running"));
    }
    Ok(())
}

/// Queue a job of `chunks` (each a list of argument items) and return its id.
/// A job's items: taken a chunk at a time as its messages are made.
pub(super) enum Items {
    /// Items collected from an iterable (or an apply's one argument tuple).
    Owned(std::vec::IntoIter<Value>),
    /// A list given to `map`/`imap` as it is: each chunk is copied from it when its message is
    /// made (CPython's task feeder slices the list itself), so a million-item list is not held
    /// twice while the job is sent.
    List {
        list: Rc<RefCell<Vec<Value>>>,
        pos: usize,
    },
}

impl Items {
    pub(super) fn len(&self) -> usize {
        match self {
            Items::Owned(rest) => rest.len(),
            Items::List { list, pos } => list.borrow().len().saturating_sub(*pos),
        }
    }

    fn take(&mut self, size: usize) -> Vec<Value> {
        match self {
            Items::Owned(rest) => rest.by_ref().take(size).collect(),
            Items::List { list, pos } => {
                let l = list.borrow();
                let start = (*pos).min(l.len());
                let end = start.saturating_add(size).min(l.len());
                *pos = start + size;
                l[start..end].to_vec()
            }
        }
    }
}

impl From<Vec<Value>> for Items {
    fn from(v: Vec<Value>) -> Items {
        Items::Owned(v.into_iter())
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn submit(
    it: &mut Interp,
    pool: &PoolRef,
    func: &Value,
    mode: Mode,
    items: Items,
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
    // Each chunk's items move out of `items` only as its message is made: a million-item map
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
    // Chunks that could not be pickled: CPython's task handler thread sets them failed (so the
    // error comes out of `get()` and goes to `error_callback`, not out of `apply_async`).
    let mut unpicklable = Vec::new();
    let mut rest = items;
    for i in 0..n_chunks {
        let chunk = rest.take(size);
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
        match wire::dumps(it, &msg).and_then(|frame| wrap_task(it, pool, job, i, frame)) {
            Ok(frame) => pool.0.borrow_mut().outbox.push_back(frame),
            Err(e) if e.value.class.is_subclass(&ExcKind::Exception.class()) => {
                unpicklable.push((i, e));
                continue;
            }
            Err(e) => return Err(e),
        }
        op(id, Op::Submit, Some(detail));
        // Fed at once, as CPython's task handler thread sends each task while the next is
        // pickled: the workers start on the first chunk while the parent encodes the rest.
        feed(pool)?;
    }
    drop(rest);
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
    drop(p);
    for (i, e) in unpicklable {
        deliver(it, pool, job, i, Err(e))?;
    }
    feed(pool)?;
    Ok((job, state))
}
