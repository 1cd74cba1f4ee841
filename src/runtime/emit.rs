//! The trace writer: every fact a lesson process reports goes through [`emit`].
//!
//! A record fits one JSON line of at most `PIPE_BUF` bytes (a long output text becomes several
//! records, `trace::frame::fit`); it is committed whole, as a binary frame (`trace::wire`), to this
//! process's trace ring in the control page (`trace::ring`): no system call, unless the observer sleeps (one byte on the trace pipe wakes
//! it) or the ring is full (the process waits for the observer to drain it). A process without a
//! slot writes its records to the trace pipe itself as JSON lines, one `write()` each, so records never tear.
//! Nothing is buffered in the process, so there is nothing to flush before a fork or lose at
//! `_exit`: a committed record is in shared memory, read by the observer even after a SIGKILL.

use std::sync::atomic::Ordering;

use super::{capture, recent, state};
use crate::trace::op_name::{OTHER_CODE, Op};
use crate::trace::ring::Ring;
use crate::trace::wire::Stamp;
use crate::trace::{Event, Record};
use crate::trace::{frame, wire};

/// Reports `event` to the observer. Without a run (plain use, unit tests) it goes to the
/// [`capture`](super::capture::capture) sink of this thread if one is open, else nowhere.
pub fn emit(event: Event) {
    if let Event::State {
        state: crate::trace::State::Blocked { on, op },
    } = &event
    {
        super::gate::blocked_on(on, op);
    }
    let fd = state::TRACE_FD.load(Ordering::Relaxed);
    if fd < 0 {
        capture::offer(event);
        return;
    }
    let ring = state::ring();
    if let (
        Some(ring),
        Event::Op {
            id,
            op,
            detail: None,
        },
    ) = (ring, &event)
        && op.code() != OTHER_CODE
    {
        send_op(ring, fd, *id, op.code());
        return;
    }
    // Nearly every event fits one record as it is (an op, a state, a short print): no vector of
    // pieces for it.
    if frame::surely_fits(&event) {
        send(ring, fd, record(event));
        return;
    }
    for piece in frame::fit(event) {
        send(ring, fd, record(piece));
    }
}

/// Reports `Op { id, op, detail: None }`, as [`emit`] would, without making the event: the
/// commonest record of all (a Lock pair makes two).
#[inline]
pub fn emit_op(id: u32, op: &Op) {
    let code = op.code();
    let fd = state::TRACE_FD.load(Ordering::Relaxed);
    match state::ring() {
        Some(ring) if fd >= 0 && code != OTHER_CODE => send_op(ring, fd, id, code),
        _ => emit(Event::Op {
            id,
            op: op.clone(),
            detail: None,
        }),
    }
}

/// [`emit_op`] for an op whose record may carry this process's last clock reading when that
/// was made less than `recent::WINDOW_NS` (10 µs) ago, instead of reading the clock: a hand-over
/// (a Lock's `released`, recorded before the token goes back, so any earlier time still comes
/// before the take it allows), or a take of what this process itself handed over last (its
/// `released` came no later than its last reading). Any other take must read the clock after it,
/// so that it comes after the other process's hand-over in time order.
#[inline]
pub fn emit_op_recent(id: u32, op: &Op) {
    let code = op.code();
    let fd = state::TRACE_FD.load(Ordering::Relaxed);
    match state::ring() {
        Some(ring) if fd >= 0 && code != OTHER_CODE => {
            let (mono, lesson) = recent::recent_or_fresh(|m| super::clock::params().lesson_at(m));
            send_op_at(ring, fd, id, code, stamp_at(mono, lesson));
        }
        _ => emit_op(id, op),
    }
}

/// Commits an op frame (`wire::op_frame_into`), written at fixed offsets straight into the ring.
#[inline]
fn send_op(ring: Ring<'static>, fd: i32, id: u32, code: u8) {
    send_op_at(ring, fd, id, code, stamp());
}

#[inline]
fn send_op_at(ring: Ring<'static>, fd: i32, id: u32, code: u8, stamp: Stamp) {
    if ring
        .push_with(|f| wire::op_frame_into(f, stamp, id, code))
        .is_ok()
    {
        wake_observer(fd);
    } else {
        commit(ring, fd, &wire::op_frame(stamp, id, code));
    }
}

