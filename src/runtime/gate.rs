//! Checkpoints: where a lesson process of a held run stops until the scheduler grants it a step
//! (`scheduler.md`). Every function here is one relaxed load in a free run.
//!
//! A checkpoint publishes what the next step does (line, column, a few words, a deadline for a
//! sleep), marks the slot `AtGate`, and waits on its credit futex; it goes on once it took a credit.
//! Kernel waits mark the slot `Blocked` so the scheduler knows the process cannot be stepped.

use std::sync::atomic::Ordering;

use super::state;
use crate::trace::control::Slot;
use crate::trace::gate::{FREE, Gate, NO_DEADLINE, Status, futex_wait};

/// This process's gate when the run is held for it.
#[inline]
fn held_gate() -> Option<&'static Gate> {
    let gate = &state::slot()?.gate;
    gate.is_held().then_some(gate)
}

/// Whether this process is in a held run.
#[inline]
pub fn is_held() -> bool {
    held_gate().is_some()
}

/// Sets up this process's gate when it takes its slot: held or free as the run is, named `name`.
pub(crate) fn init(gate: &Gate, name: &str) {
    let held = state::control().is_some_and(|c| c.held().0);
    gate.name.store(name);
    gate.deadline_ns.store(NO_DEADLINE, Ordering::Relaxed);
    gate.taken.store(0, Ordering::Relaxed);
    gate.set_status(Status::Running);
    gate.credit
        .store(if held { 0 } else { FREE }, Ordering::Release);
    // The playground may hold or release a live run while this process starts: it changes the
    // page's flag, then every slot's credit. Look at the flag again after storing ours, so that
    // either this process sees the change or the observer's pass over the slots sees this slot.
    std::sync::atomic::fence(Ordering::SeqCst);
    let now_held = state::control().is_some_and(|c| c.held().0);
    if now_held != held {
        let (from, to) = if now_held { (FREE, 0) } else { (0, FREE) };
        let _ = gate
            .credit
            .compare_exchange(from, to, Ordering::AcqRel, Ordering::Relaxed);
    }
}

/// The start of a statement in `slot`, this process's (skipped under `--granularity op`). In a
/// free run: the one relaxed load of the credit.
#[inline]
pub(crate) fn statement(slot: &Slot, line: u32, col: u32) {
    let gate = &slot.gate;
    if gate.is_held() && !state::control().is_some_and(|c| c.held().1) {
        wait(gate, line, col, "statement", NO_DEADLINE);
    }
}

/// An operation other processes can observe: `what` says which ("Value#1 read").
#[inline]
pub fn operation(what: impl FnOnce() -> String) {
    if let Some(gate) = held_gate() {
        let (line, col) = here();
        wait(gate, line, col, &what(), NO_DEADLINE);
    }
}

/// `time.sleep` in a held run: a checkpoint that the scheduler passes once the lesson clock has
/// reached `until_ns` (it moves the clock there). Returns false in a free run (sleep for real).
pub fn sleep_until(until_ns: u64) -> bool {
    let Some(gate) = held_gate() else {
        return false;
    };
    let (line, col) = here();
    let what = format!("sleep until {}", lesson_secs(until_ns));
    wait(gate, line, col, &what, until_ns);
    true
}

/// The process's last checkpoint: it is about to end.
pub fn exit(code: i32) {
    if let Some(gate) = held_gate() {
        let (line, col) = here();
        wait(gate, line, col, &format!("exit({code})"), NO_DEADLINE);
        gate.set_status(Status::Ending);
    }
}

/// What a process about to block in the kernel waits on ("acquire Lock#2"). Stored in a free run
/// too (a blocking call is slow anyway): a free run the learner holds in the playground shows its
/// blocked processes' waits at once.
pub fn blocked_on(on: &str, op: &str) {
    if let Some(slot) = state::slot() {
        slot.gate.what.store(&format!("{op} {on}"));
    }
}

/// Around a kernel wait (`clock::wait_poll`): `deadline_ns` is when it times out, if it does.
/// Marked in a free run too, so that holding a live run (the playground's `s`) sees a process
/// already inside a wait as blocked rather than as moving.
pub fn enter_wait(deadline_ns: Option<u64>) {
    if let Some(slot) = state::slot() {
        let gate = &slot.gate;
        gate.deadline_ns
            .store(deadline_ns.unwrap_or(NO_DEADLINE), Ordering::Relaxed);
        gate.set_status(Status::Blocked);
    }
}

/// The kernel wait returned.
pub fn leave_wait() {
    if let Some(slot) = state::slot() {
        slot.gate.set_status(Status::Running);
    }
}

fn here() -> (u32, u32) {
    state::slot().map_or((0, 0), |s| {
        (
            s.line.load(Ordering::Relaxed),
            s.col.load(Ordering::Relaxed),
        )
    })
}

fn lesson_secs(ns: u64) -> String {
    format!("{:.3} s", ns as f64 / 1e9)
}

/// Publishes the next step and waits for a credit.
fn wait(gate: &Gate, line: u32, col: u32, what: &str, deadline_ns: u64) {
    gate.line.store(line, Ordering::Relaxed);
    gate.col.store(col, Ordering::Relaxed);
    gate.what.store(what);
    gate.deadline_ns.store(deadline_ns, Ordering::Relaxed);
    gate.set_status(Status::AtGate);
    loop {
        let credit = gate.credit.load(Ordering::Acquire);
        if credit == FREE {
            break;
        }
        if credit > 0 {
            if gate
                .credit
                .compare_exchange(credit, credit - 1, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
            {
                break;
            }
            continue;
        }
        futex_wait(&gate.credit, 0);
    }
    gate.set_status(Status::Running);
    gate.taken.fetch_add(1, Ordering::Release);
}
