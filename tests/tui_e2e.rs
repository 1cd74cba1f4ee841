//! The real binary in a real (pseudo-)terminal, driven as a person would: open the playground,
//! run, turn knobs, stop an endless run, switch programs, resize below the minimum, open the help
//! in 中文, quit, and be killed by SIGTERM/SIGHUP mid-run. After each: the terminal is restored
//! (main screen, no mouse reporting, cooked mode) and no lesson process is left. Needs nothing
//! outside the repository (`tests/pty`: nix's openpty and a vt100 screen).

mod pty;

use forkyard::trace::Op;
use pty::{Pty, eventually, exists, state_dir};

/// Quits with `q` and checks the playground left the terminal as it found it.
fn quit_and_check(p: &mut Pty, pids: &[i32]) {
    p.key("q");
    let status = p.exited(10).expect("the playground quits on q");
    assert!(status.success(), "{status:?}");
    assert_eq!(
        p.modes(),
        (false, false),
        "main screen and no mouse reporting after quitting"
    );
    assert!(p.cooked(), "the terminal is back in cooked mode");
    for pid in pids {
        assert!(
            eventually(5, || !exists(*pid)),
            "lesson process {pid} outlived the playground"
        );
    }
}

/// Turns the lessons' questions before a run off for the session (`P`): these tests are about
/// runs; predictions have `tests/tui_predict_e2e.rs`.
fn no_predictions(p: &mut Pty) {
    p.key("P");
    p.wait("predictions off", 5);
}

#[test]
fn run_toggle_rerun_help_quit() {
    let state = state_dir("e2e");
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    assert_eq!(p.modes(), (true, true), "alternate screen and mouse on");
    no_predictions(&mut p);
    p.key("n");
    p.wait("02 daemon", 5);
    p.key("+");
    p.key("+");
    p.key("r");
    p.wait("Process-1", 10);
    p.wait("ended", 15);
    let mut pids = p.lane_pids();
    p.key("d");
    p.wait("[d] on", 5);
    p.wait("d daemon=on", 5);
    p.wait("SIGTERM", 15);
    p.wait("ended", 15);
    pids.extend(p.lane_pids());
    assert!(pids.len() >= 4, "lanes with pids: {pids:?}\n{}", p.screen());
    p.key("?");
    p.wait("Help: keys", 5);
    p.wait("Esc closes this help", 5);
    p.key("\x1b");
    p.gone("Help: keys", 5);
    quit_and_check(&mut p, &pids);
    let progress = std::fs::read_to_string(state.join("forkyard/progress.json")).unwrap();
    assert!(progress.contains("\"02-daemon\""), "{progress}");
}

