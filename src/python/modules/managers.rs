//! `_manager`: the transport under `multiprocessing.managers` (written in Python,
//! `src/python/lib/multiprocessing.managers.py`), and the trace records of a manager's objects.
//!
//! CPython's manager server listens on a named socket that any process may connect to. A lesson
//! process may not name sockets (its sandbox allows socket *pairs* only: a named socket would let a
//! lesson reach other programs of the machine), so forkyard's server has a registrar, a
//! `SOCK_SEQPACKET` socket pair whose client end waits in the run's fd broker under the manager's
//! address (`multiprocessing.connection`'s addresses, `_connection` in `connection.rs`). A process
//! that wants to talk to the server fetches that end, makes a fresh stream socket pair, keeps one
//! end and passes the other to the server through the registrar (`SCM_RIGHTS`, one packet each, so
//! the processes sharing the registrar never mix their messages). That end is its own connection,
//! as CPython's `Client(address)` is, so a forked child never shares its parent's replies.
//!
//! - `registrar()` -> `(server_end, client_end)`, `connect(client_end)` -> fd (a new connection),
//!   `accept(server_end)` -> fd or `None` (a connection a client passed, without waiting);
//! - `send(fd, obj)`, `recv(fd)`: one message each way (a length and forkyard's wire format, the
//!   copy pickle makes); `recv` raises `EOFError` once the other side closed;
//! - `call(fd, request, on)`: a client's round trip (send, wait for the reply shown as blocked on
//!   `on`, with signal handlers run while it waits), `wait(fds, timeout)`: the server's wait for
//!   requests (the fds ready, `[]` after `timeout` lesson seconds);
//! - `new_id()`, `created(class, id=None)` -> a trace id, `op(id, op, detail)`: what the timeline
//!   shows of the shared objects (made in the process whose line asked for them); `close(fd)`; `inode(fd)`: which socket an fd is (`None` when it is none), so that a
//!   process checks the copy of a registrar it keeps is still that socket.

use crate::python::exceptions::ExcKind;
use std::io;
use std::os::fd::RawFd;

use super::make_module;
use super::sync::{blocked, created, new_id, op, os_error, running};
use super::wire;
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use crate::runtime::clock::{self, Waited};
use crate::trace::Op;

type R = Result<Value, Exc>;

pub fn module() -> Value {
    make_module(
        "_manager",
        &[
            ("registrar", registrar),
            ("connect", connect),
            ("accept", accept),
            ("send", send),
            ("recv", recv),
            ("call", call),
            ("wait", wait),
            ("new_id", new_object_id),
            ("created", created_object),
            ("op", object_op),
            ("close", close),
            ("inode", inode),
        ],
        // The class a Barrier's waiters get (CPython's `threading.BrokenBarrierError`), the same
        // one `multiprocessing.Barrier` raises.
        vec![(
            "BrokenBarrierError",
            Value::Class(super::sync::broken_error().value.class.clone()),
        )],
    )
}

fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn fd_arg(a: &Args, i: usize, func: &str) -> Result<RawFd, Exc> {
    match a.pos.get(i) {
        Some(Value::Int(n)) if *n >= 0 && *n <= i64::from(i32::MAX) => Ok(*n as RawFd),
        _ => Err(type_error(format!(
            "_manager.{func}() takes a file descriptor as argument {}",
            i + 1
        ))),
    }
}

fn socket_pair(kind: libc::c_int) -> io::Result<[RawFd; 2]> {
    let mut fds = [0; 2];
    // SAFETY: a valid out-array for socketpair.
    check(unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            kind | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    })?;
    Ok(fds)
}

fn registrar(_: &mut Interp, _: Args) -> R {
    let [server, client] = socket_pair(libc::SOCK_SEQPACKET).map_err(os_error)?;
    Ok(Value::tuple(vec![
        Value::Int(server.into()),
        Value::Int(client.into()),
    ]))
}

/// The control message that carries one fd.
#[repr(C)]
struct FdMessage {
    header: libc::cmsghdr,
    fd: RawFd,
}

