//! The runtime: the OS layer inside lesson processes. It knows processes, pipes, signals and the
//! lesson clock, and nothing of Python syntax; the interpreter reaches it through `python::modules`.
//!
//! Every lesson process is single-threaded: `fork()` copies the interpreter like CPython's fork start
//! method does. Outside a run (no [`init`]: plain use, the interpreter's unit tests) everything still
//! works: output goes to the real stdout/stderr or to [`capture::capture`], events go nowhere, the
//! clock is real time.
//!
//! The API the interpreter calls:
//! - [`init`]`(Handoff)`: attach this process (the lesson main) to its run; [`read_source`]`(fd)`.
//! - [`emit`]`(Event)`: report a fact (one record, one atomic pipe write; long output split).
//! - [`output::write`]`(Stream, &str)`: the program's output (`print`, tracebacks), buffered as
//!   [`stdout::set_mode`] says; [`output::flush`]`(Stream)`, [`output::flush_all`].
//! - [`set_line`]`(line, col)`: the statement hook; [`pid`], [`parent_pid`], [`is_traced`].
//! - [`clock`]: [`clock::now_ns`], [`clock::now_secs`] (`time.monotonic`), [`clock::epoch_secs`]
//!   (`time.time`), [`clock::sleep`]`(secs)`, [`clock::wait_readable`]`(fd, Option<secs>) -> bool`,
//!   [`clock::wait_poll`]`(&mut [pollfd], Option<secs>) -> bool`, all in lesson seconds.
//! - [`process`]: [`process::fork`]`(name, daemon) -> Result<Forked, ForkError>`,
//!   [`process::exit_process`]`(code) -> !` (flushes), [`process::exit_now`]`(code) -> !` (`os._exit`),
//!   [`process::wait_child`]`(pid, name, Option<secs>) -> Option<Ending>`,
//!   [`process::try_reap`]`(pid, name) -> Option<Ending>`,
//!   [`process::send_signal`]`(pid, name, sig) -> io::Result<()>`, [`process::cpu_count`].
//! - [`signals`]: signals a program handles itself: [`signals::set`]`(sig, Disposition)`,
//!   [`signals::any_pending`] (the statement hook's check), [`signals::take_pending`],
//!   [`signals::alarm`] (lesson seconds), [`signals::belongs_to_run`]`(pid)` (what `os.kill` may
//!   reach); the waits `clock::sleep_until`, `clock::wait_poll_or_signal`,
//!   `process::wait_child_or_signal` return early so that the handler can run.
//! - [`broker`]: the run's fd broker, from any process of the run: [`broker::put`]`(key, fd)`,
//!   [`broker::get`]`(key) -> fd`, [`broker::unlink`], [`broker::take`], [`broker::count`].
//! - [`sync`]: the kernel objects behind Lock, Semaphore, Event, Queue, Pipe, Value (see its docs).
//! - [`fds`]: [`fds::write_some`]`(fd, &[u8])` (a non-blocking partial write), [`fds::detach`]`(fd)`
//!   (point it at /dev/null), [`fds::wait_any`]`(readable, writable, pids, Option<secs>)` (a Pool's
//!   waits).
//! - [`memory`]: [`memory::give_back_freed`] (freed heap pages back to the kernel, after freeing
//!   something big).
//!
//! Panics in a lesson process are fatal by design (`crash`): reported, then `_exit(101)`; do not use
//! `catch_unwind` for control flow there.

pub mod broker;
pub mod capture;
pub mod clock;
mod crash;
mod emit;
pub mod fds;
pub mod gate;
pub mod memory;
pub mod output;
pub mod process;
pub mod recent;
pub mod sandbox;
pub mod signals;
pub mod state;
pub mod stdout;
pub mod sync;

use std::io;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::fs::FileExt;

pub use emit::{emit, emit_op, emit_op_recent};
pub use state::{is_traced, parent_pid, pid, set_line};

use crate::trace::control::ControlPage;