#[test]
fn x_stops_an_endless_run() {
    let state = state_dir("stop");
    let mut p = Pty::start(80, 24, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    no_predictions(&mut p);
    for _ in 0..6 {
        p.key("n");
    }
    p.wait("07 Queue", 5);
    // ending=note: the reader waits for an item that never comes, and the main for the reader.
    p.key("f");
    p.wait("[f] note", 5);
    p.wait("x stop", 10);
    p.wait("write: done", 15);
    assert!(
        eventually(10, || p.lane_pids().len() >= 3),
        "{}",
        p.screen()
    );
    let pids = p.lane_pids();
    // The writer is done; the main and the reader wait forever.
    assert!(
        pids.iter().filter(|pid| exists(**pid)).count() >= 2,
        "the run is live"
    );
    p.key("x");
    p.wait("ended", 10);
    p.gone("x stop", 5);
    for pid in &pids {
        assert!(eventually(5, || !exists(*pid)), "process {pid} outlived x");
    }
    assert!(
        p.screen().contains("write: done"),
        "the stopped run stays on screen"
    );
    // 07 has four knobs: at 80x24 its help is taller than the screen, yet says how to leave it.
    p.key("?");
    p.wait("Esc closes this help", 5);
    p.key("\x1b");
    p.gone("Help: keys", 5);
    quit_and_check(&mut p, &[]);
}

#[test]
fn a_knob_of_the_second_program_runs_it() {
    let state = state_dir("programs");
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("01 Process", 10);
    p.wait("main.py │ subclass.py", 5);
    p.key("+");
    p.key("+");
    // `f` (terminate) is subclass.py's knob: the pane shows subclass.py and its counters run.
    p.key("f");
    p.wait("[f] off", 5);
    p.wait("Counter-1 counts", 10);
    let pids = p.lane_pids();
    p.key("o");
    p.wait("ready", 5);
    p.gone("[f] off", 5);
    p.gone("Counter-1 counts", 5);
    for pid in &pids {
        assert!(
            eventually(5, || !exists(*pid)),
            "switching programs ends the run: {pid}"
        );
    }
    quit_and_check(&mut p, &[]);
}

#[test]
fn below_the_minimum_size_keys_do_nothing_but_quit() {
    let state = state_dir("small");
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    p.resize(60, 15);
    p.wait("forkyard needs 80×24", 5);
    p.key("r");
    p.key("d");
    // Keys and the resize come through one channel in order: the screen drawn after the resize
    // already shows whatever r and d did.
    p.resize(100, 30);
    p.wait("Lessons", 5);
    let screen = p.screen();
    assert!(
        screen.contains("ready") && !screen.contains("running"),
        "r at 60x15 started a run out of sight:\n{screen}"
    );
    assert!(!screen.contains("[d] on"), "{screen}");
    p.resize(60, 15);
    p.wait("forkyard needs 80×24", 5);
    quit_and_check(&mut p, &[]);
}

#[test]
fn chinese_help_keeps_its_border() {
    for (w, h) in [(80, 24), (100, 30), (120, 40), (160, 45)] {
        chinese_help_at(w, h);
    }
}

fn chinese_help_at(w: u16, h: u16) {
    let state = state_dir(&format!("zh-{w}"));
    let mut p = Pty::start(w, h, &state, "zh_CN.UTF-8");
    p.wait("课程", 10);
    // The bar speaks Chinese too.
    p.wait("q 退出", 5);
    p.key("?");
    p.wait("帮助：按键", 5);
    p.wait("Esc 关闭帮助", 5);
    // Every row of the popup starts with its border, whatever wide character lies left of it.
    let screen = p.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .position(|r| r.contains("帮助：按键"))
        .expect("the popup's top");
    let col = rows[top].chars().position(|c| c == '┌').map(|_| {
        // The column in cells: count display widths up to the corner.
        let before: String = rows[top].split("┌ 帮助").next().unwrap().to_string();
        unicode_cells(&before)
    });
    let col = col.expect("the popup's corner");
    for row in &rows[top + 1..] {
        if row.contains("Esc 关闭帮助") {
            break;
        }
        let at = cell_at(row, col);
        assert_eq!(
            at,
            Some('│'),
            "{w}x{h}: the left border is lost on `{row}`\n{screen}"
        );
    }
    p.key("\x1b");
    p.gone("帮助：按键", 5);
    quit_and_check(&mut p, &[]);
}

/// Display cells of `s` (a CJK character takes two).
fn unicode_cells(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && is_wide(c) {
                2
            } else {
                1
            }
        })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// The character at display cell `col` of `row`.
fn cell_at(row: &str, col: usize) -> Option<char> {
    let mut at = 0;
    for c in row.chars() {
        if at == col {
            return Some(c);
        }
        at += if is_wide(c) { 2 } else { 1 };
        if at > col {
            return None;
        }
    }
    None
}

#[test]
fn sigterm_mid_run_leaves_no_process() {
    killed_mid_run(libc::SIGTERM, "TERM");
}

#[test]
fn sighup_mid_run_leaves_no_process() {
    killed_mid_run(libc::SIGHUP, "HUP");
}

