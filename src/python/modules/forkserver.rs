//! The `forkserver` start method, as CPython 3.11 builds it on Linux (`forkserver.py`,
//! `popen_forkserver.py`).
//!
//! What a learner meets: the first `start()` in the context starts one server process (not a
//! `Process`: no name of that kind, not in `active_children()`); every child is forked by that
//! server, so `os.getppid()` in a child is the server's pid while `parent_process()` is the process
//! that asked. The child then does what a spawned child does (CPython runs `spawn._main` in it):
//! it imports the main program as `__mp_main__` (CPython 3.11's server preloads `__main__` in
//! name only: the server is given no `main_path`, so each child runs the top level, as under
//! spawn) and rebuilds its process object from what the parent pickled. The server reaps its
//! children and writes each one's exit status to the parent that asked, from which `join()`,
//! `is_alive()` and `exitcode` work; `terminate()` and `kill()` signal the real pid. The server
//! ends when its request pipe closes: when every process holding the write end (the main and the
//! children it forked afterwards) has ended.
//!
//! How forkyard builds it: the server is a fork of the asking process made at the first request
//! (its lane is `ForkServer`); it runs no Python, only a loop over its request pipe and its
//! children's pidfds. A request carries the serialized process object; the status pipe of the new
//! child travels through the run's fd broker. Primitives passed as arguments made before the
//! server started are the objects the server inherited when it was forked (the fork copies them,
//! the kernel objects behind them are shared); those made later (Lock, RLock, Semaphore,
//! BoundedSemaphore, Event, Condition, Value, Array, Queue, JoinableQueue, SimpleQueue) are
//! described, their fds (memfds, eventfds, pipe ends) go through the broker with the request, and
//! the child rebuilds them (`handover`), a Barrier with its action pickled. A Connection goes through
//! the broker as any Connection sent to another process.

use crate::python::exceptions::ExcKind;
use std::cell::{Cell, RefCell};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::rc::Rc;

use super::spawn::{self, Identity, Spawning};
use super::sync::os_error;
use crate::python::exceptions::Exc;
use crate::python::interp::Interp;
use crate::python::value::{Instance, PyStr, Value};
use crate::runtime::process::{Forked, Interrupted};
use crate::runtime::sync::{Channel, Recv};
use crate::runtime::{self, broker};
use crate::trace::{Ending, Event, State};

/// The server's lane in the timeline.
pub const SERVER_NAME: &str = "ForkServer";

/// The broker's keys of status pipes on their way to the server start with this.
const KEY_PREFIX: &str = "forkserver/";

/// Replies on a child's status pipe: its pid, a refused fork, its exit code.
const PID: u8 = b'P';
const REFUSED: u8 = b'E';
const EXIT: u8 = b'X';

/// What the asking process knows of its fork server.
struct Server {
    pid: i32,
    /// The process that started it (a process forked from it later starts its own).
    owner: i32,
    requests: Channel,
    /// The first primitive id made after the server was forked: older primitives are in the
    /// server's memory too.
    mark: u32,
    asked: u64,
}

thread_local! {
    static SERVER: RefCell<Option<Server>> = const { RefCell::new(None) };
}

/// `set_forkserver_preload(module_names)`: CPython checks the names and keeps them for the server
/// to import. The server imports them to have them ready in every child it forks; a child imports
/// whatever it uses anyway, and the standard library modules forkyard has print nothing when
/// imported, so a preload changes nothing a program can see here. (CPython 3.11 preloads
/// `__main__` in name only: the server is never told the main program's path.)
pub fn set_preload(it: &mut Interp, a: crate::python::value::Args) -> Result<Value, Exc> {
    let [names] = &a.pos[..] else {
        return Err(crate::python::exceptions::type_error(
            "set_forkserver_preload() missing 1 required positional argument: 'module_names'",
        ));
    };
    let names = it.collect(names)?;
    if !names.iter().all(|n| matches!(n, Value::Str(_))) {
        return Err(crate::python::exceptions::type_error(
            "module_names must be a list of strings",
        ));
    }
    Ok(Value::None)
}

/// A child the fork server forked for this process: where its exit status arrives.
pub struct Served {
    status: Channel,
    ending: Cell<Option<Ending>>,
}

