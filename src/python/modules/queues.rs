//! `multiprocessing.Queue`, `JoinableQueue` and `SimpleQueue`: a pipe carrying length-prefixed
//! frames of serialized values (`wire`), a read lock and a write lock (futex semaphores), a slot
//! semaphore for `maxsize`, and a shared mapping for the size and unfinished-task counters.
//!
//! CPython's `put` hands the object to a feeder thread and returns at once; the feeder writes it to
//! the pipe when there is room, and a process that put data does not finish exiting until its data
//! is in the pipe. forkyard has no threads: `put` writes the frame when it fits in the pipe now,
//! otherwise keeps it in this process's pending list, which is written out at later queue calls and,
//! blocking, at the end of the exit rules. So the documented pitfall (joining a child that put a big
//! item before anyone reads it deadlocks) happens as in CPython, at the same place.

use crate::python::exceptions::ExcKind;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use std::sync::atomic::Ordering::SeqCst;

use super::stdlib::queue_classes;
use super::sync::{
    self, blocked, created, deadline_of, new_id, op, os_error, running, this, timeout_of, truthy,
};
use super::wire;
use crate::python::bind::Sig;
use crate::python::exceptions::{self, Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Instance, Value};
use crate::runtime::clock::Waited;
use crate::runtime::{
    self, sync::Channel, sync::Deadline, sync::Flag, sync::Recv, sync::Sem, sync::Shared,
};
use crate::trace::Op;

type R = Result<Value, Exc>;

const SIZE: usize = 0;
const UNFINISHED: usize = 1;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum QKind {
    Queue,
    Joinable,
    Simple,
}

impl QKind {
    fn name(self) -> &'static str {
        match self {
            QKind::Queue => "Queue",
            QKind::Joinable => "JoinableQueue",
            QKind::Simple => "SimpleQueue",
        }
    }
}

/// One queue, as this process sees it (the kernel objects are shared; `pending` and `closed` are
/// this process's own).
#[derive(Debug)]
pub struct QueueCore {
    kind: QKind,
    reader: Channel,
    writer: Channel,
    rlock: Sem,
    wlock: Sem,
    slots: Option<Sem>,
    shm: Shared,
    maxsize: i64,
    /// JoinableQueue: a lock around the unfinished counter and a flag set when it reaches 0.
    joinable: Option<(Sem, Flag)>,
    /// Frames put by this process (`.0`) not yet in the pipe.
    pending: RefCell<(i32, VecDeque<Vec<u8>>)>,
    closed: Cell<bool>,
    cancelled: Cell<bool>,
    id: u32,
    label: String,
}

impl crate::python::native_object::NativeObject for Rc<QueueCore> {
    fn shared_kind(&self) -> Option<&'static str> {
        Some(self.kind.name())
    }

    fn trace_id(&self) -> Option<u32> {
        Some(self.id)
    }
}

thread_local! {
    /// The queues this process made or inherited, for the flush at exit.
    static QUEUES: RefCell<Vec<Weak<QueueCore>>> = const { RefCell::new(Vec::new()) };
    /// Tracebacks of items that could not be pickled, with the pid that put them: CPython's
    /// feeder thread prints them when it next runs (when the putting process waits on something,
    /// or at its end), not inside `put`.
    static FEEDER_ERRORS: RefCell<(i32, Vec<String>)> = const { RefCell::new((0, Vec::new())) };
}

/// Prints the feeder's tracebacks this process still owes (a forked child owes none of its
/// parent's: CPython's feeder thread does not survive a fork).
fn report_feeder_errors() {
    let owed = FEEDER_ERRORS.with(|f| {
        let mut f = f.borrow_mut();
        let mine = f.0 == runtime::pid();
        f.0 = runtime::pid();
        let owed = std::mem::take(&mut f.1);
        if mine { owed } else { Vec::new() }
    });
    for text in owed {
        runtime::output::write(crate::trace::Stream::Stderr, &text);
    }
}

/// The traceback CPython's feeder thread prints for an item it could not pickle: its own `_feed`
/// frame, then the frames of the program's code that ran while pickling (a `__getstate__` or a
/// `__reduce__` that raised), then the error.
fn feeder_traceback(it: &mut Interp, e: &Exc) -> String {
    wire::helper_thread_traceback(
        it,
        e,
        "  File \"multiprocessing/queues.py\", line 244, in _feed\n",
    )
}