fn connect(_: &mut Interp, a: Args) -> R {
    let reg = fd_arg(&a, 0, "connect")?;
    let [mine, theirs] = socket_pair(libc::SOCK_STREAM).map_err(os_error)?;
    let sent = pass_fd(reg, theirs);
    // SAFETY: closing our copy of the end that now lives in the server (or failed to get there).
    unsafe { libc::close(theirs) };
    if let Err(e) = sent {
        // SAFETY: closing the end this call made.
        unsafe { libc::close(mine) };
        return Err(match e.raw_os_error() {
            Some(libc::EPIPE | libc::ECONNREFUSED | libc::ECONNRESET) => {
                crate::python::exceptions_os::from_errno(libc::ECONNREFUSED, None)
            }
            _ => os_error(e),
        });
    }
    Ok(Value::Int(mine.into()))
}

/// Sends `fd` over the registrar `reg` as one packet (one byte of data and the fd).
pub(super) fn pass_fd(reg: RawFd, fd: RawFd) -> io::Result<()> {
    let mut byte = [0u8; 1];
    let mut iov = libc::iovec {
        iov_base: byte.as_mut_ptr().cast(),
        iov_len: 1,
    };
    // SAFETY: building a control message of exactly one fd in a buffer we own.
    let mut cmsg: FdMessage = unsafe { std::mem::zeroed() };
    cmsg.header.cmsg_level = libc::SOL_SOCKET;
    cmsg.header.cmsg_type = libc::SCM_RIGHTS;
    // SAFETY: CMSG_LEN is a pure computation.
    cmsg.header.cmsg_len = unsafe { libc::CMSG_LEN(std::mem::size_of::<RawFd>() as u32) } as _;
    cmsg.fd = fd;
    // SAFETY: a zeroed msghdr is valid; the pointers below outlive the call.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = std::ptr::from_mut(&mut cmsg).cast();
    // SAFETY: CMSG_SPACE is a pure computation.
    msg.msg_controllen = unsafe { libc::CMSG_SPACE(std::mem::size_of::<RawFd>() as u32) } as _;
    loop {
        // SAFETY: sendmsg with the message built above; MSG_NOSIGNAL turns a gone server into EPIPE.
        let n = unsafe { libc::sendmsg(reg, &msg, libc::MSG_NOSIGNAL) };
        if n >= 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(e);
        }
    }
}

fn accept(_: &mut Interp, a: Args) -> R {
    let reg = fd_arg(&a, 0, "accept")?;
    Ok(match receive_fd(reg).map_err(os_error)? {
        Some(fd) => Value::Int(fd.into()),
        None => Value::None,
    })
}

/// The fd a client passed over the registrar `reg`, without waiting (`None`: nothing there).
pub(super) fn receive_fd(reg: RawFd) -> io::Result<Option<RawFd>> {
    let mut byte = [0u8; 1];
    let mut iov = libc::iovec {
        iov_base: byte.as_mut_ptr().cast(),
        iov_len: 1,
    };
    // SAFETY: zeroed buffers for recvmsg to fill.
    let mut cmsg: FdMessage = unsafe { std::mem::zeroed() };
    // SAFETY: a zeroed msghdr is valid; the pointers below outlive the call.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = std::ptr::from_mut(&mut cmsg).cast();
    msg.msg_controllen = std::mem::size_of::<FdMessage>() as _;
    // SAFETY: recvmsg into the buffers above, without waiting.
    let n = unsafe { libc::recvmsg(reg, &mut msg, libc::MSG_DONTWAIT | libc::MSG_CMSG_CLOEXEC) };
    if n < 0 {
        let e = io::Error::last_os_error();
        return match e.raw_os_error() {
            Some(libc::EAGAIN | libc::EINTR) => Ok(None),
            _ => Err(e),
        };
    }
    if n == 0 || cmsg.header.cmsg_type != libc::SCM_RIGHTS || msg.msg_controllen == 0 {
        return Ok(None);
    }
    Ok(Some(cmsg.fd))
}

fn write_all(fd: RawFd, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        // SAFETY: sending from our own buffer; MSG_NOSIGNAL turns a gone peer into EPIPE.
        let n = unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), libc::MSG_NOSIGNAL) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(e);
        }
        data = &data[n as usize..];
    }
    Ok(())
}

