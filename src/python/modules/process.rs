//! `multiprocessing.Process`: naming, `start` as a real fork of this interpreter, `join`,
//! `is_alive`, `exitcode`, `terminate`, `kill`, `daemon`, and the exit rules every process runs
//! when it reaches its end (SIGTERM to live daemonic children, then join the rest), as CPython's
//! `multiprocessing.process` and `util._exit_function` do.

use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::rc::Rc;

use crate::python::exceptions::{self, Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Instance, Namespace, NativeKind, Value};
use crate::runtime::{self, process::Forked};
use crate::trace::{AtExitAction, Ending, Event, Stream};

/// What a Process object knows about its process.
pub struct ProcState {
    pub name: PyStr,
    pub identity: Vec<u32>,
    /// Set explicitly, or inherited from the creating process.
    pub daemon: bool,
    /// The value last given to `daemon` (CPython keeps it as given: `p.daemon = 1` reads back 1).
    pub daemon_value: Option<Value>,
    pub target: Value,
    pub args: Vec<Value>,
    pub kwargs: Vec<(PyStr, Value)>,
    pub pid: Option<i32>,
    /// The pid of the process that created this object (only it may start and join it).
    pub parent_pid: i32,
    pub ending: Option<Ending>,
    /// This object stands for the process running this interpreter (`current_process()`).
    pub is_current: bool,
    pub closed: bool,
    /// A child the fork server forked for this process: its status comes from the server.
    pub served: Option<Rc<super::forkserver::Served>>,
    /// `sentinel` of a fork or spawn child: a pidfd, readable once the child has ended (a served
    /// child's sentinel is its status pipe, readable when the server reports the exit).
    pub pidfd: Option<std::os::fd::OwnedFd>,
}

impl crate::python::native_object::NativeObject for ProcState {
    fn slots(&self) -> &'static crate::python::native_object::Slots {
        static SLOTS: crate::python::native_object::Slots = crate::python::native_object::Slots {
            attr: Some(get_attr),
            set_attr: Some(set_attr),
            repr: Some(repr),
            ..crate::python::native_object::Slots::NONE
        };
        &SLOTS
    }
}

/// The native payload of a Process instance.
pub fn state(inst: &Instance) -> Option<std::cell::RefMut<'_, ProcState>> {
    let n = inst.native.borrow_mut();
    std::cell::RefMut::filter_map(n, |b| {
        b.as_mut().and_then(|x| x.downcast_mut::<ProcState>())
    })
    .ok()
}

fn this(a: &Args) -> Result<Rc<Instance>, Exc> {
    this_first_reading(a, "_closed")
}

/// The Process object a method was called on. One whose class's `__init__` did not call
/// `super().__init__()` has none of BaseProcess's attributes: CPython's method fails on the first
/// one it reads (`_closed` for most, `_popen` in `close`, `_target` in `run`).
fn this_first_reading(a: &Args, attr: &str) -> Result<Rc<Instance>, Exc> {
    match a.pos.first() {
        Some(Value::Instance(i)) if state(i).is_some() => Ok(i.clone()),
        Some(Value::Instance(i)) => Err(Exc::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute '{attr}'", i.class.name),
        )),
        _ => Err(type_error(
            "Process method called on something that is not a Process",
        )),
    }
}

fn assertion(msg: &str) -> Exc {
    Exc::with_args(ExcKind::AssertionError, vec![Value::str(msg)])
}