/// What one attempt to take a frame from a queue found.
enum Got {
    Item(Vec<u8>),
    Nothing,
    Signal,
}

impl QueueCore {
    fn new(it: &Interp, kind: QKind, maxsize: i64) -> Result<Rc<QueueCore>, Exc> {
        // The pipe keeps the kernel's default size (64 KiB), as CPython's does: a process that put
        // more than that, which nobody got, cannot end (its data must be in the pipe first).
        let (reader, writer) = Channel::pipe().map_err(os_error)?;
        writer.set_nonblocking().map_err(os_error)?;
        // So that `get` takes a frame that is there in one read, without asking first.
        reader.set_nonblocking().map_err(os_error)?;
        let mk = |n| Sem::new(n).map_err(os_error);
        let slots = if maxsize > 0 && kind != QKind::Simple {
            Some(mk(maxsize.min(u32::MAX as i64) as u32)?)
        } else {
            None
        };
        let joinable = if kind == QKind::Joinable {
            let done = Flag::new().map_err(os_error)?;
            done.set().map_err(os_error)?;
            Some((mk(1)?, done))
        } else {
            None
        };
        let id = new_id(it);
        let label = created(id, kind.name(), (maxsize > 0).then_some(maxsize));
        let q = Rc::new(QueueCore {
            kind,
            reader,
            writer,
            rlock: mk(1)?,
            wlock: mk(1)?,
            slots,
            shm: Shared::new(16).map_err(os_error)?,
            maxsize,
            joinable,
            pending: RefCell::new((runtime::pid(), VecDeque::new())),
            closed: Cell::new(false),
            cancelled: Cell::new(false),
            id,
            label,
        });
        QUEUES.with(|qs| {
            let mut qs = qs.borrow_mut();
            qs.retain(|w| w.strong_count() > 0);
            qs.push(Rc::downgrade(&q));
        });
        Ok(q)
    }

    fn size(&self) -> i64 {
        self.shm.counter(SIZE).load(SeqCst)
    }