/// `start()` in the forkserver context: serializes the process object (failing as CPython's
/// pickling fails), makes sure the server runs, asks it for a child and returns the child's pid.
pub fn start(
    it: &mut Interp,
    inst: &Rc<Instance>,
    name: &str,
    daemon: bool,
) -> Result<(i32, Rc<Served>), Exc> {
    let sp = spawn::prepare_as(it, inst, super::wire::dumps_forkserver)?;
    ensure_running(it)?;
    let mark = SERVER
        .with(|s| s.borrow().as_ref().map(|s| s.mark))
        .unwrap_or(0);
    // A primitive made after the server was forked is described (its fds go through the broker
    // with the request) and rebuilt in the child; older ones are in the server's memory already.
    let mut addresses = Vec::with_capacity(sp.inherited.len());
    let mut late = super::handover::Out::default();
    for (k, v) in sp.inherited.iter().enumerate() {
        let Value::Instance(i) = v else { continue };
        if made_since(it, i, mark) {
            late.u64(k as u64);
            if !super::handover::describe(i, &mut late) {
                let kind = i.class.name.rsplit('.').next().unwrap_or("primitive");
                return Err(Exc::new(
                    ExcKind::NotImplementedError,
                    format!(
                        "forkyard's fork server can pass a {kind} to a child only if the {kind} \
                         was made before the server started (at the first start() in the \
                         'forkserver' context): make it earlier, or use the 'spawn' start method"
                    ),
                ));
            }
            addresses.push(0);
            continue;
        }
        addresses.push(Rc::as_ptr(i) as u64);
    }
    // A pool worker's Pool crosses as itself, as a primitive passed as an argument does; one made
    // after the server was forked is described, its fds going through the broker (`served`).
    let (pool, pool_late) = match &sp.pool {
        Some(v @ Value::Instance(i)) => {
            let late = super::pool::pool_id(v).is_none_or(|id| id_made_since(it, id, mark));
            if late {
                let d = super::pool::served::describe(v).ok_or_else(|| {
                    crate::python::exceptions::type_error("a pool worker needs its pool")
                })?;
                (0, Some(d))
            } else {
                (Rc::as_ptr(i) as u64, None)
            }
        }
        _ => (0, None),
    };
    let (status, status_w) = Channel::pipe().map_err(os_error)?;
    let n = SERVER.with(|s| {
        let mut s = s.borrow_mut();
        let s = s.as_mut().expect("ensure_running made it");
        s.asked += 1;
        s.asked
    });
    let key = format!("{KEY_PREFIX}{}/{n}", runtime::state::pid());
    broker::put(&key, status_w.fd()).map_err(|e| match e.raw_os_error() {
        Some(libc::ENOTCONN) => Exc::new(
            ExcKind::OSError,
            "the 'forkserver' start method needs a forkyard run: run the program with \
             `forkyard run FILE.py`",
        ),
        _ => os_error(e),
    })?;
    drop(status_w);
    for (k, fd) in late.fds.iter().enumerate() {
        broker::put(&format!("{key}/{k}"), *fd).map_err(os_error)?;
    }
    if let Some((fds, _)) = &pool_late {
        for (k, fd) in fds.iter().enumerate() {
            broker::put(&format!("{key}/pool/{k}"), *fd).map_err(os_error)?;
        }
    }
    let identity = super::process::state(inst)
        .expect("a started Process has its state")
        .identity
        .clone();
    let request = Request {
        key,
        name: name.to_string(),
        identity,
        daemon,
        method: sp.default_method.to_string(),
        class: sp.native_class.clone().unwrap_or_default(),
        pool,
        pool_late: pool_late.map(|(_, b)| b).unwrap_or_default(),
        parent_name: it.process.name.to_string(),
        parent_pid: runtime::state::pid(),
        bytes: sp.bytes.clone(),
        addresses,
        logger: sp.logger.as_ref().map(|c| (c.to_stderr, c.level)),
        late: late.bytes,
        late_fds: late.fds.len() as u32,
    };
    SERVER
        .with(|s| {
            let s = s.borrow();
            let s = s.as_ref().expect("ensure_running made it");
            s.requests.send(&request.encode())
        })
        .map_err(os_error)?;
    match status.recv().map_err(os_error)? {
        Recv::Message(m) if m.first() == Some(&PID) && m.len() == 5 => {
            let pid = i32::from_le_bytes(m[1..5].try_into().expect("four bytes"));
            let served = Served {
                status,
                ending: Cell::new(None),
            };
            Ok((pid, Rc::new(served)))
        }
        Recv::Message(m) if m.first() == Some(&REFUSED) => Err(Exc::new(
            ExcKind::RuntimeError,
            String::from_utf8_lossy(&m[1..]).into_owned(),
        )),
        _ => Err(Exc::new(
            ExcKind::ConnectionError,
            "the fork server ended before it forked the child",
        )),
    }
}

