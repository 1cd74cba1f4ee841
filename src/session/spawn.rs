//! Starting a run's lesson main: exec of the forkyard binary, never `fork()` of the observer.
//!
//! The observer may be multi-threaded, where a bare `fork()` is unsafe, so the lesson main is a fresh
//! exec of forkyard with the hidden [`LESSON_SUBCOMMAND`]. It gets its own process group (so the run
//! can be signalled as one), `/dev/null` for stdin, pipes for stdout and stderr (never the terminal),
//! `PR_SET_PDEATHSIG(SIGKILL)` (it dies with the spawning thread), and four inherited fds: the trace
//! pipe's write end, the control page, a memfd holding the program's source, and the client end of
//! the run's fd broker. Its stdout and
//! stderr are sockets that tell the observer who wrote what (`stray`).

use std::io::{self, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::trace::control::ControlPage;

/// The hidden subcommand that makes forkyard a lesson main.
pub const LESSON_SUBCOMMAND: &str = "__lesson";

/// How big the observer asks the trace pipe to be: room for bursts while it is busy.
const TRACE_PIPE_BYTES: libc::c_int = 1 << 20;

/// A started lesson main and the observer's ends of its channels.
pub(crate) struct Spawned {
    /// The observer's ends of the run's real stdout and stderr.
    pub stdout: OwnedFd,
    pub stderr: OwnedFd,
    /// Its pid, which is also the run's process group.
    pub pid: i32,
    /// The read end of the trace pipe.
    pub trace: OwnedFd,
    /// The observer's mapping of the control page.
    pub control: ControlPage,
    /// A pidfd of the lesson main: readable once it has ended.
    pub pidfd: OwnedFd,
    /// The write end of the run's lifeline: while the observer holds it the run lives; when it is
    /// closed (the run's end, or the observer's death, however it dies) the kernel SIGKILLs the
    /// run's whole process group.
    pub lifeline: OwnedFd,
    /// The run's fd broker (`broker`): every lesson process inherits its client end.
    pub broker: super::broker::Broker,
}

/// Starts `exe` as the lesson main of a new run of `source` (called `file_name` in tracebacks).
/// What the run is (`spec`: its program, its process cap, its stdout mode) and how it runs (`speed`,
/// its memory budget in bytes, and, for a held run, whether only operations are steps).
pub(crate) fn spawn(
    exe: &Path,
    spec: &super::RunSpec,
    speed: f64,
    max_memory: u64,
    hold: Option<bool>,
) -> io::Result<Spawned> {
    let (source, file_name, max_processes) = (&spec.source, &spec.file_name, spec.max_processes);
    let stdout_mode = spec.stdout;
    let (control, control_fd) = ControlPage::create(max_processes, speed)?;
    // A held run is held from its first statement: the page says so before the main exists.
    if let Some(ops_only) = hold {
        control.hold(ops_only);
    }
    let (trace_r, trace_w) = pipe()?;
    // Best effort: the default 64 KiB still works, writers just block sooner.
    // SAFETY: fcntl on our own fd.
    unsafe { libc::fcntl(trace_r.as_raw_fd(), libc::F_SETPIPE_SZ, TRACE_PIPE_BYTES) };
    let source_fd = source_memfd(source)?;
    let (lifeline_r, lifeline_w) = pipe()?;
    let lifeline = lifeline_r.as_raw_fd();
    let (stdout, stdout_theirs) = super::stray::pair()?;
    let (stderr, stderr_theirs) = super::stray::pair()?;
    let (broker, broker_client) = super::broker::Broker::start(std::process::id() as i32)?;

    // Every fd above is close-on-exec, so a run started concurrently from another thread cannot
    // inherit them; only this child clears the flag on its own copies, between fork and exec.
    let inherit = [
        trace_w.as_raw_fd(),
        control_fd.as_raw_fd(),
        source_fd.as_raw_fd(),
        broker_client.as_raw_fd(),
    ];
    let mut cmd = Command::new(exe);
    cmd.arg(LESSON_SUBCOMMAND)
        .args(["--file", file_name])
        .args(["--source-fd", &inherit[2].to_string()])
        .args(["--trace-fd", &inherit[0].to_string()])
        .args(["--control-fd", &inherit[1].to_string()])
        .args(["--broker-fd", &inherit[3].to_string()])
        .args(["--max-memory", &max_memory.to_string()])
        .args(["--stdout", stdout_mode.name()])
        .args(spec.argv.iter().map(|a| format!("--argv={a}")))
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::from(stdout_theirs))
        .stderr(Stdio::from(stderr_theirs));
    // SAFETY: the closure only makes async-signal-safe syscalls (prctl, fcntl).
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGKILL as libc::c_ulong,
                0,
                0,
                0,
            ) < 0
            {
                return Err(io::Error::last_os_error());
            }
            for fd in inherit {
                if libc::fcntl(fd, libc::F_SETFD, 0) < 0 {
                    return Err(io::Error::last_os_error());
                }
            }
            // The lifeline: the read end, kept open across exec and inherited by every fork,
            // signals its owner (the run's group: we are its leader now) when the write end
            // closes, and the signal it sends is SIGKILL.
            let group = -libc::getpid();
            if libc::fcntl(lifeline, libc::F_SETFD, 0) < 0
                || libc::fcntl(lifeline, libc::F_SETOWN, group) < 0
                || libc::fcntl(lifeline, F_SETSIG, libc::SIGKILL) < 0
                || libc::fcntl(lifeline, libc::F_SETFL, libc::O_ASYNC) < 0
            {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("could not start {} as a lesson main: {e}", exe.display()),
        )
    })?;
    drop(cmd); // its copies of the run's ends of stdout and stderr
    // The observer's copies of the child's ends must go: the trace reaches end-of-file only once
    // every lesson process, and nobody else, has closed its write end.
    drop((trace_w, control_fd, source_fd, lifeline_r, broker_client));
    let pid = child.id() as i32;
    let pidfd = pidfd_open(pid)?;
    Ok(Spawned {
        stdout,
        stderr,
        pid,
        trace: trace_r,
        control,
        pidfd,
        lifeline: lifeline_w,
        broker,
    })
}

/// `fcntl(F_SETSIG)`: which signal a file's owner gets on I/O readiness (Linux; not in `libc`).
const F_SETSIG: libc::c_int = 10;

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: a valid out-array for pipe2.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: both fds are fresh and ours.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

fn source_memfd(source: &str) -> io::Result<OwnedFd> {
    // SAFETY: a valid C string and flags; the result is checked.
    let raw = unsafe { libc::memfd_create(c"forkyard-source".as_ptr(), libc::MFD_CLOEXEC) };
    if raw < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a fresh fd that we own.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    let mut file = std::fs::File::from(fd);
    file.write_all(source.as_bytes())?;
    Ok(file.into())
}

/// A pidfd for `pid`: becomes readable when the process ends.
pub(crate) fn pidfd_open(pid: i32) -> io::Result<OwnedFd> {
    // SAFETY: the pidfd_open syscall with plain integer arguments.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: a fresh fd that we own.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}
