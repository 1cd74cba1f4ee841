//! Predict, then check, in the playground: the question before the first run with a prediction's
//! knob values, its keys (an answer, Esc or `r` just runs, `P` stops asking), the grade from the
//! run's trace by the quiz's grader, explore's outcomes for an "any of these" answer, progress,
//! and the overlay's screens at 80×24 and 100×30 (`TestBackend` + insta). Runs here are hand-made
//! records with fixed pids and times; `tests/tui_predict_e2e.rs` answers one in the real binary.

mod tui_common;

use forkyard::lesson::Lang;
use forkyard::session::explore::{Exploration, Found};
use forkyard::session::outcome::Outcome;
use forkyard::trace::{Ending, Event, Record};
use forkyard::tui::app::{Effect, Msg};
use forkyard::tui::predict::Explored;
use forkyard::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_common::{
    MAIN, OBSERVER, app_at, code, daemon_on_whole, draw, end, feed, key, out, rec, started,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

/// A main that prints `counter: N expected: 9` and exits 0 (04 without the lock, at its end).
fn counter_run(n: u32) -> Vec<Record> {
    vec![
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
            MAIN,
            OBSERVER,
            1540,
            out(&format!("counter: {n} expected: 9\n")),
        ),
        rec(MAIN, OBSERVER, 1541, Event::Exit { code: 0 }),
        rec(
            OBSERVER,
            1,
            1542,
            Event::Reaped {
                child: MAIN,
                child_name: "MainProcess".into(),
                ending: Ending::Exited { code: 0 },
            },
        ),
    ]
}

/// What explore might find for 04 without the lock: three counters, 3 the most schedules.
fn exploration() -> Exploration {
    let found = |n: u32, count: u64| Found {
        outcome: Outcome {
            stdout: format!("counter: {n} expected: 9\n"),
            stderr: String::new(),
            endings: vec![("MainProcess".into(), "exit code 0".into())],
            deadlock: false,
        },
        count,
        schedule: String::new(),
        steps: 0,
        preemptions: 0,
    };
    Exploration {
        outcomes: vec![found(3, 40), found(5, 12), found(9, 2)],
        runs: 54,
        ..Exploration::default()
    }
}

/// The job `effects` start a search in.
fn explore_job(effects: &[Effect]) -> Option<u64> {
    effects.iter().find_map(|e| match e {
        Effect::Explore { job, .. } => Some(*job),
        _ => None,
    })
}

#[test]
fn the_first_run_with_a_predictions_knobs_asks_and_an_answer_runs() {
    let mut app = app_at("04-lock", (100, 30), Lang::En);
    let effects = update(&mut app, key('r'));
    assert!(started(&effects).is_empty(), "asked before the run");
    let asking = app.predict.asking.clone().expect("the question is up");
    assert_eq!(asking.lesson, "04-lock");
    // The lesson's first question is lock=off's, the default.
    assert_eq!(asking.index, 0);
    // A key that is no answer does nothing; an answer starts the run.
    assert!(update(&mut app, key('7')).is_empty());
    assert!(app.predict.asking.is_some());
    let effects = update(&mut app, key('2'));
    let ids = started(&effects);
    assert_eq!(ids.len(), 1, "{effects:?}");
    assert!(app.predict.asking.is_none());
    let waiting = app
        .predict
        .waiting
        .clone()
        .expect("the answer waits for its run");
    assert_eq!((waiting.picked, waiting.run), (vec![1], ids[0]));
    // The same knobs again: asked once a session, so the run key just runs.
    feed(&mut app, ids[0], counter_run(3));
    end(&mut app, ids[0]);
    update(&mut app, code(KeyCode::Esc));
    let again = update(&mut app, key('r'));
    assert_eq!(started(&again).len(), 1, "asked once: {again:?}");
}

