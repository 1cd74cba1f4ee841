//! The observer's guarantees that no run outlives it: child subreaper, a list of live runs, a signal
//! thread for every signal that would end the observer (and for job control), and a panic hook.
//!
//! SIGKILL of the observer cannot be caught; there the kernel does the work: the run's lifeline
//! (see `spawn`) SIGKILLs the run's group when the observer's end of it closes, however it dies.
//!
//! Signal handlers only write the signal's number to a pipe; the signal thread does the work. That
//! work never waits on stdout or stderr for long and never panics: the terminal may be gone (SIGHUP
//! after a hang-up), stderr may be full (`2>/dev/full`), and the process must still end.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Once, OnceLock, Weak};
use std::thread::ThreadId;

use super::reap::{kill_run, reap_group};
use super::shared::Shared;

/// A live run: its process group and the thread that started it (whose exit would fire PDEATHSIG).
struct Live {
    pgid: i32,
    owner: ThreadId,
    /// Its speed and pause state, once the run's observer is set up (for job control).
    shared: Option<Weak<Shared>>,
}

/// What a face does on a fatal signal, and around job control (each runs on the signal thread,
/// while another thread may hold the stdout/stderr locks: write raw, see [`write_raw`]).
type EndingHook = Box<dyn Fn(i32) + Send + Sync>;
type JobHooks = (Box<dyn Fn() + Send + Sync>, Box<dyn Fn() + Send + Sync>);

static LIVE: Mutex<Vec<Live>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();
static SIGNAL_PIPE_W: AtomicI32 = AtomicI32::new(-1);
static ON_SIGNAL: OnceLock<EndingHook> = OnceLock::new();
static ON_JOB_CONTROL: OnceLock<JobHooks> = OnceLock::new();
/// Set once the observer is dying of a signal: runs it killed report no end, so that the face does
/// not race the signal thread to exit with another status.
static DYING: AtomicBool = AtomicBool::new(false);

/// The signals whose default action ends the process (asynchronous ones: a fault such as SIGSEGV
/// cannot be deferred to a thread). SIGPIPE is not here: the observer ignores it and handles
/// `EPIPE` where it writes. SIGKILL cannot be caught (the lifeline covers it).
fn ending_signals() -> Vec<i32> {
    let mut sigs = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTERM,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGXCPU,
        libc::SIGXFSZ,
        libc::SIGIO,
        libc::SIGPWR,
        libc::SIGSTKFLT,
    ];
    sigs.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    sigs
}

fn live() -> MutexGuard<'static, Vec<Live>> {
    // A panic while holding the lock must not stop the cleanup that follows it.
    LIVE.lock().unwrap_or_else(|p| p.into_inner())
}

/// Makes this process a child subreaper and installs the signal thread and the panic hook, once.
/// `session::start` calls it; a face may call it earlier (before installing its own panic hook, which
/// then runs after this one).
pub fn install() {
    INSTALL.call_once(|| {
        // SAFETY: prctl with constant arguments.
        unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) };
        install_panic_hook();
        install_signal_thread();
    });
}

/// Sets what the observer does after a signal that ends it has ended every run, just before it
/// dies of that signal (say so to the user, restore the terminal). Only the first call counts. It
/// runs on the signal thread while another thread may hold the stdout/stderr locks: write raw
/// ([`write_raw`]); a panic in it is caught (the process still ends).
pub fn on_signal(f: impl Fn(i32) + Send + Sync + 'static) {
    let _ = ON_SIGNAL.set(Box::new(f));
}

/// Sets what the observer does around job control (Ctrl-Z, then `fg`): `suspend` runs before the
/// runs and the observer stop (the playground leaves the alternate screen and raw mode), `resume`
/// after both continue (it takes the terminal again and redraws). Same rules as [`on_signal`]; only
/// the first call counts.
pub fn on_job_control(
    suspend: impl Fn() + Send + Sync + 'static,
    resume: impl Fn() + Send + Sync + 'static,
) {
    let _ = ON_JOB_CONTROL.set((Box::new(suspend), Box::new(resume)));
}

