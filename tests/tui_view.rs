//! `forkyard view RUN.jsonl` in a real (pseudo-)terminal: the recorded run opens scrubbable, the
//! keys that would run say they do not, `E` writes exports equal to `forkyard export`'s of the
//! same file, and `--record` writes an asciicast v2 file that parses back. A bad file is a sentence
//! with its place, before the terminal is touched.

mod pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use pty::{Pty, state_dir};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tui_fixtures/runs/04-lock.jsonl")
}

/// The files under the state directory's exports, oldest first.
fn exports(state: &Path) -> Vec<PathBuf> {
    let dir = state.join("forkyard/exports");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// What `forkyard export` writes for the fixture as `format`.
fn headless_export(format: &str, dir: &Path) -> String {
    let out = dir.join(format!("headless.{format}"));
    let status = Command::new(env!("CARGO_BIN_EXE_forkyard"))
        .args(["export", fixture().to_str().unwrap(), "--to", format])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn view_scrubs_a_recorded_run_exports_it_and_records_the_session() {
    let state = state_dir("view");
    let cast = state.join("session.cast");
    let fixture = fixture();
    let mut p = Pty::start_args(
        120,
        40,
        &state,
        "en_US.UTF-8",
        &[
            "view",
            fixture.to_str().unwrap(),
            "--record",
            cast.to_str().unwrap(),
        ],
    );
    p.wait("scrubbing", 10);
    p.wait("event 83/83", 5);
    p.wait("a recorded run holds no program text", 5);
    // One event back, then ten.
    p.key("[");
    p.wait("event 82/83", 5);
    p.key("{");
    p.wait("event 72/83", 5);
    // Nothing runs here.
    p.key("r");
    p.wait("nothing runs here", 5);
    // Each export, from the popup.
    for key in ["t", "p", "s"] {
        p.key("E");
        p.wait("Export the run", 5);
        p.key(key);
        p.gone("Export the run", 5);
        p.wait("written to", 5);
    }
    p.key("q");
    let status = p.exited(10).expect("the playground quits on q");
    assert!(status.success(), "{status:?}");
    assert_eq!(p.modes(), (false, false), "main screen after quitting");

    // The exports are those of `forkyard export` of the same file, byte for byte.
    let files = exports(&state);
    assert_eq!(files.len(), 3, "{files:?}");
    let by_ext = |ext: &str| {
        let f = files
            .iter()
            .find(|f| f.extension().is_some_and(|e| e == ext))
            .unwrap_or_else(|| panic!("no .{ext} export in {files:?}"));
        std::fs::read_to_string(f).unwrap()
    };
    assert_eq!(by_ext("txt"), headless_export("transcript", &state));
    assert_eq!(by_ext("json"), headless_export("perfetto", &state));
    assert_eq!(by_ext("svg"), headless_export("svg", &state));
    let trace: serde_json::Value = serde_json::from_str(&by_ext("json")).unwrap();
    assert!(
        trace["traceEvents"]
            .as_array()
            .is_some_and(|e| !e.is_empty())
    );

    // The recording: a v2 header of the terminal's size, then [seconds, "o", text] in time order,
    // from taking the terminal to giving it back, with what was on screen.
    let text = std::fs::read_to_string(&cast).unwrap();
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["version"], 2);
    assert_eq!(header["width"], 120);
    assert_eq!(header["height"], 40);
    let events: Vec<(f64, String, String)> = lines
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(events.len() >= 5, "{} events", events.len());
    assert!(events.iter().all(|e| e.1 == "o" && e.0 >= 0.0));
    assert!(events.windows(2).all(|w| w[0].0 <= w[1].0), "time order");
    assert!(
        events[0].2.contains("\x1b[?1049h"),
        "takes the alternate screen"
    );
    assert!(
        events.last().unwrap().2.contains("\x1b[?1049l"),
        "gives it back"
    );
    // Played back (without its last event, which leaves the alternate screen), it ends on the
    // playground's last frame.
    let mut screen = vt100::Parser::new(
        std::num::NonZeroU16::new(40).unwrap(),
        std::num::NonZeroU16::new(120).unwrap(),
        0,
    );
    for e in &events[..events.len() - 1] {
        screen.process(e.2.as_bytes());
    }
    let last = screen.screen().contents();
    for seen in ["scrubbing", "event 72/83", "svg written to", "Process-3"] {
        assert!(last.contains(seen), "the recording shows {seen:?}:\n{last}");
    }
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_bad_recording_is_a_sentence_with_its_place() {
    let dir = state_dir("view-bad");
    let bad = dir.join("run.jsonl");
    let good = std::fs::read_to_string(fixture()).unwrap();
    let first = good.lines().next().unwrap();
    std::fs::write(&bad, format!("{first}\nnot json\n")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_forkyard"))
        .args(["view", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("run.jsonl:2: not a forkyard trace record"),
        "{err}"
    );
    assert!(
        err.contains("--format jsonl"),
        "says how to make one: {err}"
    );
    assert!(out.stdout.is_empty(), "the terminal was not touched");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_playground_records_its_session() {
    let state = state_dir("record");
    let cast = state.join("lesson.cast");
    let mut p = Pty::start_args(
        80,
        24,
        &state,
        "en_US.UTF-8",
        &["--record", cast.to_str().unwrap()],
    );
    p.wait("Lessons", 10);
    p.key("q");
    assert!(p.exited(10).is_some_and(|s| s.success()));
    let text = std::fs::read_to_string(&cast).unwrap();
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(
        (header["width"].as_u64(), header["height"].as_u64()),
        (Some(80), Some(24))
    );
    let events: Vec<(f64, String, String)> =
        lines.map(|l| serde_json::from_str(l).unwrap()).collect();
    let all: String = events.iter().map(|e| e.2.as_str()).collect();
    assert!(all.contains("Lessons"), "the first frame is in it");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_recording_that_cannot_be_made_is_a_sentence() {
    let state = state_dir("record-bad");
    let mut p = Pty::start_args(
        80,
        24,
        &state,
        "en_US.UTF-8",
        &["--record", "/nonexistent-dir/session.cast"],
    );
    let status = p.exited(10).expect("it stops at once");
    assert_eq!(status.code(), Some(2));
    p.wait(
        "could not create the recording /nonexistent-dir/session.cast",
        5,
    );
    assert_eq!(p.modes(), (false, false), "the terminal is given back");
    let _ = std::fs::remove_dir_all(&state);
}
