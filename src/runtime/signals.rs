//! Signals a lesson program handles itself (`signal.signal(SIGTERM, handler)`), as CPython does it:
//! the C-level handler only notes that the signal came; the Python handler runs later, between
//! statements (the interpreter's statement hook) or when a blocking wait notices the note and
//! returns early to let it run.
//!
//! The notes are statics, so `fork()` copies them; a new child clears them (`after_fork`) as
//! CPython's `PyOS_AfterFork_Child` does, and an alarm is not inherited (the kernel clears it).
//! Handlers are installed without `SA_RESTART`, so a blocking `poll` or `nanosleep` returns `EINTR`.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

/// One more than the highest signal number (Linux's `_NSIG`), CPython's `signal.NSIG`.
pub const NSIG: i32 = 65;

#[allow(clippy::declare_interior_mutable_const)]
const CLEAR: AtomicBool = AtomicBool::new(false);
/// Which signals came and have not been handled yet.
static PENDING: [AtomicBool; NSIG as usize] = [CLEAR; NSIG as usize];
/// Whether any of `PENDING` is set (one load for the statement hook).
static ANY: AtomicBool = AtomicBool::new(false);

extern "C" fn note(sig: libc::c_int) {
    // Async-signal-safe: two atomic stores.
    if (1..NSIG).contains(&sig) {
        PENDING[sig as usize].store(true, Ordering::SeqCst);
        ANY.store(true, Ordering::SeqCst);
    }
}

/// What the kernel does when `sig` comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// The signal's default action (`SIG_DFL`): most end the process.
    Default,
    /// Nothing (`SIG_IGN`).
    Ignore,
    /// Note it for the program's own handler.
    Catch,
}

/// Sets what happens when `sig` comes. Fails (`EINVAL`) for SIGKILL and SIGSTOP, as in CPython.
pub fn set(sig: i32, how: Disposition) -> io::Result<()> {
    // SAFETY: a zeroed sigaction is valid; sigemptyset and sigaction get valid pointers.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = match how {
            Disposition::Default => libc::SIG_DFL,
            Disposition::Ignore => libc::SIG_IGN,
            Disposition::Catch => note as extern "C" fn(libc::c_int) as libc::sighandler_t,
        };
        // No SA_RESTART: a blocked wait must wake up to let the Python handler run.
        act.sa_flags = 0;
        libc::sigemptyset(&mut act.sa_mask);
        if libc::sigaction(sig, &act, std::ptr::null_mut()) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Whether a caught signal waits for its handler (one relaxed load: the statement hook's cost).
#[inline]
pub fn any_pending() -> bool {
    ANY.load(Ordering::Relaxed)
}

/// The caught signals not handled yet, lowest number first (the order CPython runs handlers in),
/// and clears their notes.
pub fn take_pending() -> Vec<i32> {
    if !ANY.swap(false, Ordering::SeqCst) {
        return Vec::new();
    }
    (1..NSIG)
        .filter(|&s| PENDING[s as usize].swap(false, Ordering::SeqCst))
        .collect()
}

/// Notes `sig` again (a handler before it raised, so it waits for the next check).
pub fn renote(sig: i32) {
    note(sig);
}

/// Whether `pid` is a process of this run: one that took a slot of the run's control page and is
/// in the run's process group, or is gone (then `kill` says "No such process", as CPython's
/// does). Outside a run: a process of this process's own group.
pub fn belongs_to_run(pid: i32) -> bool {
    // SAFETY: getpgid/getpgrp only read the process table.
    let group = unsafe { libc::getpgid(pid) };
    let gone = group < 0 && io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
    // SAFETY: as above.
    if !gone && group != unsafe { libc::getpgrp() } {
        return false;
    }
    match super::state::control() {
        Some(page) => (0..page.started())
            .filter_map(|i| page.slot(i))
            .any(|s| s.pid.load(Ordering::Relaxed) == pid),
        None => !gone,
    }
}

/// Have the kernel send this process SIGIO when `fd` (a pipe's read end) becomes readable, and
/// note SIGIO like any caught signal, so the interpreter acts on it between statements and wakes
/// from a sleep. (Used for a Pool's result pipe: see `python::modules::pool::results_arrived`.)
pub fn notify_when_readable(fd: i32) -> io::Result<()> {
    set(libc::SIGIO, Disposition::Catch)?;
    // SAFETY: fcntl on a descriptor this process owns, with plain integer arguments.
    unsafe {
        if libc::fcntl(fd, libc::F_SETOWN, libc::getpid()) < 0 {
            return Err(io::Error::last_os_error());
        }
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags | libc::O_ASYNC) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// In a new child: forget the parent's notes (its signals were for it).
pub(crate) fn after_fork() {
    ANY.store(false, Ordering::SeqCst);
    for p in &PENDING {
        p.store(false, Ordering::SeqCst);
    }
}

/// `signal.raise_signal(sig)`: sends `sig` to this process.
pub fn raise(sig: i32) -> io::Result<()> {
    // SAFETY: raise with a plain integer.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Ends this process by `sig` with its default action (an uncaught `KeyboardInterrupt` ends
/// CPython's main by SIGINT, so its parent sees `-2`). Falls back to `_exit(128 + sig)`.
pub fn die_by(sig: i32) -> ! {
    let _ = set(sig, Disposition::Default);
    // SAFETY: unblock, then raise; _exit if the signal did not end the process.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(sig);
        libc::_exit(128 + sig)
    }
}

/// `signal.alarm(secs)`: SIGALRM after `secs` lesson seconds (0 cancels). Returns the lesson
/// seconds the previous alarm had left, rounded as CPython's `alarm` does (whole seconds, up).
pub fn alarm(secs: u32) -> u32 {
    let rate = super::clock::params().rate.max(f64::MIN_POSITIVE);
    let real = |lesson: f64| lesson / rate;
    let to_tv = |s: f64| libc::timeval {
        tv_sec: s.trunc() as libc::time_t,
        tv_usec: ((s.fract()) * 1e6) as libc::suseconds_t,
    };
    let new = libc::itimerval {
        it_interval: to_tv(0.0),
        it_value: to_tv(if secs == 0 { 0.0 } else { real(secs as f64) }),
    };
    // SAFETY: a zeroed itimerval is valid; setitimer gets valid pointers.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    unsafe { libc::setitimer(libc::ITIMER_REAL, &new, &mut old) };
    let left_real = old.it_value.tv_sec as f64 + old.it_value.tv_usec as f64 / 1e6;
    let left = left_real * rate;
    if left <= 0.0 {
        0
    } else {
        // alarm(2) rounds a remainder up to a whole second, never down to 0.
        (left.round() as u32).max(1)
    }
}

/// The signals a program may name, with CPython's names (Linux numbers).
pub const NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

/// CPython's name of signal `sig`, if it has one.
pub fn name_of(sig: i32) -> Option<&'static str> {
    NAMES.iter().find(|(_, n)| *n == sig).map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigkill_cannot_be_caught_as_in_cpython() {
        let e = set(libc::SIGKILL, Disposition::Catch).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::EINVAL));
    }

    #[test]
    fn names_are_cpythons() {
        assert_eq!(name_of(15), Some("SIGTERM"));
        assert_eq!(name_of(10), Some("SIGUSR1"));
        assert_eq!(name_of(64), None);
    }
}