fn killed_mid_run(signal: i32, tag: &str) {
    let state = state_dir(tag);
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    no_predictions(&mut p);
    p.key("n");
    p.wait("02 daemon", 5);
    p.key("r");
    p.wait("x stop", 10);
    assert!(
        eventually(10, || p.lane_pids().len() == 2),
        "{}",
        p.screen()
    );
    let pids = p.lane_pids();
    p.signal(signal);
    assert!(
        p.exited(10).is_some(),
        "the playground did not end on SIG{tag}"
    );
    for pid in pids {
        assert!(
            eventually(5, || !exists(pid)),
            "lesson process {pid} outlived the playground"
        );
    }
    assert_eq!(p.modes(), (false, false), "the terminal was restored");
    assert!(p.cooked(), "the terminal is back in cooked mode");
}

#[test]
fn s_holds_the_run_steps_the_picked_lane_and_releases_it() {
    let state = state_dir("held");
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    for _ in 0..3 {
        p.key("n");
    }
    p.wait("04 Lock", 5);
    // s with no run: the lesson starts held, nothing moves until a step is given.
    p.key("s");
    p.wait("held · step 0", 10);
    p.wait("▸ 1 statement", 10);
    // g: the main (the lane that can step) goes on until it blocks in its first join.
    p.key("g");
    p.wait("blocked on Process-1 (join)", 15);
    p.wait("held · step 25", 10);
    // ↓ picks Process-1; Enter gives it one step, 3 three more.
    p.key("\x1b[B");
    p.wait("▶Process-1", 5);
    p.key("\r");
    p.wait("held · step 26", 10);
    p.key("3");
    p.wait("held · step 29", 10);
    let pids = p.lane_pids();
    // S shows the schedule as text to replay.
    p.key("S");
    p.wait("MainProcess*25 Process-1*4", 5);
    p.wait("forkyard run 04-lock --schedule", 5);
    p.key("\x1b");
    p.gone("The same run again", 5);
    // s again: free from here on, to its end.
    p.key("s");
    p.wait(Op::Released.name(), 5);
    p.wait("counter:", 20);
    p.wait("ended", 20);
    quit_and_check(&mut p, &pids);
}

/// A directory of its own for a test's program and editor script.
fn program_dir(tag: &str) -> std::path::PathBuf {
    let dir = state_dir(&format!("own-{tag}")).join("work");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const TWO_LINES: &str = "from multiprocessing import Process\n\n\ndef hello(word):\n    print('child says', word)\n\n\nif __name__ == '__main__':\n    p = Process(target=hello, args=('first',))\n    p.start()\n    p.join()\n";

#[test]
fn e_opens_the_editor_on_the_file_and_its_change_reruns() {
    use std::os::unix::fs::PermissionsExt;
    let state = state_dir("own-edit");
    let dir = program_dir("edit");
    let file = dir.join("mine.py");
    std::fs::write(&file, TWO_LINES).unwrap();
    // The fake editor reads a word from the terminal, as an editor reads keys, and puts it in place
    // of `first`: the word gets to it only if the terminal is its (cooked: Enter is a newline).
    let editor = dir.join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'fake editor on %s, a word: ' \"$1\"\nIFS= read -r word\nsed -i \"s/first/$word/\" \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut p = Pty::start_with(
        80,
        24,
        &state,
        "en_US.UTF-8",
        &[file.as_os_str()],
        &[("EDITOR", editor.as_os_str())],
    );
    p.wait("mine.py", 10);
    p.key("r");
    p.wait("child says first", 15);
    p.wait("ended", 15);
    let mut pids = p.lane_pids();
    p.key("e");
    p.wait("fake editor on", 10);
    assert_eq!(
        p.modes(),
        (false, false),
        "the editor has the main screen, no mouse"
    );
    p.keys("second\r");
    p.wait("child says second", 15);
    p.wait("ended", 15);
    assert_eq!(
        p.modes(),
        (true, true),
        "the playground took the terminal back"
    );
    assert!(std::fs::read_to_string(&file).unwrap().contains("'second'"));
    pids.extend(p.lane_pids());
    quit_and_check(&mut p, &pids);
    assert!(
        !state.join("forkyard/progress.json").exists(),
        "a file is no lesson: no progress written"
    );
}

