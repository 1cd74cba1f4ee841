//! stdout buffering as CPython 3.11 does it (`forkyard run --stdout tty|pipe|unbuffered`).
//!
//! The programs in `tests/programs/buffering/` run under CPython without `-u` and with
//! `PYTHONUNBUFFERED` removed, its stdout really on a pipe, then on a pseudo-terminal (made by
//! `script(1)`), and under forkyard with `--stdout pipe` and `--stdout tty`: what each prints must be
//! the same (the outcome: which lines survive a kill, in which order; not timings). Without CPython
//! 3.11 (or without `script` for the terminal half) those comparisons are skipped with a line saying
//! so; `FORKYARD_REQUIRE_CPYTHON=1` turns the skip into a failure. The first test needs neither: it
//! checks the classic surprise against what CPython printed when these tests were written.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FORKYARD: &str = env!("CARGO_BIN_EXE_forkyard");

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/buffering")
}

/// Writes past libtest's capture, so a skip is visible even when the test passes.
fn notice(text: &str) {
    let _ = writeln!(std::io::stderr(), "buffering: {text}");
}

fn programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/programs/buffering is readable")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "the buffering programs are there");
    names
}

fn forkyard(name: &str, mode: &str) -> Output {
    Command::new(FORKYARD)
        .args(["run", name, "--format", "plain", "--timeout", "30"])
        .args(["--stdout", mode])
        .current_dir(dir())
        .stdin(Stdio::null())
        .output()
        .expect("forkyard runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// CPython 3.11, if installed (`FORKYARD_PYTHON` or `python3`); else why not.
fn cpython() -> Result<String, String> {
    let python = std::env::var("FORKYARD_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&python)
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .map_err(|e| format!("{python} cannot run ({e})"))?;
    let version = text(&out.stdout).trim().to_string();
    if version != "3.11" {
        return Err(format!("{python} is {version}, not CPython 3.11"));
    }
    Ok(python)
}

fn skip_or_fail(why: &str) {
    if std::env::var("FORKYARD_REQUIRE_CPYTHON").is_ok_and(|v| v == "1") {
        panic!("FORKYARD_REQUIRE_CPYTHON=1 but {why}");
    }
    notice(&format!("SKIPPED the comparison with CPython: {why}"));
}

/// CPython as a learner runs it: no `-u`, no `PYTHONUNBUFFERED`.
fn cpython_cmd(python: &str) -> Command {
    let mut cmd = Command::new(python);
    cmd.current_dir(dir())
        .stdin(Stdio::null())
        .env_remove("PYTHONUNBUFFERED")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    cmd
}

/// A traceback as the corpus compares it: frames of files other than the program (CPython's own
/// `multiprocessing/process.py`) dropped, the program's path reduced to its name, `^^^` lines
/// dropped (see tests/corpus/README.md).
fn normalize_stderr(stderr: &str, program: &str) -> String {
    let mut out = Vec::new();
    let mut skip_source = false;
    for line in stderr.lines() {
        if skip_source && line.starts_with("    ") {
            skip_source = false;
            continue;
        }
        skip_source = false;
        if let Some(rest) = line.strip_prefix("  File \"") {
            let (path, tail) = rest.split_once('"').unwrap_or((rest, ""));
            let file = path.rsplit('/').next().unwrap_or(path);
            if file != program {
                skip_source = true;
                continue;
            }
            out.push(format!("  File \"{file}\"{tail}"));
            continue;
        }
        let t = line.trim();
        if !t.is_empty() && t.chars().all(|c| c == '^' || c == '~') {
            continue;
        }
        out.push(line.to_string());
    }
    out.join("\n")
}

#[test]
fn a_killed_child_loses_what_it_did_not_flush() {
    // What CPython 3.11 prints for killed_child.py (recorded: python3 killed_child.py | cat, and
    // under script(1) for the terminal).
    let into_pipe = "parent: before start\nparent: exitcode -15\n";
    let on_terminal = "parent: before start\nchild: started\nparent: exitcode -15\n";
    let unbuffered = "parent: before start\nchild: started\nchild: workingparent: exitcode -15\n";
    for (mode, want) in [
        ("pipe", into_pipe),
        ("tty", on_terminal),
        ("unbuffered", unbuffered),
    ] {
        let out = forkyard("killed_child.py", mode);
        assert_eq!(text(&out.stdout), want, "--stdout {mode}");
        assert!(out.status.success(), "--stdout {mode}: {out:?}");
    }
}

#[test]
fn an_unknown_stdout_mode_is_refused_with_the_choices() {
    let out = forkyard("killed_child.py", "block");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("block") && err.contains("tty, pipe or unbuffered"),
        "{err}"
    );
}

#[test]
fn into_a_pipe_forkyard_prints_what_cpython_prints() {
    let python = match cpython() {
        Ok(p) => p,
        Err(why) => return skip_or_fail(&why),
    };
    let mut bad = Vec::new();
    for name in programs() {
        let cp = cpython_cmd(&python)
            .arg(&name)
            .output()
            .expect("CPython runs");
        let fy = forkyard(&name, "pipe");
        let (cp_out, fy_out) = (text(&cp.stdout), text(&fy.stdout));
        let cp_err = normalize_stderr(&text(&cp.stderr), &name);
        let fy_err = normalize_stderr(&text(&fy.stderr), &name);
        if cp_out != fy_out || cp_err != fy_err || cp.status.code() != fy.status.code() {
            bad.push(format!(
                "{name}:\n  CPython  {:?} stdout {cp_out:?} stderr {cp_err:?}\n  forkyard {:?} stdout {fy_out:?} stderr {fy_err:?}",
                cp.status.code(),
                fy.status.code()
            ));
        }
    }
    assert!(bad.is_empty(), "into a pipe:\n{}", bad.join("\n"));
}

#[test]
fn on_a_terminal_forkyard_prints_what_cpython_prints() {
    let python = match cpython() {
        Ok(p) => p,
        Err(why) => return skip_or_fail(&why),
    };
    if Command::new("script").arg("--version").output().is_err() {
        return skip_or_fail("script(1), which gives CPython a pseudo-terminal, is not installed");
    }
    let mut bad = Vec::new();
    for name in programs() {
        // stdout on the pty; stderr (line-buffered either way) aside, so only stdout is compared.
        let inner = format!("{python} {name} 2>/dev/null");
        let cp = cpython_cmd("script")
            .args(["-qec", &inner, "/dev/null"])
            .output()
            .expect("script runs");
        let cp_out = text(&cp.stdout).replace("\r\n", "\n");
        let fy = forkyard(&name, "tty");
        let fy_out = text(&fy.stdout);
        if cp_out != fy_out {
            bad.push(format!(
                "{name}:\n  CPython  {cp_out:?}\n  forkyard {fy_out:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "on a terminal:\n{}", bad.join("\n"));
}