    /// This process's pending frames (a forked child starts with none, like CPython's `_after_fork`).
    fn pending(&self) -> std::cell::RefMut<'_, VecDeque<Vec<u8>>> {
        let mut p = self.pending.borrow_mut();
        if p.0 != runtime::pid() {
            *p = (runtime::pid(), VecDeque::new());
        }
        std::cell::RefMut::map(p, |p| &mut p.1)
    }

    /// Writes pending frames that fit in the pipe now. Whether none is left. With `wait_lock`, waits
    /// for the write lock (other writers hold it for one frame); without, gives up when it is taken.
    fn try_flush(&self, wait_lock: bool) -> Result<bool, Exc> {
        if self.pending().is_empty() {
            return Ok(true);
        }
        if wait_lock {
            self.wlock.acquire(None);
        } else if !self.wlock.try_acquire() {
            return Ok(false);
        }
        let r = (|| {
            loop {
                let Some(frame) = self.pending().front().cloned() else {
                    return Ok(true);
                };
                if !self.writer.try_send(&frame)? {
                    return Ok(false);
                }
                self.pending().pop_front();
            }
        })();
        let _ = self.wlock.release();
        r.map_err(os_error)
    }

    /// Writes every pending frame, waiting for room (the exit rules, `join_thread`).
    fn flush(&self) -> Result<(), Exc> {
        if self.pending().is_empty() || self.cancelled.get() {
            return Ok(());
        }
        blocked(&self.label, "put");
        self.wlock.acquire(None);
        let r = (|| {
            while let Some(frame) = self.pending().pop_front() {
                self.writer.send(&frame)?;
            }
            Ok(())
        })();
        let _ = self.wlock.release();
        running();
        r.map_err(os_error)
    }

    fn put(&self, data: Vec<u8>, detail: String) -> Result<(), Exc> {
        if let Some((lock, done)) = &self.joinable {
            lock.acquire(None);
            self.shm.counter(UNFINISHED).fetch_add(1, SeqCst);
            let _ = done.clear();
            let _ = lock.release();
        }
        let n = self.shm.counter(SIZE).fetch_add(1, SeqCst) + 1;
        // Reported before the frame goes, so that in the trace (ordered by time) an item is
        // always put before it is got.
        op(self.id, Op::Put, Some(format!("size={n} item={detail}")));
        // Frames go out in order: behind this process's pending ones, if any.
        if !self.try_flush(true)? {
            self.pending().push_back(data);
        } else {
            self.wlock.acquire(None);
            let sent = self.writer.try_send(&data);
            let _ = self.wlock.release();
            if !sent.map_err(os_error)? {
                self.pending().push_back(data);
            }
        }
        Ok(())
    }

    /// One frame, waiting until `deadline`; `Nothing` on timeout (or at once when `!block`),
    /// `Signal` when a caught signal came first (run its handler, then call again).
    fn get(&self, block: bool, deadline: Deadline) -> Result<Got, Exc> {
        self.try_flush(true)?;
        let mut waiting = false;
        let give_up = |waiting: bool| {
            if waiting {
                running();
                op(self.id, Op::Timeout, Some("get".into()));
            }
            Ok(Got::Nothing)
        };
        if !self.rlock.try_acquire() {
            if !block {
                return Ok(Got::Nothing);
            }
            blocked(&self.label, "get");
            waiting = true;
            match self.rlock.acquire_or_signal(deadline.left()) {
                Waited::Ready => {}
                Waited::TimedOut => return give_up(waiting),
                Waited::Signal => {
                    running();
                    return Ok(Got::Signal);
                }
            }
        }
        // A frame already there: taken at once (the common case of a busy queue).
        let ready = match self.reader.try_recv() {
            Ok(Some(got)) => {
                let _ = self.rlock.release();
                if waiting {
                    running();
                }
                return self.got(Ok(got));
            }
            Ok(None) => false,
            Err(e) => {
                let _ = self.rlock.release();
                return Err(os_error(e));
            }
        };
        if !ready {
            if !block {
                let _ = self.rlock.release();
                return Ok(Got::Nothing);
            }
            if !waiting {
                blocked(&self.label, "get");
                waiting = true;
            }
            match self.reader.poll_or_signal(deadline.left()) {
                Waited::Ready => {}
                Waited::TimedOut => {
                    let _ = self.rlock.release();
                    return give_up(waiting);
                }
                Waited::Signal => {
                    let _ = self.rlock.release();
                    running();
                    return Ok(Got::Signal);
                }
            }
        }
        let got = self.reader.recv();
        let _ = self.rlock.release();
        if waiting {
            running();
        }
        self.got(got)
    }

    /// What a read of the pipe gave: an item (the size and the free slots follow it) or the end.
    fn got(&self, got: std::io::Result<Recv>) -> Result<Got, Exc> {
        match got.map_err(os_error)? {
            Recv::Message(m) => {
                self.shm.counter(SIZE).fetch_sub(1, SeqCst);
                if let Some(s) = &self.slots {
                    let _ = s.release();
                }
                Ok(Got::Item(m))
            }
            Recv::Eof => Err(Exc::with_args(ExcKind::EOFError, vec![])),
        }
    }
}

/// Writes what fits of every queue's pending frames, without waiting: called before this process
/// blocks on anything, standing in for CPython's feeder thread, which keeps writing meanwhile.
pub fn flush_pending() {
    report_feeder_errors();
    let qs: Vec<Rc<QueueCore>> =
        QUEUES.with(|qs| qs.borrow().iter().filter_map(Weak::upgrade).collect());
    for q in qs {
        let _ = q.try_flush(false);
    }
}

/// Writes out, waiting as needed, what this process put and the pipes have not taken yet: the end
/// of CPython's exit function, which joins each queue's feeder thread.
pub fn flush_at_exit() {
    report_feeder_errors();
    let qs: Vec<Rc<QueueCore>> =
        QUEUES.with(|qs| qs.borrow().iter().filter_map(Weak::upgrade).collect());
    for q in qs {
        let _ = q.flush();
    }
}

/// Writes the description of a Queue, JoinableQueue or SimpleQueue (its pipe ends, the memory of
/// its locks and counters, a JoinableQueue's eventfd) for a process that did not inherit it.
pub fn describe(inst: &Instance, out: &mut super::handover::Out) -> bool {
    let n = inst.native.borrow();
    let Some(q) = n.as_ref().and_then(|b| b.downcast_ref::<Rc<QueueCore>>()) else {
        return false;
    };
    out.u64(super::handover::QUEUE);
    out.u64(q.kind as u64);
    out.u64(q.maxsize as u64);
    out.u64(q.id as u64);
    out.str(&q.label);
    out.fd(q.reader.fd());
    out.fd(q.writer.fd());
    out.shm(q.rlock.handover());
    out.shm(q.wlock.handover());
    out.shm(q.shm.handover());
    match &q.slots {
        Some(s) => {
            out.u64(1);
            out.shm(s.handover());
        }
        None => out.u64(0),
    }
    match &q.joinable {
        Some((lock, done)) => {
            out.u64(1);
            out.shm(lock.handover());
            out.fd(done.fd());
        }
        None => out.u64(0),
    }
    true
}

