//! `_resource_sharer`: a `Connection` pickled to another process of the run (through a Queue, a
//! Pipe, a Pool task), as CPython's fork context does it (`connection.reduce_connection`,
//! `resource_sharer.DupFd`): the sender hands a duplicate of the connection's fd over, and the
//! receiver rebuilds a Connection on the same pipe.
//!
//! CPython's resource sharer is a thread of the sender listening on a named socket; a lesson process
//! may have neither, so the duplicate goes to the run's fd broker (`runtime::broker`) under a key
//! of its own, and the receiver takes it from there, once, as `DupFd.detach()` does.
//!
//! `publish(key, fd)` / `fetch(key)` -> fd or None: an fd any process of the run may get a copy of,
//! as a manager's registrar, which CPython's clients reach by address (a named socket) from any
//! process, also one started before the manager.

use crate::python::exceptions::ExcKind;
use std::cell::Cell;
use std::os::fd::AsRawFd;

use super::make_module;
use super::sync::os_error;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use crate::runtime::broker;
use crate::runtime::sync::Channel;

type R = Result<Value, Exc>;

/// The broker's keys of Connections on their way start with this.
const KEY_PREFIX: &str = "conn/";

thread_local! {
    /// How many Connections this process has passed (with its pid, a key no other process makes).
    static PASSED: Cell<u64> = const { Cell::new(0) };
}

pub fn module() -> Value {
    make_module(
        "_resource_sharer",
        &[
            ("rebuild_connection", rebuild_connection),
            ("publish", publish),
            ("fetch", fetch),
        ],
        vec![],
    )
}

/// `reduce_connection(conn)`: what a Connection pickles as, `(rebuild_connection, (key, readable,
/// writable))`, with a duplicate of its fd left in the broker under `key`; `None` if `v` is not a
/// Connection. A closed one fails as CPython's `conn.fileno()` does.
pub fn reduce_connection(it: &mut Interp, v: &Value) -> Option<R> {
    let parts = super::pipe::parts(v)?;
    Some(parts.and_then(|(fd, readable, writable)| {
        let n = PASSED.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let key = format!("{KEY_PREFIX}{}/{n}", crate::runtime::pid());
        broker::put(&key, fd).map_err(|e| match e.raw_os_error() {
            Some(libc::ENOTCONN) => Exc::new(
                ExcKind::OSError,
                "a Connection can only be passed to another process within a forkyard run: run \
                 the program with `forkyard run FILE.py`",
            ),
            _ => os_error(e),
        })?;
        // The receiver names the function by its module, which must be imported here first.
        let m = super::import(it, "_resource_sharer")?;
        let rebuild = it.getattr(&m, "rebuild_connection")?;
        Ok(Value::tuple(vec![
            rebuild,
            Value::tuple(vec![
                Value::str(&key),
                Value::Bool(readable),
                Value::Bool(writable),
            ]),
        ]))
    }))
}

/// The broker's keys of fds published for any process start with this.
const PUBLIC_PREFIX: &str = "pub/";

fn public_key(a: &Args, func: &str) -> Result<String, Exc> {
    match a.pos.first() {
        Some(Value::Str(k)) => Ok(format!("{PUBLIC_PREFIX}{k}")),
        _ => Err(type_error(format!("_resource_sharer.{func}() takes a key"))),
    }
}

/// `publish(key, fd)`: a copy of `fd` that any process of the run may fetch (until the run ends).
fn publish(_: &mut Interp, a: Args) -> R {
    let key = public_key(&a, "publish")?;
    let fd = match a.pos.get(1) {
        Some(Value::Int(n)) if (0..=i64::from(i32::MAX)).contains(n) => *n as i32,
        _ => return Err(type_error("_resource_sharer.publish() takes an fd")),
    };
    match broker::put(&key, fd) {
        // Outside a run (no broker) there is nobody else to reach it: nothing to publish.
        Ok(()) => Ok(Value::Bool(true)),
        Err(e) if e.raw_os_error() == Some(libc::ENOTCONN) => Ok(Value::Bool(false)),
        Err(e) => Err(os_error(e)),
    }
}

/// `fetch(key)`: this process's copy of a published fd, or None.
fn fetch(_: &mut Interp, a: Args) -> R {
    let key = public_key(&a, "fetch")?;
    match broker::get(&key) {
        Ok(fd) => Ok(Value::Int(std::os::fd::IntoRawFd::into_raw_fd(fd).into())),
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT | libc::ENOTCONN)) => {
            Ok(Value::None)
        }
        Err(e) => Err(os_error(e)),
    }
}

/// `rebuild_connection(key, readable, writable)`: the Connection passed under `key`.
fn rebuild_connection(it: &mut Interp, a: Args) -> R {
    let (Some(Value::Str(key)), Some(Value::Bool(readable)), Some(Value::Bool(writable))) =
        (a.pos.first(), a.pos.get(1), a.pos.get(2))
    else {
        return Err(type_error("rebuild_connection() takes a key and two flags"));
    };
    if !key.starts_with(KEY_PREFIX) {
        return Err(type_error("rebuild_connection(): not a Connection's key"));
    }
    let fd = broker::take(key).map_err(|e| match e.raw_os_error() {
        // CPython's second `DupFd.detach()` finds its sharer no longer has the fd.
        Some(libc::ENOENT) => Exc::new(
            ExcKind::ConnectionRefusedError,
            "[Errno 111] Connection refused",
        ),
        _ => os_error(e),
    })?;
    debug_assert!(fd.as_raw_fd() >= 0);
    let ch = Channel::adopt(fd).map_err(os_error)?;
    Ok(super::pipe::adopt(it, ch, *readable, *writable))
}