/// Whether primitive `inst` was made by this process after its fork server was forked (the
/// server has no copy of it). Ids are a counter in the lesson main and `pid << 16 | counter`
/// elsewhere (`sync::new_id`).
fn made_since(it: &Interp, inst: &Instance, mark: u32) -> bool {
    let Some(id) = super::sync::trace_id(inst) else {
        return false;
    };
    id_made_since(it, id, mark)
}

/// Whether the object of trace id `id` was made after the server was forked.
fn id_made_since(it: &Interp, id: u32, mark: u32) -> bool {
    if it.process.this.is_none() {
        return id >= mark;
    }
    id >> 16 == mark >> 16 && (id & 0xffff) >= (mark & 0xffff)
}

/// Starts this process's fork server unless it runs already.
fn ensure_running(it: &mut Interp) -> Result<(), Exc> {
    let me = runtime::state::pid();
    let running = SERVER.with(|s| match s.borrow().as_ref() {
        Some(s) if s.owner == me => Some(s.pid),
        _ => None,
    });
    // As CPython's `ensure_running`: a server that has died (reaped here) is started again.
    if let Some(pid) = running {
        if runtime::process::try_reap(pid, SERVER_NAME).is_none() {
            return Ok(());
        }
        SERVER.with(|s| s.borrow_mut().take());
    }
    let (requests, requests_w) = Channel::pipe().map_err(os_error)?;
    let mark = super::sync::new_id(it);
    match runtime::process::fork(SERVER_NAME, false) {
        Err(e) => Err(Exc::new(ExcKind::RuntimeError, e.to_string())),
        Ok(Forked::Parent { pid }) => {
            drop(requests);
            SERVER.with(|s| {
                *s.borrow_mut() = Some(Server {
                    pid,
                    owner: me,
                    requests: requests_w,
                    mark,
                    asked: 0,
                })
            });
            Ok(())
        }
        Ok(Forked::Child) => {
            // The server holds the read end only: when every writer has gone, it ends.
            drop(requests_w);
            SERVER.with(|s| s.borrow_mut().take());
            serve(it, requests)
        }
    }
}

/// A child of the server, until it is reaped.
struct Child {
    pid: i32,
    name: String,
    pidfd: OwnedFd,
    status: Channel,
}

/// The server's loop: fork a child per request, report each child's end to its asker, end when
/// the request pipe closes.
fn serve(it: &Interp, requests: Channel) -> ! {
    // As CPython's server: Ctrl-C is for the program, not for the server.
    // SAFETY: setting a signal's disposition to SIG_IGN.
    unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) };
    // The server holds none of the program's Pipe ends (CPython's is a fresh process): a reader
    // meets EOF when the program's own writers close.
    super::pipe::close_all_but(&[]);
    let mut children: Vec<Child> = Vec::new();
    loop {
        let mut fds: Vec<libc::pollfd> = std::iter::once(requests.fd())
            .chain(children.iter().map(|c| c.pidfd.as_raw_fd()))
            .map(|fd| libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            })
            .collect();
        runtime::emit(Event::State {
            state: State::Blocked {
                on: "requests".into(),
                op: "serve".into(),
            },
        });
        runtime::clock::wait_poll_or_signal(&mut fds, None);
        runtime::emit(Event::State {
            state: State::Running,
        });
        let ended: Vec<usize> = (0..children.len())
            .filter(|i| fds[i + 1].revents != 0)
            .collect();
        for i in ended.into_iter().rev() {
            let c = children.remove(i);
            let code = match runtime::process::try_reap(c.pid, &c.name) {
                Some(e) => e.exitcode(),
                None => 255,
            };
            // The asker may have ended: nobody to tell.
            let _ = c.status.send(&exit_message(i64::from(code)));
        }
        if fds[0].revents == 0 {
            continue;
        }
        let m = match requests.recv() {
            Ok(Recv::Message(m)) => m,
            // Every asker has gone: as CPython's server, end (children go on as orphans).
            _ => runtime::process::exit_process(0),
        };
        let request = Request::decode(&m);
        let Some(request) = request else {
            // Only forkyard writes requests; if one cannot be read, its asker still hears.
            if let Some(key) = Request::key_of(&m)
                && let Ok(status) = broker::take(&key).and_then(Channel::adopt)
            {
                let mut reply = vec![REFUSED];
                reply.extend_from_slice(b"the fork server could not read the request");
                let _ = status.send(&reply);
            }
            continue;
        };
        let Ok(status) = broker::take(&request.key).and_then(Channel::adopt) else {
            continue;
        };
        match runtime::process::fork(&request.name, request.daemon) {
            Err(e) => {
                let mut m = vec![REFUSED];
                m.extend_from_slice(e.to_string().as_bytes());
                let _ = status.send(&m);
            }
            Ok(Forked::Parent { pid }) => {
                let mut m = vec![PID];
                m.extend_from_slice(&pid.to_le_bytes());
                let _ = status.send(&m);
                match runtime::process::pidfd_open(pid) {
                    // SAFETY: a pidfd just opened, owned by nobody else.
                    Some(fd) => children.push(Child {
                        pid,
                        name: request.name.clone(),
                        pidfd: unsafe { OwnedFd::from_raw_fd(fd) },
                        status,
                    }),
                    None => {
                        let _ = status.send(&exit_message(255));
                    }
                }
            }
            Ok(Forked::Child) => {
                drop(requests);
                drop(children);
                drop(status);
                let code = run_child(it, request);
                runtime::process::exit_process(code)
            }
        }
    }
}

