//! `X` in the playground: the search of the program on screen with its knob values, the list of
//! outcomes beside what the last stats saw, Enter opening an outcome's shortest schedule as a held
//! run with "possible, but the kernel rarely does it" when stats never saw it, Esc cancelling, the
//! overlay's screens at 80×24 and 100×30. And, with real processes, that a schedule explore found
//! and the playground steers (`start_steered_ops` + one `Steer::Step` per entry, what Enter does)
//! gives the outcome it was found for.

mod tui_common;

use std::time::Duration;

use forkyard::lesson::Lang;
use forkyard::session::explore::{self, Exploration, Found};
use forkyard::session::outcome::{Finished, Outcome};
use forkyard::session::stats::Tally;
use forkyard::session::{RunSpec, Steer, schedule};
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_common::{code, draw, key};

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

/// The playground at the real lesson `id`, without the lessons' questions before a run (those
/// are `tui_predict`'s).
fn app_at(id: &str, size: (u16, u16), lang: Lang) -> App {
    let mut app = tui_common::app_at(id, size, lang);
    app.predict.off = true;
    app
}

fn outcome(stdout: &str) -> Outcome {
    Outcome {
        stdout: stdout.into(),
        stderr: String::new(),
        endings: vec![("MainProcess".into(), "exit code 0".into())],
        deadlock: false,
    }
}

/// Three counters explore might find for 04 without the lock.
fn exploration() -> Exploration {
    let found = |n: u32, count: u64, schedule: &str| Found {
        outcome: outcome(&format!("counter: {n} expected: 9\n")),
        count,
        schedule: schedule.into(),
        steps: 3,
        preemptions: 0,
    };
    Exploration {
        outcomes: vec![
            found(3, 40, "MainProcess* Process-1*"),
            found(5, 12, "MainProcess*2 Process-2*"),
            found(9, 2, "MainProcess Process-3*3"),
        ],
        runs: 54,
        ..Exploration::default()
    }
}

/// Stats of the same program that saw 3 eighteen times and 5 twice, never 9.
fn tally() -> Tally {
    Tally {
        outcomes: vec![
            (outcome("counter: 3 expected: 9\n"), 18),
            (outcome("counter: 5 expected: 9\n"), 2),
        ],
        runs: 20,
        at_once: 2,
        ..Tally::default()
    }
}

/// The explore job `effects` start.
fn explore_job(effects: &[Effect]) -> Option<u64> {
    effects.iter().find_map(|e| match e {
        Effect::Explore { job, ops_only, .. } => {
            assert!(ops_only, "searched as forkyard explore counts steps");
            Some(*job)
        }
        _ => None,
    })
}

/// The app at 04 with stats of its program taken and explore's list on screen.
fn explored(size: (u16, u16), lang: Lang) -> App {
    let mut app = app_at("04-lock", size, lang);
    let stats_job = update(&mut app, key('%'))
        .iter()
        .find_map(|e| match e {
            Effect::Stats { job, .. } => Some(*job),
            _ => None,
        })
        .unwrap();
    update(&mut app, Msg::Stats(stats_job, Ok(tally())));
    update(&mut app, code(KeyCode::Esc));
    let job = explore_job(&update(&mut app, key('X'))).unwrap();
    update(&mut app, Msg::Progress(job, 12));
    update(&mut app, Msg::Explored(job, Ok(exploration())));
    app
}