/// A queue on the fds and memory another process described ([`describe`]); registered for the
/// flush at exit as a queue this process made.
pub fn rebuild(input: &mut super::handover::In) -> Option<Value> {
    let kind = match input.u64()? {
        0 => QKind::Queue,
        1 => QKind::Joinable,
        2 => QKind::Simple,
        _ => return None,
    };
    let maxsize = input.u64()? as i64;
    let id = u32::try_from(input.u64()?).ok()?;
    let label = input.str()?;
    let reader = Channel::adopt(input.fd()?).ok()?;
    let writer = Channel::adopt(input.fd()?).ok()?;
    reader.set_nonblocking().ok()?;
    writer.set_nonblocking().ok()?;
    let rlock = Sem::adopt(input.shm()?);
    let wlock = Sem::adopt(input.shm()?);
    let shm = input.shm()?;
    if shm.len() < 16 {
        return None;
    }
    let slots = match input.u64()? {
        0 => None,
        _ => Some(Sem::adopt(input.shm()?)),
    };
    let joinable = match input.u64()? {
        0 => None,
        _ => Some((Sem::adopt(input.shm()?), Flag::adopt(input.fd()?))),
    };
    let q = Rc::new(QueueCore {
        kind,
        reader,
        writer,
        rlock,
        wlock,
        slots,
        shm,
        maxsize,
        joinable,
        pending: RefCell::new((runtime::pid(), VecDeque::new())),
        closed: Cell::new(false),
        cancelled: Cell::new(false),
        id,
        label,
    });
    QUEUES.with(|qs| qs.borrow_mut().push(Rc::downgrade(&q)));
    let cls = match kind {
        QKind::Queue => queue_class(),
        QKind::Joinable => joinable_class(),
        QKind::Simple => simple_class(),
    };
    Some(sync::instance_with(cls, q))
}

// ---- the Python classes ----------------------------------------------------------------------

pub fn queue_class() -> Rc<Class> {
    sync::native_class("queues.Queue", "multiprocessing.queues", QUEUE_METHODS)
}

pub fn joinable_class() -> Rc<Class> {
    let mut m = QUEUE_METHODS.to_vec();
    m[0] = ("__init__", init_joinable);
    m.push(("task_done", task_done));
    m.push(("join", join));
    sync::native_class("queues.JoinableQueue", "multiprocessing.queues", &m)
}

pub fn simple_class() -> Rc<Class> {
    sync::native_class(
        "queues.SimpleQueue",
        "multiprocessing.queues",
        &[
            ("__init__", init_simple),
            ("put", simple_put),
            ("get", simple_get),
            ("empty", empty),
            ("close", close),
        ],
    )
}

const QUEUE_METHODS: &[(&str, crate::python::value::NativeFn)] = &[
    ("__init__", init_queue),
    ("put", put),
    ("get", get),
    ("put_nowait", put_nowait),
    ("get_nowait", get_nowait),
    ("qsize", qsize),
    ("empty", empty),
    ("full", full),
    ("close", close),
    ("join_thread", join_thread),
    ("cancel_join_thread", cancel_join_thread),
];

fn maxsize_arg(a: &Args, name: &str) -> Result<i64, Exc> {
    let [maxsize] = Sig::py(name, &["maxsize"], 0).method().bind(a)?;
    match maxsize {
        None => Ok(0),
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        // CPython compares first (`maxsize <= 0`), then makes a semaphore of a float.
        Some(Value::Float(_)) => Err(type_error(
            "'float' object cannot be interpreted as an integer",
        )),
        Some(Value::BigInt(_)) => Err(Exc::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )),
        Some(other) => Err(type_error(format!(
            "'<=' not supported between instances of '{}' and 'int'",
            other.type_name()
        ))),
    }
}

fn init_queue(it: &mut Interp, a: Args) -> R {
    let maxsize = maxsize_arg(&a, "BaseContext.Queue")?;
    sync::init_with(&a, QueueCore::new(it, QKind::Queue, maxsize)?)
}

fn init_joinable(it: &mut Interp, a: Args) -> R {
    let maxsize = maxsize_arg(&a, "BaseContext.JoinableQueue")?;
    sync::init_with(&a, QueueCore::new(it, QKind::Joinable, maxsize)?)
}