fn exit_message(code: i64) -> Vec<u8> {
    let mut m = vec![EXIT];
    m.extend_from_slice(&code.to_le_bytes());
    m
}

/// In a child of the server: what a spawned child does, with the asker as its parent.
fn run_child(it: &Interp, request: Request) -> i32 {
    let method = super::context::ALL
        .into_iter()
        .find(|m| *m == request.method)
        .unwrap_or("fork");
    // Resolved in the child's own interpreter (`spawn::native_class_of`).
    let native_class = (!request.class.is_empty()).then(|| request.class.clone());
    // The primitives the asker passed, which this process has from the server's fork: the asker
    // checked they were made before it (address 0: made after, described in `late`).
    let mut inherited: Vec<Value> = request
        .addresses
        .iter()
        .map(|a| {
            if *a == 0 {
                return Value::None;
            }
            let ptr = *a as usize as *const Instance;
            // SAFETY: `ptr` is an `Rc<Instance>` alive in the asker since before the server was
            // forked from it (`made_since`), so alive at the same address in this copy of its
            // memory, where nothing has freed it; a new strong count keeps it.
            unsafe {
                Rc::increment_strong_count(ptr);
                Value::Instance(Rc::from_raw(ptr))
            }
        })
        .collect();
    // The pool of a pool worker: the asker checked it was made before the server was forked.
    let pool = (request.pool != 0).then(|| {
        let ptr = request.pool as usize as *const Instance;
        // SAFETY: as for the primitives above: an `Rc<Instance>` alive in the asker since before
        // the server was forked from it, so alive at the same address in this copy.
        unsafe {
            Rc::increment_strong_count(ptr);
            Value::Instance(Rc::from_raw(ptr))
        }
    });
    let pool = match pool {
        Some(p) => Some(p),
        None if !request.pool_late.is_empty() => {
            let fds: Option<Vec<OwnedFd>> = (0..super::pool::served::FDS)
                .map(|k| broker::take(&format!("{}/pool/{k}", request.key)).ok())
                .collect();
            let method = native_class
                .as_deref()
                .and_then(super::spawn::worker_method_of_key)
                .unwrap_or("forkserver");
            match fds.and_then(|f| super::pool::served::rebuild(&request.pool_late, f, method)) {
                Some(p) => Some(p),
                None => {
                    eprintln!("forkyard: the Pool of this forkserver worker could not be rebuilt");
                    return 1;
                }
            }
        }
        None => None,
    };
    if rebuild_late(&request, &mut inherited).is_none() {
        eprintln!("forkyard: a primitive passed to this forkserver child could not be rebuilt");
        return 1;
    }
    let sp = Spawning {
        default_method: method,
        native_class,
        bytes: request.bytes,
        inherited,
        logger: request
            .logger
            .map(|(to_stderr, level)| super::mp_log::Carried { to_stderr, level }),
        pool,
    };
    let who = Identity {
        name: PyStr::from(request.name.as_str()),
        identity: request.identity,
        daemon: request.daemon,
    };
    let parent = (
        PyStr::from(request.parent_name.as_str()),
        request.parent_pid,
    );
    spawn::run_child(it, sp, who, parent)
}