#[test]
fn a_syntax_error_shows_its_caret_and_a_save_that_fixes_it_runs() {
    let state = state_dir("own-watch");
    let dir = program_dir("watch");
    let file = dir.join("broken.py");
    std::fs::write(&file, "print('never'\n").unwrap();
    let mut p = Pty::start_with(100, 30, &state, "en_US.UTF-8", &[file.as_os_str()], &[]);
    p.wait("SyntaxError: '(' was never closed", 10);
    let screen = p.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows
        .iter()
        .position(|r| r.contains("print('never'"))
        .unwrap();
    assert_eq!(
        rows[at + 1].find('^'),
        rows[at].find("('never'"),
        "the caret under the parenthesis:\n{screen}"
    );
    p.key("r");
    p.wait("nothing runs until it is fixed", 5);
    assert!(p.lane_pids().is_empty(), "nothing ran:\n{}", p.screen());
    // Saved from another editor, as an editor saves: a new file renamed over the old one.
    let tmp = dir.join(".broken.py.swp");
    std::fs::write(&tmp, "print('fixed and saved')\n").unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    p.wait("fixed and saved", 15);
    p.wait("ended", 15);
    let mut pids = p.lane_pids();
    assert!(!pids.is_empty(), "{}", p.screen());
    // Written in place, as other editors save: run again.
    std::fs::write(&file, "print('written in place')\n").unwrap();
    p.wait("written in place", 15);
    p.gone("fixed and saved", 5);
    p.wait("ended", 15);
    pids.extend(p.lane_pids());
    quit_and_check(&mut p, &pids);
}

#[test]
fn a_missing_file_is_a_sentence_not_a_playground() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_forkyard"))
        .arg("no_such_program.py")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("there is no file no_such_program.py") && err.contains("forkyard alone"),
        "{err}"
    );
    let state = state_dir("own-missing");
    let mut p = Pty::start_with(
        80,
        24,
        &state,
        "en_US.UTF-8",
        &[std::ffi::OsStr::new("no_such_program.py")],
        &[],
    );
    let status = p.exited(10).expect("it ends at once");
    assert_eq!(status.code(), Some(2));
    assert!(
        p.screen().contains("there is no file no_such_program.py"),
        "{}",
        p.screen()
    );
}

#[test]
fn e_in_a_lesson_edits_a_copy_and_r_returns_to_the_lesson() {
    use std::os::unix::fs::PermissionsExt;
    let state = state_dir("own-lesson");
    let dir = program_dir("lesson");
    let editor = dir.join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf \"print('a line of my own')\\n\" >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut p = Pty::start_with(
        100,
        30,
        &state,
        "en_US.UTF-8",
        &[],
        &[("VISUAL", editor.as_os_str())],
    );
    p.wait("01 Process", 10);
    p.key("+");
    p.key("+");
    p.key("e");
    p.wait("a line of my own", 15);
    p.wait("your copy of main.py", 5);
    p.wait("ended", 15);
    let pids = p.lane_pids();
    let copy = state.join("forkyard/edits/01-process/main.py");
    let text = std::fs::read_to_string(&copy).expect("the copy is under the state directory");
    assert!(text.ends_with("print('a line of my own')\n"), "{text}");
    let lesson =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/01-process/main.py");
    assert!(
        !std::fs::read_to_string(lesson)
            .unwrap()
            .contains("a line of my own")
    );
    p.key("R");
    p.wait("the lesson's own program again", 5);
    p.gone("a line of my own", 5);
    quit_and_check(&mut p, &pids);
}