fn init_simple(it: &mut Interp, a: Args) -> R {
    Sig::py("BaseContext.SimpleQueue", &[], 0)
        .method()
        .bind::<0>(&a)?;
    sync::init_with(&a, QueueCore::new(it, QKind::Simple, 0)?)
}

fn core(a: &Args) -> Result<Rc<QueueCore>, Exc> {
    this::<Rc<QueueCore>>(a, "Queue")
}

fn check_open(it: &mut Interp, a: &Args, q: &QueueCore) -> Result<(), Exc> {
    if q.closed.get() {
        if q.kind == QKind::Simple {
            return Err(Exc::new(ExcKind::OSError, "handle is closed"));
        }
        let r = it.repr(&a.pos[0])?;
        return Err(value_error(format!("Queue {r} is closed")));
    }
    Ok(())
}

fn short_repr(it: &mut Interp, v: &Value) -> String {
    let mut r = it.repr(v).unwrap_or_else(|_| "?".into());
    if r.chars().count() > 60 {
        r = r.chars().take(57).collect::<String>() + "...";
    }
    r
}

fn full_exc() -> Exc {
    Exc {
        value: exceptions::instance(queue_classes().1, vec![]),
    }
}

fn empty_exc() -> Exc {
    Exc {
        value: exceptions::instance(queue_classes().0, vec![]),
    }
}