/// The child's exit status, if the server has sent it (without waiting).
pub fn poll(s: &Served) -> Option<Ending> {
    if let Some(e) = s.ending.get() {
        return Some(e);
    }
    let ending = match s.status.try_recv() {
        Ok(None) => return None,
        Ok(Some(Recv::Message(m))) if m.first() == Some(&EXIT) && m.len() == 9 => {
            let code = i64::from_le_bytes(m[1..9].try_into().expect("eight bytes")) as i32;
            if code < 0 {
                Ending::Signaled { signal: -code }
            } else {
                Ending::Exited { code }
            }
        }
        // The server is gone without a word: CPython's `popen_forkserver` reads 255.
        _ => Ending::Exited { code: 255 },
    };
    s.ending.set(Some(ending));
    Some(ending)
}

/// The primitives made after the server started, rebuilt on the fds the asker put in the broker.
fn rebuild_late(request: &Request, inherited: &mut [Value]) -> Option<()> {
    let mut fds = Vec::with_capacity(request.late_fds as usize);
    for k in 0..request.late_fds {
        fds.push(broker::take(&format!("{}/{k}", request.key)).ok()?);
    }
    let mut input = super::handover::In::new(&request.late, fds);
    while !input.is_empty() {
        let k = usize::try_from(input.u64()?).ok()?;
        let v = super::handover::rebuild(&mut input)?;
        *inherited.get_mut(k)? = v;
    }
    Some(())
}

/// `sentinel` of a served child: its status pipe, as CPython's `popen_forkserver`; the exit
/// status arrives on it and the server closes its end after, so it stays readable once the child
/// has ended (even after `join()` read the status).
pub fn sentinel(s: &Served) -> i32 {
    s.status.fd()
}

/// `join()` of a served child until lesson time `deadline_ns`: its ending, `None` when the
/// deadline came first, `Err(Interrupted)` when a caught signal waits for its Python handler.
pub fn wait(
    s: &Served,
    name: &str,
    deadline_ns: Option<u64>,
) -> Result<Option<Ending>, Interrupted> {
    if let Some(e) = poll(s) {
        return Ok(Some(e));
    }
    if deadline_ns.is_some_and(|d| d <= runtime::clock::now_ns()) {
        return Ok(None);
    }
    runtime::emit(Event::State {
        state: State::Blocked {
            on: name.to_string(),
            op: "join".into(),
        },
    });
    let mut fds = [libc::pollfd {
        fd: s.status.fd(),
        events: libc::POLLIN,
        revents: 0,
    }];
    let waited = runtime::clock::wait_poll_or_signal(&mut fds, deadline_ns);
    let ending = match waited {
        runtime::clock::Waited::Ready => poll(s),
        _ => None,
    };
    runtime::emit(Event::State {
        state: State::Running,
    });
    if waited == runtime::clock::Waited::Signal {
        return Err(Interrupted);
    }
    Ok(ending)
}

/// The join at a process's end: waits for the ending whatever signals come.
pub fn wait_at_exit(s: &Served, name: &str) -> Ending {
    if let Some(e) = poll(s) {
        return e;
    }
    runtime::emit(Event::State {
        state: State::Blocked {
            on: name.to_string(),
            op: "join".into(),
        },
    });
    s.status.poll(None);
    let ending = poll(s).unwrap_or(Ending::Exited { code: 255 });
    runtime::emit(Event::State {
        state: State::Running,
    });
    ending
}

/// One request to the server.
#[derive(Debug, PartialEq)]
struct Request {
    /// The broker's key of the new child's status pipe (write end).
    key: String,
    name: String,
    identity: Vec<u32>,
    daemon: bool,
    /// The asker's default start method, which becomes the child's.
    method: String,
    /// multiprocessing's own Process class, by name (empty: the class travels in `bytes`).
    class: String,
    parent_name: String,
    parent_pid: i32,
    bytes: Vec<u8>,
    /// The addresses of the primitives passed, in the order `bytes` refers to them.
    addresses: Vec<u64>,
    /// multiprocessing's logger as the asker set it: `log_to_stderr()` called, its level.
    logger: Option<(bool, Option<i64>)>,
    /// Descriptions of the primitives made after the server started (`handover`), each after
    /// its index in `addresses`; their fds wait in the broker under `key/0`, `key/1`...
    late: Vec<u8>,
    late_fds: u32,
    /// A pool worker's Pool object: its address (0: not a pool worker, or a late pool).
    pool: u64,
    /// A late pool's description (`pool::served`); its fds wait under `key/pool/0`...
    pool_late: Vec<u8>,
}