thread_local! {
    /// The frame being committed: one buffer reused for every record of the process, so that a
    /// record costs no allocation of its own (a Lock pair makes two records).
    static FRAME: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

// Inlined into `emit`, as `record` is: the record is built where it is encoded instead of moved
// through two calls (a `memmove` per move, 4% of a Lock run's lesson samples).
#[inline]
fn send(ring: Option<Ring<'static>>, fd: i32, record: Record) {
    match ring {
        // The ring takes the compact binary frame: JSON cost several times the interpreter's
        // own work on a Lock pair. The observer turns it back into JSON for the user.
        Some(ring) => FRAME.with(|buf| match buf.try_borrow_mut() {
            Ok(mut buf) => {
                buf.clear();
                wire::encode_into(&record, &mut buf);
                commit(ring, fd, &buf);
            }
            // Not reentrant today; should a record ever be made while one is committed, it gets
            // a buffer of its own rather than a panic.
            Err(_) => commit(ring, fd, &wire::encode(&record)),
        }),
        None => write_whole(fd, &frame::encode(&record)),
    }
}

/// The longest a writer sleeps for room before it looks whether the observer is still there.
const FULL_RING_NAP_NS: u64 = 1_000_000_000;

/// Puts `line` in this process's ring, waiting for room while it is full, then wakes the observer
/// if it sleeps.
fn commit(ring: Ring<'static>, fd: i32, line: &[u8]) {
    while ring.push(line).is_err() {
        // Full: the observer may be asleep with its ring not yet looked at, so wake it first.
        wake_observer(fd);
        if observer_gone(fd) {
            // Nobody is left to read it; the run's cleanup is about to kill this process.
            return;
        }
        // The observer wakes us once it drained the ring; the timeout only bounds the look at a
        // gone observer (whose lifeline kills the run anyway), so a blocked writer sleeps as one
        // blocked on a full pipe did instead of waking every slice.
        ring.sleep_for_room(line.len(), FULL_RING_NAP_NS);
    }
    wake_observer(fd);
}

/// One byte on the trace pipe when the observer said it sleeps (the reader skips empty lines).
fn wake_observer(fd: i32) {
    if state::control().is_some_and(|c| c.take_observer_wake()) {
        write_whole(fd, b"\n");
    }
}

/// Whether the trace pipe has no reader left (`POLLERR` on a write end).
fn observer_gone(fd: i32) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: poll on one valid pollfd, no waiting.
    unsafe { libc::poll(&mut p, 1, 0) > 0 && p.revents & (libc::POLLERR | libc::POLLNVAL) != 0 }
}

/// A record around `event`, stamped with this process's identity and both clocks.
#[inline]
fn record(event: Event) -> Record {
    let s = stamp();
    Record {
        pid: s.pid,
        ppid: s.ppid,
        seq: s.seq,
        mono_ns: s.mono_ns,
        lesson_ns: s.lesson_ns,
        event,
    }
}

/// This process's identity, its next sequence number and both clocks, now (remembered as the
/// process's last reading, `recent`).
#[inline]
fn stamp() -> Stamp {
    let (mono, lesson) = recent::fresh(|m| super::clock::params().lesson_at(m));
    stamp_at(mono, lesson)
}

/// This process's identity and next sequence number, at the given times.
#[inline]
fn stamp_at(mono_ns: u64, lesson_ns: u64) -> Stamp {
    Stamp {
        pid: state::pid(),
        ppid: state::parent_pid(),
        seq: state::next_seq(),
        mono_ns,
        lesson_ns,
    }
}

/// One `write()` of a whole line (at most PIPE_BUF bytes, so the pipe takes it whole or blocks).
fn write_whole(fd: i32, line: &[u8]) {
    loop {
        // SAFETY: writing our own buffer to our own fd.
        let n = unsafe { libc::write(fd, line.as_ptr().cast(), line.len()) };
        if n >= 0 {
            debug_assert_eq!(
                n as usize,
                line.len(),
                "a pipe write of <= PIPE_BUF is atomic"
            );
            return;
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            // The observer is gone (EPIPE): this process is about to be killed by the run's
            // lifeline or its cleanup; there is nobody left to tell.
            return;
        }
    }
}
