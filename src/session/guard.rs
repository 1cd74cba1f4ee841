//! The observer's guarantees that no run outlives it: child subreaper, a list of live runs, a signal
//! thread for SIGINT/SIGTERM/SIGHUP, and a panic hook.
//!
//! SIGKILL of the observer cannot be caught; there the kernel does the work: the lesson main has
//! `PDEATHSIG(SIGKILL)`, and so does every process it forks, so the run dies top-down.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Mutex, MutexGuard, Once, OnceLock};
use std::thread::ThreadId;

use super::reap::{kill_run, reap_group};

/// A live run: its process group and the thread that started it (whose exit would fire PDEATHSIG).
struct Live {
    pgid: i32,
    owner: ThreadId,
}

static LIVE: Mutex<Vec<Live>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();
static SIGNAL_PIPE_W: AtomicI32 = AtomicI32::new(-1);
static ON_SIGNAL: OnceLock<Box<dyn Fn(i32) + Send + Sync>> = OnceLock::new();
/// Set once the observer is dying of a signal: runs it killed report no end, so that the face does
/// not race the signal thread to exit with another status.
static DYING: AtomicBool = AtomicBool::new(false);

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

/// Sets what the observer does after a SIGINT/SIGTERM/SIGHUP has ended every run, just before it
/// dies of that signal (say so to the user, restore the terminal). Only the first call counts. It
/// runs on the signal thread while another thread may hold the stdout/stderr locks: write raw.
pub fn on_signal(f: impl Fn(i32) + Send + Sync + 'static) {
    let _ = ON_SIGNAL.set(Box::new(f));
}

/// Whether the observer is dying of a signal (see [`DYING`]).
pub(crate) fn dying() -> bool {
    DYING.load(Ordering::SeqCst)
}

pub(crate) fn register(pgid: i32) {
    live().push(Live {
        pgid,
        owner: std::thread::current().id(),
    });
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

fn install_signal_thread() {
    let mut fds = [0; 2];
    // SAFETY: a valid out-array for pipe2.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return;
    }
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
                    ended_by_signal(i32::from(byte));
                }
            }
        });
    if spawned.is_err() {
        return;
    }
    for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: a zeroed sigaction with our handler is valid; the handler only calls write().
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_signal_handler as *const () as usize;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(sig, &action, std::ptr::null_mut());
        }
    }
}

/// The observer got `sig`: end every run, let the face say so, then die of `sig` as if unhandled.
fn ended_by_signal(sig: i32) {
    DYING.store(true, Ordering::SeqCst);
    end_runs(|_| true);
    if let Some(f) = ON_SIGNAL.get() {
        f(sig);
    }
    // SAFETY: restoring the default action and re-raising; the process ends here.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
        libc::_exit(128 + sig);
    }
}
