//! The challenge in the playground, on the real lesson 02 at 80×24 (`TestBackend` + insta), from
//! hand-made records with fixed pids and times: `C` opens the challenge and sets its knob; a held
//! run that ends as the challenge asks is graded "challenge met" in the status line and kept in the
//! progress (a ★ in the lesson list); one that does not is told what it showed.

mod tui_common;

use forkyard::lesson::{self, Lang};
use forkyard::session::{HeldLog, RunEnd, Step, Update};
use forkyard::trace::{AtExitAction, Ending, Event, Record};
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::progress::Progress;
use forkyard::tui::runs::RunId;
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_common::{CHILD, MAIN, OBSERVER, code, draw, key, out, rec};

/// The playground at lesson 02 (the real one), 80×24, in English.
fn app() -> App {
    tui_common::app_at("02-daemon", (80, 24), Lang::En)
}

/// `s`: the run starts held (its id).
fn held(app: &mut App) -> RunId {
    let effects = update(app, key('s'));
    let [Effect::Start { id, held: true, .. }] = effects.as_slice() else {
        panic!("s starts the lesson held: {effects:?}");
    };
    *id
}

/// 02 with daemon on, held: the child prints `printed` before the main prints `end` and exits;
/// the child is then killed by SIGTERM.
fn daemon_run(printed: &[&str]) -> Vec<Record> {
    let mut v = vec![
        rec(
            MAIN,
            OBSERVER,
            0,
            Event::Main {
                name: "MainProcess".into(),
                file: "main.py".into(),
            },
        ),
        rec(
            CHILD,
            MAIN,
            0,
            Event::Spawn {
                name: "Process-1".into(),
                daemon: true,
                forked_ns: None,
            },
        ),
    ];
    for (i, line) in printed.iter().enumerate() {
        v.push(rec(CHILD, MAIN, i as u64 * 1000, out(&format!("{line}\n"))));
    }
    let t = printed.len().saturating_sub(1) as u64 * 1000;
    v.extend([
        rec(MAIN, OBSERVER, t, out("end\n")),
        rec(
            MAIN,
            OBSERVER,
            t,
            Event::AtExit {
                action: AtExitAction::Terminate,
                child: CHILD,
                child_name: "Process-1".into(),
            },
        ),
        rec(
            MAIN,
            OBSERVER,
            t,
            Event::Signal {
                target: CHILD,
                target_name: "Process-1".into(),
                signal: 15,
                signal_name: "SIGTERM".into(),
            },
        ),
        rec(
            MAIN,
            OBSERVER,
            t,
            Event::Reaped {
                child: CHILD,
                child_name: "Process-1".into(),
                ending: Ending::Signaled { signal: 15 },
            },
        ),
        rec(MAIN, OBSERVER, t, Event::Exit { code: 0 }),
        rec(
            OBSERVER,
            1,
            t,
            Event::Reaped {
                child: MAIN,
                child_name: "MainProcess".into(),
                ending: Ending::Exited { code: 0 },
            },
        ),
    ]);
    v
}

/// A held run of 02 to its end: its records, the scheduler's news, then the end; the effects of
/// the end.
fn held_run(app: &mut App, printed: &[&str]) -> Vec<Effect> {
    let id = held(app);
    update(app, Msg::Started(id, MAIN));
    for r in daemon_run(printed) {
        update(app, Msg::Run(id, Update::Record(r)));
    }
    let steps = (1..=8)
        .map(|n| Step {
            n,
            name: if n == 1 || n > 6 {
                "MainProcess".into()
            } else {
                "Process-1".into()
            },
            line: 14,
            what: "print".into(),
            lesson_ns: 0,
            took_ns: 0,
        })
        .collect();
    update(
        app,
        Msg::Held(
            id,
            HeldLog {
                steps,
                ..HeldLog::default()
            },
        ),
    );
    update(
        app,
        Msg::Run(
            id,
            Update::End(RunEnd {
                main: Some(Ending::Exited { code: 0 }),
                stopped: None,
            }),
        ),
    )
}