/// The fds the observer hands to the lesson main (inherited across exec; numbers on the command line).
#[derive(Debug, Clone, Copy)]
pub struct Handoff {
    /// The write end of the run's trace pipe.
    pub trace_fd: i32,
    /// The run's control page (a memfd).
    pub control_fd: i32,
    /// The run's memory budget, bytes: no process may map more than this beyond what the
    /// interpreter has mapped when the program starts (see [`apply_memory_limit`]).
    pub memory_budget: u64,
    /// The client end of the run's fd broker, if the observer runs one (`broker`).
    pub broker_fd: Option<i32>,
}

/// Attaches this process, the lesson main, to its run: maps the control page, counts itself as the
/// run's first process, starts the lesson clock, and from now on sends records to the trace pipe.
/// Panics become fatal to this process only (see the module docs).
pub fn init(handoff: Handoff) -> io::Result<()> {
    let control = take_fd(handoff.control_fd)?;
    check_fd(handoff.trace_fd)?;
    let page = ControlPage::map(&control)?;
    // The mapping outlives the fd; closing it keeps lesson processes' fd tables to what they made.
    drop(control);
    let slot = page
        .claim_process()
        .map_err(|_| io::Error::other("the run's cap is 0 processes"))?;
    page.start_clock();
    if state::CONTROL.set(page).is_err() {
        return Err(io::Error::other("runtime::init called twice"));
    }
    state::become_process(pid(), parent_pid(), Some(slot));
    if let Some(slot) = state::slot() {
        gate::init(&slot.gate, "MainProcess");
    }
    // Close-on-exec: nothing a lesson process runs should inherit the trace.
    // SAFETY: fcntl on an fd we checked is open.
    unsafe { libc::fcntl(handoff.trace_fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    state::TRACE_FD.store(handoff.trace_fd, std::sync::atomic::Ordering::Relaxed);
    if let Some(fd) = handoff.broker_fd {
        check_fd(fd)?;
        broker::attach(fd);
    }
    crash::install();
    MEMORY_LIMIT_PENDING.store(handoff.memory_budget, std::sync::atomic::Ordering::Relaxed);
    // CPython installs `signal.default_int_handler` for SIGINT at startup: Ctrl-C (or a SIGINT from
    // another process of the run) raises KeyboardInterrupt in the program.
    signals::set(libc::SIGINT, signals::Disposition::Catch)?;
    Ok(())
}

/// The run's memory budget, until the lesson main applies it (0: applied, or none).
pub(crate) static MEMORY_LIMIT_PENDING: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(0);

/// At the program's first statement (the statement hook calls it once): limits the address space
/// of this process, and of every process it forks (they inherit it), to what it has mapped now
/// plus the run's budget. Now, because by then the interpreter has mapped its large, lazily used
/// stacks and parsed (with a stack of its own, since unmapped), which count against the limit
/// without being used. So no single process can allocate past the run's budget: the allocation
/// fails inside it, where the interpreter can raise `MemoryError`; the observer's watch over the
/// run's total (`session`) catches many processes together.
#[cold]
pub(crate) fn apply_memory_limit() {
    let budget = MEMORY_LIMIT_PENDING.swap(0, std::sync::atomic::Ordering::Relaxed);
    let mapped = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        // SAFETY: sysconf with a constant name.
        .map(|pages| pages.saturating_mul(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64));
    let Some(mapped) = mapped else { return };
    let bytes = mapped.saturating_add(budget);
    let lim = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: setrlimit with a valid struct; failing (a lower hard limit) keeps the lower one.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &lim) };
}

/// Reads the program's source from the memfd the observer wrote it to, and closes that fd.
pub fn read_source(fd: i32) -> io::Result<String> {
    let file = std::fs::File::from(take_fd(fd)?);
    let mut bytes = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    // Read from offset 0: the file offset is shared with the observer, which wrote up to the end.
    loop {
        let n = file.read_at(&mut buf, bytes.len() as u64)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&buf[..n]);
    }
    String::from_utf8(bytes).map_err(|_| io::Error::other("the program is not valid UTF-8"))
}

fn check_fd(fd: i32) -> io::Result<()> {
    // SAFETY: F_GETFD only inspects the fd table.
    if fd < 0 || unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Err(io::Error::other(format!(
            "fd {fd} handed over by the observer is not open"
        )));
    }
    Ok(())
}

fn take_fd(fd: i32) -> io::Result<OwnedFd> {
    check_fd(fd)?;
    // SAFETY: the fd is open and was handed to this process alone to own.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}
