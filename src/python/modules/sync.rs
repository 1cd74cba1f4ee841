//! `multiprocessing`'s locks and signals: `Lock`, `RLock`, `Semaphore`, `BoundedSemaphore`, `Event`,
//! `Condition`, with CPython's signatures, return values, reprs and errors (`semantics.md`). Each is a
//! kernel object from `runtime::sync`, inherited across fork, and reports to the trace: `Object` when
//! made, `Blocked`/`Running` around a wait, `Op` for acquired / released / set / cleared / timeout.
//!
//! Also the helpers the other primitives (`shared`, `queues`, `pipe`) share: ids, argument parsing,
//! payload access, native classes.

use crate::python::exceptions::ExcKind;
use crate::python::native_object::{NativeObject, Slots};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::Ordering::{Relaxed, SeqCst};

use crate::python::bind::Sig;
use crate::python::builtin_classes::InterpSlot;
use crate::python::exceptions::{self, Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{
    Args, Builtin, Class, Instance, Namespace, NativeAlone, NativeFn, NativeKind, PyStr, Value,
};
use crate::runtime::{self, sync::Sem, sync::Shared};
use crate::trace::{Event, Op, State};

type R = Result<Value, Exc>;

// ---- helpers shared by the primitives --------------------------------------------------------

thread_local! {
    /// How many primitives this process has made: per process, not per interpreter (it is
    /// runtime state, not a class): `new_id` numbers this process's primitives with it, and
    /// `made_any` asks whether the process made one.
    static COUNTER: RefCell<u32> = const { RefCell::new(0) };
}

/// The native classes by name, made once per interpreter (`per_interp`): a spawned child's fresh
/// interpreter makes its own, deriving from its own `object`.
static CLASSES: InterpSlot<NativeClasses> = InterpSlot::new();

/// The native classes of one interpreter, shared by the handle `per_interp` hands out.
type NativeClasses = Rc<RefCell<HashMap<&'static str, Rc<Class>>>>;

fn native_classes() -> NativeClasses {
    crate::python::builtin_classes::per_interp(&CLASSES, NativeClasses::default)
}

/// Whether this process has made a multiprocessing object (what, in CPython, imports
/// `multiprocessing.util` and with it registers its exit function with `atexit`).
pub fn made_any() -> bool {
    COUNTER.with(|c| *c.borrow() > 0)
}

/// A run-unique id for a new primitive: a counter in the lesson main (1, 2, ...), `pid << 16 |
/// counter` in other processes (pids stay below 2^16 here: `pid_max` is 32768).
pub fn new_id(it: &Interp) -> u32 {
    let n = COUNTER.with(|c| {
        let mut c = c.borrow_mut();
        *c += 1;
        *c
    });
    if it.process.this.is_none() {
        n
    } else {
        ((runtime::pid() as u32) << 16) | (n & 0xffff)
    }
}

/// Reports a new primitive; returns its label for `Blocked` states ("Lock#1").
pub fn created(id: u32, class: &str, capacity: Option<i64>) -> String {
    created_as(id, class, capacity, None, None)
}

/// Reports a new primitive that is a part of `owner` (a `Value`'s own lock), or plays a `role`
/// (a Connection's "send end"): the viewer folds parts under their owner and names the role.
pub fn created_as(
    id: u32,
    class: &str,
    capacity: Option<i64>,
    owner: Option<u32>,
    role: Option<&str>,
) -> String {
    runtime::emit(Event::Object {
        id,
        class: class.to_string(),
        capacity,
        owner,
        role: role.map(str::to_string),
    });
    format!("{class}#{id}")
}

pub fn op(id: u32, op: Op, detail: Option<String>) {
    match detail {
        None => runtime::emit_op(id, &op),
        detail => runtime::emit(Event::Op { id, op, detail }),
    }
}

pub fn blocked(on: &str, op: &str) {
    super::queues::flush_pending();
    runtime::emit(Event::State {
        state: State::Blocked {
            on: on.to_string(),
            op: op.into(),
        },
    });
}

pub fn running() {
    runtime::emit(Event::State {
        state: State::Running,
    });
}

/// Waits with `wait` (given the lesson seconds left) until it says ready or the deadline passes,
/// shown blocked on `label`'s `what` meanwhile. A caught signal's handler runs while it waits, as
/// CPython's waits run it (`PyErr_CheckSignals` on `EINTR`): one that raises (SIGINT's
/// `KeyboardInterrupt`) ends the wait with its exception, one that returns lets it wait on to the
/// same deadline (PEP 475). Whether it became ready.
pub fn wait_running_handlers(
    it: &mut Interp,
    label: &str,
    what: &str,
    timeout: Option<f64>,
    mut wait: impl FnMut(Option<f64>) -> runtime::clock::Waited,
) -> Result<bool, Exc> {
    let deadline = runtime::sync::Deadline::after(timeout);
    blocked(label, what);
    let got = loop {
        match wait(deadline.left()) {
            runtime::clock::Waited::Ready => break true,
            runtime::clock::Waited::TimedOut => break false,
            runtime::clock::Waited::Signal => {
                running();
                super::signal::run_pending(it)?;
                blocked(label, what);
            }
        }
    };
    running();
    Ok(got)
}

/// A timeout in seconds (`None` = no limit; negative counts as 0).
/// A wrong type gives the error of CPython's C semaphore (`must be real number, not str`): Lock,
/// RLock, Semaphore `acquire`, `Event.wait`, `Condition.wait`, `Queue.put`.
pub fn timeout_of(v: Option<Value>) -> Result<Option<f64>, Exc> {
    timeout_with(v, |t| format!("must be real number, not {t}"))
}

/// A timeout that CPython adds to the clock first (`Queue.get`, `Connection.poll`,
/// `Condition.wait_for`, `Barrier.wait`): a wrong type gives that addition's error.
pub fn deadline_of(v: Option<Value>) -> Result<Option<f64>, Exc> {
    timeout_with(v, |t| {
        format!("unsupported operand type(s) for +: 'float' and '{t}'")
    })
}

fn timeout_with(v: Option<Value>, error: impl Fn(&str) -> String) -> Result<Option<f64>, Exc> {
    Ok(match v {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) => Some((i as f64).max(0.0)),
        Some(Value::Bool(b)) => Some(b as i64 as f64),
        Some(Value::Float(f)) => Some(if f.is_nan() { 0.0 } else { f.max(0.0) }),
        Some(other) => return Err(type_error(error(&other.type_name()))),
    })
}

pub fn truthy(it: &mut Interp, v: Option<Value>, default: bool) -> Result<bool, Exc> {
    match v {
        None => Ok(default),
        Some(v) => it.truthy(&v),
    }
}