/// Fills `buf`; `Ok(false)` at a clean end of file before the first byte.
fn read_exact(fd: RawFd, buf: &mut [u8]) -> io::Result<bool> {
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: reading into the unfilled part of our own buffer.
        let n = unsafe { libc::read(fd, buf[got..].as_mut_ptr().cast(), buf.len() - got) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(e);
        }
        if n == 0 {
            if got == 0 {
                return Ok(false);
            }
            return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
        }
        got += n as usize;
    }
    Ok(true)
}

fn send_value(it: &mut Interp, fd: RawFd, v: &Value) -> Result<(), Exc> {
    let body = wire::dumps_in_call(it, v)?;
    let mut msg = Vec::with_capacity(4 + body.len());
    let len =
        u32::try_from(body.len()).map_err(|_| Exc::new(ExcKind::OSError, "message too long"))?;
    msg.extend_from_slice(&len.to_le_bytes());
    msg.extend_from_slice(&body);
    write_all(fd, &msg).map_err(os_error)
}

fn recv_value(it: &mut Interp, fd: RawFd) -> R {
    let mut len = [0u8; 4];
    let eof = || Exc::with_args(ExcKind::EOFError, vec![]);
    if !read_exact(fd, &mut len).map_err(os_error)? {
        return Err(eof());
    }
    let n = u32::from_le_bytes(len) as usize;
    let mut body = Vec::new();
    body.try_reserve_exact(n).map_err(|_| {
        Exc::new(
            ExcKind::MemoryError,
            "a manager message too large for this process",
        )
    })?;
    body.resize(n, 0);
    if !read_exact(fd, &mut body).map_err(os_error)? {
        return Err(eof());
    }
    wire::loads(it, &body)
}

fn send(it: &mut Interp, a: Args) -> R {
    let fd = fd_arg(&a, 0, "send")?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    send_value(it, fd, &v)?;
    Ok(Value::None)
}

fn recv(it: &mut Interp, a: Args) -> R {
    let fd = fd_arg(&a, 0, "recv")?;
    recv_value(it, fd)
}

/// Waits until `fds` has something to read, until lesson time `deadline` (`None`: no limit),
/// running the program's signal handlers meanwhile; shown as blocked on `on` for `what`.
fn wait_ready(
    it: &mut Interp,
    fds: &mut [libc::pollfd],
    deadline: Option<u64>,
    on: &str,
    what: &str,
) -> Result<bool, Exc> {
    blocked(on, what);
    let r = loop {
        match clock::wait_poll_or_signal(fds, deadline) {
            Waited::Ready => break Ok(true),
            Waited::TimedOut => break Ok(false),
            Waited::Signal => {
                running();
                if let Err(e) = super::signal::run_pending(it) {
                    break Err(e);
                }
                blocked(on, what);
            }
        }
    };
    running();
    r
}

/// How long a client looks for its reply before it shows itself blocked: a served request comes
/// back in a fraction of this, so only a real wait (a held Lock, an empty Queue) shows in the lane.
const QUICK_REPLY_MS: libc::c_int = 2;

fn replied_quickly(fd: RawFd) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: poll on one valid pollfd, for at most a couple of milliseconds.
    unsafe { libc::poll(&mut p, 1, QUICK_REPLY_MS) > 0 }
}

fn call(it: &mut Interp, a: Args) -> R {
    let fd = fd_arg(&a, 0, "call")?;
    let (Some(request), Some(Value::Str(on)), Some(Value::Str(what))) =
        (a.pos.get(1), a.pos.get(2), a.pos.get(3))
    else {
        return Err(type_error("_manager.call(fd, request, on, what)"));
    };
    let (on, what) = (on.to_string(), what.to_string());
    // A request is an operation other processes see (the server's object changes): in a held run,
    // a step the scheduler grants, so `explore` can put other processes' requests in between.
    crate::runtime::gate::operation(|| format!("{on} {what}"));
    send_value(it, fd, request)?;
    if !replied_quickly(fd) {
        let mut fds = [libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        }];
        wait_ready(it, &mut fds, None, &on, &what)?;
    }
    recv_value(it, fd)
}

