//! Shared by the playground's tests: an `App` over the fixture lessons, key messages, and the
//! trace records of hand-made runs (fixed pids and times, so screens are the same every time).
#![allow(dead_code)]

use std::path::Path;

use forkyard::lesson::{self, Lang};
use forkyard::session::{RunEnd, Update};
use forkyard::trace::{AtExitAction, Ending, Event, Op, Record, State, Stream};
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::progress::Progress;
use forkyard::tui::runs::RunId;
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The lessons the tests use (a copy of 02-daemon, and a broken lesson), so that editing the real
/// lessons never changes these screens.
pub fn fixture_lessons() -> Vec<Result<lesson::Lesson, lesson::LessonError>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tui_fixtures/lessons");
    lesson::catalog_in(&dir)
}

/// A playground of `w`×`h` over the fixture lessons, in English, with colour.
pub fn app(w: u16, h: u16) -> App {
    App::new(
        fixture_lessons(),
        Progress::default(),
        Lang::En,
        Theme::FULL,
        (w, h),
    )
}

/// The playground at the real lesson `id`, `w`×`h`, in `lang`, with colour.
pub fn app_at(id: &str, (w, h): (u16, u16), lang: Lang) -> App {
    let progress = Progress {
        last: Some(id.into()),
        ..Progress::default()
    };
    App::new(lesson::catalog(), progress, lang, Theme::FULL, (w, h))
}

/// The screen `app` draws, as text: one line per row, a wide character once.
pub fn draw(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer();
    (0..app.size.1)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < app.size.0 {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            row
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A key press.
pub fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// A special key.
pub fn code(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// Ctrl + `c`.
pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The ids of the runs `effects` start.
pub fn started(effects: &[Effect]) -> Vec<RunId> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Start { id, .. } => Some(*id),
            _ => None,
        })
        .collect()
}

/// A record of `pid` at `ms` lesson milliseconds (the monotonic clock reads the same).
pub fn rec(pid: i32, ppid: i32, ms: u64, event: Event) -> Record {
    Record {
        pid,
        ppid,
        seq: 0,
        mono_ns: ms * 1_000_000,
        lesson_ns: ms * 1_000_000,
        event,
    }
}

pub const OBSERVER: i32 = 4000;
pub const MAIN: i32 = 4100;
pub const CHILD: i32 = 4101;

pub fn out(text: &str) -> Event {
    Event::Output {
        stream: Stream::Stdout,
        text: text.into(),
    }
}

pub fn state(s: State) -> Event {
    Event::State { state: s }
}

/// Feeds records of run `id`.
pub fn feed(app: &mut App, id: RunId, records: Vec<Record>) {
    for r in records {
        update(app, Msg::Run(id, Update::Record(r)));
    }
}

/// Ends run `id` the way a main that exited 0 ends it.
pub fn end(app: &mut App, id: RunId) -> Vec<Effect> {
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

/// The start of 02-daemon: main, the child, `end`, `0`.
pub fn daemon_start(daemon: bool) -> Vec<Record> {
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
            CHILD,
            MAIN,
            5,
            Event::Spawn {
                name: "Process-1".into(),
                daemon,
                forked_ns: None,
            },
        ),
        rec(MAIN, OBSERVER, 6, out("end\n")),
    ]
}

/// 02-daemon with daemon off, up to `1.5 s`: the main waits for Process-1, which sleeps.
pub fn daemon_off_midway() -> Vec<Record> {
    let mut v = daemon_start(false);
    v.extend([
        rec(CHILD, MAIN, 7, out("0\n")),
        rec(
            CHILD,
            MAIN,
            7,
            state(State::Sleeping {
                until_ns: 1_007_000_000,
            }),
        ),
        rec(
            MAIN,
            OBSERVER,
            8,
            Event::AtExit {
                action: AtExitAction::Join,
                child: CHILD,
                child_name: "Process-1".into(),
            },
        ),
        rec(
            MAIN,
            OBSERVER,
            8,
            state(State::Blocked {
                on: "Process-1".into(),
                op: "join".into(),
            }),
        ),
        rec(CHILD, MAIN, 1007, state(State::Running)),
        rec(CHILD, MAIN, 1008, out("1\n")),
        rec(
            CHILD,
            MAIN,
            1008,
            state(State::Sleeping {
                until_ns: 2_008_000_000,
            }),
        ),
    ]);
    v
}

/// 02-daemon with daemon on, to its end: Process-1 is killed by SIGTERM at the main's exit.
pub fn daemon_on_whole() -> Vec<Record> {
    let mut v = daemon_start(true);
    v.extend([
        rec(
            MAIN,
            OBSERVER,
            7,
            Event::AtExit {
                action: AtExitAction::Terminate,
                child: CHILD,
                child_name: "Process-1".into(),
            },
        ),
        rec(
            MAIN,
            OBSERVER,
            7,
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
            8,
            Event::Reaped {
                child: CHILD,
                child_name: "Process-1".into(),
                ending: Ending::Signaled { signal: 15 },
            },
        ),
        rec(MAIN, OBSERVER, 9, Event::Exit { code: 0 }),
        rec(
            OBSERVER,
            1,
            10,
            Event::Reaped {
                child: MAIN,
                child_name: "MainProcess".into(),
                ending: Ending::Exited { code: 0 },
            },
        ),
    ]);
    v
}

/// Three workers and a Lock: one holds it, two wait.
pub fn lock_run_midway() -> Vec<Record> {
    let mut v = vec![rec(
        MAIN,
        OBSERVER,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )];
    v.push(rec(
        MAIN,
        OBSERVER,
        1,
        Event::Object {
            id: 1,
            class: "Lock".into(),
            capacity: None,
            owner: None,
            role: None,
        },
    ));
    for i in 1..=3 {
        let pid = MAIN + i;
        v.push(rec(
            pid,
            MAIN,
            2 + i as u64,
            Event::Spawn {
                name: format!("Process-{i}"),
                daemon: false,
                forked_ns: None,
            },
        ));
    }
    v.push(rec(
        MAIN,
        OBSERVER,
        6,
        state(State::Blocked {
            on: "Process-1".into(),
            op: "join".into(),
        }),
    ));
    v.push(rec(
        MAIN + 1,
        MAIN,
        10,
        Event::Op {
            id: 1,
            op: Op::Acquired,
            detail: None,
        },
    ));
    v.push(rec(MAIN + 1, MAIN, 11, out("Process-1 has the lock\n")));
    v.push(rec(
        MAIN + 1,
        MAIN,
        12,
        state(State::Sleeping {
            until_ns: 1_012_000_000,
        }),
    ));
    for i in 2..=3 {
        v.push(rec(
            MAIN + i,
            MAIN,
            12 + i as u64,
            state(State::Blocked {
                on: "Lock#1".into(),
                op: "acquire".into(),
            }),
        ));
    }
    v
}
