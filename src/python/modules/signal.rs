//! `signal`: Python handlers for real signals, as CPython runs them, and `os.kill` within a run.
//!
//! The OS side (`runtime::signals`) only notes that a signal came. [`run_pending`] calls the Python
//! handlers for the noted signals; the interpreter calls it before each statement (CPython runs
//! handlers between bytecodes of the main thread), and a blocking wait (`time.sleep`,
//! `signal.pause`) returns early to call it, then, if the handler returned, waits for the time
//! left (PEP 475). A handler that raises ends the wait with its exception.
//!
//! The handler table is per process (a thread-local: one interpreter per lesson process), copied
//! by `fork` like the rest of the interpreter, as CPython's children inherit their parent's
//! handlers. That is why a Pool initializer that ignores SIGINT matters: without it every worker
//! inherits `default_int_handler` and raises `KeyboardInterrupt` at Ctrl-C.

use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::make_module;
use crate::python::ast::BinOp;
use crate::python::exceptions::{self, Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Instance, Namespace, NativeFn, NativeKind, PyStr, Value};
use crate::runtime;
use crate::runtime::signals::{Disposition, NAMES, NSIG};

type R = Result<Value, Exc>;

/// The value of a `Signals` or `Handlers` member (an `IntEnum` member in CPython).
struct Member {
    value: i64,
}

impl crate::python::native_object::NativeObject for Member {}

struct Enums {
    signals: Rc<Class>,
    handlers: Rc<Class>,
    /// `Signals` members by number.
    by_number: HashMap<i64, Value>,
    sig_dfl: Value,
    sig_ign: Value,
    default_int_handler: Value,
}

/// Made once per interpreter (`per_interp`): a spawned child's derive from its own `object`.
static ENUMS: crate::python::builtin_classes::InterpSlot<Rc<Enums>> =
    crate::python::builtin_classes::InterpSlot::new();

thread_local! {
    /// The Python-level handler of each signal a program set (`signal.signal`); others have
    /// their startup handler ([`startup_handler`]).
    static HANDLERS: RefCell<HashMap<i32, Value>> = RefCell::new(HashMap::new());
}

fn enums() -> Rc<Enums> {
    crate::python::builtin_classes::per_interp(&ENUMS, || Rc::new(make_enums()))
}

fn member_class(name: &str) -> Rc<Class> {
    let cls = exceptions::make_class(
        name,
        "signal",
        vec![crate::python::builtin_classes::object()],
        Namespace::default(),
        Some(NativeKind::Other),
    )
    .expect("one base");
    let methods: &[(&str, NativeFn)] = &[
        ("__new__", member_new),
        ("__repr__", member_repr),
        ("__str__", member_str),
        ("__int__", member_int),
        ("__index__", member_int),
        ("__hash__", member_int),
        ("__eq__", member_eq),
        ("__neg__", member_neg),
        ("__add__", member_add),
        ("__radd__", member_add),
        ("__sub__", member_sub),
    ];
    {
        let mut attrs = cls.attrs.borrow_mut();
        for (n, f) in methods {
            attrs.insert(PyStr::from(*n), Value::builtin(n, *f));
        }
    }
    cls
}

fn member(cls: &Rc<Class>, name: &str, value: i64) -> Value {
    let inst = Instance {
        class: cls.clone(),
        attrs: Default::default(),
        native: RefCell::new(Some(Box::new(Member { value }))),
    };
    {
        let mut attrs = inst.attrs.borrow_mut();
        attrs.insert(PyStr::from("name"), Value::str(name));
        attrs.insert(PyStr::from("value"), Value::Int(value));
        attrs.insert(PyStr::from("_name_"), Value::str(name));
        attrs.insert(PyStr::from("_value_"), Value::Int(value));
    }
    let v = Value::Instance(Rc::new(inst));
    cls.attrs.borrow_mut().insert(PyStr::from(name), v.clone());
    crate::python::inline_cache::classes_changed();
    v
}

fn make_enums() -> Enums {
    let signals = member_class("Signals");
    let handlers = member_class("Handlers");
    let by_number = NAMES
        .iter()
        .map(|(name, n)| (*n as i64, member(&signals, name, *n as i64)))
        .collect();
    let sig_dfl = member(&handlers, "SIG_DFL", 0);
    let sig_ign = member(&handlers, "SIG_IGN", 1);
    Enums {
        signals,
        handlers,
        by_number,
        sig_dfl,
        sig_ign,
        default_int_handler: Value::builtin("default_int_handler", default_int_handler),
    }
}

