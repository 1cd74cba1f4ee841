//! A Pool made after the fork server started (a program's second `forkserver` Pool): the server
//! has no copy of it, so the worker side of its kernel objects (the task pipe's read end, the
//! result pipe's write end, the two locks' shared words) is described here and its fds go
//! through the run's broker with the request, as CPython passes a pool's queues to a served
//! worker by their fds. The served worker rebuilds a Pool that holds just those.
//!
//! `forkserver.rs` sends and receives the description; the worker loop (`worker.rs`) uses the
//! rebuilt pool as it uses an inherited one.

use std::cell::RefCell;
use std::os::fd::{OwnedFd, RawFd};
use std::rc::Rc;

use super::scheduler::{PoolKernel, PoolRef, PoolState};
use crate::python::value::{Instance, Value};
use crate::runtime::sync::{Channel, Sem, Shared};

/// The fds of the pool's worker side and the bytes that say how to map its locks.
pub(crate) fn describe(pool: &Value) -> Option<(Vec<RawFd>, Vec<u8>)> {
    let p = crate::python::modules::sync::payload::<PoolRef>(pool)?;
    let p = p.0.borrow();
    let (read, write) = (p.read_lock.handover(), p.write_lock.handover());
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&p.id.to_le_bytes());
    bytes.extend_from_slice(&p.maxtasks.unwrap_or(0).to_le_bytes());
    for h in [read, write] {
        for n in [h.file_len, h.offset, h.len] {
            bytes.extend_from_slice(&(n as u64).to_le_bytes());
        }
    }
    let fds = vec![p.tasks_r.fd(), p.results_w.fd(), read.fd, write.fd];
    Some((fds, bytes))
}

/// The number of fds [`describe`] hands over.
pub(crate) const FDS: usize = 4;

/// The pool a served worker of `method` rebuilds from a description and its fds; `None` for a
/// description no asker of this run wrote.
pub(crate) fn rebuild(bytes: &[u8], fds: Vec<OwnedFd>, method: &'static str) -> Option<Value> {
    let mut at = 0usize;
    let mut word = |n: usize| -> Option<&[u8]> {
        let w = bytes.get(at..at + n)?;
        at += n;
        Some(w)
    };
    let id = u32::from_le_bytes(word(4)?.try_into().ok()?);
    let maxtasks = i64::from_le_bytes(word(8)?.try_into().ok()?);
    let mut sizes = [0usize; 6];
    for s in &mut sizes {
        *s = usize::try_from(u64::from_le_bytes(word(8)?.try_into().ok()?)).ok()?;
    }
    let [tasks_r, results_w, read, write]: [OwnedFd; FDS] = fds.try_into().ok()?;
    let read = Shared::adopt(read, sizes[0], sizes[1], sizes[2]).ok()?;
    let write = Shared::adopt(write, sizes[3], sizes[4], sizes[5]).ok()?;
    // The parent's ends, which a worker never uses (it points them at /dev/null): a pipe of
    // its own stands in for them.
    let (results_r, tasks_w) = Channel::pipe().ok()?;
    let kernel = PoolKernel {
        tasks_r: Channel::adopt(tasks_r).ok()?,
        tasks_w,
        results_r,
        results_w: Channel::adopt(results_w).ok()?,
        read_lock: Sem::adopt(read),
        write_lock: Sem::adopt(write),
    };
    let state = PoolState::new(id, kernel, method, (maxtasks > 0).then_some(maxtasks));
    Some(Value::Instance(Rc::new(Instance {
        class: super::pool_class(),
        attrs: Default::default(),
        native: RefCell::new(Some(Box::new(PoolRef(Rc::new(RefCell::new(state)))))),
    })))
}