fn kwarg(a: &Args, name: &str) -> Option<Value> {
    a.kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

/// The class `multiprocessing.process.BaseProcess`, with its methods as natives: CPython's base of
/// `Process`, of the start methods' `ForkProcess`/`SpawnProcess`/`ForkServerProcess` and of
/// `_MainProcess`.
pub fn base_process_class() -> Rc<Class> {
    let mut attrs = Namespace::default();
    let methods: &[(&str, crate::python::value::NativeFn)] = &[
        ("__init__", init),
        ("start", start),
        ("run", run),
        ("join", join),
        ("is_alive", is_alive),
        ("terminate", terminate),
        ("kill", kill),
        ("close", close),
    ];
    for (n, f) in methods {
        attrs.insert(PyStr::from(*n), Value::builtin(n, *f));
    }
    exceptions::make_class(
        "BaseProcess",
        "multiprocessing.process",
        vec![crate::python::builtin_classes::object()],
        attrs,
        Some(NativeKind::Process),
    )
    .expect("one base")
}

/// `Process(group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None)`.
fn init(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let Some(Value::Instance(ref inst)) = a.pos.first().cloned() else {
        return Err(type_error("Process.__init__ needs self"));
    };
    const INIT: Sig = Sig::py(
        "BaseProcess.__init__",
        &["group", "target", "name", "args", "kwargs", "daemon"],
        0,
    )
    .kwonly(1)
    .method();
    let [group, target, name, args, kwargs, daemon] = INIT.bind(&a)?;
    let vals: Vec<Value> = [group, target, name, args, kwargs]
        .iter()
        .map(|v| v.cloned().unwrap_or(Value::None))
        .collect();
    let daemon = daemon.cloned();
    if !matches!(vals[0], Value::None) {
        return Err(assertion("group argument must be None for now"));
    }
    it.process.counter += 1;
    let mut identity = it.process.identity.clone();
    identity.push(it.process.counter);
    // CPython: `name or type(self).__name__ + '-' + ...`, so an empty name is the default too.
    let name: PyStr = match &vals[2] {
        Value::None | Value::Bool(false) => {
            let ids: Vec<String> = identity.iter().map(|i| i.to_string()).collect();
            PyStr::from(format!("{}-{}", inst.class.name, ids.join(":")))
        }
        Value::Str(s) if s.is_empty() => {
            let ids: Vec<String> = identity.iter().map(|i| i.to_string()).collect();
            PyStr::from(format!("{}-{}", inst.class.name, ids.join(":")))
        }
        v => PyStr::from(it.str_of(v)?),
    };
    // CPython's `tuple(args)` and `dict(kwargs)`: None is refused as any other non-iterable.
    let args = match args {
        None => vec![],
        Some(v) => it.collect(v)?,
    };
    let kwargs = match kwargs {
        None => Value::None,
        Some(v @ Value::Dict(_)) => v.clone(),
        Some(other) => {
            let dict = Value::Class(crate::python::builtin_classes::builtin_type("dict"));
            it.call(&dict, Args::new(vec![other.clone()]))?
        }
    };
    let kwargs = match &kwargs {
        Value::None => vec![],
        Value::Dict(d) => d
            .borrow()
            .map
            .values()
            .map(|(k, v)| match k {
                Value::Str(s) => Ok((s.clone(), v.clone())),
                _ => Err(type_error("keywords must be strings")),
            })
            .collect::<Result<_, _>>()?,
        other => {
            return Err(type_error(format!(
                "kwargs must be a dict, not {}",
                other.type_name()
            )));
        }
    };
    let (daemon, daemon_value) = match daemon {
        Some(Value::None) | None => (it.process.daemon, None),
        Some(v) => (it.truthy(&v)?, Some(v)),
    };
    let st = ProcState {
        name,
        identity,
        daemon,
        daemon_value,
        target: vals[1].clone(),
        args,
        kwargs,
        pid: None,
        parent_pid: runtime::state::pid(),
        ending: None,
        is_current: false,
        closed: false,
        served: None,
        pidfd: None,
    };
    *inst.native.borrow_mut() = Some(Box::new(st));
    Ok(Value::None)
}

fn check_open(st: &ProcState) -> Result<(), Exc> {
    if st.closed {
        Err(value_error("process object is closed"))
    } else {
        Ok(())
    }
}

fn start(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let inst = this(&a)?;
    let obj = Value::Instance(inst.clone());
    let (name, daemon) = {
        let st = state(&inst).expect("checked");
        check_open(&st)?;
        if st.pid.is_some() || st.is_current {
            return Err(assertion("cannot start a process twice"));
        }
        if st.parent_pid != runtime::state::pid() {
            return Err(assertion(
                "can only start a process object created by current process",
            ));
        }
        (st.name.clone(), st.daemon)
    };
    if it.process.daemon {
        return Err(assertion(
            "daemonic processes are not allowed to have children",
        ));
    }
    if it.process.no_fork {
        return Err(Exc::new(
            ExcKind::RuntimeError,
            "this in-process run may not start processes",
        ));
    }
    cleanup(it);
    let spawning = match super::context::start_method_of(it, &inst.class) {
        "fork" => None,
        "spawn" => Some(super::spawn::prepare(it, &inst)?),
        _ => {
            let (pid, served) = super::forkserver::start(it, &inst, &name, daemon)?;
            {
                let mut st = state(&inst).expect("checked");
                st.pid = Some(pid);
                st.served = Some(served);
            }
            it.process.children.push(obj);
            return Ok(Value::None);
        }
    };
    match runtime::process::fork(&name, daemon) {
        Err(e) => Err(Exc::new(ExcKind::RuntimeError, e.to_string())),
        Ok(Forked::Parent { pid }) => {
            // SAFETY: a pidfd just opened, owned by nobody else.
            let pidfd = runtime::process::pidfd_open(pid)
                .map(|fd| unsafe { std::os::fd::FromRawFd::from_raw_fd(fd) });
            let mut st = state(&inst).expect("checked");
            st.pid = Some(pid);
            st.pidfd = pidfd;
            drop(st);
            it.process.children.push(obj);
            Ok(Value::None)
        }
        Ok(Forked::Child) if spawning.is_some() => {
            let identity = state(&inst).expect("checked").identity.clone();
            let who = super::spawn::Identity {
                name,
                identity,
                daemon,
            };
            let spawning = spawning.expect("matched");
            let parent = (it.process.name.clone(), runtime::state::parent_pid());
            let code = super::spawn::run_child(it, spawning, who, parent);
            runtime::process::exit_process(code)
        }
        Ok(Forked::Child) => {
            let parent = (it.process.name.clone(), runtime::state::parent_pid());
            let identity = state(&inst).expect("checked").identity.clone();
            {
                let mut st = state(&inst).expect("checked");
                st.pid = Some(runtime::state::pid());
                st.is_current = true;
            }
            it.process.name = name.clone();
            it.process.identity = identity;
            it.process.counter = 0;
            it.process.daemon = daemon;
            it.process.this = Some(obj.clone());
            it.process.parent = Some(parent);
            it.process.children.clear();
            it.handling.clear();
            // Its stack, as CPython's forked child has it: the parent's frames, then `start`
            // down to `_bootstrap` (a context's own class skips the default context's `_Popen`).
            let own_context = matches!(&obj, Value::Instance(i)
                if super::context::own_start_method(&i.class).is_some());
            let below: Vec<_> = super::cpython_frames::FORKED_CHILD
                .into_iter()
                .filter(|f| {
                    !(own_context && std::ptr::eq(*f, &super::cpython_frames::DEFAULT_POPEN))
                })
                .collect();
            it.enter_library_frames(&below);
            let code = bootstrap(it, &obj, &name);
            runtime::process::exit_process(code)
        }
    }
}

/// What a forked child does: `run()`, the exit rules, and the exit code CPython would give.
pub(super) fn bootstrap(it: &mut Interp, obj: &Value, name: &str) -> i32 {
    // CPython's `_bootstrap` forces the start method of the object's context in the child (a
    // `ForkServerProcess` child says `forkserver`, whatever its parent's default was).
    if let Value::Instance(inst) = obj
        && let Some(m) = super::context::own_start_method(&inst.class)
    {
        it.process.start_method = Some(m);
    }
    super::mp_log::log(it, "info", "child process calling self.run()", vec![]);
    let result = it.call_method(obj, "run", vec![]);
    run_exit_rules(it);
    let code = match result {
        Ok(_) => 0,
        Err(e) if e.is(ExcKind::SystemExit) => exit_code_of(it, &e),
        Err(e) => {
            // In CPython the child's traceback always starts in multiprocessing's own frames.
            super::cpython_frames::push(&e, &super::cpython_frames::BOOTSTRAP);
            let tb = it.format_exception(&e);
            runtime::output::write(Stream::Stderr, &format!("Process {name}:\n{tb}"));
            1
        }
    };
    let exiting = format!("process exiting with exitcode {code}");
    super::mp_log::log(it, "info", &exiting, vec![]);
    code
}

/// The exit code of a `SystemExit`: `sys.exit()` -> 0, `sys.exit(n)` -> n, `sys.exit("msg")`
/// prints the message and gives 1.
/// The exit status of the main program ended by `e`. CPython's top level sees the raw value
/// `sys.exit` was given: a tuple there is printed and exits with status 1 (`sys.exit((5,))`), where
/// a child's bootstrap, which catches the exception, exits with status 5.
pub fn main_exit_code_of(it: &mut Interp, e: &Exc) -> i32 {
    if let Some(t) = e.exit_tuple() {
        let text = it.str_of(&t).unwrap_or_default();
        runtime::output::write(Stream::Stderr, &format!("{text}\n"));
        return 1;
    }
    exit_code_of(it, e)
}

pub fn exit_code_of(it: &mut Interp, e: &Exc) -> i32 {
    match e.args().first() {
        None | Some(Value::None) => 0,
        Some(Value::Int(n)) => *n as i32,
        Some(Value::Bool(b)) => *b as i32,
        // CPython's PyLong_AsLong overflows to -1, which exits with status 255, silently.
        Some(Value::BigInt(_)) => -1,
        Some(other) => {
            let text = it.str_of(other).unwrap_or_default();
            runtime::output::write(Stream::Stderr, &format!("{text}\n"));
            1
        }
    }
}

fn run(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let inst = this_first_reading(&a, "_target")?;
    let (target, args, kwargs) = {
        let st = state(&inst).expect("checked");
        (st.target.clone(), st.args.clone(), st.kwargs.clone())
    };
    if !matches!(target, Value::None) {
        // The target runs above `run`, as in CPython.
        let mark = it.enter_library_frames(&[&super::cpython_frames::RUN]);
        let r = it.call(
            &target,
            Args {
                pos: args,
                kw: kwargs,
            },
        );
        it.leave_library_frames(mark);
        r.inspect_err(|e| super::cpython_frames::push(e, &super::cpython_frames::RUN))?;
    }
    Ok(Value::None)
}

/// `join(timeout)`: CPython's `connection.wait` adds the timeout to the clock, so a bool counts
/// as an int and a wrong type is that addition's TypeError.
fn timeout_arg(_: &mut Interp, v: Option<Value>) -> Result<Option<f64>, Exc> {
    super::sync::deadline_of(v)
}

fn join(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let inst = this(&a)?;
    let timeout = timeout_arg(it, a.pos.get(1).cloned().or_else(|| kwarg(&a, "timeout")))?;
    let (pid, name) = {
        let st = state(&inst).expect("checked");
        check_open(&st)?;
        if st.parent_pid != runtime::state::pid() || st.is_current {
            return Err(assertion("can only join a child process"));
        }
        let Some(pid) = st.pid else {
            return Err(assertion("can only join a started process"));
        };
        if st.ending.is_some() {
            return Ok(Value::None);
        }
        (pid, st.name.clone())
    };
    let deadline =
        timeout.map(|t| runtime::clock::now_ns().saturating_add(runtime::clock::secs_to_ns(t)));
    // A signal handler runs while the join waits (KeyboardInterrupt at Ctrl-C ends it); the join
    // then goes on to the same deadline, as CPython's does.
    loop {
        match wait_ending(&inst, pid, &name, deadline) {
            Ok(Some(ending)) => {
                finished(it, &inst, ending);
                break;
            }
            Ok(None) => break,
            Err(runtime::process::Interrupted) => super::signal::run_pending(it)?,
        }
    }
    Ok(Value::None)
}

/// [`runtime::process::wait_child_or_signal`] for a child of this process, or the status the
/// fork server sends for one it forked.
fn wait_ending(
    inst: &Instance,
    pid: i32,
    name: &str,
    deadline: Option<u64>,
) -> Result<Option<Ending>, runtime::process::Interrupted> {
    let served = state(inst).and_then(|st| st.served.clone());
    match served {
        Some(s) => super::forkserver::wait(&s, name, deadline),
        None => runtime::process::wait_child_or_signal(pid, name, deadline),
    }
}

/// Record how a child ended and forget it as a live child.
fn finished(it: &mut Interp, inst: &Rc<Instance>, ending: Ending) {
    state(inst).expect("a Process").ending = Some(ending);
    it.process
        .children
        .retain(|c| !matches!(c, Value::Instance(i) if Rc::ptr_eq(i, inst)));
}

/// Poll a child without blocking: its ending if it has ended (reaping it).
fn poll(it: &mut Interp, inst: &Rc<Instance>) -> Option<Ending> {
    let (pid, name, ending, mine, served) = {
        let st = state(inst)?;
        (
            st.pid,
            st.name.clone(),
            st.ending,
            st.parent_pid == runtime::state::pid() && !st.is_current,
            st.served.clone(),
        )
    };
    if ending.is_some() {
        return ending;
    }
    let pid = pid?;
    if !mine {
        return None;
    }
    let ending = match served {
        Some(s) => super::forkserver::poll(&s)?,
        None => runtime::process::try_reap(pid, &name)?,
    };
    finished(it, inst, ending);
    Some(ending)
}

fn is_alive(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let inst = this(&a)?;
    {
        let st = state(&inst).expect("checked");
        check_open(&st)?;
        if st.is_current {
            return Ok(Value::Bool(true));
        }
        if &*inst.class.name == "_ParentProcess" {
            // CPython waits on the parent's sentinel with no timeout: alive while it runs.
            return Ok(Value::Bool(parent_alive(st.pid)));
        }
        if st.parent_pid != runtime::state::pid() {
            return Err(assertion("can only test a child process"));
        }
        if st.pid.is_none() {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(poll(it, &inst).is_none()))
}

/// Whether the process that made this one (`parent_process()`) still runs: it is still our
/// parent (fork, spawn), or, for a child the fork server made, it can still be signalled.
fn parent_alive(pid: Option<i32>) -> bool {
    let Some(pid) = pid else {
        return false;
    };
    // SAFETY: getppid and kill with signal 0 only ask; they change nothing.
    unsafe { libc::getppid() == pid || libc::kill(pid, 0) == 0 }
}

fn signal(it: &mut Interp, a: Args, sig: i32) -> Result<Value, Exc> {
    let inst = this(&a)?;
    let method = if sig == libc::SIGKILL {
        "kill"
    } else {
        "terminate"
    };
    // CPython signals through the object's `_popen`, which only the process that started it has:
    // a Process not started, the current process (even in the child it describes), the main
    // process object and the parent stand-in all have `_popen = None`.
    let no_popen = || {
        Exc::new(
            ExcKind::AttributeError,
            format!("'NoneType' object has no attribute '{method}'"),
        )
    };
    {
        let st = state(&inst).expect("checked");
        check_open(&st)?;
        let stand_in = matches!(&*inst.class.name, "_MainProcess" | "_ParentProcess");
        if st.pid.is_none() || st.is_current || stand_in {
            return Err(no_popen());
        }
    }
    if poll(it, &inst).is_some() {
        return Ok(Value::None);
    }
    let (pid, name) = {
        let st = state(&inst).expect("checked");
        (st.pid.ok_or_else(no_popen)?, st.name.clone())
    };
    // A child that has already gone (but is not reaped) makes kill() fail with ESRCH; CPython
    // ignores that too.
    let _ = runtime::process::send_signal(pid, &name, sig);
    Ok(Value::None)
}

fn terminate(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    signal(it, a, libc::SIGTERM)
}

fn kill(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    signal(it, a, libc::SIGKILL)
}

fn close(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let inst = this_first_reading(&a, "_popen")?;
    // CPython's `_MainProcess.close` does nothing.
    if &*inst.class.name == "_MainProcess" {
        return Ok(Value::None);
    }
    // Only a started child still running is refused: the object a child has of itself, which
    // has no Popen there, closes.
    let started = {
        let st = state(&inst).expect("checked");
        st.pid.is_some() && !st.is_current
    };
    if started && poll(it, &inst).is_none() {
        return Err(value_error(
            "Cannot close a process while it is still running. You should first call join() or terminate().",
        ));
    }
    let mut st = state(&inst).expect("checked");
    st.closed = true;
    // CPython's close() closes the sentinel with the rest of the Popen object.
    st.pidfd = None;
    st.served = None;
    Ok(Value::None)
}

/// Reap children that have ended (CPython's `_cleanup`).
pub fn cleanup(it: &mut Interp) {
    let children = it.process.children.clone();
    for c in children {
        if let Value::Instance(ref i) = c {
            poll(it, i);
        }
    }
}

/// `active_children()`: started children still running, after reaping the finished ones.
pub fn active_children(it: &mut Interp) -> Vec<Value> {
    cleanup(it);
    it.process.children.clone()
}

/// The exit rules of a process that reached its end: SIGTERM every live daemonic child, then join
/// every remaining child. Each step is reported, so a viewer can say "main waits for Process-1 at
/// exit" or "Process-1 killed by SIGTERM at main's exit".
pub fn run_exit_rules(it: &mut Interp) {
    // First what the program asked to run at its end (an executor finishing its work), while its
    // workers are still there to do it.
    super::futures::run_exit_hooks(it);
    // multiprocessing's logger, as CPython's `util._exit_function` writes to it.
    super::mp_log::log(it, "info", "process shutting down", vec![]);
    let finalizers = "running all \"atexit\" finalizers with priority >= 0";
    super::mp_log::log(it, "debug", finalizers, vec![]);
    for c in active_children(it) {
        let Value::Instance(inst) = &c else { continue };
        let (pid, name, daemon) = {
            let Some(st) = state(inst) else { continue };
            (st.pid, st.name.clone(), st.daemon)
        };
        if let (Some(pid), true) = (pid, daemon) {
            let args = vec![Value::Str(name.clone())];
            super::mp_log::log(it, "info", "calling terminate() for daemon %s", args);
            runtime::emit(Event::AtExit {
                action: AtExitAction::Terminate,
                child: pid,
                child_name: name.to_string(),
            });
            let _ = runtime::process::send_signal(pid, &name, libc::SIGTERM);
        }
    }
    for c in active_children(it) {
        let Value::Instance(inst) = &c else { continue };
        let (pid, name, served) = {
            let Some(st) = state(inst) else { continue };
            (st.pid, st.name.clone(), st.served.clone())
        };
        if let Some(pid) = pid {
            let args = vec![Value::Str(name.clone())];
            super::mp_log::log(it, "info", "calling join() for process %s", args);
            runtime::emit(Event::AtExit {
                action: AtExitAction::Join,
                child: pid,
                child_name: name.to_string(),
            });
            let ending = match served {
                Some(s) => Some(super::forkserver::wait_at_exit(&s, &name)),
                None => runtime::process::wait_child(pid, &name, None),
            };
            if let Some(ending) = ending {
                finished(it, inst, ending);
            }
        }
    }
    // Then, as CPython's last finalizers join the queues' feeder threads: data this process put
    // goes into the pipes before it exits.
    super::mp_log::log(
        it,
        "debug",
        "running the remaining \"atexit\" finalizers",
        vec![],
    );
    super::queues::flush_at_exit();
}

/// Attributes that are properties in CPython: `pid`, `name`, `daemon`, `exitcode`, `ident`...
fn get_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str) -> Result<Option<Value>, Exc> {
    if state(inst).is_none() {
        return Ok(None);
    }
    if matches!(name, "exitcode" | "pid" | "ident") {
        // CPython's properties check first that the object is not closed.
        check_open(&state(inst).expect("checked"))?;
    }
    if name == "exitcode" {
        let (started, current) = {
            let st = state(inst).expect("checked");
            (st.pid.is_some(), st.is_current)
        };
        if !started || current {
            return Ok(Some(Value::None));
        }
        return Ok(Some(match poll(it, inst) {
            Some(e) => Value::Int(e.exitcode() as i64),
            None => Value::None,
        }));
    }
    let st = state(inst).expect("checked");
    Ok(Some(match name {
        "pid" | "ident" => st.pid.map(|p| Value::Int(p as i64)).unwrap_or(Value::None),
        "name" => Value::Str(st.name.clone()),
        "daemon" => st.daemon_value.clone().unwrap_or(Value::Bool(st.daemon)),
        "_identity" => Value::tuple(st.identity.iter().map(|i| Value::Int(*i as i64)).collect()),
        "_parent_pid" => Value::Int(st.parent_pid as i64),
        "_target" => st.target.clone(),
        "_args" => Value::tuple(st.args.clone()),
        "sentinel" => {
            check_open(&st)?;
            let fd = match (&st.served, &st.pidfd) {
                (Some(s), _) => super::forkserver::sentinel(s),
                (None, Some(fd)) => std::os::fd::AsRawFd::as_raw_fd(fd),
                (None, None) => return Err(value_error("process not started")),
            };
            Value::Int(fd as i64)
        }
        "authkey" => Value::Bytes(ThinRc::from(&b"forkyard"[..])),
        _ => return Ok(None),
    }))
}

/// Assignments with checks: `p.daemon = True` after start is an error; `p.name = ...` renames.
fn set_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str, v: &Value) -> Result<bool, Exc> {
    if state(inst).is_none() {
        return Ok(false);
    }
    match name {
        "daemon" => {
            let flag = it.truthy(v)?;
            let mut st = state(inst).expect("checked");
            if st.pid.is_some() || st.is_current {
                return Err(assertion("process has already started"));
            }
            st.daemon = flag;
            st.daemon_value = Some(v.clone());
            Ok(true)
        }
        "name" => {
            let Value::Str(s) = v else {
                return Err(assertion("name must be a string"));
            };
            state(inst).expect("checked").name = s.clone();
            if state(inst).expect("checked").is_current {
                it.process.name = s.clone();
            }
            Ok(true)
        }
        "pid" | "exitcode" | "ident" => Err(Exc::new(
            ExcKind::AttributeError,
            format!("property '{name}' of 'Process' object has no setter"),
        )),
        _ => Ok(false),
    }
}

