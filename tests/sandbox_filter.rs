//! The sandbox lesson processes run in (`runtime::sandbox`), proved from both sides:
//! - a running lesson process and its forked child report `NoNewPrivs: 1` and `Seccomp: 2`
//!   (filter mode) in `/proc/PID/status`, where the kernel has seccomp;
//! - a process that entered the sandbox is killed by SIGSYS for `execve` and `ptrace`, gets EPERM
//!   for a call forkyard does not make (an internet socket) and for creating a file, and still
//!   forks, reads `/proc/self/maps`, opens `/dev/null` and makes pipes.
//!
//! This file runs without the test harness (`harness = false`): its checks fork, which is only
//! safe in a process with one thread.

use std::ffi::CString;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use forkyard::runtime::sandbox;

const EXE: &str = env!("CARGO_BIN_EXE_forkyard");

/// How a forked check ended.
#[derive(Debug, PartialEq)]
enum End {
    Exit(i32),
    Signal(i32),
}

/// Runs `check` in a forked child that entered the sandbox; the child exits with what `check`
/// returns.
fn in_sandbox(check: fn() -> i32) -> End {
    // SAFETY: this process has one thread (no harness); the child only makes system calls and
    // exits with _exit.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let s = sandbox::enter();
        let code = if s.seccomp { check() } else { 99 };
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: waiting for our own child.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    if libc::WIFSIGNALED(status) {
        End::Signal(libc::WTERMSIG(status))
    } else {
        End::Exit(libc::WEXITSTATUS(status))
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn seccomp_available() -> bool {
    in_sandbox(|| 0) != End::Exit(99)
}

fn status_field(pid: i32, name: &str) -> Option<u32> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|v| v.trim().parse().ok())
}

/// A running lesson's main and its child are in the sandbox.
fn lesson_processes_run_sandboxed() -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("forkyard-sandbox-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("sandboxed.py");
    // The child prints its pid then waits on an Event the parent never sets within the test's
    // reading; the observer's --timeout ends the run.
    std::fs::write(
        &program,
        [
            "import os",
            "from multiprocessing import Process, Event",
            "def child(e):",
            "    print('child', os.getpid(), flush=True)",
            "    e.wait(30)",
            "if __name__ == '__main__':",
            "    e = Event()",
            "    print('main', os.getpid(), flush=True)",
            "    p = Process(target=child, args=(e,))",
            "    p.start()",
            "    e.wait(30)",
            "",
        ]
        .join("\n"),
    )
    .unwrap();
    let mut run = Command::new(EXE)
        .arg("run")
        .arg(&program)
        .args(["--format", "plain", "--timeout", "20"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = run.stdout.take().unwrap();
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut pids = Vec::new();
    use std::io::Read;
    let mut buf = [0u8; 4096];
    while pids.len() < 2 && Instant::now() < deadline {
        let n = out.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break;
        }
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        pids = seen
            .lines()
            .filter_map(|l| {
                let mut w = l.split_whitespace();
                match (w.next(), w.next()) {
                    (Some("main" | "child"), Some(pid)) => pid.parse::<i32>().ok(),
                    _ => None,
                }
            })
            .collect();
    }
    let result = if pids.len() < 2 {
        Err(format!("the lesson never printed both pids: {seen:?}"))
    } else {
        pids.iter().try_for_each(|&pid| {
            // Both of forkyard's filters, over whatever this test itself runs under.
            let own = status_field(std::process::id() as i32, "Seccomp_filters:");
            let fields = (
                status_field(pid, "NoNewPrivs:"),
                status_field(pid, "Seccomp:"),
                status_field(pid, "Seccomp_filters:")
                    .zip(own)
                    .map(|(l, o)| l - o),
            );
            if fields == (Some(1), Some(2), Some(2)) {
                Ok(())
            } else {
                Err(format!(
                    "process {pid}: NoNewPrivs, Seccomp, forkyard's filters = {fields:?}"
                ))
            }
        })
    };
    let _ = run.kill();
    let _ = run.wait();
    result
}

/// A check's name, how the sandboxed child must end, and what it does.
type Check = (&'static str, End, fn() -> i32);

fn main() {
    let mut passed = 0;
    let mut failed = Vec::new();
    if !seccomp_available() {
        println!(
            "skipped: this kernel does not let an unprivileged process install a seccomp filter"
        );
        println!("0 passed, 0 failed, 1 skipped");
        return;
    }
    let checks: Vec<Check> = vec![
        ("execve kills", End::Signal(libc::SIGSYS), || {
            let path = CString::new("/bin/true").unwrap();
            let argv = [path.as_ptr(), std::ptr::null()];
            let envp = [std::ptr::null()];
            unsafe { libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
            1
        }),
        ("ptrace kills", End::Signal(libc::SIGSYS), || {
            unsafe { libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0) };
            1
        }),
        ("an internet socket is EPERM", End::Exit(0), || {
            let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0) };
            if fd < 0 && errno() == libc::EPERM {
                0
            } else {
                1
            }
        }),
        ("creating a file is EPERM", End::Exit(0), || {
            let path = CString::new("/tmp/forkyard-sandbox-must-not-exist").unwrap();
            let fd = unsafe {
                libc::open(
                    path.as_ptr(),
                    libc::O_WRONLY | libc::O_CREAT | libc::O_CLOEXEC,
                    0o600,
                )
            };
            if fd < 0 && errno() == libc::EPERM {
                0
            } else {
                1
            }
        }),
        (
            "typing into the terminal (TIOCSTI) is EPERM",
            End::Exit(0),
            || {
                let c: u8 = b'x';
                let r = unsafe { libc::ioctl(0, libc::TIOCSTI, &c) };
                if r < 0 && errno() == libc::EPERM {
                    0
                } else {
                    1
                }
            },
        ),
        ("what lessons need still works", End::Exit(0), || {
            let maps = std::fs::read_to_string("/proc/self/maps").is_ok();
            let null = CString::new("/dev/null").unwrap();
            let fd = unsafe { libc::open(null.as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
            let mut fds = [0; 2];
            let pipe = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } == 0;
            let pid = unsafe { libc::fork() };
            if pid == 0 {
                unsafe { libc::_exit(7) };
            }
            let mut status = 0;
            unsafe { libc::waitpid(pid, &mut status, 0) };
            let forked = pid > 0 && libc::WEXITSTATUS(status) == 7;
            if maps && fd >= 0 && pipe && forked {
                0
            } else {
                1
            }
        }),
    ];
    for (name, want, check) in checks {
        let got = in_sandbox(check);
        if got == want {
            passed += 1;
        } else {
            failed.push(format!("{name}: want {want:?}, got {got:?}"));
        }
    }
    match lesson_processes_run_sandboxed() {
        Ok(()) => passed += 1,
        Err(e) => failed.push(format!("lesson processes run sandboxed: {e}")),
    }
    for f in &failed {
        println!("FAILED {f}");
    }
    println!("{passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        std::process::exit(1);
    }
}
