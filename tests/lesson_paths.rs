//! A lesson is found however a shell names it: from inside its own directory (by id, or as `.`),
//! with a trailing slash, through a symlink named otherwise, and `forkyard check` with no argument
//! from inside a lesson directory checks every lesson (it once reported the lesson directory ``).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const EXE: &str = env!("CARGO_BIN_EXE_forkyard");

fn lessons() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

fn forkyard(cwd: &Path, args: &[&str]) -> Output {
    Command::new(EXE)
        .args(args)
        .current_dir(cwd)
        // The source tree's lessons, whatever the environment says.
        .env_remove("FORKYARD_LESSONS")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `forkyard run` of lesson 01 succeeded: its main and both children ended.
fn ran_lesson_01(o: &Output) -> bool {
    let out = String::from_utf8_lossy(&o.stdout);
    o.status.success() && out.contains("Process-1") && out.contains("Process-2")
}

#[test]
fn a_lesson_runs_from_inside_its_own_directory() {
    let dir = lessons().join("01-process");
    for target in ["01-process", "01", "process", ".", "./"] {
        let o = forkyard(&dir, &["run", target, "--speed", "20"]);
        assert!(ran_lesson_01(&o), "run {target}: {}", text(&o));
    }
}

#[test]
fn check_from_inside_a_lesson_directory_checks_every_lesson() {
    let dir = lessons().join("01-process");
    let o = forkyard(&dir, &["check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", text(&o));
    assert!(out.contains("lessons checked: all good"), "{}", text(&o));
    assert!(!out.contains("``"), "{}", text(&o));
    let o = forkyard(&dir, &["check", "."]);
    assert!(o.status.success(), "check .: {}", text(&o));
    // And from the lessons directory, by its relative path with a trailing slash.
    let o = forkyard(&lessons(), &["check", "01-process/"]);
    assert!(o.status.success(), "check 01-process/: {}", text(&o));
    let o = forkyard(&lessons().join("01-process"), &["check", "../02-daemon"]);
    assert!(o.status.success(), "check ../02-daemon: {}", text(&o));
}

#[test]
fn a_lesson_directory_reached_through_a_symlink_keeps_its_id() {
    let tmp = std::env::temp_dir().join(format!("forkyard-lesson-paths-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let link = tmp.join("current");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(lessons().join("01-process"), &link).unwrap();
    let o = forkyard(&tmp, &["check", "current"]);
    assert!(o.status.success(), "check current: {}", text(&o));
    let o = forkyard(&tmp, &["run", "current", "--speed", "20"]);
    assert!(ran_lesson_01(&o), "run current: {}", text(&o));
    // From inside the symlinked directory, too.
    let o = forkyard(&link, &["run", ".", "--speed", "20"]);
    assert!(ran_lesson_01(&o), "run . in the link: {}", text(&o));
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn a_directory_that_is_no_lesson_is_named_in_the_error() {
    let tmp = std::env::temp_dir().join(format!("forkyard-not-a-lesson-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let o = forkyard(&tmp, &["check", "."]);
    let out = text(&o);
    assert!(!o.status.success(), "{out}");
    let name = tmp.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        out.contains(&format!(
            "the lesson directory `{name}` is not named NN-name"
        )),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
