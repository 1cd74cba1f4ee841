//! `_resource_sharer`: a `Connection` pickled to another process of the run (through a Queue, a
//! Pipe, a Pool task), as CPython's fork context does it (`connection.reduce_connection`,
//! `resource_sharer.DupFd`): the sender hands a duplicate of the connection's fd over, and the
//! receiver rebuilds a Connection on the same pipe.
//!
//! CPython's resource sharer is a thread of the sender listening on a named socket; a lesson process
//! may have neither, so the duplicate goes to the run's fd broker (`runtime::broker`) under a key
//! of its own, and the receiver takes it from there, once, as `DupFd.detach()` does.

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
        &[("rebuild_connection", rebuild_connection)],
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
        Some(libc::ENOENT) => crate::python::exceptions_os::from_errno(libc::ECONNREFUSED, None),
        _ => os_error(e),
    })?;
    debug_assert!(fd.as_raw_fd() >= 0);
    let ch = Channel::adopt(fd).map_err(os_error)?;
    Ok(super::pipe::adopt(it, ch, *readable, *writable))
}
