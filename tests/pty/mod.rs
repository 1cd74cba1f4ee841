//! A person at a terminal, for the end-to-end tests: the real `forkyard` binary runs on a
//! pseudo-terminal (`tests/pty_support`: its own session, the pty its controlling terminal, as in
//! a real terminal window), whose output is read into a vt100 screen. Keys are written as the
//! terminal would send them; a resize is the kernel's (TIOCSWINSZ, then SIGWINCH).
#![allow(dead_code)]

#[path = "../pty_support/mod.rs"]
mod support;

use std::process::{Child, Command};
use std::time::{Duration, Instant};

#[allow(unused_imports, reason = "not every test uses both")]
pub use support::{eventually, exists};

/// The playground on a pseudo-terminal.
pub struct Pty {
    term: support::Pty,
    child: Child,
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
        let term = support::Pty::sized(cols, rows);
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
            .envs(envs.iter().copied());
        let child = term.spawn(cmd);
        Pty { term, child }
    }

    /// The program's pid.
    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.term.screen()
    }

    /// Whether the alternate screen is on, and whether the mouse is reported.
    pub fn modes(&self) -> (bool, bool) {
        self.term.modes()
    }

    /// Whether the terminal is back in its ordinary (cooked) mode: lines, echo, signals from keys.
    pub fn cooked(&self) -> bool {
        self.term.is_cooked()
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
        self.term.type_keys(keys.as_bytes());
    }

    /// One key, and a breath for the playground to take it in as a key of its own (an Esc
    /// followed at once by a letter would read as Alt+letter).
    pub fn key(&mut self, key: &str) {
        self.keys(key);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Resizes the terminal, as a window manager does: the kernel signals SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.term.resize(cols, rows);
    }

    /// Waits up to `secs` for the program to end; its exit status if it did.
    pub fn exited(&mut self, secs: u64) -> Option<std::process::ExitStatus> {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if let Ok(Some(status)) = self.child.try_wait() {
                // What it wrote last may still be on its way to the screen: wait for the reader
                // to meet the end of the terminal's output (bounded: a left-over process could
                // hold the terminal open, which the caller's own checks then show).
                self.term.drained(2);
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

/// A fresh state directory for one test.
pub fn state_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("forkyard-pty-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