/// The payload of a native instance, if it is a `T`.
pub fn payload<T: Clone + 'static>(v: &Value) -> Option<T> {
    match v {
        Value::Instance(i) => i
            .native
            .borrow()
            .as_ref()
            .and_then(|b| b.downcast_ref::<T>())
            .cloned(),
        _ => None,
    }
}

/// `self` of a method as a `T`.
pub fn this<T: Clone + 'static>(a: &Args, what: &str) -> Result<T, Exc> {
    a.pos
        .first()
        .and_then(payload::<T>)
        .ok_or_else(|| type_error(format!("descriptor needs a '{what}' object")))
}

/// A native class (made once per interpreter) whose methods are `methods`.
pub fn native_class(name: &'static str, module: &str, methods: &[(&str, NativeFn)]) -> Rc<Class> {
    native_class_alone(name, module, methods, &[])
}

/// [`native_class`] where some methods also have a form for a call on the object alone
/// (`Builtin::alone`), named in `alone`.
pub fn native_class_alone(
    name: &'static str,
    module: &str,
    methods: &[(&str, NativeFn)],
    alone: &[(&str, NativeAlone)],
) -> Rc<Class> {
    let classes = native_classes();
    if let Some(c) = classes.borrow().get(name).cloned() {
        return c;
    }
    let mut attrs = Namespace::default();
    for (n, f) in methods {
        let one = alone.iter().find(|(a, _)| a == n).map(|(_, g)| *g);
        let b = Builtin {
            name: PyStr::from(*n),
            f: *f,
            data: None,
            alone: one,
        };
        attrs.insert(PyStr::from(*n), Value::Builtin(Rc::new(b)));
    }
    let short = name.rsplit('.').next().unwrap_or(name);
    let cls = exceptions::make_class(
        short,
        module,
        vec![crate::python::builtin_classes::object()],
        attrs,
        Some(NativeKind::Other),
    )
    .expect("one base");
    classes.borrow_mut().insert(name, cls.clone());
    cls
}

/// A new instance of `cls` carrying `payload`.
pub fn instance_with<T: NativeObject>(cls: Rc<Class>, payload: T) -> Value {
    Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: Default::default(),
        native: RefCell::new(Some(Box::new(payload))),
    }))
}

/// Stores `payload` into `self` (an `__init__`).
pub fn init_with<T: NativeObject>(a: &Args, payload: T) -> R {
    match a.pos.first() {
        Some(Value::Instance(i)) => {
            *i.native.borrow_mut() = Some(Box::new(payload));
            Ok(Value::None)
        }
        _ => Err(type_error("__init__ needs self")),
    }
}

/// An OS failure as Python's `OSError` (`BrokenPipeError` for `EPIPE`...: exceptions_os.rs).
pub fn os_error(e: std::io::Error) -> Exc {
    if e.kind() == std::io::ErrorKind::OutOfMemory {
        return crate::python::alloc::memory_error();
    }
    crate::python::exceptions_os::from_errno(e.raw_os_error().unwrap_or(0), None)
}

fn assertion(msg: &str) -> Exc {
    Exc::with_args(ExcKind::AssertionError, vec![Value::str(msg)])
}

/// The CPython class name a primitive gives in "... objects should only be shared between processes
/// through inheritance", for any forkyard primitive.
pub fn shared_kind(inst: &Instance) -> Option<&'static str> {
    inst.native.borrow().as_ref()?.shared_kind()
}

/// The trace id (`new_id`) of a primitive that passes by inheritance: the forkserver start method
/// tells by it whether the primitive was made before its server was forked.
pub fn trace_id(inst: &Instance) -> Option<u32> {
    inst.native.borrow().as_ref()?.trace_id()
}

/// Writes the description of a Lock, RLock, Semaphore, BoundedSemaphore or Event for a process
/// that did not inherit it (`handover`); `false` for anything else.
pub fn describe(inst: &Instance, out: &mut super::handover::Out) -> bool {
    let n = inst.native.borrow();
    let Some(b) = n.as_ref() else { return false };
    if let Some(l) = b.downcast_ref::<Rc<SemLock>>() {
        out.u64(super::handover::SEMLOCK);
        out.u64(l.kind as u64);
        out.u64(l.max as u64);
        out.u64(l.id as u64);
        out.str(&l.label);
        out.shm(l.sem.handover());
        out.shm(l.shm.handover());
        return true;
    }
    if let Some(e) = b.downcast_ref::<Rc<EventObj>>() {
        out.u64(super::handover::EVENT);
        out.u64(e.id as u64);
        out.str(&e.label);
        out.fd(e.flag.fd());
        return true;
    }
    if let Some(c) = b.downcast_ref::<Rc<CondObj>>() {
        out.u64(super::handover::CONDITION);
        return describe_cond(c, out);
    }
    if let Some(x) = b.downcast_ref::<Rc<BarrierObj>>() {
        // The action crosses pickled (by reference for a function, as CPython pickles it):
        // the bytes were made, with their errors, when the Barrier was pickled for the child.
        let action = match (&*x.action.borrow(), &*x.action_pickle.borrow()) {
            (Value::None, _) => Vec::new(),
            (_, Some(bytes)) => bytes.clone(),
            (_, None) => return false,
        };
        out.u64(super::handover::BARRIER);
        out.u64(x.id as u64);
        out.str(&x.label);
        out.u64(x.parties as u64);
        out.u64(x.timeout.map_or(u64::MAX, f64::to_bits));
        out.bytes(&action);
        out.shm(x.shm.handover());
        return describe_cond(&x.cond, out);
    }
    false
}

/// A Condition's memory, then its lock's description.
fn describe_cond(c: &CondObj, out: &mut super::handover::Out) -> bool {
    let Value::Instance(lock) = &c.lock_obj else {
        return false;
    };
    out.u64(c.id as u64);
    out.str(&c.label);
    out.shm(c.sleeping.handover());
    out.shm(c.woken.handover());
    out.shm(c.wait_sem.handover());
    out.shm(c.counts.handover());
    describe(lock, out)
}

/// A Condition on the memory another process described ([`describe`]), with its lock.
pub fn rebuild_condition(input: &mut super::handover::In) -> Option<Value> {
    let c = rebuild_cond(input)?;
    Some(instance_with(condition_class(), Rc::new(c)))
}

/// A Barrier on the memory another process described ([`describe`]); its action, if any, is
/// unpickled when the last party arrives (in the child, where the program's module is loaded).
pub fn rebuild_barrier(input: &mut super::handover::In) -> Option<Value> {
    let id = u32::try_from(input.u64()?).ok()?;
    let label = input.str()?;
    let parties = i64::try_from(input.u64()?).ok()?;
    let timeout = match input.u64()? {
        u64::MAX => None,
        bits => Some(f64::from_bits(bits)),
    };
    let action = input.bytes()?;
    let shm = input.shm()?;
    if shm.len() < 16 {
        return None;
    }
    let cond = rebuild_cond(input)?;
    let x = BarrierObj {
        cond,
        shm,
        parties,
        action: RefCell::new(Value::None),
        action_pickle: RefCell::new((!action.is_empty()).then_some(action)),
        timeout,
        bad_timeout: None,
        id,
        label,
    };
    Some(instance_with(barrier_class(), Rc::new(x)))
}