fn wait(it: &mut Interp, a: Args) -> R {
    let Some(Value::List(list)) = a.pos.first() else {
        return Err(type_error(
            "_manager.wait(fds, timeout, on) takes a list of fds",
        ));
    };
    let mut fds = super::connection::poll_in(&list.borrow());
    let deadline = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) => Some(clock::now_ns().saturating_add(clock::secs_to_ns(*i as f64))),
        Some(Value::Float(f)) => Some(clock::now_ns().saturating_add(clock::secs_to_ns(*f))),
        Some(other) => {
            return Err(type_error(format!(
                "timeout must be a number, not {}",
                other.type_name()
            )));
        }
    };
    let on = match a.pos.get(2) {
        Some(Value::Str(s)) => s.to_string(),
        _ => "requests".to_string(),
    };
    // SAFETY: poll on our own array of pollfds, without waiting.
    let any = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) } > 0;
    if !any && !wait_ready(it, &mut fds, deadline, &on, "serve")? {
        return Ok(Value::list(vec![]));
    }
    Ok(super::connection::ready(&fds))
}

fn new_object_id(it: &mut Interp, _: Args) -> R {
    Ok(Value::Int(new_id(it).into()))
}

/// `created(class, id=None)`: reports a shared object (with a new id unless one is given).
fn created_object(it: &mut Interp, a: Args) -> R {
    let Some(Value::Str(class)) = a.pos.first() else {
        return Err(type_error("_manager.created(class, id) takes a class name"));
    };
    let id = match a.pos.get(1) {
        Some(Value::Int(n)) => u32::try_from(*n)
            .map_err(|_| type_error("_manager.created(class, id): id out of range"))?,
        _ => new_id(it),
    };
    created(id, class, None);
    Ok(Value::Int(id.into()))
}

fn object_op(_: &mut Interp, a: Args) -> R {
    let (Some(Value::Int(id)), Some(Value::Str(name))) = (a.pos.first(), a.pos.get(1)) else {
        return Err(type_error(
            "_manager.op(id, op, detail) takes an id and a name",
        ));
    };
    let detail = match a.pos.get(2) {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    op(*id as u32, manager_op(name)?, detail);
    Ok(Value::None)
}

/// The operation `_manager.op` names: the server's `served`, a proxy's word for a primitive's call
/// (`acquired`, `put`: `_op_name` in `multiprocessing.managers`), or the name of a proxied method
/// that has no word of its own (`append`, or `#GETVALUE`, the copy `_getvalue()` asks for), which
/// the trace keeps as written. Anything else is a mistake in the Python side, said as such rather
/// than written to the trace.
fn manager_op(name: &str) -> Result<Op, Exc> {
    if let Some(named) = Op::known(name) {
        return Ok(named);
    }
    let mut chars = name.strip_prefix('#').unwrap_or(name).chars();
    let method = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric());
    if method {
        Ok(Op::Other(name.into()))
    } else {
        Err(value_error(format!(
            "_manager.op: {name:?} is neither an operation of the trace nor a method's name"
        )))
    }
}

fn close(_: &mut Interp, a: Args) -> R {
    let fd = fd_arg(&a, 0, "close")?;
    // SAFETY: closing an fd this module handed out; a second close is EBADF, ignored.
    unsafe { libc::close(fd) };
    Ok(Value::None)
}