/// The number a `Signals`/`Handlers` member stands for.
fn member_value(v: &Value) -> Option<i64> {
    let Value::Instance(i) = v else { return None };
    let n = i.native.borrow();
    n.as_ref()
        .and_then(|b| b.downcast_ref::<Member>())
        .map(|m| m.value)
}

fn self_value(a: &Args) -> i64 {
    a.pos.first().and_then(member_value).unwrap_or(0)
}

fn class_name(a: &Args) -> String {
    match a.pos.first() {
        Some(Value::Instance(i)) => i.class.name.to_string(),
        _ => "Signals".into(),
    }
}

fn member_name(a: &Args) -> String {
    match a.pos.first() {
        Some(Value::Instance(i)) => match i.attrs.borrow().get("name") {
            Some(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

/// `Signals(15)`: the member for a number (CPython's enum lookup by value).
fn member_new(_: &mut Interp, a: Args) -> R {
    let e = enums();
    let cls = match a.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => e.signals.clone(),
    };
    let arg = a.pos.get(1).cloned().unwrap_or(Value::None);
    let n = match &arg {
        Value::Int(n) => Some(*n),
        other => member_value(other),
    };
    let found = n.and_then(|n| {
        if Rc::ptr_eq(&cls, &e.handlers) {
            [&e.sig_dfl, &e.sig_ign]
                .into_iter()
                .find(|m| member_value(m) == Some(n))
                .cloned()
        } else {
            e.by_number.get(&n).cloned()
        }
    });
    match found {
        Some(m) => Ok(m),
        None => {
            let shown = match &arg {
                Value::Str(s) => format!("'{s}'"),
                Value::Int(n) => n.to_string(),
                other => other.type_name().to_string(),
            };
            Err(value_error(format!("{shown} is not a valid {}", cls.name)))
        }
    }
}

fn member_repr(_: &mut Interp, a: Args) -> R {
    Ok(Value::str(&format!(
        "<{}.{}: {}>",
        class_name(&a),
        member_name(&a),
        self_value(&a)
    )))
}

/// `str(signal.SIGTERM)` is `'15'` in 3.11 (an IntEnum prints as its number).
fn member_str(_: &mut Interp, a: Args) -> R {
    Ok(Value::str(&self_value(&a).to_string()))
}

fn member_int(_: &mut Interp, a: Args) -> R {
    Ok(Value::Int(self_value(&a)))
}

fn member_eq(it: &mut Interp, a: Args) -> R {
    let me = Value::Int(self_value(&a));
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let other = member_value(&other).map_or(other, Value::Int);
    Ok(Value::Bool(it.eq(&me, &other)?))
}

fn member_neg(_: &mut Interp, a: Args) -> R {
    Ok(Value::Int(-self_value(&a)))
}

fn arith(it: &mut Interp, a: Args, op: BinOp) -> R {
    let me = Value::Int(self_value(&a));
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let other = member_value(&other).map_or(other, Value::Int);
    it.binop(op, &me, &other)
}

fn member_add(it: &mut Interp, a: Args) -> R {
    arith(it, a, BinOp::Add)
}

fn member_sub(it: &mut Interp, a: Args) -> R {
    arith(it, a, BinOp::Sub)
}

// ---- the module -------------------------------------------------------------------------------

pub fn module() -> Value {
    let e = enums();
    let mut values = vec![
        ("Signals", Value::Class(e.signals.clone())),
        ("Handlers", Value::Class(e.handlers.clone())),
        ("SIG_DFL", e.sig_dfl.clone()),
        ("SIG_IGN", e.sig_ign.clone()),
        ("NSIG", Value::Int(NSIG as i64)),
        ("default_int_handler", e.default_int_handler.clone()),
    ];
    for (name, n) in NAMES {
        values.push((name, e.by_number[&(*n as i64)].clone()));
    }
    make_module(
        "signal",
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("alarm", alarm),
            ("pause", pause),
            ("raise_signal", raise_signal),
            ("strsignal", strsignal),
        ],
        values,
    )
}

/// A signal number from an int or a `Signals` member.
fn signal_number(v: Option<&Value>, what: &str) -> Result<i32, Exc> {
    let n = match v {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(other) => member_value(other).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))
        })?,
        None => {
            return Err(type_error(format!(
                "{what} missing required argument 'signalnum'"
            )));
        }
    };
    if n < 1 || n >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// What `getsignal` says for a signal the program never set: CPython installs
