//! Every program of a lesson can be run headless: `--program FILE`, a `--set` knob runs the program
//! it edits (01's `terminate` is subclass.py's), clear sentences for a program or knob that does
//! not fit, and `forkyard list` names the programs.

use std::process::{Command, Output};

fn forkyard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_forkyard"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .expect("forkyard runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_knob_of_the_second_program_runs_that_program() {
    let out = forkyard(&[
        "run",
        "01-process",
        "--set",
        "terminate=on",
        "--speed",
        "20",
        "--format",
        "plain",
    ]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Counter-1 counts 1"), "{stdout}");
    assert!(!stdout.contains("done"), "main.py ran instead:\n{stdout}");
}

#[test]
fn program_picks_one() {
    let out = forkyard(&[
        "run",
        "04-lock",
        "--program",
        "pieces.py",
        "--speed",
        "20",
        "--format",
        "plain",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pieces = text(&out.stdout);
    let out = forkyard(&["run", "04-lock", "--speed", "20", "--format", "plain"]);
    let main = text(&out.stdout);
    assert_ne!(pieces, main, "--program pieces.py ran main.py");
    // The first program stays the default, and --program names it too.
    let out = forkyard(&[
        "run",
        "01-process",
        "--program",
        "main.py",
        "--speed",
        "20",
        "--format",
        "plain",
    ]);
    assert!(text(&out.stdout).contains("done"), "{}", text(&out.stdout));
}

#[test]
fn programs_and_knobs_that_do_not_fit_are_sentences() {
    let out = forkyard(&["run", "01-process", "--program", "nope.py"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "01-process has no program `nope.py` (programs: main.py, subclass.py, start_methods.py)"
        ),
        "{err}"
    );
    let out = forkyard(&[
        "run",
        "01-process",
        "--program",
        "main.py",
        "--set",
        "terminate=off",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("knob terminate changes subclass.py, not main.py"),
        "{err}"
    );
    let out = forkyard(&[
        "run",
        "01-process",
        "--set",
        "terminate=off",
        "--set",
        "join=on",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("one program at a time"));
    let p = std::env::temp_dir().join(format!("forkyard-programs-{}.py", std::process::id()));
    std::fs::write(&p, "print(1)\n").unwrap();
    let out = forkyard(&["run", p.to_str().unwrap(), "--program", "main.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("plain file"));
}

#[test]
fn list_names_every_program() {
    let out = forkyard(&["list"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("programs: main.py, subclass.py"),
        "{stdout}"
    );
    assert!(stdout.contains("programs: main.py, pieces.py"), "{stdout}");
}