#[test]
fn an_any_answer_is_graded_from_the_trace_and_explore_lists_what_it_finds() {
    let mut app = app_at("04-lock", (100, 30), Lang::En);
    update(&mut app, key('r'));
    // `3` is what this run shows, but the answer is "any of these" (the fourth).
    let id = started(&update(&mut app, key('2')))[0];
    feed(&mut app, id, counter_run(3));
    let effects = end(&mut app, id);
    let job = explore_job(&effects).expect("an any-of answer starts explore");
    assert!(effects.contains(&Effect::SaveProgress), "{effects:?}");
    let told = app.predict.told.clone().expect("graded");
    let grade = told.grade.clone().unwrap();
    assert!(!grade.right, "3 happened, but any of them can");
    assert_eq!(grade.fact, "`counter:` was followed by `3`");
    assert!(matches!(told.explored, Explored::Running(j, 0) if j == job));
    let p = app.progress.predictions["04-lock"];
    assert_eq!((p.made, p.right), (1, 0));
    update(&mut app, Msg::Progress(job, 17));
    assert!(matches!(
        app.predict.told.as_ref().unwrap().explored,
        Explored::Running(_, 17)
    ));
    // A search of another job (one since cancelled) changes nothing.
    update(&mut app, Msg::Explored(job + 100, Ok(exploration())));
    assert!(matches!(
        app.predict.told.as_ref().unwrap().explored,
        Explored::Running(..)
    ));
    update(&mut app, Msg::Explored(job, Ok(exploration())));
    assert!(matches!(
        app.predict.told.as_ref().unwrap().explored,
        Explored::Found(_)
    ));
    let screen = draw(&app);
    assert!(
        screen.contains("`counter:` was followed by `5`  (12 schedules)"),
        "{screen}"
    );
    assert!(screen.contains("◀ this run"), "{screen}");
    // Esc closes the overlay; nothing is left to cancel.
    assert!(update(&mut app, code(KeyCode::Esc)).is_empty());
    assert!(app.predict.told.is_none());
}