/// CPython's `Process.__repr__`.
fn repr(it: &mut Interp, inst: &Rc<Instance>) -> Result<Option<String>, Exc> {
    let (cls, name, pid, parent, current, closed, daemon) = {
        let Some(st) = state(inst) else {
            return Ok(None);
        };
        (
            inst.class.name.clone(),
            st.name.clone(),
            st.pid,
            st.parent_pid,
            st.is_current,
            st.closed,
            st.daemon,
        )
    };
    let mut exitcode = None;
    let status = if current {
        "started"
    } else if closed {
        "closed"
    } else if parent != runtime::state::pid() {
        "unknown"
    } else if pid.is_none() {
        "initial"
    } else {
        exitcode = poll(it, inst).map(|e| e.exitcode());
        if exitcode.is_some() {
            "stopped"
        } else {
            "started"
        }
    };
    let is_main = &*cls == "_MainProcess";
    let mut info = vec![
        cls.to_string(),
        format!("name={}", crate::python::format::str_repr(&name)),
    ];
    // close() drops CPython's Popen, and the pid with it.
    if let (Some(p), false, false) = (pid, is_main, closed) {
        info.push(format!("pid={p}"));
    }
    if is_main {
        info.push("parent=None".into());
    } else {
        info.push(format!("parent={parent}"));
    }
    info.push(status.into());
    if let Some(code) = exitcode {
        if code < 0 {
            // CPython's `_exitcode_to_name`: minus the signal's name.
            info.push(format!(
                "exitcode=-{}",
                crate::trace::record::signal_name(-code)
            ));
        } else {
            info.push(format!("exitcode={code}"));
        }
    }
    if daemon {
        info.push("daemon".into());
    }
    Ok(Some(format!("<{}>", info.join(" "))))
}

