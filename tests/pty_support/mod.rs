//! A pseudo-terminal for tests that need a program on a terminal (the playground, a hang-up,
//! Ctrl-Z, a shell with job control): made with the C library's `posix_openpt`, read on a thread
//! into a buffer of bytes and a vt100 screen the test inspects. `tests/pty` puts the playground on
//! one the way a person opens it.
#![allow(dead_code)]

use std::ffi::CStr;
use std::fs::File;
use std::io::Read;
use std::num::NonZeroU16;
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
    screen: Arc<Mutex<vt100::Parser>>,
    done: Arc<AtomicBool>,
    /// The reader met the end of the terminal's output (everyone holding it is gone).
    drained: Arc<AtomicBool>,
    reader: Mutex<Option<JoinHandle<()>>>,
}

fn winsize(cols: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl Pty {
    /// A new 100x30 terminal.
    pub fn new() -> Pty {
        Pty::sized(100, 30)
    }

    /// A new terminal `cols`×`rows`.
    pub fn sized(cols: u16, rows: u16) -> Pty {
        // SAFETY: plain libc calls on the fd they return; each result is checked.
        unsafe {
            let m = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
            assert!(m >= 0, "posix_openpt: {}", std::io::Error::last_os_error());
            assert_eq!(libc::grantpt(m), 0);
            assert_eq!(libc::unlockpt(m), 0);
            let mut name = [0 as libc::c_char; 128];
            assert_eq!(libc::ptsname_r(m, name.as_mut_ptr(), name.len()), 0);
            libc::ioctl(m, libc::TIOCSWINSZ, &winsize(cols, rows));
            Pty {
                master: OwnedFd::from_raw_fd(m),
                slave_path: CStr::from_ptr(name.as_ptr()).to_string_lossy().into_owned(),
                seen: Arc::new(Mutex::new(Vec::new())),
                screen: Arc::new(Mutex::new(vt100::Parser::new(
                    NonZeroU16::new(rows.max(1)).unwrap(),
                    NonZeroU16::new(cols.max(1)).unwrap(),
                    0,
                ))),
                done: Arc::new(AtomicBool::new(false)),
                drained: Arc::new(AtomicBool::new(false)),
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
        let screen = self.screen.clone();
        let done = self.done.clone();
        let drained = self.drained.clone();
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
                    Ok(n) if n > 0 => {
                        screen.lock().unwrap().process(&buf[..n]);
                        seen.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                    _ => {
                        drained.store(true, Ordering::SeqCst);
                        break;
                    }
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

    /// Whether the terminal is back in its usual mode: lines edited by the terminal, keys echoed,
    /// signals from keys.
    pub fn is_cooked(&self) -> bool {
        let t = self.termios();
        let cooked = libc::ICANON | libc::ECHO | libc::ISIG;
        t.c_lflag & cooked == cooked
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Whether the alternate screen is on, and whether the mouse is reported.
    pub fn modes(&self) -> (bool, bool) {
        let p = self.screen.lock().unwrap();
        let s = p.screen();
        (
            s.alternate_screen(),
            s.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
        )
    }

    /// Resizes the terminal, as a window manager does: the kernel signals SIGWINCH to its
    /// foreground.
    pub fn resize(&self, cols: u16, rows: u16) {
        // SAFETY: TIOCSWINSZ with a valid winsize on our own master.
        let rc = unsafe {
            libc::ioctl(
                self.master.as_raw_fd(),
                libc::TIOCSWINSZ,
                &winsize(cols, rows),
            )
        };
        assert_eq!(rc, 0, "TIOCSWINSZ");
        self.screen.lock().unwrap().screen_mut().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
    }

    /// Waits up to `secs` for the reader to meet the end of the terminal's output (no process
    /// holds it any more); says whether it did.
    pub fn drained(&self, secs: u64) -> bool {
        eventually(secs, || self.drained.load(Ordering::SeqCst))
    }
}

/// Whether `pid` is still a process (a zombie counts: nobody reaped it).
pub fn exists(pid: i32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
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
