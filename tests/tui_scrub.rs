//! Scrubbing a finished run: the time cursor's keys and click, every pane at three moments of a
//! recorded 04-lock run (screens at 80x24 and 120x40), and the moment's model equal to a model
//! built from the records up to it.

mod tui_common;

use std::path::Path;

use forkyard::export::Recording;
use forkyard::lesson::{self, Lang};
use forkyard::session::{Run, RunEnd, Update};
use forkyard::trace::{Ending, Record};
use forkyard::tui::app::{App, Msg};
use forkyard::tui::progress::Progress;
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tui_common::{code, key, started};

/// A recorded `forkyard run 04-lock --format jsonl --speed 10` (fixed pids and times).
fn lock_run() -> Recording {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tui_fixtures/runs/04-lock.jsonl");
    Recording::from_jsonl(&std::fs::read_to_string(&path).unwrap(), &path).unwrap()
}

/// A playground on a copy of 04-lock that ran the recorded run to its end.
fn ran(w: u16, h: u16) -> (App, Vec<Record>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tui_fixtures/scrub_lessons");
    let mut app = App::new(
        lesson::catalog_in(&dir),
        Progress::default(),
        Lang::En,
        Theme::FULL,
        (w, h),
    );
    // The recording ran with the lock on.
    update(&mut app, key('a'));
    let id = started(&update(&mut app, key('r')))[0];
    let rec = lock_run();
    for r in &rec.records {
        update(&mut app, Msg::Run(id, Update::Record(r.clone())));
    }
    update(
        &mut app,
        Msg::Run(id, Update::End(rec.end.clone().unwrap())),
    );
    (app, rec.records)
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    format!("{}", t.backend())
}

fn times(app: &mut App, msg: Msg, n: usize) {
    for _ in 0..n {
        update(app, msg.clone());
    }
}

#[test]
fn three_moments_of_a_lock_run() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (mut app, records) = ran(w, h);
        let n = records.len();
        // Early: one worker holds the lock, the two others wait for it.
        times(&mut app, key('['), n - 14);
        assert_eq!(app.scrub.as_ref().unwrap().at, 14);
        insta::assert_snapshot!(format!("scrub_waiting_{w}x{h}"), screen(&app));
        // Midway: the first worker has ended, the others take turns.
        times(&mut app, key(']'), 25);
        insta::assert_snapshot!(format!("scrub_midway_{w}x{h}"), screen(&app));
        // The end: every process ended, the whole output.
        update(&mut app, key('}'));
        times(&mut app, key(']'), n);
        assert_eq!(app.scrub.as_ref().unwrap().at, n);
        insta::assert_snapshot!(format!("scrub_end_{w}x{h}"), screen(&app));
    }
}