#[test]
fn x_lists_outcomes_beside_stats_and_enter_steps_the_rare_ones_schedule() {
    let mut app = explored((100, 30), Lang::En);
    let view = app.explore.clone().unwrap();
    assert_eq!(view.seen(&app), Some(vec![18, 2, 0]));
    let screen = draw(&app);
    assert!(screen.contains("stats: 18×"), "{screen}");
    assert!(screen.contains("stats: never"), "{screen}");
    update(&mut app, code(KeyCode::Down));
    update(&mut app, code(KeyCode::Down));
    update(&mut app, code(KeyCode::Down));
    assert_eq!(app.explore.as_ref().unwrap().picked, 2, "stops at the last");
    assert!(draw(&app).contains("possible, but the kernel rarely does it"));
    let effects = update(&mut app, code(KeyCode::Enter));
    assert!(app.explore.is_none());
    let [
        Effect::Start {
            id,
            held: true,
            ops_only: true,
            ..
        },
        steps @ ..,
    ] = effects.as_slice()
    else {
        panic!("a held run at explore's granularity first: {effects:?}");
    };
    assert_eq!(
        steps.to_vec(),
        vec![
            Effect::Steer(
                *id,
                Steer::Step {
                    name: "MainProcess".into(),
                    count: schedule::Count::Steps(1)
                }
            ),
            Effect::Steer(
                *id,
                Steer::Step {
                    name: "Process-3".into(),
                    count: schedule::Count::Steps(3)
                }
            ),
        ]
    );
    let status = app.status.clone().unwrap();
    assert_eq!(
        status,
        "possible, but the kernel rarely does it (stats: 0 of 20); s lets it go"
    );
    assert!(app.held_run().is_some(), "the held run is on screen");
}

#[test]
fn esc_cancels_a_search_and_other_programs_stats_do_not_count() {
    let mut app = app_at("04-lock", (100, 30), Lang::En);
    let job = explore_job(&update(&mut app, key('X'))).unwrap();
    assert!(draw(&app).contains("exploring… 0 of at most 300"));
    assert_eq!(
        update(&mut app, code(KeyCode::Esc)),
        vec![Effect::Cancel(job)]
    );
    assert!(app.explore.is_none());
    // Stats of lock=on say nothing of lock=off's outcomes.
    let mut app = explored((100, 30), Lang::En);
    update(&mut app, code(KeyCode::Esc));
    update(&mut app, key('a'));
    let job = explore_job(&update(&mut app, key('X'))).unwrap();
    update(&mut app, Msg::Explored(job, Ok(exploration())));
    assert_eq!(app.explore.as_ref().unwrap().seen(&app), None);
    assert!(draw(&app).contains("% first"));
}

#[test]
fn explore_screens() {
    for (w, h) in SIZES {
        for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
            let mut app = app_at("04-lock", (w, h), lang);
            let job = explore_job(&update(&mut app, key('X'))).unwrap();
            update(&mut app, Msg::Progress(job, 12));
            insta::assert_snapshot!(format!("explore_running_{tag}_{w}x{h}"), draw(&app));
            let mut app = explored((w, h), lang);
            update(&mut app, code(KeyCode::Down));
            update(&mut app, code(KeyCode::Down));
            insta::assert_snapshot!(format!("explore_list_{tag}_{w}x{h}"), draw(&app));
        }
    }
}

/// Two processes that print in turn: every order of their lines is an outcome.
const TWO_PRINTERS: &str = "\
import multiprocessing

def say(word):
    for i in range(2):
        print(word, i, flush=True)

if __name__ == '__main__':
    ps = [multiprocessing.Process(target=say, args=(w,)) for w in ('a', 'b')]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('end')
";

#[test]
fn a_schedule_explore_found_replays_its_outcome_when_steered() {
    // The lesson main is forkyard's binary (this test's own would not be one).
    let spec = RunSpec {
        exe: Some(env!("CARGO_BIN_EXE_forkyard").into()),
        ..RunSpec::new(TWO_PRINTERS, "two.py")
    };
    let options = explore::Options {
        max_runs: 40,
        ..explore::Options::default()
    };
    let found = explore::explore(&spec, &options, |_| {}).unwrap();
    assert!(found.outcomes.len() >= 3, "{:?}", found.outcomes.len());
    // The rarest ones are the ones Enter is for: replay every one.
    for f in &found.outcomes {
        let handle = forkyard::session::start_steered_ops(spec.clone()).unwrap();
        for e in schedule::parse(&f.schedule).unwrap() {
            handle.steer(Steer::Step {
                name: e.name,
                count: e.count,
            });
        }
        let finished = Finished::read(handle.updates(), Duration::from_secs(30));
        assert!(
            finished.end.is_some(),
            "the schedule ends the run: {}",
            f.schedule
        );
        drop(handle);
        assert_eq!(
            finished.outcome(&[], None),
            f.outcome,
            "schedule {}",
            f.schedule
        );
    }
}