#[test]
fn c_shows_the_challenge_and_sets_its_knob() {
    let mut a = app();
    assert_eq!(a.lesson().unwrap().id, "02-daemon");
    assert_eq!(a.current_settings().unwrap().get("daemon"), Some("off"));
    let effects = update(&mut a, key('C'));
    assert!(effects.is_empty(), "nothing runs: {effects:?}");
    assert!(a.challenge);
    assert_eq!(
        a.current_settings().unwrap().get("daemon"),
        Some("on"),
        "the challenge's knob is set"
    );
    let screen = draw(&a);
    assert!(screen.contains("Challenge"), "{screen}");
    assert!(screen.contains("Graded with daemon=on"), "{screen}");
    insta::assert_snapshot!("challenge_popup_80x24", screen);
    update(&mut a, code(KeyCode::Esc));
    assert!(!a.challenge, "Esc closes it");
}

#[test]
fn a_held_run_that_meets_it_is_said_and_kept() {
    let mut a = app();
    update(&mut a, key('C'));
    update(&mut a, code(KeyCode::Esc));
    let effects = held_run(&mut a, &["0", "1", "2"]);
    assert!(effects.contains(&Effect::SaveProgress), "{effects:?}");
    assert!(a.progress.challenges.contains("02-daemon"));
    let status = a.status.clone().unwrap_or_default();
    assert!(status.starts_with("challenge met"), "{status}");
    let screen = draw(&a);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("▶02 daemon") && l.contains('★')),
        "the list marks it:\n{screen}"
    );
    insta::assert_snapshot!("challenge_met_80x24", screen);
}

#[test]
fn a_held_run_that_does_not_meet_it_says_what_it_showed() {
    let mut a = app();
    update(&mut a, key('C'));
    update(&mut a, code(KeyCode::Esc));
    held_run(&mut a, &["0"]);
    assert!(a.progress.challenges.is_empty());
    assert_eq!(
        a.status.as_deref(),
        Some("challenge not met: `2` never appeared")
    );
}

#[test]
fn a_run_with_other_knobs_is_not_graded() {
    let mut a = app();
    // daemon stays off: the challenge is graded with daemon=on only.
    held_run(&mut a, &["0", "1", "2"]);
    assert!(a.progress.challenges.is_empty());
    assert!(
        !a.status
            .as_deref()
            .unwrap_or_default()
            .starts_with("challenge"),
        "{:?}",
        a.status
    );
}

/// A held run of the open lesson whose child prints `lines`, to its end.
fn held_printing(app: &mut App, lines: &[&str]) {
    let id = held(app);
    update(app, Msg::Started(id, MAIN));
    let mut records = vec![
        rec(
            MAIN,
            OBSERVER,
            0,
            Event::Main {
                name: "MainProcess".into(),
                file: "main.py".into(),
            },
        ),
        rec(
            CHILD,
            MAIN,
            0,
            Event::Spawn {
                name: "Process-1".into(),
                daemon: false,
                forked_ns: None,
            },
        ),
    ];
    for line in lines {
        records.push(rec(CHILD, MAIN, 1, out(&format!("{line}\n"))));
    }
    for r in records {
        update(app, Msg::Run(id, Update::Record(r)));
    }
    update(
        app,
        Msg::Held(
            id,
            HeldLog {
                steps: Vec::new(),
                ..HeldLog::default()
            },
        ),
    );
    update(
        app,
        Msg::Run(
            id,
            Update::End(RunEnd {
                main: Some(Ending::Exited { code: 0 }),
                stopped: None,
            }),
        ),
    );
}

#[test]
fn only_the_challenges_program_is_graded() {
    let lines = ["Process-1 wakes up and ends", "Process-2 wakes up and ends"];
    let at_01 = || {
        let progress = Progress {
            last: Some("01-process".into()),
            ..Progress::default()
        };
        App::new(lesson::catalog(), progress, Lang::En, Theme::FULL, (80, 24))
    };
    let mut a = at_01();
    update(&mut a, key('o'));
    assert_ne!(a.program_file(), Some("main.py"));
    held_printing(&mut a, &lines);
    assert!(a.progress.challenges.is_empty(), "another program's run");

    let mut a = at_01();
    assert_eq!(a.program_file(), Some("main.py"));
    held_printing(&mut a, &lines);
    assert!(a.progress.challenges.contains("01-process"));
}