fn rebuild_cond(input: &mut super::handover::In) -> Option<CondObj> {
    let id = u32::try_from(input.u64()?).ok()?;
    let label = input.str()?;
    let sleeping = Sem::adopt(input.shm()?);
    let woken = Sem::adopt(input.shm()?);
    let wait_sem = Sem::adopt(input.shm()?);
    let counts = input.shm()?;
    if counts.len() < 16 || input.u64()? != super::handover::SEMLOCK {
        return None;
    }
    let lock_obj = rebuild_semlock(input)?;
    let lock: Rc<SemLock> = payload(&lock_obj)?;
    Some(CondObj {
        lock_obj,
        lock,
        sleeping,
        woken,
        wait_sem,
        counts,
        id,
        label,
    })
}

/// A SemLock on the memory another process described ([`describe`]).
pub fn rebuild_semlock(input: &mut super::handover::In) -> Option<Value> {
    let kind = match input.u64()? {
        0 => Kind::Lock,
        1 => Kind::RLock,
        2 => Kind::Semaphore,
        3 => Kind::Bounded,
        _ => return None,
    };
    let max = input.u64()? as i64;
    let id = u32::try_from(input.u64()?).ok()?;
    let label = input.str()?;
    let sem = Sem::adopt(input.shm()?);
    let shm = input.shm()?;
    if shm.len() < 24 {
        return None;
    }
    let l = SemLock {
        kind,
        sem,
        shm,
        max,
        id,
        label,
    };
    Some(instance_with(semlock_class(kind), Rc::new(l)))
}

/// An Event on the eventfd another process described ([`describe`]).
pub fn rebuild_event(input: &mut super::handover::In) -> Option<Value> {
    let id = u32::try_from(input.u64()?).ok()?;
    let label = input.str()?;
    let flag = runtime::sync::Flag::adopt(input.fd()?);
    Some(instance_with(
        event_class(),
        Rc::new(EventObj { flag, id, label }),
    ))
}

// ---- SemLock: Lock, RLock, Semaphore, BoundedSemaphore ---------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Lock,
    RLock,
    Semaphore,
    Bounded,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Lock => "Lock",
            Kind::RLock => "RLock",
            Kind::Semaphore => "Semaphore",
            Kind::Bounded => "BoundedSemaphore",
        }
    }
}

/// Shared slots of a SemLock's mapping.
const VALUE: usize = 0;
const OWNER: usize = 1;
const COUNT: usize = 2;

/// A semaphore with CPython's `SemLock` rules. The token count lives in the futex word of `Sem`; the
/// mapping mirrors it for a Semaphore (for `get_value` and reprs: the value the `acquired` and
/// `released` records tell) and holds the owner (pid) and recursion count of a Lock or RLock,
/// whose value is its token; with the count at 0, the owner word names the process that released
/// it last (what lets its next `acquired` carry a recent clock reading, `took`).
///
/// Only the holder of a Lock or RLock writes its owner and count, between taking the token and
/// giving it back; both are atomic read-modify-writes of the token word (SeqCst), which order the
/// holder's plain (Relaxed) stores for the next holder: a pair costs the two locked instructions
/// on the token and none besides.
#[derive(Debug)]
pub struct SemLock {
    pub kind: Kind,
    sem: Sem,
    shm: Shared,
    max: i64,
    pub id: u32,
    pub label: String,
}

impl SemLock {
    pub fn new(it: &Interp, kind: Kind, value: i64, max: i64) -> Result<SemLock, Exc> {
        SemLock::part_of(it, kind, value, max, None)
    }

    /// A lock made as a part of object `owner` (a `Value`'s own lock), when there is one.
    pub fn part_of(
        it: &Interp,
        kind: Kind,
        value: i64,
        max: i64,
        owner: Option<u32>,
    ) -> Result<SemLock, Exc> {
        if value < 0 || value > u32::MAX as i64 {
            return Err(crate::python::exceptions_os::from_errno(libc::EINVAL, None));
        }
        let sem = Sem::new(value as u32).map_err(os_error)?;
        let shm = Shared::new(24).map_err(os_error)?;
        shm.counter(VALUE).store(value, SeqCst);
        let id = new_id(it);
        let capacity = if kind == Kind::Semaphore {
            Some(value)
        } else {
            Some(max)
        };
        let label = created_as(id, kind.name(), capacity, owner, None);
        Ok(SemLock {
            kind,
            sem,
            shm,
            max,
            id,
            label,
        })
    }

    fn me() -> i64 {
        runtime::pid() as i64
    }

    pub fn is_mine(&self) -> bool {
        self.shm.counter(OWNER).load(Relaxed) == Self::me()
            && self.shm.counter(COUNT).load(Relaxed) > 0
    }

    /// How many times this process holds it (RLock recursion; 1 for a held Lock).
    pub fn count(&self) -> i64 {
        if self.is_mine() {
            self.shm.counter(COUNT).load(Relaxed)
        } else {
            0
        }
    }

    pub fn value(&self) -> i64 {
        match self.kind {
            Kind::Lock | Kind::RLock => i64::from(self.sem.tokens_now()),
            Kind::Semaphore | Kind::Bounded => self.shm.counter(VALUE).load(SeqCst),
        }
    }

    /// CPython's `acquire(block, timeout)`.
    pub fn acquire(&self, block: bool, timeout: Option<f64>) -> bool {
        if self.kind == Kind::RLock && self.is_mine() {
            let count = self.shm.counter(COUNT);
            let n = count.load(Relaxed) + 1;
            count.store(n, Relaxed);
            op(self.id, Op::Acquired, Some(format!("count={n}")));
            return true;
        }
        let got = if self.sem.try_acquire() {
            true
        } else if !block {
            false
        } else {
            blocked(&self.label, "acquire");
            let got = self.sem.acquire(timeout);
            running();
            if !got {
                op(self.id, Op::Timeout, Some("acquire".into()));
            }
            got
        };
        if got {
            self.took();
        }
        got
    }