/// `default_int_handler` for SIGINT and ignores SIGPIPE and SIGXFSZ at startup.
fn startup_handler(sig: i32) -> Value {
    let e = enums();
    match sig {
        libc::SIGINT => e.default_int_handler.clone(),
        libc::SIGPIPE | libc::SIGXFSZ => e.sig_ign.clone(),
        _ => e.sig_dfl.clone(),
    }
}

/// A spawned child is a fresh interpreter: as after CPython's `exec`, the parent's Python handlers
/// are gone (the signal goes back to its startup handling) while an ignored signal stays ignored.
pub fn forget_python_handlers() {
    let e = enums();
    let set: Vec<(i32, Value)> =
        HANDLERS.with(|h| h.borrow().iter().map(|(k, v)| (*k, v.clone())).collect());
    for (sig, handler) in set {
        if same(&handler, &e.sig_ign) || same(&handler, &e.sig_dfl) {
            continue;
        }
        if let Some(how) = disposition(&e, &startup_handler(sig)) {
            let _ = runtime::signals::set(sig, how);
        }
        HANDLERS.with(|h| h.borrow_mut().remove(&sig));
    }
}

fn handler_of(sig: i32) -> Value {
    HANDLERS
        .with(|h| h.borrow().get(&sig).cloned())
        .unwrap_or_else(|| startup_handler(sig))
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        (Value::Builtin(x), Value::Builtin(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

/// What the kernel is told for a Python-level handler (`None`: not a handler at all).
fn disposition(e: &Enums, handler: &Value) -> Option<Disposition> {
    if same(handler, &e.sig_ign) {
        Some(Disposition::Ignore)
    } else if same(handler, &e.sig_dfl) {
        Some(Disposition::Default)
    } else if callable(handler) {
        Some(Disposition::Catch)
    } else {
        None
    }
}

fn signal(_: &mut Interp, a: Args) -> R {
    let sig = signal_number(a.pos.first(), "signal()")?;
    let handler = a
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("signal() missing required argument 'handler' (pos 2)"))?;
    let Some(how) = disposition(&enums(), &handler) else {
        return Err(type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    };
    if let Err(err) = runtime::signals::set(sig, how) {
        let errno = err.raw_os_error().unwrap_or(libc::EINVAL);
        return Err(crate::python::exceptions_os::from_errno(errno, None));
    }
    let old = handler_of(sig);
    HANDLERS.with(|h| h.borrow_mut().insert(sig, handler));
    Ok(old)
}

fn getsignal(_: &mut Interp, a: Args) -> R {
    let sig = signal_number(a.pos.first(), "getsignal()")?;
    Ok(handler_of(sig))
}

fn default_int_handler(_: &mut Interp, _: Args) -> R {
    Err(Exc::with_args(ExcKind::KeyboardInterrupt, vec![]))
}

fn alarm(_: &mut Interp, a: Args) -> R {
    let secs = match a.pos.first() {
        Some(Value::Int(n)) if *n >= 0 => (*n).min(u32::MAX as i64) as u32,
        Some(Value::Int(_)) => {
            return Err(Exc::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            ));
        }
        Some(Value::Bool(b)) => *b as u32,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
        None => return Err(type_error("alarm() takes exactly one argument (0 given)")),
    };
    Ok(Value::Int(runtime::signals::alarm(secs) as i64))
}

fn pause(it: &mut Interp, _: Args) -> R {
    runtime::clock::pause();
    run_pending(it)?;
    Ok(Value::None)
}

fn raise_signal(it: &mut Interp, a: Args) -> R {
    let sig = signal_number(a.pos.first(), "raise_signal()")?;
    if let Err(err) = runtime::signals::raise(sig) {
        let errno = err.raw_os_error().unwrap_or(libc::EINVAL);
        return Err(crate::python::exceptions_os::from_errno(errno, None));
    }
    // CPython checks for signals before raise_signal returns: the handler has run by then.
    run_pending(it)?;
    Ok(Value::None)
}

fn strsignal(_: &mut Interp, a: Args) -> R {
    let sig = signal_number(a.pos.first(), "strsignal()")?;
    // SAFETY: strsignal returns a pointer to a static (or thread-local) string, copied at once.
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(Value::None);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    Ok(Value::str(&text))
}

/// Runs the Python handlers of the signals that came since the last call, lowest number first.
/// A handler's exception propagates (into the statement, or out of the wait, that was running);
/// the signals after it stay noted for the next check, as in CPython.
pub fn run_pending(it: &mut Interp) -> Result<(), Exc> {
    let pending = runtime::signals::take_pending();
    // A Pool's result arrived (its pipe raised SIGIO): the work of CPython's result-handler thread.
    if pending.contains(&libc::SIGIO) {
        super::pool::results_arrived(it)?;
    }
    let e = enums();
    for (i, &sig) in pending.iter().enumerate() {
        let handler = handler_of(sig);
        if same(&handler, &e.sig_dfl) || same(&handler, &e.sig_ign) {
            continue;
        }
        let args = Args::new(vec![Value::Int(sig as i64), Value::None]);
        if let Err(exc) = it.call(&handler, args) {
            for &later in &pending[i + 1..] {
                runtime::signals::renote(later);
            }
            return Err(exc);
        }
    }
    Ok(())
}

/// `time.sleep(secs)` with PEP 475's rule: a handler that returns lets the sleep go on for the
/// time left; one that raises ends it.
pub fn sleep(it: &mut Interp, secs: f64) -> Result<(), Exc> {
    let ns = runtime::clock::secs_to_ns(secs);
    if ns == 0 {
        return run_pending(it);
    }
    // CPython's feeder threads run while the main thread sleeps: what this process put goes out
    // (and an unpicklable item's traceback is printed) now, not after the sleep.
    super::queues::flush_pending();
    let until = runtime::clock::now_ns().saturating_add(ns);
    while !runtime::clock::sleep_until(until) {
        run_pending(it)?;
    }
    Ok(())
}

/// `os.kill(pid, sig)`: only to a process of this run (its children, its parent, its siblings);
/// any other pid is refused, since lesson programs cannot reach the machine.
pub fn os_kill(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("kill", "posix", &["pid", "signal"], 2)
        .tuple_form()
        .bind::<2>(&a)?;
    let pid = match &a.pos[0] {
        Value::Int(n) => *n,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    let sig = match &a.pos[1] {
        Value::Int(0) => 0,
        v => signal_number(Some(v), "kill()")?,
    };
    let raw = pid;
    let pid = i32::try_from(pid).unwrap_or(-1);
    if pid <= 0 || !runtime::signals::belongs_to_run(pid) {
        return Err(Exc::new(
            ExcKind::PermissionError,
            format!(
                "os.kill({}, {sig}): pid {} is not a process of this run; signals to other processes are not available in forkyard: lesson programs cannot reach the machine (signal this run's own processes: children, parent, siblings)",
                raw, raw
            ),
        ));
    }
    let name = process_name(it, pid);
    let sent = if sig == 0 {
        // SAFETY: signal 0 only checks that the process exists.
        if unsafe { libc::kill(pid, 0) } < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(())
        }
    } else {
        runtime::process::send_signal(pid, &name, sig)
    };
    if let Err(err) = sent {
        let errno = err.raw_os_error().unwrap_or(libc::ESRCH);
        return Err(crate::python::exceptions_os::from_errno(errno, None));
    }
    // A signal a process sends itself is delivered before kill() returns, and CPython runs its
    // handler before the next bytecode: within this statement, as its traceback shows.
    run_pending(it)?;
    Ok(Value::None)
}

/// The multiprocessing name of `pid` as this process knows it, for the trace.
fn process_name(it: &mut Interp, pid: i32) -> String {
    if pid == runtime::pid() {
        return it.process.name.to_string();
    }
    if let Some((name, ppid)) = &it.process.parent
        && *ppid == pid
    {
        return name.to_string();
    }
    for child in it.process.children.clone() {
        if let (Ok(Value::Int(p)), Ok(Value::Str(ref n))) =
            (it.getattr(&child, "pid"), it.getattr(&child, "name"))
            && p == pid as i64
        {
            return n.to_string();
        }
    }
    format!("process {pid}")
}