impl Request {
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut put = |b: &[u8]| {
            out.extend_from_slice(&(b.len() as u32).to_le_bytes());
            out.extend_from_slice(b);
        };
        put(self.key.as_bytes());
        put(self.name.as_bytes());
        let ids: Vec<u8> = self.identity.iter().flat_map(|i| i.to_le_bytes()).collect();
        put(&ids);
        put(&[u8::from(self.daemon)]);
        put(self.method.as_bytes());
        put(self.class.as_bytes());
        put(self.parent_name.as_bytes());
        put(&self.parent_pid.to_le_bytes());
        put(&self.bytes);
        let addrs: Vec<u8> = self
            .addresses
            .iter()
            .flat_map(|a| a.to_le_bytes())
            .collect();
        put(&addrs);
        let mut log = Vec::new();
        if let Some((to_stderr, level)) = self.logger {
            log.push(u8::from(to_stderr));
            log.extend(level.map(i64::to_le_bytes).into_iter().flatten());
        }
        put(&log);
        put(&self.late);
        put(&self.late_fds.to_le_bytes());
        put(&self.pool.to_le_bytes());
        put(&self.pool_late);
        out
    }

    /// The key of a request's status pipe, its first field.
    fn key_of(b: &[u8]) -> Option<String> {
        let n = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
        String::from_utf8(b.get(4..4 + n)?.to_vec()).ok()
    }

    /// `None` for a message no asker of this run writes.
    fn decode(mut b: &[u8]) -> Option<Request> {
        let mut take = || -> Option<Vec<u8>> {
            let n = u32::from_le_bytes(b.get(..4)?.try_into().ok()?) as usize;
            let field = b.get(4..4 + n)?.to_vec();
            b = &b[4 + n..];
            Some(field)
        };
        let text = |v: Vec<u8>| String::from_utf8(v).ok();
        let key = text(take()?)?;
        let name = text(take()?)?;
        let identity = take()?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("four bytes")))
            .collect();
        let daemon = take()?.first() == Some(&1);
        let method = text(take()?)?;
        let class = text(take()?)?;
        let parent_name = text(take()?)?;
        let parent_pid = i32::from_le_bytes(take()?.as_slice().try_into().ok()?);
        let bytes = take()?;
        let addresses = take()?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")))
            .collect();
        let log = take()?;
        let logger = match log.len() {
            0 => None,
            1 => Some((log[0] == 1, None)),
            9 => Some((
                log[0] == 1,
                Some(i64::from_le_bytes(log[1..].try_into().ok()?)),
            )),
            _ => return None,
        };
        let late = take()?;
        let late_fds = u32::from_le_bytes(take()?.as_slice().try_into().ok()?);
        let pool = u64::from_le_bytes(take()?.as_slice().try_into().ok()?);
        let pool_late = take()?;
        Some(Request {
            key,
            name,
            identity,
            daemon,
            method,
            class,
            parent_name,
            parent_pid,
            bytes,
            addresses,
            logger,
            late,
            late_fds,
            pool,
            pool_late,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_reads_back_as_written() {
        let r = Request {
            key: "forkserver/12/1".into(),
            name: "ForkServerProcess-1".into(),
            identity: vec![1, 2],
            daemon: true,
            method: "fork".into(),
            class: "ForkServerProcess".into(),
            parent_name: "MainProcess".into(),
            parent_pid: 12,
            bytes: b"\x80FY1payload".to_vec(),
            addresses: vec![0xdead_beef, 0],
            logger: Some((true, Some(10))),
            late: vec![1, 0, 0, 0, 0, 0, 0, 0, 2],
            late_fds: 3,
            pool: 0x1234_5678,
            pool_late: vec![9, 8, 7],
        };
        assert_eq!(
            Request::key_of(&r.encode()).as_deref(),
            Some("forkserver/12/1")
        );
        assert_eq!(Request::decode(&r.encode()), Some(r));
    }

    #[test]
    fn a_cut_request_is_refused_not_a_panic() {
        let r = Request {
            key: "k".into(),
            name: "n".into(),
            identity: vec![],
            daemon: false,
            method: "fork".into(),
            class: String::new(),
            parent_name: "MainProcess".into(),
            parent_pid: 1,
            bytes: vec![1, 2, 3],
            addresses: vec![],
            logger: Some((false, None)),
            late: vec![],
            late_fds: 0,
            pool: 0,
            pool_late: vec![],
        };
        let whole = r.encode();
        for n in 0..whole.len() {
            assert_eq!(Request::decode(&whole[..n]), None, "cut at {n}");
        }
    }
}
