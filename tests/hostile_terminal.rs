//! The playground and its terminal under signals: whatever signal ends it, the terminal is given
//! back (main screen, mouse reporting off, cooked mode); Ctrl-Z gives it back before the
//! playground stops, and `fg` (SIGCONT) takes it again. Driven on a pseudo-terminal.

mod pty_support;
mod run_support;

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::Command;

use pty_support::*;
use run_support::EXE;

/// What the playground writes when it takes the terminal: the alternate screen.
const ENTER: &[u8] = b"\x1b[?1049h";
/// What it writes when it gives it back: mouse reporting off, then the main screen.
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const LEAVE: &[u8] = b"\x1b[?1049l";

fn state_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("forkyard-term-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The playground's command: in the repository (its lessons), progress kept in a temp dir.
fn playground(name: &str) -> Command {
    let mut cmd = Command::new(EXE);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TERM", "xterm-256color")
        .env("XDG_STATE_HOME", state_dir(name));
    cmd
}

/// Whether the terminal is in raw mode (the playground has it).
fn is_raw(pty: &Pty) -> bool {
    pty.termios().c_lflag & libc::ICANON == 0
}

#[test]
fn every_signal_that_ends_the_playground_gives_the_terminal_back() {
    let signals = [
        libc::SIGQUIT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGTERM,
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGVTALRM,
        libc::SIGXCPU,
    ];
    for sig in signals {
        let pty = Pty::new();
        let mut child = Guarded(pty.spawn(playground("signals")));
        assert!(
            pty.wait_for(ENTER, 0, 20),
            "the playground took the terminal"
        );
        assert!(eventually(10, || is_raw(&pty)), "in raw mode");
        let mark = pty.mark();
        // SAFETY: signalling our own child.
        unsafe { libc::kill(child.id() as i32, sig) };
        let status = wait_ended(&mut child, 20).expect("the playground ends");
        assert_eq!(status.signal(), Some(sig), "dies of signal {sig}");
        assert!(pty.wait_for(LEAVE, mark, 5), "main screen back after {sig}");
        assert!(pty.wait_for(MOUSE_OFF, mark, 1), "mouse off after {sig}");
        assert!(pty.is_cooked(), "cooked mode back after {sig}");
        let sid = child.id() as i32;
        pty.hang_up();
        assert!(
            eventually(10, || in_session(sid).is_empty()),
            "nothing left after {sig}"
        );
    }
}

#[test]
fn a_hang_up_ends_the_playground() {
    let pty = Pty::new();
    let mut child = Guarded(pty.spawn(playground("hangup")));
    let sid = child.id() as i32;
    assert!(
        pty.wait_for(ENTER, 0, 20),
        "the playground took the terminal"
    );
    pty.hang_up();
    let status = wait_ended(&mut child, 20).expect("the playground ends after a hang-up");
    assert!(
        status.signal() == Some(libc::SIGHUP) || status.code() == Some(1),
        "{status:?}"
    );
    assert!(
        eventually(10, || in_session(sid).is_empty()),
        "nothing of it is left"
    );
}

/// Not a test of its own: when a test below starts this binary again with
/// `FORKYARD_TEST_JOB_SHELL` set (a directory), it is the session leader of a terminal and plays the
/// shell with job control: it starts the playground as a job in its own process group, in the
/// foreground (so the playground's group is not orphaned, and Ctrl-Z really stops it), and waits
/// for it. Each time the job stops it takes the terminal back, as a shell does, and writes
/// `stopped-N` in the directory; then it waits for the test to write `bg-N` (continue the job in
/// the background) or `fg-N` (give the job the terminal, then continue it).
#[test]
fn job_shell() {
    let Some(dir) = std::env::var_os("FORKYARD_TEST_JOB_SHELL").map(PathBuf::from) else {
        return;
    };
    // SAFETY: a shell ignores SIGTTOU, to take the terminal back from a stopped job.
    unsafe { libc::signal(libc::SIGTTOU, libc::SIG_IGN) };
    let mut cmd = playground("job");
    // SAFETY: setpgid, signal and tcsetpgrp are async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            libc::setpgid(0, 0);
            libc::tcsetpgrp(0, libc::getpid());
            libc::signal(libc::SIGTTOU, libc::SIG_DFL);
            Ok(())
        });
    }
    #[expect(
        clippy::zombie_processes,
        reason = "reaped by waitpid(WUNTRACED) below, which also sees it stop, as a shell's does"
    )]
    let child = cmd.spawn().unwrap();
    let pid = child.id() as i32;
    std::fs::write(dir.join("pid"), pid.to_string()).unwrap();
    for n in 0.. {
        let mut status = 0;
        // SAFETY: waitpid on our child with a valid out-pointer.
        if unsafe { libc::waitpid(pid, &mut status, libc::WUNTRACED) } != pid
            || !libc::WIFSTOPPED(status)
        {
            return; // it ended
        }
        // SAFETY: taking the terminal back for our own group.
        unsafe { libc::tcsetpgrp(0, libc::getpgrp()) };
        std::fs::write(dir.join(format!("stopped-{n}")), "").unwrap();
        loop {
            if dir.join(format!("bg-{n}")).exists() {
                break;
            }
            if dir.join(format!("fg-{n}")).exists() {
                // SAFETY: giving the job the terminal.
                unsafe { libc::tcsetpgrp(0, pid) };
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        // SAFETY: continuing our own job.
        unsafe { libc::kill(pid, libc::SIGCONT) };
    }
}

/// Starts the playground under the job shell on `pty`; returns the shell, the playground's pid and
/// the shell's directory.
fn under_job_shell(pty: &Pty, name: &str) -> (Guarded, i32, PathBuf) {
    let dir = state_dir(name).join("shell");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut shell = Command::new(std::env::current_exe().unwrap());
    shell
        .args(["--exact", "job_shell", "--test-threads=1", "-q"])
        .env("FORKYARD_TEST_JOB_SHELL", &dir);
    let shell = Guarded(pty.spawn(shell));
    let pid_file = dir.join("pid");
    assert!(
        eventually(20, || std::fs::read_to_string(&pid_file)
            .is_ok_and(|s| !s.is_empty())),
        "the job started"
    );
    let pid = std::fs::read_to_string(&pid_file).unwrap().parse().unwrap();
    (shell, pid, dir)
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let pty = Pty::new();
    let (mut shell, pid, dir) = under_job_shell(&pty, "job");
    let _playground = InSession(pid, shell.id() as i32);
    assert!(
        pty.wait_for(ENTER, 0, 20),
        "the playground took the terminal"
    );
    assert!(eventually(10, || is_raw(&pty)));
    let mark = pty.mark();
    pty.type_keys(b"\x1a"); // Ctrl-Z
    assert!(
        eventually(10, || state_of(pid) == Some('T')),
        "the playground stops"
    );
    assert!(
        pty.wait_for(LEAVE, mark, 5),
        "the main screen is back while it is stopped"
    );
    assert!(pty.wait_for(MOUSE_OFF, mark, 1), "mouse reporting is off");
    assert!(pty.is_cooked(), "cooked mode is back while it is stopped");
    assert!(eventually(10, || dir.join("stopped-0").exists()));
    let mark = pty.mark();
    std::fs::write(dir.join("fg-0"), "").unwrap();
    assert!(
        eventually(10, || state_of(pid) != Some('T')),
        "it continues"
    );
    assert!(pty.wait_for(ENTER, mark, 5), "and takes the terminal again");
    assert!(eventually(5, || is_raw(&pty)), "in raw mode again");
    // SAFETY: ending the playground.
    unsafe { libc::kill(pid, libc::SIGTERM) };
    let status = wait_ended(&mut shell, 20).expect("the job and its shell end");
    assert!(status.code().is_some(), "{status:?}");
    assert!(pty.is_cooked());
    pty.hang_up();
}

#[test]
fn continued_in_the_background_it_leaves_the_terminal_alone_until_fg() {
    let pty = Pty::new();
    let (mut shell, pid, dir) = under_job_shell(&pty, "bg");
    let _playground = InSession(pid, shell.id() as i32);
    assert!(
        pty.wait_for(ENTER, 0, 20),
        "the playground took the terminal"
    );
    pty.type_keys(b"\x1a"); // Ctrl-Z
    assert!(eventually(10, || dir.join("stopped-0").exists()), "stopped");
    // `bg`: it runs on, in the background, and must not touch the terminal.
    let mark = pty.mark();
    std::fs::write(dir.join("bg-0"), "").unwrap();
    assert!(
        eventually(10, || state_of(pid) != Some('T')),
        "it runs in the background"
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        find(&pty.seen()[mark..], ENTER).is_none(),
        "no drawing from the background"
    );
    assert!(pty.is_cooked(), "the shell's terminal modes stay");
    // A line typed now is the shell's, but the playground reads it: SIGTTIN stops it again.
    pty.type_keys(b"x\n");
    assert!(
        eventually(10, || dir.join("stopped-1").exists()),
        "SIGTTIN stops it"
    );
    // `fg`: the terminal is the playground's again.
    let mark = pty.mark();
    std::fs::write(dir.join("fg-1"), "").unwrap();
    assert!(
        pty.wait_for(ENTER, mark, 10),
        "fg: it takes the terminal again"
    );
    assert!(eventually(5, || is_raw(&pty)), "in raw mode again");
    // SAFETY: ending the playground.
    unsafe { libc::kill(pid, libc::SIGTERM) };
    wait_ended(&mut shell, 20).expect("the job and its shell end");
    assert!(pty.is_cooked(), "given back at the end");
    pty.hang_up();
}

/// Kills the playground (`.0`) when the test ends, if it is still in the job shell's session
/// (`.1`): a failing assertion must not leave it behind.
struct InSession(i32, i32);

impl Drop for InSession {
    fn drop(&mut self) {
        if stat_field(self.0, 6).and_then(|s| s.parse().ok()) == Some(self.1) {
            // SAFETY: a signal to the playground this test started.
            unsafe { libc::kill(self.0, libc::SIGKILL) };
        }
    }
}