    /// [`SemLock::acquire`] from Python code: a caught signal that comes while it waits runs its
    /// handler there, as CPython's semlock does (`PyErr_CheckSignals` on `EINTR`): a handler that
    /// raises (the default SIGINT handler's `KeyboardInterrupt`) ends the acquire with its
    /// exception; one that returns lets the wait go on to the same deadline (PEP 475).
    pub fn acquire_in(
        &self,
        it: &mut Interp,
        block: bool,
        timeout: Option<f64>,
    ) -> Result<bool, Exc> {
        if !block || (self.kind == Kind::RLock && self.is_mine()) {
            return Ok(self.acquire(block, timeout));
        }
        if self.sem.try_acquire() || self.sem.acquire_spinning() {
            self.took();
            return Ok(true);
        }
        let got = wait_running_handlers(it, &self.label, "acquire", timeout, |left| {
            self.sem.acquire_or_signal(left)
        })?;
        if got {
            self.took();
        } else {
            op(self.id, Op::Timeout, Some("acquire".into()));
        }
        Ok(got)
    }

    /// The bookkeeping after a token was taken: the value, the owner, the trace's `acquired`.
    /// A Lock's owner and count are plain stores: the token's atomics order them for the next
    /// holder; a Lock's value is its token, a Semaphore keeps a copy for the trace's `value=N`.
    #[inline]
    fn took(&self) {
        if matches!(self.kind, Kind::Lock | Kind::RLock) {
            // The owner word still names the last process that released it: if that is this
            // one, its `released` is no later than its last clock reading, and the `acquired`
            // may carry that reading (`runtime::emit_op_recent`); after another's, it reads the
            // clock, to come after that `released` in time order.
            let owner = self.shm.counter(OWNER);
            let mine = owner.load(Relaxed) == Self::me();
            owner.store(Self::me(), Relaxed);
            self.shm.counter(COUNT).store(1, Relaxed);
            if mine {
                runtime::emit_op_recent(self.id, &Op::Acquired);
            } else {
                op(self.id, Op::Acquired, None);
            }
        } else {
            let v = self.shm.counter(VALUE).fetch_sub(1, SeqCst) - 1;
            op(self.id, Op::Acquired, Some(format!("value={v}")));
        }
    }

    /// CPython's `release()`.
    pub fn release(&self) -> Result<(), Exc> {
        match self.kind {
            Kind::RLock => {
                if !self.is_mine() {
                    return Err(assertion(
                        "attempt to release recursive lock not owned by thread",
                    ));
                }
                let count = self.shm.counter(COUNT);
                let n = count.load(Relaxed) - 1;
                count.store(n, Relaxed);
                if n > 0 {
                    op(self.id, Op::Released, Some(format!("count={n}")));
                    return Ok(());
                }
            }
            Kind::Semaphore => {}
            Kind::Lock | Kind::Bounded => {
                if self.value() >= self.max {
                    return Err(value_error("semaphore or lock released too many times"));
                }
            }
        }
        // Reported before the token goes back, so that in the trace (ordered by time) a release
        // always comes before the acquire it allows.
        if matches!(self.kind, Kind::Lock | Kind::RLock) {
            // Not held (count 0), last released by this process (see `took`). A hand-over may
            // carry a recent earlier time: it still comes before the take it allows.
            self.shm.counter(OWNER).store(Self::me(), Relaxed);
            self.shm.counter(COUNT).store(0, Relaxed);
            runtime::emit_op_recent(self.id, &Op::Released);
        } else {
            let v = self.value() + 1;
            op(self.id, Op::Released, Some(format!("value={v}")));
            self.shm.counter(VALUE).fetch_add(1, SeqCst);
        }
        self.sem.release().map_err(os_error)?;
        Ok(())
    }

    fn repr(&self, it: &Interp) -> String {
        let owner = || {
            if self.is_mine() {
                it.process.name.to_string()
            } else if self.value() >= 1 {
                "None".into()
            } else {
                "SomeOtherProcess".into()
            }
        };
        match self.kind {
            Kind::Lock => format!("<Lock(owner={})>", owner()),
            Kind::RLock => {
                let count = if self.is_mine() {
                    self.count().to_string()
                } else if self.value() >= 1 {
                    "0".into()
                } else {
                    "nonzero".into()
                };
                format!("<RLock({}, {count})>", owner())
            }
            Kind::Semaphore => format!("<Semaphore(value={})>", self.value()),
            Kind::Bounded => format!(
                "<BoundedSemaphore(value={}, maxvalue={})>",
                self.value(),
                self.max
            ),
        }
    }
}