/// The object `current_process()` returns in the main process.
pub fn main_process_object(it: &mut Interp, process_cls: &Rc<Class>) -> Value {
    let st = ProcState {
        name: it.process.name.clone(),
        identity: vec![],
        daemon: false,
        daemon_value: None,
        target: Value::None,
        args: vec![],
        kwargs: vec![],
        pid: Some(runtime::state::pid()),
        parent_pid: runtime::state::parent_pid(),
        ending: None,
        is_current: true,
        closed: false,
        served: None,
        pidfd: None,
    };
    stand_in("_MainProcess", process_cls, st)
}

/// The object `parent_process()` returns in a child: its name and pid.
pub fn parent_object(process_cls: &Rc<Class>, name: PyStr, pid: i32) -> Value {
    let st = ProcState {
        name,
        identity: vec![],
        daemon: false,
        daemon_value: None,
        target: Value::None,
        args: vec![],
        kwargs: vec![],
        pid: Some(pid),
        parent_pid: 0,
        ending: None,
        is_current: false,
        closed: false,
        served: None,
        pidfd: None,
    };
    stand_in("_ParentProcess", process_cls, st)
}

/// A Process object that stands for a process this one did not start (`_MainProcess`,
/// `_ParentProcess`, as CPython names their classes).
fn stand_in(class_name: &str, process_cls: &Rc<Class>, st: ProcState) -> Value {
    let cls = exceptions::make_class(
        class_name,
        "multiprocessing.process",
        vec![process_cls.clone()],
        Namespace::default(),
        None,
    )
    .expect("one base");
    Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: Default::default(),
        native: std::cell::RefCell::new(Some(Box::new(st))),
    }))
}
