//! This process's runtime state: where its trace goes, its control page and slot, its identity.
//!
//! Statics, because a lesson process is single-threaded and `fork()` copies them into the child,
//! where `process::fork` resets what differs (pid, sequence numbers, slot). Atomics only so that the
//! statics are `Sync`; there is no concurrency inside a lesson process.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI32, AtomicPtr, AtomicU32, AtomicU64, Ordering};

use crate::trace::control::{ControlPage, Slot};
use crate::trace::ring::Ring;

/// The trace pipe's write end, or -1 when no observer is attached (plain use, unit tests).
pub(crate) static TRACE_FD: AtomicI32 = AtomicI32::new(-1);
/// The run's control page, once mapped (never unmapped: children share the mapping).
pub(crate) static CONTROL: OnceLock<ControlPage> = OnceLock::new();
/// Next sequence number of this process's records.
pub(crate) static SEQ: AtomicU64 = AtomicU64::new(0);
/// This process's pid and its parent's, cached (0 = not cached yet).
static PID: AtomicI32 = AtomicI32::new(0);
static PPID: AtomicI32 = AtomicI32::new(0);
/// This process's slot in the control page, or null.
static SLOT: AtomicPtr<Slot> = AtomicPtr::new(std::ptr::null_mut());
/// The number of that slot (its trace ring's), or `NO_SLOT`.
static SLOT_INDEX: AtomicU32 = AtomicU32::new(NO_SLOT);
const NO_SLOT: u32 = u32::MAX;

/// The control page, when a run is attached.
pub(crate) fn control() -> Option<&'static ControlPage> {
    CONTROL.get()
}

/// The next sequence number of this process's records. A load and a store, not a `fetch_add`:
/// one process writes its records from one thread (its ring has one writer), and a locked
/// instruction per record was a measurable part of a Lock pair.
#[inline]
pub(crate) fn next_seq() -> u64 {
    let seq = SEQ.load(Ordering::Relaxed);
    SEQ.store(seq + 1, Ordering::Relaxed);
    seq
}

/// This process's pid (cached; `fork` refreshes it in the child).
pub fn pid() -> i32 {
    match PID.load(Ordering::Relaxed) {
        0 => {
            // SAFETY: getpid cannot fail.
            let pid = unsafe { libc::getpid() };
            PID.store(pid, Ordering::Relaxed);
            pid
        }
        pid => pid,
    }
}

/// The pid of the process that created this one (cached like [`pid`]).
pub fn parent_pid() -> i32 {
    match PPID.load(Ordering::Relaxed) {
        0 => {
            // SAFETY: getppid cannot fail.
            let ppid = unsafe { libc::getppid() };
            PPID.store(ppid, Ordering::Relaxed);
            ppid
        }
        ppid => ppid,
    }
}

/// Sets this process's identity after a fork (in the child) and takes control-page slot `slot`.
pub(crate) fn become_process(pid: i32, ppid: i32, slot: Option<u32>) {
    PID.store(pid, Ordering::Relaxed);
    PPID.store(ppid, Ordering::Relaxed);
    SEQ.store(0, Ordering::Relaxed);
    // The parent's last clock reading is not one of this process's records.
    super::recent::forget();
    // Set before anything else of the child can write a record: the parent's ring has one writer.
    let index = slot.filter(|i| control().is_some_and(|c| c.ring(*i).is_some()));
    SLOT_INDEX.store(index.unwrap_or(NO_SLOT), Ordering::Relaxed);
    let slot = slot.and_then(|i| control().and_then(|c| c.slot(i)));
    let ptr = match slot {
        Some(s) => {
            s.pid.store(pid, Ordering::Relaxed);
            s.line.store(0, Ordering::Relaxed);
            s.col.store(0, Ordering::Relaxed);
            std::ptr::from_ref(s).cast_mut()
        }
        None => std::ptr::null_mut(),
    };
    SLOT.store(ptr, Ordering::Relaxed);
}

/// Publishes the statement this process is about to run (1-based line and column, as
/// `python::ast::Pos`) to its control-page slot, where the observer samples it. Two relaxed stores;
/// nothing without a run.
#[inline]
pub fn set_line(line: u32, col: u32) {
    if super::MEMORY_LIMIT_PENDING.load(Ordering::Relaxed) != 0 {
        super::apply_memory_limit();
    }
    let slot = SLOT.load(Ordering::Relaxed);
    if !slot.is_null() {
        // SAFETY: a non-null SLOT points into the control page, which is never unmapped.
        let slot = unsafe { &*slot };
        slot.line.store(line, Ordering::Relaxed);
        slot.col.store(col, Ordering::Relaxed);
        // A checkpoint of a held run (one relaxed load in a free one).
        super::gate::statement(slot, line, col);
    }
}

/// This process's trace ring, when it has a slot.
#[inline]
pub(crate) fn ring() -> Option<Ring<'static>> {
    match SLOT_INDEX.load(Ordering::Relaxed) {
        NO_SLOT => None,
        i => control()?.ring(i),
    }
}

/// This process's control-page slot, when it has one.
#[inline]
pub(crate) fn slot() -> Option<&'static Slot> {
    let slot = SLOT.load(Ordering::Relaxed);
    // SAFETY: a non-null SLOT points into the control page, which is never unmapped.
    (!slot.is_null()).then(|| unsafe { &*slot })
}

/// Whether this process writes a trace (it is part of an observed run).
pub fn is_traced() -> bool {
    TRACE_FD.load(Ordering::Relaxed) >= 0
}
