//! Processes: `fork` under the run's cap, ending with `_exit`, waiting for and reaping children,
//! signals. What `multiprocessing.Process` is made of, minus the Python.
//!
//! Why it is safe: a lesson process is single-threaded, so `fork()` copies a consistent interpreter.
//! A child is not tied to its parent's life (as under CPython, an orphan goes on, adopted by the
//! observer; the run's lifeline ends everyone if the observer goes); it ends with `_exit`, so it
//! never unwinds into the parent's frames or runs the parent's `Drop`s.

use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};

use super::clock::wait_readable;
use super::emit::emit;
use super::{output, state};
use crate::trace::{Ending, Event, State, signal_name};

/// The cap outside a run (plain use, unit tests), where there is no control page to hold it.
const LOCAL_CAP: u32 = 64;
static LOCAL_STARTED: AtomicU32 = AtomicU32::new(1);

/// Which side of a `fork` this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forked {
    /// The process that called `fork`; `pid` is the new child.
    Parent {
        /// The child's pid.
        pid: i32,
    },
    /// The new process. It must end with [`exit_process`].
    Child,
}

/// Why a fork did not happen.
#[derive(Debug)]
pub enum ForkError {
    /// The run already has as many processes as it may (`--max-processes`).
    Cap {
        /// The cap.
        max: u32,
    },
    /// The kernel refused (`EAGAIN`, `ENOMEM`).
    Os(std::io::Error),
}

impl fmt::Display for ForkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ForkError::Cap { max } => write!(
                f,
                "forkyard allows at most {max} processes in one run and this run has started them all \
                 (raise the cap with --max-processes)"
            ),
            ForkError::Os(e) => write!(f, "the system could not start a new process: {e}"),
        }
    }
}

impl std::error::Error for ForkError {}

/// Forks this process to start the multiprocessing process `name`. The parent gets the child's pid;
/// the child has already reported `spawn` and must end with [`exit_process`]. Refused (and reported
/// as `refused`) when the run's process cap is reached.
pub fn fork(name: &str, daemon: bool) -> Result<Forked, ForkError> {
    let slot = claim_slot().inspect_err(|e| {
        emit(Event::Refused {
            message: e.to_string(),
        })
    })?;
    // CPython's Popen (fork method) flushes sys.stdout and sys.stderr before forking, so the child
    // starts with empty buffers and never repeats its parent's output.
    output::flush_all();
    output::flush_real();
    let parent = state::pid();
    // Taken before the fork, so it comes before anything the parent does after it (a `close()`
    // of its copy of a pipe end): the observer can tell what the child inherited.
    let forked_ns = super::clock::now_ns();
    // Every signal is held back across the fork until the child has reported `spawn`: a child
    // terminated at once (a broken pool stopping the workers it just started) still has its lane,
    // instead of ending before its first record and never appearing. (SIGKILL cannot be held.)
    let old_mask = block_all_signals();
    // SAFETY: this process is single-threaded (the lesson runtime starts no threads), so the child
    // gets a consistent copy; it ends with `_exit` and never returns into the parent's frames.
    match unsafe { libc::fork() } {
        -1 => {
            restore_signals(&old_mask);
            Err(ForkError::Os(std::io::Error::last_os_error()))
        }
        0 => {
            become_child(parent, slot);
            if let Some(slot) = state::slot() {
                super::gate::init(&slot.gate, name);
            }
            emit(Event::Spawn {
                name: name.to_string(),
                daemon,
                forked_ns: Some(forked_ns),
            });
            restore_signals(&old_mask);
            Ok(Forked::Child)
        }
        pid => {
            restore_signals(&old_mask);
            Ok(Forked::Parent { pid })
        }
    }
}

/// Blocks every signal that can be blocked; the mask before.
fn block_all_signals() -> libc::sigset_t {
    // SAFETY: sigset_t is plain data filled by sigfillset; sigprocmask writes the old mask we own.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::sigprocmask(libc::SIG_BLOCK, &all, &mut old);
        old
    }
}

/// Puts back the mask [`block_all_signals`] returned (pending signals are delivered now).
fn restore_signals(old: &libc::sigset_t) {
    // SAFETY: setting the mask from a sigset_t we own.
    unsafe {
        libc::sigprocmask(libc::SIG_SETMASK, old, std::ptr::null_mut());
    }
}

/// Counts the new process against the cap and returns its control-page slot.
fn claim_slot() -> Result<Option<u32>, ForkError> {
    match state::control() {
        Some(page) => page
            .claim_process()
            .map(Some)
            .map_err(|c| ForkError::Cap { max: c.max }),
        None => LOCAL_STARTED
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                (n < LOCAL_CAP).then_some(n + 1)
            })
            .map(|_| None)
            .map_err(|_| ForkError::Cap { max: LOCAL_CAP }),
    }
}

/// First steps of a new child: take a fresh identity and reset the signal state.
fn become_child(parent: i32, slot: Option<u32>) {
    // No PDEATHSIG here: as with CPython, a child outlives a parent killed by SIGKILL (or one that
    // called os._exit) and goes on as an orphan, adopted by the observer. What stops every process
    // of the run when the observer goes is the run's lifeline (see `session::spawn`).
    // SAFETY: getpid cannot fail.
    state::become_process(unsafe { libc::getpid() }, parent, slot);
    super::signals::after_fork();
}

/// Ends this process normally with `code` (reported as `exit`): its buffered output goes out (as
/// CPython's interpreter finalization and a child's `_bootstrap` flush it), then it ends at once:
/// no unwinding, no `Drop`.
pub fn exit_process(code: i32) -> ! {
    output::flush_all();
    exit_now(code)
}

