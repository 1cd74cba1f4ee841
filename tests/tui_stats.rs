//! `%` in the playground: stats of the program on screen in the background (the effect that starts
//! them with the knob values on screen, the progress count, Esc cancelling, the tally), and the
//! overlay's screens at 80×24 and 100×30 in both languages from a hand-made tally.
//! `tests/tui_predict_e2e.rs` cancels real runs and checks every process is reaped.

mod tui_common;

use forkyard::lesson::Lang;
use forkyard::session::outcome::Outcome;
use forkyard::session::stats::Tally;
use forkyard::tui::app::{Effect, Msg};
use forkyard::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_common::{app_at, code, ctrl, draw, key};

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

/// What 20 runs of 02 with `daemon=on` might come to: two orders of the same lines.
fn tally() -> Tally {
    let outcome = |stdout: &str| Outcome {
        stdout: stdout.into(),
        stderr: String::new(),
        endings: vec![
            ("MainProcess".into(), "exit code 0".into()),
            ("Process-1".into(), "SIGTERM".into()),
        ],
        deadlock: false,
    };
    Tally {
        outcomes: vec![(outcome("end\n0\n"), 17), (outcome("0\nend\n"), 3)],
        lesson_seconds: vec![0.01; 20],
        stopped: 0,
        at_once: 2,
        runs: 20,
        cancelled: false,
        seconds: 3.2,
    }
}

/// The stats job `effects` start, with its program's source.
fn stats_job(effects: &[Effect]) -> Option<(u64, String)> {
    effects.iter().find_map(|e| match e {
        Effect::Stats { job, source, .. } => Some((*job, source.clone())),
        _ => None,
    })
}

#[test]
fn percent_runs_the_program_on_screen_and_esc_cancels() {
    let mut app = app_at("02-daemon", (100, 30), Lang::En);
    app.predict.off = true;
    update(&mut app, key('d'));
    let (job, source) = stats_job(&update(&mut app, key('%'))).expect("stats start");
    assert!(
        source.contains("\n    p.daemon = True"),
        "the knob's value: {source}"
    );
    assert!(app.stats.as_ref().unwrap().title.ends_with("daemon=on"));
    update(&mut app, Msg::Progress(job, 7));
    assert_eq!(app.stats.as_ref().unwrap().done, 7);
    assert!(draw(&app).contains("7 of 20 runs counted"));
    // Keys of the main screen do nothing under it; Esc cancels the runs.
    assert!(update(&mut app, key('r')).is_empty());
    assert_eq!(
        update(&mut app, code(KeyCode::Esc)),
        vec![Effect::Cancel(job)]
    );
    assert!(app.stats.is_none());
    // A tally of a cancelled job is dropped.
    update(&mut app, Msg::Stats(job, Ok(tally())));
    assert!(app.stats.is_none());
}

#[test]
fn the_tally_is_drawn_and_closing_then_cancels_nothing() {
    let mut app = app_at("02-daemon", (100, 30), Lang::En);
    let (job, _) = stats_job(&update(&mut app, key('%'))).unwrap();
    update(&mut app, Msg::Stats(job, Ok(tally())));
    let screen = draw(&app);
    assert!(screen.contains("17  85.0%"), "{screen}");
    assert!(screen.contains("3  15.0%"), "{screen}");
    assert!(screen.contains("   0 · end · MainProcess"), "{screen}");
    assert!(update(&mut app, code(KeyCode::Esc)).is_empty());
    assert!(app.stats.is_none());
    // Quitting while the runs go cancels them before the playground leaves.
    let (job, _) = stats_job(&update(&mut app, key('%'))).unwrap();
    let effects = update(&mut app, ctrl('c'));
    assert_eq!(effects.first(), Some(&Effect::Cancel(job)), "{effects:?}");
    assert_eq!(effects.last(), Some(&Effect::Quit));
    // Runs that could not start say why.
    let mut app = app_at("02-daemon", (100, 30), Lang::En);
    let (job, _) = stats_job(&update(&mut app, key('%'))).unwrap();
    update(&mut app, Msg::Stats(job, Err("no fork today".into())));
    assert!(draw(&app).contains("stats could not run: no fork today"));
}

#[test]
fn stats_screens() {
    for (w, h) in SIZES {
        for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
            let mut app = app_at("02-daemon", (w, h), lang);
            app.predict.off = true;
            update(&mut app, key('d'));
            let (job, _) = stats_job(&update(&mut app, key('%'))).unwrap();
            update(&mut app, Msg::Progress(job, 7));
            insta::assert_snapshot!(format!("stats_running_{tag}_{w}x{h}"), draw(&app));
            update(&mut app, Msg::Stats(job, Ok(tally())));
            insta::assert_snapshot!(format!("stats_tally_{tag}_{w}x{h}"), draw(&app));
        }
    }
}
