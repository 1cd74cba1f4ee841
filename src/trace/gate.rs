//! A process slot's gate: what a held run's scheduler and a lesson process share about the step the
//! process is about to take (`scheduler.md`). The process writes where it stands and waits on
//! `credit` (a futex word); the observer grants a step by adding one credit and waking it.
//!
//! In a free run `credit` holds [`FREE`]: a checkpoint then costs one relaxed load and nothing else.
//! Only atomics, like the rest of the control page.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// `credit` of a process in a free run: every checkpoint passes.
pub const FREE: u32 = u32::MAX;
/// `deadline_ns` of a wait without a deadline.
pub const NO_DEADLINE: u64 = u64::MAX;

/// Where a process of a held run stands (`status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Status {
    /// Between two checkpoints (taking a step), or free.
    Running = 0,
    /// At a checkpoint, waiting for a credit. `what` says what its next step does; a sleeping
    /// process waits here too, with its wake-up in `deadline_ns`.
    AtGate = 1,
    /// Inside a kernel wait (acquire, get, join, recv...): `what` says on what, `deadline_ns` until
    /// when.
    Blocked = 2,
    /// Past its last checkpoint, ending.
    Ending = 3,
}

impl Status {
    fn from_u32(v: u32) -> Status {
        match v {
            1 => Status::AtGate,
            2 => Status::Blocked,
            3 => Status::Ending,
            _ => Status::Running,
        }
    }
}

/// A short text in atomics: UTF-8, zero-padded, cut on a character boundary.
#[repr(C)]
pub struct Text<const WORDS: usize>([AtomicU64; WORDS]);

impl<const WORDS: usize> Text<WORDS> {
    /// Stores `s` (cut to `8 * WORDS` bytes).
    pub fn store(&self, s: &str) {
        let mut end = s.len().min(WORDS * 8);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0u8; 8];
        for (i, word) in self.0.iter().enumerate() {
            bytes.fill(0);
            let from = (i * 8).min(end);
            let to = (from + 8).min(end);
            bytes[..to - from].copy_from_slice(&s.as_bytes()[from..to]);
            word.store(u64::from_le_bytes(bytes), Ordering::Relaxed);
        }
    }

    /// The text stored last (lossy if a store raced with this load).
    pub fn load(&self) -> String {
        let mut out = Vec::with_capacity(WORDS * 8);
        for word in &self.0 {
            out.extend_from_slice(&word.load(Ordering::Relaxed).to_le_bytes());
        }
        let len = out.iter().position(|&b| b == 0).unwrap_or(out.len());
        out.truncate(len);
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// The gate part of a process slot.
#[repr(C)]
pub struct Gate {
    /// Steps granted and not yet taken; [`FREE`] in a free run. The futex word a held process
    /// waits on.
    pub credit: AtomicU32,
    /// A [`Status`].
    status: AtomicU32,
    /// The line and column of the step about to be taken.
    pub line: AtomicU32,
    pub col: AtomicU32,
    /// Lesson time the process waits until (a sleep's end, a timeout), or [`NO_DEADLINE`].
    pub deadline_ns: AtomicU64,
    /// Steps this process has taken (each granted credit it consumed).
    pub taken: AtomicU64,
    /// What the next step does ("statement", "Value#1 read", "Lock#2.acquire"), or what a blocked
    /// process waits on ("acquire Lock#2").
    pub what: Text<8>,
    /// The process's Python name (`MainProcess`, `Process-1`): schedules name processes so.
    pub name: Text<4>,
}

impl Gate {
    /// Where the process stands.
    pub fn status(&self) -> Status {
        Status::from_u32(self.status.load(Ordering::Acquire))
    }

    /// Publishes where the process stands (after `what`, `line`, `deadline_ns`).
    pub fn set_status(&self, s: Status) {
        self.status.store(s as u32, Ordering::Release);
    }

    /// Whether the run is held for this process (checkpoints stop).
    #[inline]
    pub fn is_held(&self) -> bool {
        self.credit.load(Ordering::Relaxed) != FREE
    }
}

/// Waits while `*word == expected` (or until woken); spurious returns are the caller's loop's job.
pub fn futex_wait(word: &AtomicU32, expected: u32) {
    // SAFETY: FUTEX_WAIT on a valid, aligned u32 inside a shared mapping (no PRIVATE flag: the
    // waker is another process); a null timeout waits until woken.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAIT,
            expected,
            std::ptr::null::<libc::timespec>(),
        );
    }
}

/// Sleeps while `word` holds `expected`, at most `ns` real nanoseconds; returns early on a wake, a
/// signal, or when the word already differs. The caller looks again in every case.
pub fn futex_wait_for(word: &AtomicU32, expected: u32, ns: u64) {
    let ts = libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as libc::c_long,
    };
    // SAFETY: FUTEX_WAIT on a valid, aligned u32 (shared with other processes: no PRIVATE flag),
    // with a valid relative timeout.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAIT,
            expected,
            &raw const ts,
        );
    }
}

/// Wakes at most `n` processes waiting on `word`.
pub fn futex_wake_n(word: &AtomicU32, n: i32) {
    // SAFETY: FUTEX_WAKE on a valid, aligned u32.
    unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, n);
    }
}

/// Wakes every process waiting on `word`.
pub fn futex_wake(word: &AtomicU32) {
    // SAFETY: FUTEX_WAKE on a valid, aligned u32 inside a shared mapping.
    unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, i32::MAX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_cuts_on_a_character_boundary() {
        let t: Text<2> = Text([AtomicU64::new(0), AtomicU64::new(0)]);
        t.store("Lock#2.acquire");
        assert_eq!(t.load(), "Lock#2.acquire");
        t.store("ab");
        assert_eq!(t.load(), "ab", "the rest is cleared");
        t.store("ééééééééé"); // 18 bytes: cut to 16, on a boundary
        assert_eq!(t.load(), "éééééééé");
    }
}