fn semlock_class(kind: Kind) -> Rc<Class> {
    let (name, init): (&'static str, NativeFn) = match kind {
        Kind::Lock => ("sync.Lock", init_lock),
        Kind::RLock => ("sync.RLock", init_rlock),
        Kind::Semaphore => ("sync.Semaphore", init_semaphore),
        Kind::Bounded => ("sync.BoundedSemaphore", init_bounded),
    };
    let mut methods: Vec<(&str, NativeFn)> = vec![
        ("__init__", init),
        ("acquire", acquire),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    if matches!(kind, Kind::Semaphore | Kind::Bounded) {
        methods.push(("get_value", get_value));
    }
    native_class_alone(
        name,
        "multiprocessing.synchronize",
        &methods,
        &[("acquire", acquire_alone), ("release", release_alone)],
    )
}

pub fn lock_class() -> Rc<Class> {
    semlock_class(Kind::Lock)
}
pub fn rlock_class() -> Rc<Class> {
    semlock_class(Kind::RLock)
}
pub fn semaphore_class() -> Rc<Class> {
    semlock_class(Kind::Semaphore)
}
pub fn bounded_class() -> Rc<Class> {
    semlock_class(Kind::Bounded)
}

/// A new RLock object (the default lock of `Value`, `Array`, `Condition`).
pub fn new_rlock(it: &mut Interp) -> R {
    new_rlock_of(it, None)
}

/// An RLock that is a part of object `owner` (a `Value`'s own lock).
pub fn new_rlock_of(it: &mut Interp, owner: Option<u32>) -> R {
    let l = SemLock::part_of(it, Kind::RLock, 1, 1, owner)?;
    Ok(instance_with(rlock_class(), Rc::new(l)))
}

fn init_lock(it: &mut Interp, a: Args) -> R {
    Sig::py("BaseContext.Lock", &[], 0).method().bind::<0>(&a)?;
    let l = SemLock::new(it, Kind::Lock, 1, 1)?;
    init_with(&a, Rc::new(l))
}

fn init_rlock(it: &mut Interp, a: Args) -> R {
    Sig::py("BaseContext.RLock", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let l = SemLock::new(it, Kind::RLock, 1, 1)?;
    init_with(&a, Rc::new(l))
}

fn sem_value(it: &mut Interp, a: &Args, name: &str) -> Result<i64, Exc> {
    let [value] = Sig::py(name, &["value"], 0).method().bind(a)?;
    match value {
        None => Ok(1),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(other) => {
            let _ = it;
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
    }
}

fn init_semaphore(it: &mut Interp, a: Args) -> R {
    let v = sem_value(it, &a, "BaseContext.Semaphore")?;
    let l = SemLock::new(it, Kind::Semaphore, v, i32::MAX as i64)?;
    init_with(&a, Rc::new(l))
}

fn init_bounded(it: &mut Interp, a: Args) -> R {
    let v = sem_value(it, &a, "BaseContext.BoundedSemaphore")?;
    let l = SemLock::new(it, Kind::Bounded, v, v)?;
    init_with(&a, Rc::new(l))
}

/// `acquire(block=True, timeout=None)`: the timeout counts only when blocking.
fn acquire(it: &mut Interp, a: Args) -> R {
    // The usual call, `lock.acquire()`: nothing to parse.
    if a.pos.len() == 1 && a.kw.is_empty() {
        return acquire_alone(it, &a.pos[0]);
    }
    let l: Rc<SemLock> = this(&a, "SemLock")?;
    let [block, timeout] = Sig::c("acquire", &["block", "timeout"], 0)
        .method()
        .bind(&a)?;
    // The C function parses `block` as an int.
    let block = match block {
        None => true,
        Some(Value::Int(i)) => *i != 0,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let timeout = if block {
        timeout_of(timeout.cloned())?
    } else {
        None
    };
    Ok(Value::Bool(l.acquire_in(it, block, timeout)?))
}

/// `lock.acquire()`, called on the lock alone (`Builtin::alone`: no `Args` made).
fn acquire_alone(it: &mut Interp, lock: &Value) -> R {
    let l: Rc<SemLock> = payload(lock).ok_or_else(not_a_semlock)?;
    Ok(Value::Bool(l.acquire_in(it, true, None)?))
}

fn not_a_semlock() -> Exc {
    type_error("descriptor needs a 'SemLock' object")
}

fn release(it: &mut Interp, a: Args) -> R {
    let _: Rc<SemLock> = this(&a, "SemLock")?;
    Sig::c_pos("release", "SemLock", &[], 0)
        .method()
        .bind::<0>(&a)?;
    release_alone(it, &a.pos[0])
}

/// `lock.release()`, called on the lock alone (`Builtin::alone`).
fn release_alone(_: &mut Interp, lock: &Value) -> R {
    let l: Rc<SemLock> = payload(lock).ok_or_else(not_a_semlock)?;
    l.release()?;
    Ok(Value::None)
}

fn enter(it: &mut Interp, a: Args) -> R {
    let l: Rc<SemLock> = this(&a, "SemLock")?;
    Sig::py("SemLock.__enter__", &[], 0)
        .method()
        .bind::<0>(&a)?;
    Ok(Value::Bool(l.acquire_in(it, true, None)?))
}

fn exit(_: &mut Interp, a: Args) -> R {
    let l: Rc<SemLock> = this(&a, "SemLock")?;
    l.release()?;
    Ok(Value::None)
}

fn get_value(_: &mut Interp, a: Args) -> R {
    let l: Rc<SemLock> = this(&a, "SemLock")?;
    Sig::py("Semaphore.get_value", &[], 0)
        .method()
        .bind::<0>(&a)?;
    Ok(Value::Int(l.value()))
}

// ---- Event -----------------------------------------------------------------------------------

#[derive(Debug)]
pub struct EventObj {
    flag: runtime::sync::Flag,
    id: u32,
    label: String,
}

pub fn event_class() -> Rc<Class> {
    native_class(
        "sync.Event",
        "multiprocessing.synchronize",
        &[
            ("__init__", event_init),
            ("is_set", event_is_set),
            ("set", event_set),
            ("clear", event_clear),
            ("wait", event_wait),
        ],
    )
}

fn event_init(it: &mut Interp, a: Args) -> R {
    Sig::py("BaseContext.Event", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let flag = runtime::sync::Flag::new().map_err(os_error)?;
    let id = new_id(it);
    let label = created(id, "Event", None);
    init_with(&a, Rc::new(EventObj { flag, id, label }))
}

fn event_is_set(_: &mut Interp, a: Args) -> R {
    let e: Rc<EventObj> = this(&a, "Event")?;
    Sig::py("Event.is_set", &[], 0).method().bind::<0>(&a)?;
    Ok(Value::Bool(e.flag.is_set()))
}

fn event_set(_: &mut Interp, a: Args) -> R {
    let e: Rc<EventObj> = this(&a, "Event")?;
    Sig::py("Event.set", &[], 0).method().bind::<0>(&a)?;
    // Reported first, so that in the trace the set comes before the wakes it causes.
    op(e.id, Op::Set, None);
    e.flag.set().map_err(os_error)?;
    Ok(Value::None)
}

fn event_clear(_: &mut Interp, a: Args) -> R {
    let e: Rc<EventObj> = this(&a, "Event")?;
    Sig::py("Event.clear", &[], 0).method().bind::<0>(&a)?;
    e.flag.clear().map_err(os_error)?;
    op(e.id, Op::Cleared, None);
    Ok(Value::None)
}

fn event_wait(it: &mut Interp, a: Args) -> R {
    let e: Rc<EventObj> = this(&a, "Event")?;
    let [timeout] = Sig::py("Event.wait", &["timeout"], 0).method().bind(&a)?;
    let timeout = timeout_of(timeout.cloned())?;
    if e.flag.is_set() {
        return Ok(Value::Bool(true));
    }
    if timeout == Some(0.0) {
        return Ok(Value::Bool(false));
    }
    let got = wait_running_handlers(it, &e.label, "wait", timeout, |left| {
        e.flag.wait_or_signal(left)
    })?;
    op(
        e.id,
        if got { Op::Woke } else { Op::Timeout },
        Some("wait".into()),
    );
    Ok(Value::Bool(got))
}

// ---- Condition -------------------------------------------------------------------------------

/// CPython's `multiprocessing.synchronize.Condition`, ported: a lock plus three semaphores.
#[derive(Debug)]
pub struct CondObj {
    lock_obj: Value,
    lock: Rc<SemLock>,
    sleeping: Sem,
    woken: Sem,
    wait_sem: Sem,
    counts: Shared,
    id: u32,
    label: String,
}

const SLEEPING: usize = 0;
const WOKEN: usize = 1;

impl CondObj {
    fn sleepers(&self) -> i64 {
        self.counts.counter(SLEEPING).load(SeqCst) - self.counts.counter(WOKEN).load(SeqCst)
    }
    fn take(&self, s: &Sem, slot: Option<usize>) -> bool {
        let got = s.try_acquire();
        if got && let Some(i) = slot {
            self.counts.counter(i).fetch_sub(1, SeqCst);
        }
        got
    }
    fn give(&self, s: &Sem, slot: Option<usize>) {
        if let Some(i) = slot {
            self.counts.counter(i).fetch_add(1, SeqCst);
        }
        let _ = s.release();
    }
}

pub fn condition_class() -> Rc<Class> {
    native_class(
        "sync.Condition",
        "multiprocessing.synchronize",
        &[
            ("__init__", cond_init),
            ("acquire", cond_acquire),
            ("release", cond_release),
            ("__enter__", cond_enter),
            ("__exit__", cond_exit),
            ("wait", cond_wait),
            ("wait_for", cond_wait_for),
            ("notify", cond_notify),
            ("notify_all", cond_notify_all),
        ],
    )
}

fn new_cond(it: &mut Interp, lock_obj: Option<Value>) -> Result<CondObj, Exc> {
    // CPython: `lock or ctx.RLock()`, then `lock.acquire` is looked up.
    let lock_obj = match lock_obj {
        None => new_rlock(it)?,
        Some(v) if !it.truthy(&v)? => new_rlock(it)?,
        Some(v) => v,
    };
    let Some(lock) = payload::<Rc<SemLock>>(&lock_obj) else {
        it.getattr(&lock_obj, "acquire")?;
        return Err(type_error(
            "Condition() needs a multiprocessing Lock or RLock",
        ));
    };
    let mk = || Sem::new(0).map_err(os_error);
    let (sleeping, woken, wait_sem) = (mk()?, mk()?, mk()?);
    let counts = Shared::new(16).map_err(os_error)?;
    let id = new_id(it);
    let label = created(id, "Condition", None);
    Ok(CondObj {
        lock_obj,
        lock,
        sleeping,
        woken,
        wait_sem,
        counts,
        id,
        label,
    })
}

fn cond_init(it: &mut Interp, a: Args) -> R {
    let [lock] = Sig::py("BaseContext.Condition", &["lock"], 0)
        .method()
        .bind(&a)?;
    let c = new_cond(it, lock.cloned())?;
    init_with(&a, Rc::new(c))
}

fn cond_acquire(it: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    let mut a2 = a.clone();
    a2.pos[0] = c.lock_obj.clone();
    acquire(it, a2)
}

fn cond_release(_: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    c.lock.release()?;
    Ok(Value::None)
}

fn cond_enter(it: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    Ok(Value::Bool(c.lock.acquire_in(it, true, None)?))
}

fn cond_exit(_: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    c.lock.release()?;
    Ok(Value::None)
}

/// CPython's `Condition.wait`: the lock let go as many times as it is held, a wait on the
/// wait semaphore, then (in CPython's `finally`) `woken` given and the lock taken back. A caught
/// signal while it waits runs its handler there; one that raises ends the wait with its exception
/// after that `finally`, one that returns lets the wait go on to the same deadline.
fn wait_on(it: &mut Interp, c: &CondObj, timeout: Option<f64>, on: &str) -> Result<bool, Exc> {
    if !c.lock.is_mine() {
        return Err(assertion("must acquire() condition before using wait()"));
    }
    c.give(&c.sleeping, Some(SLEEPING));
    let count = c.lock.count();
    for _ in 0..count {
        c.lock.release()?;
    }
    let waited = wait_running_handlers(it, on, "wait", timeout, |left| {
        c.wait_sem.acquire_or_signal(left)
    });
    let (got, raised) = match waited {
        Ok(got) => (got, None),
        Err(e) => (false, Some(e)),
    };
    if raised.is_none() {
        op(
            c.id,
            if got { Op::Woke } else { Op::Timeout },
            Some("wait".into()),
        );
    }
    c.give(&c.woken, Some(WOKEN));
    for _ in 0..count {
        c.lock.acquire(true, None);
    }
    match raised {
        Some(e) => Err(e),
        None => Ok(got),
    }
}

fn cond_wait(it: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    let [timeout] = Sig::py("Condition.wait", &["timeout"], 0)
        .method()
        .bind(&a)?;
    let timeout = timeout_of(timeout.cloned())?;
    Ok(Value::Bool(wait_on(it, &c, timeout, &c.label)?))
}

fn cond_wait_for(it: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    let [pred, timeout] = Sig::py("Condition.wait_for", &["predicate", "timeout"], 1)
        .method()
        .bind(&a)?;
    let pred = pred.cloned().unwrap_or(Value::None);
    let timeout = deadline_of(timeout.cloned())?;
    let end = timeout.map(|t| runtime::clock::now_secs() + t);
    let mut result = it.call(&pred, Args::default())?;
    while !it.truthy(&result)? {
        let wait = match end {
            Some(e) => {
                let left = e - runtime::clock::now_secs();
                if left <= 0.0 {
                    break;
                }
                Some(left)
            }
            None => None,
        };
        wait_on(it, &c, wait, &c.label)?;
        result = it.call(&pred, Args::default())?;
    }
    Ok(result)
}

fn notify(c: &CondObj, n: i64) -> Result<(), Exc> {
    if !c.lock.is_mine() {
        return Err(assertion("lock is not owned"));
    }
    // Account for waiters that timed out since the last notify.
    while c.take(&c.woken, Some(WOKEN)) {
        c.take(&c.sleeping, Some(SLEEPING));
    }
    let mut sleepers = 0;
    while sleepers < n && c.take(&c.sleeping, Some(SLEEPING)) {
        c.give(&c.wait_sem, None);
        sleepers += 1;
    }
    if sleepers > 0 {
        op(c.id, Op::Notified, Some(format!("{sleepers}")));
        for _ in 0..sleepers {
            c.woken.acquire(None);
            c.counts.counter(WOKEN).fetch_sub(1, SeqCst);
        }
        while c.take(&c.wait_sem, None) {}
    }
    Ok(())
}

fn cond_notify(_: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    let [n] = Sig::py("Condition.notify", &["n"], 0).method().bind(&a)?;
    let n = match n {
        None => 1,
        Some(Value::Int(n)) => *n,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    notify(&c, n)?;
    Ok(Value::None)
}

fn cond_notify_all(_: &mut Interp, a: Args) -> R {
    let c: Rc<CondObj> = this(&a, "Condition")?;
    Sig::py("Condition.notify_all", &[], 0)
        .method()
        .bind::<0>(&a)?;
    notify(&c, i64::MAX)?;
    Ok(Value::None)
}

// ---- Barrier --------------------------------------------------------------------------------

/// CPython's `multiprocessing.synchronize.Barrier` (threading's algorithm over a Condition and two
/// shared ints: the state and the count).
#[derive(Debug)]
pub struct BarrierObj {
    cond: CondObj,
    shm: Shared,
    parties: i64,
    action: RefCell<Value>,
    /// The action pickled for a process that did not inherit the Barrier ([`pickle_action`]),
    /// or, in that process, still to be unpickled.
    action_pickle: RefCell<Option<Vec<u8>>>,
    timeout: Option<f64>,
    /// A default timeout that is no number (its type's name): CPython keeps it and fails in
    /// `wait`, where it is added to the clock.
    bad_timeout: Option<String>,
    id: u32,
    label: String,
}

/// Barrier states, as threading's: filling, draining, resetting, broken.
const FILLING: i64 = 0;
const DRAINING: i64 = 1;
const RESETTING: i64 = -1;
const BROKEN: i64 = -2;
const B_STATE: usize = 0;
const B_COUNT: usize = 1;

impl BarrierObj {
    fn state(&self) -> i64 {
        self.shm.counter(B_STATE).load(SeqCst)
    }
    fn set_state(&self, v: i64) {
        self.shm.counter(B_STATE).store(v, SeqCst)
    }
    fn count(&self) -> i64 {
        self.shm.counter(B_COUNT).load(SeqCst)
    }
    fn add_count(&self, d: i64) {
        self.shm.counter(B_COUNT).fetch_add(d, SeqCst);
    }
    fn brk(&self) -> Result<(), Exc> {
        self.set_state(BROKEN);
        op(self.id, Op::Broken, None);
        notify(&self.cond, i64::MAX)
    }
}

pub fn broken_error() -> Exc {
    static CLS: InterpSlot<Rc<Class>> = InterpSlot::new();
    // Per interpreter: a spawned child's derives from its own RuntimeError.
    let cls = crate::python::builtin_classes::per_interp(&CLS, || {
        exceptions::make_class(
            "BrokenBarrierError",
            "threading",
            vec![ExcKind::RuntimeError.class()],
            Namespace::default(),
            None,
        )
        .expect("one base")
    });
    Exc {
        value: exceptions::instance(cls, vec![]),
    }
}

pub fn barrier_class() -> Rc<Class> {
    native_class(
        "sync.Barrier",
        "multiprocessing.synchronize",
        &[
            ("__init__", barrier_init),
            ("wait", barrier_wait),
            ("reset", barrier_reset),
            ("abort", barrier_abort),
        ],
    )
}

/// `Barrier(parties, action=None, timeout=None)`.
fn barrier_init(it: &mut Interp, a: Args) -> R {
    let [parties, action, timeout] =
        Sig::py("BaseContext.Barrier", &["parties", "action", "timeout"], 1)
            .method()
            .bind(&a)?;
    let parties = match parties {
        Some(Value::Int(n)) => *n,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.map_or("NoneType".into(), |v| v.type_name())
            )));
        }
    };
    let action = action.cloned().unwrap_or(Value::None);
    let (timeout, bad_timeout) = match timeout_of(timeout.cloned()) {
        Ok(t) => (t, None),
        Err(_) => (None, timeout.map(|v| v.type_name().to_string())),
    };
    let cond = new_cond(it, None)?;
    let shm = Shared::new(16).map_err(os_error)?;
    let id = new_id(it);
    let label = created(id, "Barrier", Some(parties));
    init_with(
        &a,
        Rc::new(BarrierObj {
            cond,
            shm,
            parties,
            action: RefCell::new(action),
            action_pickle: RefCell::new(None),
            timeout,
            bad_timeout,
            id,
            label,
        }),
    )
}

/// Pickles a Barrier's action as CPython does when the Barrier is pickled for a spawned or
/// forkserver child: a function by reference, so a lambda or a nested function fails here, in
/// `start()`, with pickle's error. Nothing for any other primitive.
pub fn pickle_action(it: &mut Interp, inst: &Instance) -> Result<(), Exc> {
    let Some(x) = barrier_of(inst) else {
        return Ok(());
    };
    let action = x.action.borrow().clone();
    if matches!(action, Value::None) {
        return Ok(());
    }
    let bytes = super::wire::dumps(it, &action)?;
    *x.action_pickle.borrow_mut() = Some(bytes);
    Ok(())
}

/// In a child that was handed the Barrier `v` by pickle: its action is to be unpickled here, as
/// CPython's child does (so a function is the child's own module's), not the parent's object
/// this process's memory still holds.
pub fn unpickled_in_child(v: &Value) {
    if let Value::Instance(inst) = v
        && let Some(x) = barrier_of(inst)
        && x.action_pickle.borrow().is_some()
    {
        *x.action.borrow_mut() = Value::None;
    }
}

fn barrier_of(inst: &Instance) -> Option<Rc<BarrierObj>> {
    inst.native
        .borrow()
        .as_ref()?
        .downcast_ref::<Rc<BarrierObj>>()
        .cloned()
}

/// The action to run: unpickled on first use in a process the Barrier was handed to.
fn action_of(it: &mut Interp, b: &BarrierObj) -> R {
    let pending = b.action_pickle.borrow().clone();
    if matches!(*b.action.borrow(), Value::None)
        && let Some(bytes) = pending
    {
        let f = super::wire::loads(it, &bytes)?;
        *b.action.borrow_mut() = f;
    }
    Ok(b.action.borrow().clone())
}

fn barrier_wait(it: &mut Interp, a: Args) -> R {
    let b: Rc<BarrierObj> = this(&a, "Barrier")?;
    let [timeout] = Sig::py("Barrier.wait", &["timeout"], 0).method().bind(&a)?;
    let timeout = match timeout {
        None | Some(Value::None) => b.timeout,
        v => deadline_of(v.cloned())?,
    };
    b.cond.lock.acquire_in(it, true, None)?;
    let r = barrier_wait_locked(it, &b, timeout);
    b.cond.lock.release()?;
    r
}

fn barrier_wait_locked(it: &mut Interp, b: &BarrierObj, timeout: Option<f64>) -> R {
    // Block while the barrier drains or resets.
    while matches!(b.state(), DRAINING | RESETTING) {
        wait_on(it, &b.cond, None, &b.label)?;
    }
    if b.state() < 0 {
        return Err(broken_error());
    }
    let index = b.count();
    b.add_count(1);
    let r = if index + 1 == b.parties {
        // The last one in: run the action, then release everyone.
        let done = match action_of(it, b) {
            Ok(Value::None) => Ok(Value::None),
            Ok(action) => it.call(&action, Args::default()),
            Err(e) => Err(e),
        };
        match done {
            Ok(_) => {
                b.set_state(DRAINING);
                op(b.id, Op::Released, Some(format!("{} parties", b.parties)));
                notify(&b.cond, i64::MAX)
            }
            Err(e) => {
                b.brk()?;
                Err(e)
            }
        }
    } else if let (None, Some(t)) = (timeout, &b.bad_timeout) {
        // The Barrier's own timeout is no number: CPython's `_wait` fails adding it to the
        // clock, and its `finally` counts this party out (the barrier is not broken).
        Err(type_error(format!(
            "unsupported operand type(s) for +: 'float' and '{t}'"
        )))
    } else {
        let end = timeout.map(|t| runtime::clock::now_secs() + t);
        let mut ok = true;
        // An exception from the wait (a signal handler's) leaves the barrier as CPython's
        // `finally` does: this party counted out, the barrier not broken.
        let mut raised = None;
        while b.state() == FILLING {
            let wait = match end {
                Some(e) => {
                    let left = e - runtime::clock::now_secs();
                    if left <= 0.0 {
                        ok = false;
                        break;
                    }
                    Some(left)
                }
                None => None,
            };
            if let Err(e) = wait_on(it, &b.cond, wait, &b.label) {
                raised = Some(e);
                break;
            }
        }
        if let Some(e) = raised {
            Err(e)
        } else if !ok {
            b.brk()?;
            Err(broken_error())
        } else if b.state() < 0 {
            Err(broken_error())
        } else {
            Ok(())
        }
    };
    b.add_count(-1);
    if b.count() == 0 && matches!(b.state(), DRAINING | RESETTING) {
        b.set_state(FILLING);
        notify(&b.cond, i64::MAX)?;
    }
    r.map(|_| Value::Int(index))
}

fn barrier_reset(_: &mut Interp, a: Args) -> R {
    let b: Rc<BarrierObj> = this(&a, "Barrier")?;
    Sig::py("Barrier.reset", &[], 0).method().bind::<0>(&a)?;
    b.cond.lock.acquire(true, None);
    if b.count() > 0 {
        if matches!(b.state(), FILLING | BROKEN) {
            b.set_state(RESETTING);
        }
    } else {
        b.set_state(FILLING);
    }
    let r = notify(&b.cond, i64::MAX);
    b.cond.lock.release()?;
    r.map(|_| Value::None)
}

fn barrier_abort(_: &mut Interp, a: Args) -> R {
    let b: Rc<BarrierObj> = this(&a, "Barrier")?;
    Sig::py("Barrier.abort", &[], 0).method().bind::<0>(&a)?;
    b.cond.lock.acquire(true, None);
    let r = b.brk();
    b.cond.lock.release()?;
    r.map(|_| Value::None)
}

fn barrier_attr(b: &BarrierObj, name: &str) -> Option<Value> {
    Some(match name {
        "parties" => Value::Int(b.parties),
        "n_waiting" => Value::Int(if b.state() == FILLING { b.count() } else { 0 }),
        "broken" => Value::Bool(b.state() == BROKEN),
        _ => return None,
    })
}

/// `parties`, `n_waiting`, `broken` of a Barrier.
fn get_attr(_: &mut Interp, inst: &Rc<Instance>, name: &str) -> Result<Option<Value>, Exc> {
    Ok(payload::<Rc<BarrierObj>>(&Value::Instance(inst.clone()))
        .and_then(|b| barrier_attr(&b, name)))
}

// ---- the kinds' hooks (`native_object`) --------------------------------------------------------

impl NativeObject for Rc<SemLock> {
    fn shared_kind(&self) -> Option<&'static str> {
        Some(self.kind.name())
    }

    fn trace_id(&self) -> Option<u32> {
        Some(self.id)
    }

    fn slots(&self) -> &'static Slots {
        static SLOTS: Slots = Slots {
            repr: Some(semlock_repr),
            ..Slots::NONE
        };
        &SLOTS
    }
}

