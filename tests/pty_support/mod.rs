//! A pseudo-terminal for tests that need forkyard on a terminal (the playground, a hang-up, Ctrl-Z):
//! made with the C library's `posix_openpt`, read on a thread into a buffer the test inspects.
#![allow(dead_code)]

use std::ffi::CStr;
use std::fs::File;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The terminal side a test holds: the master, and everything the program wrote so far.
pub struct Pty {
    pub master: OwnedFd,
    pub slave_path: String,
    seen: Arc<Mutex<Vec<u8>>>,
    done: Arc<AtomicBool>,
    reader: Mutex<Option<JoinHandle<()>>>,
}

impl Pty {
    /// A new 100x30 terminal.
    pub fn new() -> Pty {
        // SAFETY: plain libc calls on the fd they return; each result is checked.
        unsafe {
            let m = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
            assert!(m >= 0, "posix_openpt: {}", std::io::Error::last_os_error());
            assert_eq!(libc::grantpt(m), 0);
            assert_eq!(libc::unlockpt(m), 0);
            let mut name = [0 as libc::c_char; 128];
            assert_eq!(libc::ptsname_r(m, name.as_mut_ptr(), name.len()), 0);
            let ws = libc::winsize {
                ws_row: 30,
                ws_col: 100,
                ws_xpixel: 0,
                ws_ypixel: 0,
            };
            libc::ioctl(m, libc::TIOCSWINSZ, &ws);
            Pty {
                master: OwnedFd::from_raw_fd(m),
                slave_path: CStr::from_ptr(name.as_ptr()).to_string_lossy().into_owned(),
                seen: Arc::new(Mutex::new(Vec::new())),
                done: Arc::new(AtomicBool::new(false)),
                reader: Mutex::new(None),
            }
        }
    }

    /// Starts `cmd` with this terminal as its stdin, stdout, stderr and controlling terminal, in a
    /// new session (so it gets SIGHUP when the terminal hangs up), and starts reading its output.
    pub fn spawn(&self, mut cmd: Command) -> Child {
        let slave = File::options()
            .read(true)
            .write(true)
            .open(&self.slave_path)
            .expect("the slave opens");
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: setsid and ioctl are async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("the program starts on the terminal");
        self.start_reading();
        child
    }

    fn start_reading(&self) {
        let fd = self.master.try_clone().unwrap();
        let seen = self.seen.clone();
        let done = self.done.clone();
        let reader = std::thread::spawn(move || {
            let mut pfd = libc::pollfd {
                fd: fd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let mut master = File::from(fd);
            let mut buf = [0u8; 8192];
            while !done.load(Ordering::SeqCst) {
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut pfd, 1, 20) } <= 0 {
                    continue;
                }
                // Ends with EIO once no process holds the slave any more.
                match master.read(&mut buf) {
                    Ok(n) if n > 0 => seen.lock().unwrap().extend_from_slice(&buf[..n]),
                    _ => break,
                }
            }
        });
        *self.reader.lock().unwrap() = Some(reader);
    }

    /// Closes the terminal, as when its window is closed: the session gets SIGHUP, and writes to
    /// it fail from now on.
    pub fn hang_up(self) {
        self.done.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.lock().unwrap().take() {
            r.join().unwrap();
        }
        drop(self.master);
    }

    /// Everything written to the terminal so far.
    pub fn seen(&self) -> Vec<u8> {
        self.seen.lock().unwrap().clone()
    }

    /// How many bytes were written so far (a mark for [`wait_for`](Self::wait_for)).
    pub fn mark(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    /// Waits up to `secs` until `needle` was written after `from`; says whether it was.
    pub fn wait_for(&self, needle: &[u8], from: usize, secs: u64) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if find(&self.seen()[from..], needle).is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Types `bytes` on the terminal.
    pub fn type_keys(&self, bytes: &[u8]) {
        // SAFETY: writing our buffer to our master.
        let n = unsafe { libc::write(self.master.as_raw_fd(), bytes.as_ptr().cast(), bytes.len()) };
        assert_eq!(n, bytes.len() as isize);
    }

    /// The terminal's modes now (the master reports the slave's).
    pub fn termios(&self) -> libc::termios {
        // SAFETY: a zeroed termios is a valid out-buffer.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(self.master.as_raw_fd(), &mut t), 0);
            t
        }
    }

    /// Whether the terminal is back in its usual mode: lines edited by the terminal, keys echoed.
    pub fn is_cooked(&self) -> bool {
        let t = self.termios();
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
    }
}

/// Where `needle` first is in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Field `n` (1-based, as `proc(5)` numbers them) of `/proc/PID/stat`.
pub fn stat_field(pid: i32, n: usize) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 1..];
    after.split_whitespace().nth(n - 3).map(str::to_string)
}

/// A process's state letter (`R`, `S`, `T`, `Z`...).
pub fn state_of(pid: i32) -> Option<char> {
    stat_field(pid, 3)?.chars().next()
}

/// Every process on the machine in session `sid`, from `/proc`.
pub fn in_session(sid: i32) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| stat_field(pid, 6).and_then(|s| s.parse().ok()) == Some(sid))
        .collect()
}

/// Waits up to `secs` for `child` to end; `None` if it did not (then it is killed).
pub fn wait_ended(child: &mut Child, secs: u64) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// Waits up to `secs` until `ok` holds.
pub fn eventually(secs: u64, mut ok: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    ok()
}

/// A child that is killed and reaped when the test lets go of it, even when an assertion fails
/// half-way: a failing test must not leave a process behind either.
pub struct Guarded(pub Child);

impl std::ops::Deref for Guarded {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Guarded {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Marks `cmd` and every process it starts (they inherit the environment) with `tag`, so that a
/// test can find them all in `/proc` afterwards with [`tagged`].
pub fn tag(cmd: &mut Command, tag: &str) {
    cmd.env("FORKYARD_TEST_TAG", tag);
}

/// Every live or zombie process carrying `tag` (see [`tag`]), from `/proc/PID/environ`.
pub fn tagged(tag: &str) -> Vec<i32> {
    let needle = format!("FORKYARD_TEST_TAG={tag}\0");
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|env| find(&env, needle.as_bytes()).is_some())
        })
        .collect()
}
