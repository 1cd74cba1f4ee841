//! Primitives handed to a process that did not inherit them: a child of the fork server (forked
//! before the primitive was made) gets its kernel objects' fds through the run's broker, as
//! CPython passes a primitive's fds to the server's child, and rebuilds the primitive on them.
//!
//! A description is bytes naming fds by their index in a list sent alongside; each primitive's
//! module writes and reads its own fields ([`super::sync`], [`super::shared`], [`super::queues`]).

use std::os::fd::{OwnedFd, RawFd};

use crate::python::value::{Instance, Value};
use crate::runtime::sync::{Handover, Shared};

/// The first field of a description: which primitive it is.
pub const SEMLOCK: u64 = 1;
pub const EVENT: u64 = 2;
pub const SHARED: u64 = 3;
pub const QUEUE: u64 = 4;
pub const CONDITION: u64 = 5;
pub const BARRIER: u64 = 6;
pub const BLOCK: u64 = 7;

/// Descriptions being written, and the fds they name (each once).
#[derive(Default, Debug)]
pub struct Out {
    pub bytes: Vec<u8>,
    pub fds: Vec<RawFd>,
}

impl Out {
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.bytes.extend_from_slice(b);
    }

    pub fn fd(&mut self, fd: RawFd) {
        let i = match self.fds.iter().position(|f| *f == fd) {
            Some(i) => i,
            None => {
                self.fds.push(fd);
                self.fds.len() - 1
            }
        };
        self.u64(i as u64);
    }

    pub fn shm(&mut self, h: Handover) {
        self.fd(h.fd);
        self.u64(h.file_len as u64);
        self.u64(h.offset as u64);
        self.u64(h.len as u64);
    }
}

/// Descriptions being read, with the fds received. Every read is checked: `None` for bytes no
/// writer of this run made.
pub struct In<'a> {
    bytes: &'a [u8],
    fds: Vec<OwnedFd>,
}

impl<'a> In<'a> {
    pub fn new(bytes: &'a [u8], fds: Vec<OwnedFd>) -> In<'a> {
        In { bytes, fds }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn u64(&mut self) -> Option<u64> {
        let (head, rest) = self.bytes.split_first_chunk::<8>()?;
        self.bytes = rest;
        Some(u64::from_le_bytes(*head))
    }

    pub fn str(&mut self) -> Option<String> {
        let n = usize::try_from(self.u64()?).ok()?;
        let s = String::from_utf8(self.bytes.get(..n)?.to_vec()).ok()?;
        self.bytes = &self.bytes[n..];
        Some(s)
    }

    pub fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = usize::try_from(self.u64()?).ok()?;
        let b = self.bytes.get(..n)?.to_vec();
        self.bytes = &self.bytes[n..];
        Some(b)
    }

    /// A copy of a received fd (one fd may back several pieces).
    pub fn fd(&mut self) -> Option<OwnedFd> {
        let i = usize::try_from(self.u64()?).ok()?;
        self.fds.get(i)?.try_clone().ok()
    }

    pub fn shm(&mut self) -> Option<Shared> {
        let fd = self.fd()?;
        let mut n = || usize::try_from(self.u64()?).ok();
        let (file_len, offset, len) = (n()?, n()?, n()?);
        Shared::adopt(fd, file_len, offset, len).ok()
    }
}

/// Describes primitive `inst` into `out`; `false` for an object that cannot be handed over.
pub fn describe(inst: &Instance, out: &mut Out) -> bool {
    super::sync::describe(inst, out)
        || super::shared::describe(inst, out)
        || super::queues::describe(inst, out)
        || super::ctypes_mem::describe(inst, out)
}

/// The primitive a description (its next one in `input`) stands for, on the fds received.
pub fn rebuild(input: &mut In) -> Option<Value> {
    match input.u64()? {
        SEMLOCK => super::sync::rebuild_semlock(input),
        EVENT => super::sync::rebuild_event(input),
        SHARED => super::shared::rebuild(input),
        QUEUE => super::queues::rebuild(input),
        CONDITION => super::sync::rebuild_condition(input),
        BARRIER => super::sync::rebuild_barrier(input),
        BLOCK => super::ctypes_mem::rebuild(input),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_back_in_order_and_fds_are_named_once() {
        let a = Shared::new(16).unwrap();
        let b = Shared::new(8).unwrap();
        let mut out = Out::default();
        out.u64(7);
        out.str("Lock-3");
        out.shm(a.handover());
        out.shm(b.handover());
        assert_eq!(out.fds.len(), 1, "two slots of one memfd send it once");
        let fds = out.fds.iter().map(|fd| {
            // SAFETY: dup of an fd the test holds open, as the broker would hand one over.
            let d = unsafe { libc::dup(*fd) };
            assert!(d >= 0);
            // SAFETY: `d` was just returned by dup and is owned by nobody else.
            unsafe { std::os::fd::FromRawFd::from_raw_fd(d) }
        });
        let mut input = In::new(&out.bytes, fds.collect());
        assert_eq!(input.u64(), Some(7));
        assert_eq!(input.str().as_deref(), Some("Lock-3"));
        let a2 = input.shm().unwrap();
        let b2 = input.shm().unwrap();
        assert!(input.is_empty());
        a.counter(1).store(5, std::sync::atomic::Ordering::SeqCst);
        b2.counter(0).store(9, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(a2.counter(1).load(std::sync::atomic::Ordering::SeqCst), 5);
        assert_eq!(b.counter(0).load(std::sync::atomic::Ordering::SeqCst), 9);
    }

    #[test]
    fn bytes_no_writer_made_rebuild_nothing() {
        let mut out = Out::default();
        out.u64(SEMLOCK);
        out.u64(0);
        // Cut short, an unknown kind, an fd index past the list: all `None`, never a panic.
        assert!(rebuild(&mut In::new(&out.bytes, vec![])).is_none());
        assert!(rebuild(&mut In::new(&[1, 2, 3], vec![])).is_none());
        let mut unknown = Out::default();
        unknown.u64(99);
        assert!(rebuild(&mut In::new(&unknown.bytes, vec![])).is_none());
        let mut far = Out::default();
        far.u64(EVENT);
        far.u64(1);
        far.str("Event-1");
        far.u64(4);
        assert!(rebuild(&mut In::new(&far.bytes, vec![])).is_none());
        let mut long = Out::default();
        long.u64(u64::MAX);
        assert!(In::new(&long.bytes, vec![]).str().is_none());
        assert!(In::new(&long.bytes, vec![]).bytes().is_none());
        let mut raw = Out::default();
        raw.bytes(b"\x00\xff");
        assert_eq!(In::new(&raw.bytes, vec![]).bytes(), Some(vec![0, 255]));
    }
}
