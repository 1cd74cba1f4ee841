//! A person at a terminal, for the end-to-end tests: the real `forkyard` binary runs in a
//! pseudo-terminal (its own session, the pty its controlling terminal, as in a real terminal
//! window); a thread reads everything it draws into a vt100 screen. Keys are written as the
//! terminal would send them; a resize is the kernel's (TIOCSWINSZ, then SIGWINCH).
#![allow(dead_code)]

use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::pty::{Winsize, openpty};

/// The binary in a pseudo-terminal.
pub struct Pty {
    master: File,
    child: Child,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, as bytes (terminal modes are checked on the parsed screen).
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// The reader met the end of the terminal's output (everyone holding it is gone).
    drained: Arc<std::sync::atomic::AtomicBool>,
}

fn size(cols: u16, rows: u16) -> Winsize {
    Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl Pty {
    /// Starts `forkyard` (no arguments: the playground) at `cols`×`rows`, its progress kept under
    /// `state` and in `lang`.
    pub fn start(cols: u16, rows: u16, state: &std::path::Path, lang: &str) -> Pty {
        Pty::start_with(cols, rows, state, lang, &[], &[])
    }

    /// [`Pty::start`] with plain-text arguments (`view RUN.jsonl`, `--record FILE`).
    pub fn start_args(
        cols: u16,
        rows: u16,
        state: &std::path::Path,
        lang: &str,
        args: &[&str],
    ) -> Pty {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        Pty::start_with(cols, rows, state, lang, &args, &[])
    }

    /// [`Pty::start`] with arguments (`forkyard FILE.py`, `view RUN.jsonl`, `--record FILE`) and more environment (`EDITOR`).
    pub fn start_with(
        cols: u16,
        rows: u16,
        state: &std::path::Path,
        lang: &str,
        args: &[&std::ffi::OsStr],
        envs: &[(&str, &std::ffi::OsStr)],
    ) -> Pty {
        let pty = openpty(Some(&size(cols, rows)), None).expect("a pseudo-terminal");
        let slave: OwnedFd = pty.slave;
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("a copy of the pty's fd"));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_forkyard"));
        cmd.env("XDG_STATE_HOME", state)
            .env("TERM", "xterm-256color")
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .args(args)
            .envs(envs.iter().copied())
            .stdin(io(&slave))
            .stdout(io(&slave))
            .stderr(io(&slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                // A session of its own, with the pty as its controlling terminal.
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("forkyard starts");
        drop(slave);
        let master = File::from(pty.master);
        let parser = vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        );
        let screen = Arc::new(Mutex::new(parser));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().expect("a copy of the master");
        let (s, r) = (screen.clone(), raw.clone());
        let drained = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let d = drained.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends with EIO once the program and everything holding the pty are gone.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            d.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        Pty {
            master,
            child,
            screen,
            raw,
            drained,
        }
    }

    /// The program's pid.
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
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

    /// Whether the terminal is back in its ordinary (cooked) mode: lines, echo, signals from keys.
    pub fn cooked(&self) -> bool {
        use nix::sys::termios::{LocalFlags, tcgetattr};
        let t = tcgetattr(&self.master).expect("the pty's modes");
        t.local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG)
    }

    /// Waits until `text` is on screen; panics with the screen after `secs`.
    pub fn wait(&self, text: &str, secs: u64) {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited {secs} s for `{text}`; the screen:\n{}",
            self.screen()
        );
    }

    /// Waits until `text` is no longer on screen.
    pub fn gone(&self, text: &str, secs: u64) {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("`{text}` stayed on screen for {secs} s:\n{}", self.screen());
    }

    /// Types `keys` as the terminal sends them (`\r` Enter, `\x1b` Esc, `\t` Tab).
    pub fn keys(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// One key, and a breath for the playground to take it in as a key of its own (an Esc
    /// followed at once by a letter would read as Alt+letter).
    pub fn key(&mut self, key: &str) {
        self.keys(key);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Resizes the terminal, as a window manager does: the kernel signals SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // SAFETY: TIOCSWINSZ with a valid winsize on our own pty master.
        let rc =
            unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size(cols, rows)) };
        assert_eq!(rc, 0, "TIOCSWINSZ");
        self.screen.lock().unwrap().screen_mut().set_size(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
        );
    }

    /// Waits up to `secs` for the program to end; its exit status if it did.
    pub fn exited(&mut self, secs: u64) -> Option<std::process::ExitStatus> {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if let Ok(Some(status)) = self.child.try_wait() {
                // What it wrote last may still be on its way to the screen: wait for the reader
                // to meet the end of the terminal's output (bounded: a left-over process could
                // hold the terminal open, which the caller's own checks then show).
                let drained_by = Instant::now() + Duration::from_secs(2);
                while !self.drained.load(std::sync::atomic::Ordering::SeqCst)
                    && Instant::now() < drained_by
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Sends `signal` to the program.
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) on our own child.
        unsafe { libc::kill(self.pid(), signal) };
    }

    /// The pids the lanes on screen show (a lane: name, pid, state glyph).
    pub fn lane_pids(&self) -> Vec<i32> {
        let glyphs = ["▶", "z", "‖", "✓", "✗", "!", "…"];
        let mut pids = Vec::new();
        for line in self.screen().lines() {
            let words: Vec<&str> = line.split(['│', ' ']).filter(|w| !w.is_empty()).collect();
            for w in words.windows(3) {
                let named = w[0] == "MainProcess" || w[0].starts_with("Process-");
                if named
                    && glyphs.contains(&w[2])
                    && let Ok(pid) = w[1].parse::<i32>()
                {
                    pids.push(pid);
                }
            }
        }
        pids
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Whether `pid` is still a process (a zombie counts: nobody reaped it).
pub fn exists(pid: i32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}

/// Polls `what` for up to `secs`.
pub fn wait_until(secs: u64, what: impl Fn() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        if what() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    what()
}

/// A fresh state directory for one test.
pub fn state_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("forkyard-pty-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