fn inode(_: &mut Interp, a: Args) -> R {
    let fd = fd_arg(&a, 0, "inode")?;
    // SAFETY: fstat into a zeroed stat we own; a closed fd is EBADF.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstat(fd, &mut st) } != 0 || st.st_mode & libc::S_IFMT != libc::S_IFSOCK {
        return Ok(Value::None);
    }
    Ok(Value::Int(st.st_ino as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interp() -> Interp {
        crate::python::exceptions::install();
        Interp::new("t.py", "")
    }

    fn int(v: &Value) -> i64 {
        match v {
            Value::Int(n) => *n,
            other => panic!("not an int: {}", other.type_name()),
        }
    }

    fn call_fn(it: &mut Interp, f: fn(&mut Interp, Args) -> R, args: Vec<Value>) -> R {
        f(it, Args::new(args))
    }

    #[test]
    fn the_managers_names_map_to_operations_and_a_stray_one_is_refused() {
        crate::python::exceptions::install();
        assert_eq!(manager_op("served").unwrap(), Op::Served);
        assert_eq!(manager_op("acquired").unwrap(), Op::Acquired);
        assert_eq!(manager_op("got").unwrap(), Op::Got);
        assert_eq!(manager_op("append").unwrap(), Op::Other("append".into()));
        assert_eq!(
            manager_op("__setitem__").unwrap(),
            Op::Other("__setitem__".into())
        );
        assert_eq!(
            manager_op("#GETVALUE").unwrap(),
            Op::Other("#GETVALUE".into())
        );
        for bad in ["", "#", "served twice", "9lives", "##x"] {
            let e = manager_op(bad).unwrap_err();
            assert!(e.is(ExcKind::ValueError), "{bad:?}");
        }
    }

    /// A connection made through the registrar reaches the side that accepts it: a request goes
    /// one way and its reply the other, as copies; the registrar's end is the socket its inode
    /// says, and a closed peer is an EOFError.
    #[test]
    fn a_connection_passed_through_the_registrar_carries_requests_and_replies() {
        let mut it = interp();
        let pair = call_fn(&mut it, registrar, vec![]).unwrap();
        let Value::Tuple(ref ends) = pair else {
            panic!("a tuple")
        };
        let (server, client) = (ends[0].clone(), ends[1].clone());
        assert!(
            matches!(
                call_fn(&mut it, accept, vec![server.clone()]).unwrap(),
                Value::None
            ),
            "nothing to accept yet, and accept does not wait"
        );
        let mine = call_fn(&mut it, connect, vec![client.clone()]).unwrap();
        let theirs = call_fn(&mut it, accept, vec![server.clone()]).unwrap();
        assert!(int(&theirs) >= 0);
        let request = Value::tuple(vec![Value::Int(7), Value::str("get"), Value::list(vec![])]);
        call_fn(&mut it, send, vec![mine.clone(), request]).unwrap();
        let got = call_fn(&mut it, recv, vec![theirs.clone()]).unwrap();
        assert_eq!(it.repr(&got).unwrap(), "(7, 'get', [])");
        let ready = call_fn(
            &mut it,
            wait,
            vec![Value::list(vec![theirs.clone()]), Value::Float(0.0)],
        )
        .unwrap();
        assert_eq!(it.repr(&ready).unwrap(), "[]", "the request was taken");
        call_fn(&mut it, send, vec![theirs.clone(), Value::str("reply")]).unwrap();
        let reply = call_fn(&mut it, recv, vec![mine.clone()]).unwrap();
        assert_eq!(it.repr(&reply).unwrap(), "'reply'");
        let ino = call_fn(&mut it, inode, vec![client.clone()]).unwrap();
        assert!(int(&ino) > 0);
        let other = call_fn(&mut it, inode, vec![server.clone()]).unwrap();
        assert_ne!(int(&ino), int(&other));
        call_fn(&mut it, close, vec![theirs]).unwrap();
        let e = call_fn(&mut it, recv, vec![mine.clone()]).unwrap_err();
        assert!(e.is(ExcKind::EOFError), "{}", e.class_name());
        for fd in [mine, server.clone()] {
            call_fn(&mut it, close, vec![fd]).unwrap();
        }
        // With the server's end gone, a new connection is refused with CPython's words.
        let e = call_fn(&mut it, connect, vec![client.clone()]).unwrap_err();
        assert!(e.is(ExcKind::ConnectionRefusedError), "{}", e.class_name());
        // (Not asked of the closed fd: the tests' other threads may reuse its number at once.)
        call_fn(&mut it, close, vec![client]).unwrap();
    }

    #[test]
    fn bad_arguments_are_type_errors_not_panics() {
        let mut it = interp();
        let e = call_fn(&mut it, send, vec![Value::str("x")]).unwrap_err();
        assert!(e.is(ExcKind::TypeError));
        let e = call_fn(&mut it, wait, vec![Value::list(vec![]), Value::str("soon")]).unwrap_err();
        assert!(e.is(ExcKind::TypeError));
        let e = call_fn(&mut it, call, vec![Value::Int(0)]).unwrap_err();
        assert!(e.is(ExcKind::TypeError));
    }
}
