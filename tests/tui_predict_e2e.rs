//! The playground's background work in the real binary on a pseudo-terminal: a prediction
//! answered before the run and graded after it (progress keeps it); quitting while explore
//! searches for an "any of these" answer; Esc or quitting during stats (`%`) and explore (`X`). None
//! leaves a process behind or a thread holding the exit.

mod pty;

use pty::{Pty, eventually, exists, state_dir};

/// Every process under `pid` (children, theirs, ...), from `/proc`.
fn descendants(pid: i32) -> Vec<i32> {
    let mut parent_of: Vec<(i32, i32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(p) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        // `pid (comm) state ppid ...`: the name may hold spaces, so read after its `)`.
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
            continue;
        };
        if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|w| w.parse().ok()) {
            parent_of.push((p, ppid));
        }
    }
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let under = found[i];
        found.extend(
            parent_of
                .iter()
                .filter(|(_, ppid)| *ppid == under)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    found.remove(0);
    found
}

#[test]
fn a_prediction_is_asked_answered_and_graded() {
    let state = state_dir("predict");
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    p.key("n");
    p.wait("02 daemon", 5);
    // The daemon knob's value is what the lesson's second question is about: it comes first.
    p.key("d");
    p.wait("how does the worker end?", 5);
    p.wait("Predict, then run", 5);
    p.key("2");
    p.wait("right.", 20);
    p.wait("Process-1 ended: SIGTERM", 5);
    p.wait("1/1", 5);
    p.key("\x1b");
    p.gone("Process-1 ended: SIGTERM", 5);
    let pids = p.lane_pids();
    p.key("q");
    let status = p.exited(10).expect("the playground quits on q");
    assert!(status.success(), "{status:?}");
    for pid in pids {
        assert!(
            eventually(5, || !exists(pid)),
            "{pid} outlived the playground"
        );
    }
    let progress = std::fs::read_to_string(state.join("forkyard/progress.json")).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&progress).unwrap();
    assert_eq!(saved["predictions"]["02-daemon"]["made"], 1, "{progress}");
    assert_eq!(saved["predictions"]["02-daemon"]["right"], 1, "{progress}");
}

#[test]
fn quitting_while_explore_searches_leaves_no_process() {
    let state = state_dir("predict-explore");
    let mut p = Pty::start(80, 24, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    for _ in 0..3 {
        p.key("n");
    }
    p.wait("04 Lock", 5);
    // 04 without the lock: the answer is "any of these", so explore searches after the run.
    p.key("r");
    p.wait("What is the final counter?", 5);
    p.key("4");
    p.wait("right.", 30);
    p.wait("exploring…", 10);
    // Explore's runs are processes of the playground's: catch some while they live.
    let playground = p.pid();
    let mut seen: Vec<i32> = Vec::new();
    assert!(
        eventually(30, || !descendants(playground).is_empty()),
        "explore ran no process\n{}",
        p.screen()
    );
    seen.extend(descendants(playground));
    p.key("q");
    let status = p
        .exited(20)
        .expect("quitting during explore ends it and the playground");
    assert!(status.success(), "{status:?}");
    for pid in seen {
        assert!(
            eventually(5, || !exists(pid)),
            "explore's process {pid} outlived the playground"
        );
    }
}

#[test]
fn esc_during_stats_cancels_them_and_reaps_every_run() {
    let state = state_dir("stats-esc");
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    p.key("n");
    p.wait("02 daemon", 5);
    p.key("%");
    p.wait("Stats · 02-daemon", 5);
    let playground = p.pid();
    assert!(
        eventually(30, || !descendants(playground).is_empty()),
        "stats ran no process\n{}",
        p.screen()
    );
    let seen = descendants(playground);
    p.key("\x1b");
    p.gone("Stats · 02-daemon", 10);
    for pid in &seen {
        assert!(
            eventually(5, || !exists(*pid)),
            "stats' process {pid} outlived Esc"
        );
    }
    assert!(
        descendants(playground).is_empty(),
        "nothing runs after Esc: {:?}",
        descendants(playground)
    );
    // Again, and quit this time.
    p.key("%");
    p.wait("runs counted", 5);
    assert!(eventually(30, || !descendants(playground).is_empty()));
    let seen = descendants(playground);
    p.key("q");
    let status = p
        .exited(20)
        .expect("quitting during stats ends them and the playground");
    assert!(status.success(), "{status:?}");
    for pid in seen {
        assert!(
            eventually(5, || !exists(pid)),
            "stats' process {pid} outlived the playground"
        );
    }
}

#[test]
fn esc_or_quitting_during_explore_reaps_every_run() {
    let state = state_dir("explore-x");
    let mut p = Pty::start(100, 30, &state, "en_US.UTF-8");
    p.wait("Lessons", 10);
    for _ in 0..3 {
        p.key("n");
    }
    p.wait("04 Lock", 5);
    p.key("X");
    p.wait("Explore · 04-lock", 5);
    let playground = p.pid();
    assert!(
        eventually(30, || !descendants(playground).is_empty()),
        "explore ran no process\n{}",
        p.screen()
    );
    let seen = descendants(playground);
    p.key("\x1b");
    p.gone("Explore · 04-lock", 10);
    for pid in &seen {
        assert!(
            eventually(5, || !exists(*pid)),
            "explore's process {pid} outlived Esc"
        );
    }
    p.key("X");
    p.wait("exploring…", 5);
    assert!(eventually(30, || !descendants(playground).is_empty()));
    let seen = descendants(playground);
    p.key("q");
    let status = p
        .exited(20)
        .expect("quitting during explore ends it and the playground");
    assert!(status.success(), "{status:?}");
    for pid in seen {
        assert!(
            eventually(5, || !exists(pid)),
            "explore's process {pid} outlived the playground"
        );
    }
}