#[test]
fn every_moment_is_the_model_of_the_records_up_to_it() {
    let (mut app, records) = ran(100, 30);
    update(&mut app, key('['));
    for k in (0..records.len()).rev() {
        // From any moment back to the start, one event at a time, then forward in big steps.
        let mut model = Run::new();
        records[..k].iter().for_each(|r| model.apply(r));
        let shown = &app.runs[0].run;
        assert_eq!(shown.records, model.records, "event {k}");
        let states = |r: &Run| {
            r.lanes()
                .map(|l| (l.pid, l.state().clone(), l.segments.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(states(shown), states(&model), "event {k}");
        let lines = |r: &Run| r.log.lines().map(|l| l.text.clone()).collect::<Vec<_>>();
        assert_eq!(lines(shown), lines(&model), "event {k}");
        let holders = |r: &Run| {
            r.objects
                .iter()
                .map(|o| o.holders.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(holders(shown), holders(&model), "event {k}");
        if k > 0 {
            update(&mut app, key('['));
        }
    }
    // At the start nothing has happened; `}` jumps ahead, End returns to the end.
    assert_eq!(app.runs[0].run.records, 0);
    update(&mut app, key('}'));
    assert_eq!(app.runs[0].run.records, 10);
    app.focus = forkyard::tui::app::Focus::Timeline;
    update(&mut app, code(KeyCode::End));
    assert!(
        app.runs[0].run.end.is_some(),
        "the end shows how the run ended"
    );
    assert_eq!(app.runs[0].run.records, records.len() as u64);
}

#[test]
fn arrows_scrub_in_the_timeline_and_change_the_lesson_elsewhere() {
    let (mut app, records) = ran(100, 30);
    let n = records.len();
    app.focus = forkyard::tui::app::Focus::Timeline;
    update(&mut app, code(KeyCode::Left));
    assert_eq!(app.scrub.as_ref().unwrap().at, n - 1);
    let shift = |c| Msg::Key(KeyEvent::new(c, KeyModifiers::SHIFT));
    update(&mut app, shift(KeyCode::Left));
    assert_eq!(app.scrub.as_ref().unwrap().at, n - 1 - 10);
    update(&mut app, code(KeyCode::End));
    assert_eq!(app.scrub.as_ref().unwrap().at, n);
    update(&mut app, code(KeyCode::Home));
    assert_eq!(app.scrub.as_ref().unwrap().at, 0);
    update(&mut app, code(KeyCode::Right));
    assert_eq!(app.scrub.as_ref().unwrap().at, 1);
    // Esc: back to now, the run as it ended.
    update(&mut app, code(KeyCode::Esc));
    assert!(app.scrub.is_none());
    assert!(app.runs[0].run.end.is_some());
    assert_eq!(app.runs[0].run.records, n as u64);
    // Not scrubbing, Home and End in the timeline scroll its lanes as they always did.
    update(&mut app, code(KeyCode::End));
    assert!(app.scrub.is_none());
    // In the lesson list, ← is still the previous lesson (there is none before: nothing happens).
    app.focus = forkyard::tui::app::Focus::Lessons;
    update(&mut app, code(KeyCode::Left));
    assert!(app.scrub.is_none());
}

#[test]
fn a_click_on_the_time_axis_jumps_there() {
    let (mut app, records) = ran(100, 30);
    let area = forkyard::tui::view::layout::areas(app.size).timeline;
    let row = area.y + area.height - 1;
    // Every cell of the axis row: the cursor lands on the last event at or before its moment,
    // further right never earlier.
    let mut last = 0;
    let mut jumped = 0;
    for col in area.x..area.x + area.width {
        let click = Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col,
            row,
            modifiers: KeyModifiers::NONE,
        });
        update(&mut app, click);
        if let Some(s) = &app.scrub {
            assert!(s.at >= last, "column {col}");
            if s.at > 0 {
                assert!(records[s.at - 1].lesson_ns <= s.at_ns());
            }
            last = s.at;
            jumped += 1;
        }
    }
    assert!(jumped > 10, "the axis takes clicks");
    assert!(
        last + 5 > records.len(),
        "its right end is near the run's end"
    );
}

#[test]
fn a_live_run_scrubs_once_paused_and_its_records_keep_coming_aside() {
    let (mut app, records) = {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tui_fixtures/scrub_lessons");
        let app = App::new(
            lesson::catalog_in(&dir),
            Progress::default(),
            Lang::En,
            Theme::FULL,
            (100, 30),
        );
        (app, lock_run().records)
    };
    update(&mut app, key('a'));
    let id = started(&update(&mut app, key('r')))[0];
    for r in &records[..30] {
        update(&mut app, Msg::Run(id, Update::Record(r.clone())));
    }
    update(&mut app, key('['));
    assert!(app.scrub.is_none());
    assert!(app.status.as_deref().unwrap().contains("pause it"));
    update(&mut app, key(' '));
    update(&mut app, key('['));
    assert_eq!(app.scrub.as_ref().unwrap().at, 29);
    // A record in flight when the pause came: the run takes it, the moment on screen stays.
    update(&mut app, Msg::Run(id, Update::Record(records[30].clone())));
    assert_eq!(app.scrub.as_ref().unwrap().at, 29);
    assert_eq!(app.runs[0].run.records, 29);
    assert_eq!(app.scrub.as_ref().unwrap().events(), 31);
    // Space resumes: back to now, with every record.
    update(&mut app, key(' '));
    assert!(app.scrub.is_none());
    assert_eq!(app.runs[0].run.records, 31);
    let _ = RunEnd {
        main: Some(Ending::Exited { code: 0 }),
        stopped: None,
    };
}

#[test]
fn nothing_to_scrub_before_a_run() {
    let (mut app, _) = ran(100, 30);
    update(&mut app, code(KeyCode::Esc));
    let mut fresh = App::new(
        Vec::new(),
        Progress::default(),
        Lang::En,
        Theme::FULL,
        (100, 30),
    );
    update(&mut fresh, key('['));
    assert!(fresh.scrub.is_none());
    assert!(fresh.status.as_deref().unwrap().contains("run the program"));
}

/// A long run: 100 000 records of four processes printing, taking a lock and sleeping.
fn long_run(n: usize) -> Vec<Record> {
    use forkyard::trace::{Event, State};
    let main = 7000;
    let mut v = vec![Record {
        pid: main,
        ppid: 1,
        seq: 0,
        mono_ns: 0,
        lesson_ns: 0,
        event: Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    }];
    for i in 1..n {
        let pid = main + 1 + (i % 3) as i32;
        let event = match i % 5 {
            0 => Event::Output {
                stream: forkyard::trace::Stream::Stdout,
                text: format!("line {i}\n"),
            },
            1 => Event::State {
                state: State::Running,
            },
            2 => Event::State {
                state: State::Sleeping {
                    until_ns: i as u64 * 1000 + 500,
                },
            },
            3 if i < 10 => Event::Spawn {
                name: format!("Process-{}", i % 3),
                daemon: false,
                forked_ns: None,
            },
            _ => Event::Output {
                stream: forkyard::trace::Stream::Stdout,
                text: format!("{pid} says {i}\n"),
            },
        };
        v.push(Record {
            pid,
            ppid: main,
            seq: i as u64,
            mono_ns: i as u64 * 1000,
            lesson_ns: i as u64 * 1000,
            event,
        });
    }
    v
}

/// Scrubbing a 100 000-record run: entering the scrub and each move are quick (the figures are
/// printed: `cargo test --test tui_scrub -- --nocapture a_long_run`), and the moment is right.
#[test]
fn a_long_run_scrubs_in_small_steps() {
    let records = long_run(100_000);
    let mut app = App::new(
        Vec::new(),
        Progress::default(),
        Lang::En,
        Theme::FULL,
        (120, 40),
    );
    let id = 1;
    app.runs
        .push(forkyard::tui::runs::RunView::new(id, String::new()));
    let taking = std::time::Instant::now();
    for r in &records {
        app.runs[0].record(r);
    }
    let taking = taking.elapsed();
    app.runs[0].end(&RunEnd {
        main: Some(Ending::Exited { code: 0 }),
        stopped: None,
    });
    let started = std::time::Instant::now();
    update(&mut app, key('['));
    let enter = started.elapsed();
    let mut worst = std::time::Duration::ZERO;
    let mut moves = 0;
    for (msg, times) in [
        (key('['), 50),
        (key('{'), 30),
        (key(']'), 50),
        (key('}'), 10),
    ] {
        for _ in 0..times {
            let t = std::time::Instant::now();
            update(&mut app, msg.clone());
            let _ = screen(&app);
            worst = worst.max(t.elapsed());
            moves += 1;
        }
    }
    let at = app.scrub.as_ref().unwrap().at;
    eprintln!(
        "100k records: taken in (with the copies) {taking:?}; entering the scrub {enter:?}; \
         worst of {moves} moves (with a draw) {worst:?}; at event {at}; {} copies",
        app.scrub.as_ref().unwrap().full[0].snapshots.len()
    );
    assert!(at > 0 && at < records.len(), "the moves end mid-run");
    let mut model = Run::new();
    records[..at].iter().for_each(|r| model.apply(r));
    assert_eq!(app.runs[0].run.records, model.records);
    let last = |r: &Run| r.log.lines().last().map(|l| l.text.clone());
    assert_eq!(last(&app.runs[0].run), last(&model));
}

#[test]
fn a_moment_shows_the_lines_running_then() {
    let (mut app, records) = ran(100, 30);
    let id = app.runs[0].id;
    // Lines sampled as the run went: after 20 records, and after 40.
    let mut view = forkyard::tui::runs::RunView::new(id, String::new());
    for (i, r) in records.iter().enumerate() {
        view.record(r);
        if i + 1 == 20 {
            view.set_lines(vec![(13558, 11), (13560, 13)]);
        }
        if i + 1 == 40 {
            view.set_lines(vec![(13558, 13)]);
        }
    }
    view.end(&lock_run().end.unwrap());
    app.runs[0] = view;
    update(&mut app, key('['));
    let n = records.len();
    times(&mut app, key('['), n - 1 - 30);
    assert_eq!(app.scrub.as_ref().unwrap().at, 30);
    assert_eq!(app.runs[0].lines, vec![(13558, 11), (13560, 13)]);
    times(&mut app, key(']'), 15);
    assert_eq!(app.runs[0].lines, vec![(13558, 13)]);
    times(&mut app, key('{'), 3);
    assert_eq!(app.scrub.as_ref().unwrap().at, 15);
    assert!(app.runs[0].lines.is_empty(), "before any sample, no line");
    // At the end every process has ended: no line.
    update(&mut app, code(KeyCode::Esc));
    update(&mut app, key('['));
    assert!(app.runs[0].lines.is_empty());
}

#[test]
fn the_newest_line_of_the_moment_stands_out_in_the_output() {
    let (mut app, _) = ran(100, 30);
    times(&mut app, key('['), 40);
    let lines: Vec<String> = app.runs[0]
        .run
        .log
        .lines()
        .map(|l| l.text.trim_end().to_string())
        .collect();
    assert!(lines.len() >= 2, "{lines:?}");
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buf = t.backend().buffer().clone();
    let style_of = |text: &str| {
        let area = forkyard::tui::view::layout::areas(app.size).output;
        (area.y..area.y + area.height)
            .find_map(|y| {
                let row: String = (area.x..area.x + area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect();
                let x = row.find(text)?;
                // The column of the text's first character (cells, not bytes).
                let col = row[..x].chars().count() as u16;
                Some(buf[(area.x + col, y)].style())
            })
            .unwrap_or_else(|| panic!("{text:?} is not in the output"))
    };
    let newest = style_of(&lines[lines.len() - 1]);
    let before = style_of(&lines[lines.len() - 2]);
    assert_ne!(newest, before, "the moment's newest line is highlighted");
}