/// Writes `bytes` to `fd` without locks, waiting at most half a second for room each time, and
/// ignoring every error: for the signal thread, where the terminal may be gone or stalled.
pub fn write_raw(fd: i32, bytes: &[u8]) {
    let mut rest = bytes;
    while !rest.is_empty() {
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLOUT,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut pfd, 1, 500) } <= 0 || pfd.revents & libc::POLLOUT == 0 {
            return;
        }
        // SAFETY: writing our own buffer.
        let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
        if n <= 0 {
            return;
        }
        rest = &rest[n as usize..];
    }
}

/// Whether the observer is dying of a signal (see [`DYING`]).
pub(crate) fn dying() -> bool {
    DYING.load(Ordering::SeqCst)
}

pub(crate) fn register(pgid: i32) {
    live().push(Live {
        pgid,
        owner: std::thread::current().id(),
        shared: None,
    });
}

/// Gives job control the run's speed and pause state.
pub(crate) fn attach(pgid: i32, shared: &Arc<Shared>) {
    if let Some(l) = live().iter_mut().find(|l| l.pgid == pgid) {
        l.shared = Some(Arc::downgrade(shared));
    }
}

pub(crate) fn unregister(pgid: i32) {
    live().retain(|l| l.pgid != pgid);
}

/// Kills and reaps every run for which `which` holds.
fn end_runs(which: impl Fn(&Live) -> bool) {
    let pgids: Vec<i32> = live().iter().filter(|l| which(l)).map(|l| l.pgid).collect();
    for &pgid in &pgids {
        kill_run(pgid);
    }
    for &pgid in &pgids {
        reap_group(pgid, true);
    }
}

/// The live runs' shared state (for job control).
fn live_shared() -> Vec<Arc<Shared>> {
    live()
        .iter()
        .filter_map(|l| l.shared.as_ref()?.upgrade())
        .collect()
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic of the main thread ends the observer: end every run. Another thread's panic ends
        // only the runs it started (their handles' Drop would too, but not under panic=abort).
        // SAFETY: gettid and getpid cannot fail.
        let main_thread = unsafe { libc::gettid() == libc::getpid() };
        let me = std::thread::current().id();
        end_runs(|l| main_thread || l.owner == me);
        previous(info);
    }));
}

extern "C" fn on_signal_handler(sig: libc::c_int) {
    let fd = SIGNAL_PIPE_W.load(Ordering::Relaxed);
    let byte = sig as u8;
    // SAFETY: write is async-signal-safe; the byte lives on this stack frame.
    unsafe { libc::write(fd, std::ptr::from_ref(&byte).cast(), 1) };
}

fn set_handler(sig: i32) {
    // SAFETY: a zeroed sigaction with our handler is valid; the handler only calls write().
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_signal_handler as *const () as usize;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(sig, &action, std::ptr::null_mut());
    }
}

fn install_signal_thread() {
    let mut fds = [0; 2];
    // SAFETY: a valid out-array for pipe2.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return;
    }
    // The handler must never block: a full pipe (a signal repeated faster than the thread reads,
    // as SIGTTOU is while a write from the background restarts) drops the repeats.
    // SAFETY: fcntl on the fresh write end.
    unsafe { libc::fcntl(fds[1], libc::F_SETFL, libc::O_NONBLOCK) };
    SIGNAL_PIPE_W.store(fds[1], Ordering::Relaxed);
    let read_fd = fds[0];
    let spawned = std::thread::Builder::new()
        .name("forkyard-signals".into())
        .spawn(move || {
            loop {
                let mut byte = 0u8;
                // SAFETY: reading one byte into our buffer.
                let n = unsafe { libc::read(read_fd, std::ptr::from_mut(&mut byte).cast(), 1) };
                if n == 1 {
                    match i32::from(byte) {
                        sig @ (libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU) => suspend(sig),
                        libc::SIGCONT => continued(),
                        sig => ended_by_signal(sig),
                    }
                }
            }
        });
    if spawned.is_err() {
        return;
    }
    for sig in ending_signals() {
        set_handler(sig);
    }
    // A continue that did not come through `suspend` (the observer was stopped by SIGSTOP, or
    // ran on in the background and is now brought to the foreground): the runs continue too.
    set_handler(libc::SIGCONT);
    // Job control, unless the observer was started with it ignored (a shell without job control).
    for sig in [libc::SIGTSTP, libc::SIGTTIN, libc::SIGTTOU] {
        // SAFETY: querying the current disposition into a valid out-pointer.
        let ignored = unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, std::ptr::null(), &mut old);
            old.sa_sigaction == libc::SIG_IGN
        };
        if !ignored {
            set_handler(sig);
        }
    }
}

