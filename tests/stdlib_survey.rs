//! Surveys: programs in `tests/programs/stdlib/` that call a part of Python (the builtins, a type's
//! methods, a module) on sample inputs and print every result or exception, one per line. Each is
//! run under CPython 3.11 and under forkyard, and the two outputs must be identical.
//!
//! One `#[test]` per survey file, each a call to [`survey`]. Without CPython 3.11 (`python3`, or
//! `FORKYARD_PYTHON`) a survey cannot be compared: the test says so on stderr and passes, unless
//! `FORKYARD_REQUIRE_CPYTHON=1`, which makes the missing interpreter a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The forkyard binary under test.
const EXE: &str = env!("CARGO_BIN_EXE_forkyard");

/// The CPython the surveys are written against.
const CPYTHON: &str = "3.11";

fn survey_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/stdlib")
}

/// The CPython 3.11 to compare with, or why there is none.
fn cpython() -> Result<String, String> {
    let python = std::env::var("FORKYARD_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&python)
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .map_err(|e| format!("`{python}` cannot be run ({e})"))?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || version != CPYTHON {
        return Err(format!(
            "`{python}` is not CPython {CPYTHON} (it reports {version:?}); set FORKYARD_PYTHON"
        ));
    }
    Ok(python)
}

/// Both runs see the same environment: the survey's directory, a fixed hash seed, UTF-8 output.
fn run(mut cmd: Command) -> Output {
    cmd.current_dir(survey_dir())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("the program can be started")
}

/// The lines where two outputs differ, numbered, at most `limit` of them.
fn differences(expected: &str, actual: &str, limit: usize) -> Vec<String> {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = Vec::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            out.push(format!(
                "line {}:\n  cpython:  {}\n  forkyard: {}",
                i + 1,
                x.unwrap_or("<no line>"),
                y.unwrap_or("<no line>")
            ));
            if out.len() == limit {
                break;
            }
        }
    }
    out
}

/// Runs `tests/programs/stdlib/NAME` under CPython 3.11 and under forkyard; fails listing the
/// first differing lines when stdout, stderr or the exit status differ.
fn survey(name: &str) {
    let path = survey_dir().join(name);
    assert!(path.is_file(), "no survey {}", path.display());
    let python = match cpython() {
        Ok(p) => p,
        Err(why) => {
            if std::env::var("FORKYARD_REQUIRE_CPYTHON").is_ok_and(|v| v == "1") {
                panic!("survey {name} needs CPython {CPYTHON}: {why}");
            }
            eprintln!("survey {name} skipped: {why}");
            return;
        }
    };
    let mut py = Command::new(python);
    py.args(["-u", name]);
    let expected = run(py);
    let mut fy = Command::new(EXE);
    fy.args([
        "run",
        name,
        "--format",
        "plain",
        "--stdout",
        "unbuffered",
        "--timeout",
        "60",
    ]);
    let actual = run(fy);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let (e_out, a_out) = (text(&expected.stdout), text(&actual.stdout));
    let (e_err, a_err) = (text(&expected.stderr), text(&actual.stderr));
    assert!(
        !e_out.is_empty(),
        "CPython printed nothing for {name}: {e_err}"
    );
    let diff = differences(&e_out, &a_out, 20);
    assert!(
        diff.is_empty(),
        "survey {name}: forkyard differs from CPython on stdout\n{}",
        diff.join("\n")
    );
    assert_eq!(e_err, a_err, "survey {name}: stderr differs");
    assert_eq!(
        expected.status.code(),
        actual.status.code(),
        "survey {name}: exit status differs"
    );
}

#[test]
fn builtins_survey() {
    survey("builtins_survey.py");
}

#[test]
fn abc_survey() {
    survey("abc_survey.py");
}

#[test]
fn bisect_survey() {
    survey("bisect_survey.py");
}

#[test]
fn collections_survey() {
    survey("collections_survey.py");
}

#[test]
fn concurrent_futures_survey() {
    survey("concurrent_futures_survey.py");
}

#[test]
fn contextlib_survey() {
    survey("contextlib_survey.py");
}

#[test]
fn copy_survey() {
    survey("copy_survey.py");
}

#[test]
fn dataclasses_survey() {
    survey("dataclasses_survey.py");
}

#[test]
fn enum_survey() {
    survey("enum_survey.py");
}

#[test]
fn functools_survey() {
    survey("functools_survey.py");
}

#[test]
fn heapq_survey() {
    survey("heapq_survey.py");
}

#[test]
fn itertools_survey() {
    survey("itertools_survey.py");
}

#[test]
fn json_survey() {
    survey("json_survey.py");
}

#[test]
fn keyword_survey() {
    survey("keyword_survey.py");
}

#[test]
fn math_survey() {
    survey("math_survey.py");
}

#[test]
fn operator_survey() {
    survey("operator_survey.py");
}

#[test]
fn os_survey() {
    survey("os_survey.py");
}

#[test]
fn pprint_survey() {
    survey("pprint_survey.py");
}

#[test]
fn queue_survey() {
    survey("queue_survey.py");
}

#[test]
fn random_survey() {
    survey("random_survey.py");
}

#[test]
fn statistics_survey() {
    survey("statistics_survey.py");
}

#[test]
fn string_survey() {
    survey("string_survey.py");
}

#[test]
fn sys_survey() {
    survey("sys_survey.py");
}

#[test]
fn textwrap_survey() {
    survey("textwrap_survey.py");
}

#[test]
fn time_survey() {
    survey("time_survey.py");
}

#[test]
fn traceback_survey() {
    survey("traceback_survey.py");
}

#[test]
fn typing_survey() {
    survey("typing_survey.py");
}

#[test]
fn re_survey() {
    survey("re_survey.py");
}

#[test]
fn differences_are_numbered_and_bounded() {
    let d = differences("a\nb\nc\n", "a\nx\n", 5);
    assert_eq!(d.len(), 2);
    assert!(d[0].starts_with("line 2:") && d[1].contains("<no line>"));
    assert_eq!(differences("a\nb\n", "x\ny\n", 1).len(), 1);
    assert!(differences("same\n", "same\n", 5).is_empty());
}

/// Every survey file in `tests/programs/stdlib/` has its test in this file.
#[test]
fn every_survey_file_is_run() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/stdlib");
    let this = include_str!("stdlib_survey.rs");
    for entry in std::fs::read_dir(dir).expect("the survey directory") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".py") {
            assert!(
                this.contains(&format!("survey(\"{name}\")")),
                "{name} has no #[test] here"
            );
        }
    }
}