#[test]
fn closing_while_explore_runs_cancels_it() {
    let mut app = app_at("04-lock", (100, 30), Lang::En);
    update(&mut app, key('r'));
    let id = started(&update(&mut app, key('4')))[0];
    feed(&mut app, id, counter_run(3));
    let job = explore_job(&end(&mut app, id)).unwrap();
    assert!(
        app.predict
            .told
            .as_ref()
            .unwrap()
            .grade
            .as_ref()
            .unwrap()
            .right
    );
    let p = app.progress.predictions["04-lock"];
    assert_eq!((p.made, p.right), (1, 1));
    // Any key closes it and cancels the search; `n` then goes on to the next lesson.
    let effects = update(&mut app, key('n'));
    assert_eq!(effects.first(), Some(&Effect::Cancel(job)), "{effects:?}");
    assert!(app.predict.told.is_none());
    assert_eq!(app.lesson().unwrap().id, "05-semaphore");
    // Quitting from under the overlay cancels the search before the playground leaves.
    let mut app = app_at("04-lock", (100, 30), Lang::En);
    update(&mut app, key('r'));
    let id = started(&update(&mut app, key('4')))[0];
    feed(&mut app, id, counter_run(3));
    let job = explore_job(&end(&mut app, id)).unwrap();
    let effects = update(&mut app, key('q'));
    assert_eq!(effects.first(), Some(&Effect::Cancel(job)), "{effects:?}");
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_knob_key_asks_about_its_values_and_a_right_ending_is_counted() {
    let mut app = app_at("02-daemon", (100, 30), Lang::En);
    let effects = update(&mut app, key('d'));
    assert!(started(&effects).is_empty());
    assert_eq!(
        app.predict.asking.as_ref().unwrap().index,
        1,
        "daemon=on's question"
    );
    let id = started(&update(&mut app, key('2')))[0];
    feed(&mut app, id, daemon_on_whole());
    let effects = end(&mut app, id);
    assert!(
        explore_job(&effects).is_none(),
        "one answer is right: no search"
    );
    let told = app.predict.told.clone().unwrap();
    let grade = told.grade.unwrap();
    assert!(grade.right, "{grade:?}");
    assert_eq!(grade.fact, "Process-1 ended: SIGTERM");
    assert!(matches!(told.explored, Explored::None));
    let screen = draw(&app);
    assert!(
        screen.contains("02 daemon   1/1"),
        "the list shows it:\n{screen}"
    );
}

#[test]
fn esc_or_the_run_key_just_runs_and_p_stops_asking() {
    // Enter just runs a one-answer question (in "which lines appear" it sends the ticks).
    for (lesson, skip) in [
        ("02-daemon", code(KeyCode::Esc)),
        ("02-daemon", key('r')),
        ("04-lock", code(KeyCode::Enter)),
    ] {
        let mut app = app_at(lesson, (100, 30), Lang::En);
        update(&mut app, key('r'));
        assert!(app.predict.asking.is_some());
        let effects = update(&mut app, skip);
        assert_eq!(started(&effects).len(), 1, "{effects:?}");
        assert!(app.predict.asking.is_none() && app.predict.waiting.is_none());
        assert!(
            app.progress.predictions.is_empty(),
            "a skip is no prediction"
        );
    }
    // `P` in the question: this run runs, and no other asks this session.
    let mut app = app_at("02-daemon", (100, 30), Lang::En);
    update(&mut app, key('r'));
    assert_eq!(started(&update(&mut app, key('P'))).len(), 1);
    assert!(app.predict.off);
    assert_eq!(started(&update(&mut app, key('d'))).len(), 1, "not asked");
    // `P` on the main screen turns it on again.
    update(&mut app, key('P'));
    assert!(!app.predict.off);
    // daemon=off's question was asked already this session; daemon=on's was not.
    assert_eq!(started(&update(&mut app, key('d'))).len(), 1, "asked once");
    assert!(
        started(&update(&mut app, key('d'))).is_empty(),
        "daemon=on asks"
    );
    assert_eq!(app.predict.asking.as_ref().unwrap().index, 1);
}

#[test]
fn which_lines_appear_ticks_answers_and_enter_sends_them() {
    let mut app = app_at("02-daemon", (80, 24), Lang::En);
    update(&mut app, key('r'));
    assert_eq!(app.predict.asking.as_ref().unwrap().index, 0);
    for k in ['1', '2', '3', '3', '4'] {
        assert!(update(&mut app, key(k)).is_empty());
    }
    assert_eq!(app.predict.asking.as_ref().unwrap().picked, vec![0, 1, 3]);
    let screen = draw(&app);
    assert!(
        screen.contains("☑ end") && screen.contains("☐ 1"),
        "{screen}"
    );
    let effects = update(&mut app, code(KeyCode::Enter));
    assert_eq!(started(&effects).len(), 1);
    assert_eq!(app.predict.waiting.as_ref().unwrap().picked, vec![0, 1, 3]);
}

#[test]
fn a_stopped_run_is_not_graded() {
    let mut app = app_at("02-daemon", (100, 30), Lang::En);
    update(&mut app, key('d'));
    let id = started(&update(&mut app, key('2')))[0];
    feed(&mut app, id, tui_common::daemon_start(true));
    update(
        &mut app,
        Msg::Run(
            id,
            forkyard::session::Update::End(forkyard::session::RunEnd {
                main: None,
                stopped: Some("stopped".into()),
            }),
        ),
    );
    let told = app.predict.told.clone().unwrap();
    assert!(told.grade.unwrap_err().contains("stopped before its end"));
    assert!(app.progress.predictions.is_empty());
    // Another lesson drops an answer still waiting for its run.
    let mut app = app_at("02-daemon", (100, 30), Lang::En);
    update(&mut app, key('d'));
    update(&mut app, key('2'));
    assert!(app.predict.waiting.is_some());
    update(&mut app, key('n'));
    assert!(app.predict.waiting.is_none());
}

#[test]
fn predict_screens() {
    for (w, h) in SIZES {
        for lang in [Lang::En, Lang::Zh] {
            let tag = match lang {
                Lang::En => "en",
                Lang::Zh => "zh",
            };
            let mut app = app_at("04-lock", (w, h), lang);
            update(&mut app, key('r'));
            insta::assert_snapshot!(format!("predict_question_{tag}_{w}x{h}"), draw(&app));
            let id = started(&update(&mut app, key('1')))[0];
            feed(&mut app, id, counter_run(3));
            let job = explore_job(&end(&mut app, id)).unwrap();
            update(&mut app, Msg::Progress(job, 17));
            insta::assert_snapshot!(format!("predict_exploring_{tag}_{w}x{h}"), draw(&app));
            update(&mut app, Msg::Explored(job, Ok(exploration())));
            insta::assert_snapshot!(format!("predict_explored_{tag}_{w}x{h}"), draw(&app));
        }
    }
}