/// `os._exit(code)`: ends this process at once, losing what its stdout and stderr buffers hold.
pub fn exit_now(code: i32) -> ! {
    super::stdout::discard();
    output::flush_real();
    super::gate::exit(code);
    emit(Event::Exit { code });
    // SAFETY: _exit never returns and is always safe to call.
    unsafe { libc::_exit(code) }
}

/// `join`: waits for child `pid` (called `child_name` in the trace) to end, at most `timeout` lesson
/// seconds (`None`: no limit), and reaps it. Returns how it ended, or `None` if it is still running
/// when the timeout passes (or is not a child of this process, or was reaped already). Reports
/// `blocked` on the child while it waits, then `reaped`, then `running`.
pub fn wait_child(pid: i32, child_name: &str, timeout: Option<f64>) -> Option<Ending> {
    if let Some(ending) = try_reap(pid, child_name) {
        return Some(ending);
    }
    if timeout.is_some_and(|t| t <= 0.0) {
        return None;
    }
    emit(Event::State {
        state: State::Blocked {
            on: child_name.to_string(),
            op: "join".into(),
        },
    });
    let ended = match pidfd_open(pid) {
        Some(pidfd) => {
            let exited = wait_readable(pidfd, timeout);
            // SAFETY: closing the pidfd we opened.
            unsafe { libc::close(pidfd) };
            exited
        }
        // Not our child any more (ESRCH): nothing to wait for; the reap below says how it stands.
        None => true,
    };
    let ending = if ended {
        reap(pid, child_name, 0)
    } else {
        None
    };
    emit(Event::State {
        state: State::Running,
    });
    ending
}

/// A wait that returned early because a caught signal waits for its Python handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interrupted;

/// [`wait_child`] until lesson time `deadline_ns` (`None`: no limit) that returns
/// `Err(Interrupted)` when a caught signal waits for its Python handler (the caller runs it and
/// calls again with the same deadline, as PEP 475 retries).
pub fn wait_child_or_signal(
    pid: i32,
    child_name: &str,
    deadline_ns: Option<u64>,
) -> Result<Option<Ending>, Interrupted> {
    if let Some(ending) = try_reap(pid, child_name) {
        return Ok(Some(ending));
    }
    if deadline_ns.is_some_and(|d| d <= super::clock::now_ns()) {
        return Ok(None);
    }
    emit(Event::State {
        state: State::Blocked {
            on: child_name.to_string(),
            op: "join".into(),
        },
    });
    let waited = match pidfd_open(pid) {
        Some(pidfd) => {
            let mut fds = [libc::pollfd {
                fd: pidfd,
                events: libc::POLLIN,
                revents: 0,
            }];
            let waited = super::clock::wait_poll_or_signal(&mut fds, deadline_ns);
            // SAFETY: closing the pidfd we opened.
            unsafe { libc::close(pidfd) };
            waited
        }
        None => super::clock::Waited::Ready,
    };
    let ending = match waited {
        super::clock::Waited::Ready => reap(pid, child_name, 0),
        _ => None,
    };
    emit(Event::State {
        state: State::Running,
    });
    if waited == super::clock::Waited::Signal {
        return Err(Interrupted);
    }
    Ok(ending)
}

/// Reaps child `pid` if it has ended, without waiting (`is_alive`, `exitcode`, `active_children`).
pub fn try_reap(pid: i32, child_name: &str) -> Option<Ending> {
    reap(pid, child_name, libc::WNOHANG)
}

fn reap(pid: i32, child_name: &str, flags: i32) -> Option<Ending> {
    let mut status = 0;
    let got = loop {
        // SAFETY: waitpid with a valid out-pointer.
        let got = unsafe { libc::waitpid(pid, &mut status, flags) };
        if got >= 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            break got;
        }
    };
    if got != pid {
        return None;
    }
    let ending = Ending::from_wait_status(status)?;
    emit(Event::Reaped {
        child: pid,
        child_name: child_name.to_string(),
        ending,
    });
    Some(ending)
}

/// A pidfd for `pid`, or `None` if there is no such process.
pub fn pidfd_open(pid: i32) -> Option<i32> {
    // SAFETY: the pidfd_open syscall with plain integer arguments.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    (fd >= 0).then_some(fd as i32)
}

/// Sends signal `sig` to process `pid` (`terminate()`, `kill()`), reported as `signal` first so the
/// trace shows the cause before the death. Fails (reporting nothing) if there is no such process.
pub fn send_signal(pid: i32, target_name: &str, sig: i32) -> std::io::Result<()> {
    // SAFETY: kill with signal 0 only checks that the process exists.
    if unsafe { libc::kill(pid, 0) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    emit(Event::Signal {
        target: pid,
        target_name: target_name.to_string(),
        signal: sig,
        signal_name: signal_name(sig),
    });
    // SAFETY: plain kill.
    if unsafe { libc::kill(pid, sig) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// The number of logical CPUs online (`multiprocessing.cpu_count()`, `os.cpu_count()`).
pub fn cpu_count() -> usize {
    // SAFETY: sysconf with a constant name.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    if n < 1 { 1 } else { n as usize }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_decode_from_wait_statuses() {
        assert_eq!(
            Ending::from_wait_status(3 << 8),
            Some(Ending::Exited { code: 3 })
        );
        assert_eq!(
            Ending::from_wait_status(15),
            Some(Ending::Signaled { signal: 15 })
        );
        assert_eq!(Ending::from_wait_status(0x137f), None, "a stop report");
    }

    #[test]
    fn the_cap_message_is_a_sentence_with_the_fix() {
        let msg = ForkError::Cap { max: 64 }.to_string();
        assert!(msg.contains("at most 64 processes") && msg.contains("--max-processes"));
    }

    #[test]
    fn cpu_count_is_positive() {
        assert!(cpu_count() >= 1);
    }
}