/// Whether this process's group is the foreground of its terminal (the first of stdin, stdout,
/// stderr that is one); `None` without a terminal.
pub fn in_foreground() -> Option<bool> {
    (0..3).find_map(|fd| {
        // SAFETY: tcgetpgrp and getpgrp only read process state.
        let group = unsafe { libc::tcgetpgrp(fd) };
        (group > 0).then(|| group == unsafe { libc::getpgrp() })
    })
}

/// Runs a face's hook; a panic in it must not keep the signal thread from its work.
fn run_hook(f: impl FnOnce()) {
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
}

/// Ctrl-Z (SIGTSTP): the face lets go of the terminal, every run stops (its whole group,
/// SIGSTOP), then the observer stops itself as the signal would have. When it is continued (`fg`,
/// SIGCONT), the runs continue too (except those the face paused), and the face takes the terminal
/// back. SIGTTIN/SIGTTOU (a job in the background touched the terminal) stop the runs and the
/// observer the same way; the face gives nothing back then (the terminal is not the observer's),
/// but takes the terminal when continued in the foreground.
fn suspend(sig: i32) {
    if sig != libc::SIGTSTP && in_foreground() == Some(true) {
        // Left over from before a `fg`: the terminal is ours again.
        return;
    }
    let hooks = ON_JOB_CONTROL.get();
    if let Some((f, _)) = hooks.filter(|_| sig == libc::SIGTSTP) {
        run_hook(f);
    }
    let runs = live_shared();
    for run in &runs {
        run.job_stop();
    }
    if sig == libc::SIGTSTP {
        // SAFETY: the default action of SIGTSTP stops the whole process here; when SIGCONT
        // continues it, raise returns and the handler is put back.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
        set_handler(sig);
    } else {
        // A read or write from the background repeats its SIGTTIN/SIGTTOU until the process
        // stops (the call restarts after each handler). Were the default action back even for a
        // moment, one of those repeats could stop the process before a `raise` of our own, and
        // that `raise` would stop it a second time after `fg`. SIGSTOP leaves the handler alone.
        // SAFETY: stopping this very process; SIGCONT continues it and raise returns.
        unsafe { libc::raise(libc::SIGSTOP) };
    }
    for run in &runs {
        run.job_continue();
    }
    if let Some((_, f)) = hooks {
        run_hook(f);
    }
}

/// The observer was continued (SIGCONT): so are its runs (except those the face paused), and the
/// face takes the terminal if it had given it back and is in the foreground now. Harmless when
/// `suspend` already did both.
fn continued() {
    for run in live_shared() {
        run.job_continue();
    }
    if let Some((_, f)) = ON_JOB_CONTROL.get() {
        run_hook(f);
    }
}

/// The observer got `sig`: end every run, let the face say so, then die of `sig` as if unhandled.
fn ended_by_signal(sig: i32) {
    DYING.store(true, Ordering::SeqCst);
    end_runs(|_| true);
    if let Some(f) = ON_SIGNAL.get() {
        run_hook(|| f(sig));
    }
    // SAFETY: restoring the default action and re-raising; the process ends here.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(sig);
        libc::_exit(128 + sig);
    }
}