impl NativeObject for Rc<CondObj> {
    fn shared_kind(&self) -> Option<&'static str> {
        Some("Condition")
    }

    fn trace_id(&self) -> Option<u32> {
        Some(self.id)
    }

    fn slots(&self) -> &'static Slots {
        static SLOTS: Slots = Slots {
            repr: Some(cond_repr),
            ..Slots::NONE
        };
        &SLOTS
    }
}

impl NativeObject for Rc<EventObj> {
    fn shared_kind(&self) -> Option<&'static str> {
        Some("Condition")
    }

    fn trace_id(&self) -> Option<u32> {
        Some(self.id)
    }

    fn slots(&self) -> &'static Slots {
        static SLOTS: Slots = Slots {
            repr: Some(event_repr),
            ..Slots::NONE
        };
        &SLOTS
    }
}

/// CPython 3.11's `Event.__repr__`: `<Event at 0x... set>` (or `unset`).
fn event_repr(_: &mut Interp, inst: &Rc<Instance>) -> Result<Option<String>, Exc> {
    let v = Value::Instance(inst.clone());
    let Some(e) = payload::<Rc<EventObj>>(&v) else {
        return Ok(None);
    };
    let at = v.ptr().unwrap_or(0);
    let status = if e.flag.is_set() { "set" } else { "unset" };
    Ok(Some(format!("<{} at 0x{at:x} {status}>", inst.class.name)))
}