fn do_put(
    it: &mut Interp,
    a: &Args,
    q: &QueueCore,
    obj: &Value,
    block: bool,
    timeout: Option<f64>,
) -> Result<(), Exc> {
    check_open(it, a, q)?;
    // A SimpleQueue pickles in `put`, at the caller's depth; the others in the feeder thread.
    let pickled = if q.kind == QKind::Simple {
        wire::dumps_in_call(it, obj)
    } else {
        wire::dumps_as_feeder(it, obj)
    };
    let data = match pickled {
        Ok(d) => d,
        // CPython pickles in the feeder thread: `put` returns, the item is dropped, and the
        // feeder prints the error when it next runs. (A SimpleQueue pickles in `put` and raises.)
        Err(e) if q.kind != QKind::Simple => {
            let text = feeder_traceback(it, &e);
            FEEDER_ERRORS.with(|f| {
                let mut f = f.borrow_mut();
                if f.0 != runtime::pid() {
                    *f = (runtime::pid(), Vec::new());
                }
                f.1.push(text);
            });
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    if let Some(slots) = &q.slots
        && !slots.try_acquire()
    {
        if !block {
            return Err(full_exc());
        }
        // A caught signal's handler runs while the put waits for room, as under CPython (its
        // `_sem.acquire` is interruptible); one that returns lets it wait on to the same deadline.
        let got = sync::wait_running_handlers(it, &q.label, "put", timeout, |left| {
            slots.acquire_or_signal(left)
        })?;
        if !got {
            op(q.id, Op::Timeout, Some("put".into()));
            return Err(full_exc());
        }
    }
    let detail = short_repr(it, obj);
    q.put(data, detail)
}

fn do_get(it: &mut Interp, a: &Args, q: &QueueCore, block: bool, timeout: Option<f64>) -> R {
    check_open(it, a, q)?;
    let deadline = Deadline::after(timeout);
    // A blocked get wakes up for a signal handler (a worker's SIGTERM cleanup) and, if the handler
    // returns, waits again until the same deadline, as CPython's does.
    let got = loop {
        match q.get(block, deadline)? {
            Got::Signal => super::signal::run_pending(it)?,
            other => break other,
        }
    };
    match got {
        Got::Signal | Got::Nothing => Err(empty_exc()),
        Got::Item(m) => {
            let v = wire::loads(it, &m)?;
            let detail = short_repr(it, &v);
            op(
                q.id,
                Op::Got,
                Some(format!("size={} item={detail}", q.size())),
            );
            Ok(v)
        }
    }
}

/// `put(obj, block=True, timeout=None)`.
fn put(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    let [obj, block, timeout] = Sig::py("Queue.put", &["obj", "block", "timeout"], 1)
        .method()
        .bind(&a)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    let block = truthy(it, block.cloned(), true)?;
    let timeout = if block {
        timeout_of(timeout.cloned())?
    } else {
        None
    };
    do_put(it, &a, &q, &obj, block, timeout)?;
    Ok(Value::None)
}

/// `get(block=True, timeout=None)`.
fn get(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    let [block, timeout] = Sig::py("Queue.get", &["block", "timeout"], 0)
        .method()
        .bind(&a)?;
    let block = truthy(it, block.cloned(), true)?;
    let timeout = if block {
        deadline_of(timeout.cloned())?
    } else {
        None
    };
    do_get(it, &a, &q, block, timeout)
}

fn put_nowait(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    let [obj] = Sig::py("Queue.put_nowait", &["obj"], 1).method().bind(&a)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    do_put(it, &a, &q, &obj, false, None)?;
    Ok(Value::None)
}

fn get_nowait(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("Queue.get_nowait", &[], 0).method().bind::<0>(&a)?;
    do_get(it, &a, &q, false, None)
}

fn simple_put(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    let [obj] = Sig::py("SimpleQueue.put", &["obj"], 1).method().bind(&a)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    do_put(it, &a, &q, &obj, true, None)?;
    Ok(Value::None)
}

fn simple_get(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("SimpleQueue.get", &[], 0).method().bind::<0>(&a)?;
    do_get(it, &a, &q, true, None)
}

fn qsize(_: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("Queue.qsize", &[], 0).method().bind::<0>(&a)?;
    q.try_flush(true)?;
    Ok(Value::Int(q.size().max(0)))
}

fn empty(_: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    let name = if q.kind == QKind::Simple {
        "SimpleQueue.empty"
    } else {
        "Queue.empty"
    };
    Sig::py(name, &[], 0).method().bind::<0>(&a)?;
    if q.closed.get() && q.kind == QKind::Simple {
        return Err(Exc::new(ExcKind::OSError, "handle is closed"));
    }
    q.try_flush(true)?;
    Ok(Value::Bool(!q.reader.poll(Some(0.0))))
}

fn full(_: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("Queue.full", &[], 0).method().bind::<0>(&a)?;
    Ok(Value::Bool(q.maxsize > 0 && q.size() >= q.maxsize))
}

fn close(_: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    let name = if q.kind == QKind::Simple {
        "SimpleQueue.close"
    } else {
        "Queue.close"
    };
    Sig::py(name, &[], 0).method().bind::<0>(&a)?;
    q.closed.set(true);
    Ok(Value::None)
}

fn join_thread(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("Queue.join_thread", &[], 0)
        .method()
        .bind::<0>(&a)?;
    if !q.closed.get() {
        let r = it.repr(&a.pos[0])?;
        return Err(Exc::new(
            ExcKind::AssertionError,
            format!("Queue {r} not closed"),
        ));
    }
    q.flush()?;
    Ok(Value::None)
}

fn cancel_join_thread(_: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("Queue.cancel_join_thread", &[], 0)
        .method()
        .bind::<0>(&a)?;
    q.cancelled.set(true);
    Ok(Value::None)
}

fn task_done(_: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("JoinableQueue.task_done", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let Some((lock, done)) = &q.joinable else {
        return Ok(Value::None);
    };
    lock.acquire(None);
    let n = q.shm.counter(UNFINISHED).load(SeqCst);
    let r = if n <= 0 {
        Err(value_error("task_done() called too many times"))
    } else {
        q.shm.counter(UNFINISHED).store(n - 1, SeqCst);
        if n == 1 {
            let _ = done.set();
        }
        Ok(Value::None)
    };
    let _ = lock.release();
    if r.is_ok() {
        op(q.id, Op::TaskDone, Some(format!("unfinished={}", n - 1)));
    }
    r
}

fn join(it: &mut Interp, a: Args) -> R {
    let q = core(&a)?;
    Sig::py("JoinableQueue.join", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let Some((_, done)) = &q.joinable else {
        return Ok(Value::None);
    };
    q.try_flush(true)?;
    if q.shm.counter(UNFINISHED).load(SeqCst) <= 0 {
        return Ok(Value::None);
    }
    blocked(&q.label, "join");
    while q.shm.counter(UNFINISHED).load(SeqCst) > 0 {
        // The flag is set and cleared under the counter's lock: no busy loop here. A caught
        // signal's handler runs while it waits (CPython's join waits on a Condition, which a
        // signal interrupts); one that raises ends the join with its exception.
        if done.wait_or_signal(None) == Waited::Signal {
            running();
            super::signal::run_pending(it)?;
            blocked(&q.label, "join");
        }
    }
    running();
    Ok(Value::None)
}