impl NativeObject for Rc<BarrierObj> {
    fn shared_kind(&self) -> Option<&'static str> {
        Some("Condition")
    }

    fn trace_id(&self) -> Option<u32> {
        Some(self.id)
    }

    fn slots(&self) -> &'static Slots {
        static SLOTS: Slots = Slots {
            attr: Some(get_attr),
            repr: Some(barrier_repr),
            ..Slots::NONE
        };
        &SLOTS
    }
}

/// `repr` of a Lock, RLock, Semaphore or BoundedSemaphore.
fn semlock_repr(it: &mut Interp, inst: &Rc<Instance>) -> Result<Option<String>, Exc> {
    let l = payload::<Rc<SemLock>>(&Value::Instance(inst.clone()));
    Ok(l.map(|l| l.repr(it)))
}

/// `repr` of a Condition.
fn cond_repr(it: &mut Interp, inst: &Rc<Instance>) -> Result<Option<String>, Exc> {
    let Some(c) = payload::<Rc<CondObj>>(&Value::Instance(inst.clone())) else {
        return Ok(None);
    };
    Ok(Some(format!(
        "<Condition({}, {})>",
        c.lock.repr(it),
        c.sleepers()
    )))
}

/// `repr` of a Barrier.
fn barrier_repr(_: &mut Interp, inst: &Rc<Instance>) -> Result<Option<String>, Exc> {
    let v = Value::Instance(inst.clone());
    let Some(b) = payload::<Rc<BarrierObj>>(&v) else {
        return Ok(None);
    };
    let at = v.ptr().unwrap_or(0);
    Ok(Some(if b.state() == BROKEN {
        format!("<multiprocessing.synchronize.Barrier at 0x{at:x}: broken>")
    } else {
        let waiting = if b.state() == FILLING { b.count() } else { 0 };
        format!(
            "<multiprocessing.synchronize.Barrier at 0x{at:x}: waiters={waiting}/{}>",
            b.parties
        )
    }))
}
