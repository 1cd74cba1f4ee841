//! Screens of a held run of lesson 04 at 80×24 and 100×30 (`TestBackend` + insta), from hand-made
//! records and scheduler news with fixed pids and virtual times, so they are the same every time:
//! the lost update stepped by hand, a deadlock with its popup, a frozen lane. The real runs behind
//! them are in `tests/tui_held.rs`. Each test also checks its point directly.

mod tui_common;

use forkyard::lesson::Lang;
use forkyard::session::schedule::Count;
use forkyard::session::{HeldEnd, HeldLog, Stand, Standing, Steer, Step};
use forkyard::trace::{Ending, Event, Op, Record, State};
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::runs::RunId;
use forkyard::tui::update::update;
use tui_common::{MAIN, OBSERVER, draw, key, rec, state};

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];
const P1: i32 = MAIN + 1;
const P2: i32 = MAIN + 2;
const P3: i32 = MAIN + 3;

/// The playground at lesson 04 (the real one), `w`×`h`, in English.
fn app(w: u16, h: u16) -> App {
    let mut app = tui_common::app_at("04-lock", (w, h), Lang::En);
    // Held and free runs, not the lessons' questions before them (those are `tui_predict`'s).
    app.predict.off = true;
    app
}

fn op(pid: i32, ms: u64, id: u32, what: Op, value: &str) -> Record {
    rec(
        pid,
        MAIN,
        ms,
        Event::Op {
            id,
            op: what,
            detail: Some(format!("value={value}")),
        },
    )
}

/// Lesson 04 up to every worker started and the main in its first join (Value#1 = 0, Lock#3).
fn started_04() -> Vec<Record> {
    let object = |ms, id, class: &str, owner| {
        rec(
            MAIN,
            OBSERVER,
            ms,
            Event::Object {
                id,
                class: class.into(),
                capacity: Some(1),
                owner,
                role: None,
            },
        )
    };
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
        object(0, 2, "RLock", Some(1)),
        object(0, 1, "Value", None),
        rec(
            MAIN,
            OBSERVER,
            0,
            Event::Op {
                id: 1,
                op: Op::Stored,
                detail: Some("value=0".into()),
            },
        ),
        object(0, 3, "Lock", None),
    ];
    for (i, pid) in [P1, P2, P3].into_iter().enumerate() {
        v.push(rec(
            pid,
            MAIN,
            0,
            Event::Spawn {
                name: format!("Process-{}", i + 1),
                daemon: false,
                forked_ns: None,
            },
        ));
    }
    v.push(rec(
        MAIN,
        OBSERVER,
        0,
        state(State::Blocked {
            on: "Process-1".into(),
            op: "join".into(),
        }),
    ));
    v
}

fn step(n: u64, name: &str, line: u32, what: &str, ms: u64) -> Step {
    Step {
        n,
        name: name.into(),
        line,
        what: what.into(),
        lesson_ns: ms * 1_000_000,
        took_ns: 0,
    }
}

fn stand(name: &str, pid: i32, line: u32, what: &str, stand: Stand) -> Standing {
    Standing {
        name: name.into(),
        pid,
        line,
        what: what.into(),
        stand,
    }
}

/// The main's 25 steps to its first join, as `MainProcess*` takes them.
fn main_steps() -> Vec<Step> {
    (1..=25)
        .map(|n| {
            let what = if n == 25 { "Process.join" } else { "statement" };
            step(n, "MainProcess", 28, what, 0)
        })
        .collect()
}

/// `s` on lesson 04 with lock=off: the run starts held (its id).
fn held_04(app: &mut App) -> RunId {
    let effects = update(app, key('s'));
    let [Effect::Start { id, held: true, .. }] = effects.as_slice() else {
        panic!("s starts the lesson held: {effects:?}");
    };
    *id
}

fn feed(app: &mut App, id: RunId, records: Vec<Record>) {
    for r in records {
        update(app, Msg::Run(id, forkyard::session::Update::Record(r)));
    }
}

/// The lost update: Process-1 and Process-2 each read 0 (their reads traced), then each wrote 1,
/// with the clock moved to their wake-up at 0.5 s; Process-2 is picked.
fn lost_update(app: &mut App) {
    let id = held_04(app);
    update(app, Msg::Started(id, MAIN));
    feed(app, id, started_04());
    let mut steps = main_steps();
    let mut n = steps.len() as u64;
    let mut add = |name: &str, line: u32, what: &str, ms: u64| {
        n += 1;
        steps.push(step(n, name, line, what, ms));
    };
    for (name, _) in [("Process-1", P1), ("Process-2", P2)] {
        for line in [9, 10, 11, 12] {
            add(name, line, "statement", 0);
        }
        add(name, 12, "Value#1 read", 0);
        add(name, 13, "statement", 0);
    }
    add("Process-1", 13, "sleep until 0.500 s", 500);
    add("Process-1", 14, "statement", 500);
    add("Process-1", 14, "Value#1 write", 500);
    add("Process-2", 13, "sleep until 0.500 s", 500);
    add("Process-2", 14, "statement", 500);
    add("Process-2", 14, "Value#1 write", 500);
    feed(
        app,
        id,
        vec![
            op(P1, 0, 1, Op::Read, "0"),
            op(P2, 0, 1, Op::Read, "0"),
            rec(
                P1,
                MAIN,
                0,
                state(State::Sleeping {
                    until_ns: 500_000_000,
                }),
            ),
            rec(
                P2,
                MAIN,
                0,
                state(State::Sleeping {
                    until_ns: 500_000_000,
                }),
            ),
            rec(P1, MAIN, 500, state(State::Running)),
            op(P1, 500, 1, Op::Stored, "1"),
            rec(P2, MAIN, 500, state(State::Running)),
            op(P2, 500, 1, Op::Stored, "1"),
        ],
    );
    let news = HeldLog {
        steps,
        standing: vec![
            stand(
                "MainProcess",
                MAIN,
                28,
                "join Process-1",
                Stand::Blocked(None),
            ),
            stand("Process-1", P1, 15, "statement", Stand::Ready),
            stand("Process-2", P2, 15, "statement", Stand::Ready),
            stand("Process-3", P3, 9, "statement", Stand::Ready),
        ],
        waiting: true,
        lesson_ns: 500_000_000,
        ..HeldLog::default()
    };
    app.picked = Some(P2);
    update(app, Msg::Held(id, news));
}

#[test]
fn the_lost_update_stepped_by_hand() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        assert_eq!(a.lesson().unwrap().id, "04-lock");
        lost_update(&mut a);
        if h < 30 {
            // At 80×24 the objects are below the lanes: the learner scrolls the timeline.
            a.focus = forkyard::tui::app::Focus::Timeline;
            update(
                &mut a,
                tui_common::code(ratatui::crossterm::event::KeyCode::PageDown),
            );
        }
        let screen = draw(&a);
        assert!(screen.contains("held · step 43"), "{screen}");
        if h >= 30 {
            assert!(screen.contains("▸ 15 statement"), "{screen}");
        }
        // The objects pane: both reads of 0, both writes of 1.
        let value = screen.lines().find(|l| l.contains("Value#1")).unwrap();
        assert!(value.contains("value 1"), "{value}");
        assert!(
            value.contains("value 1 · read P-1 0, P-2 0 · wrote P-1 1, P-2 1"),
            "{value}"
        );
        insta::assert_snapshot!(format!("held_lost_update_{w}x{h}"), screen);
        // Enter gives the picked lane (Process-2) one step.
        let effects = update(
            &mut a,
            tui_common::code(ratatui::crossterm::event::KeyCode::Enter),
        );
        assert_eq!(
            effects,
            vec![Effect::Steer(
                1,
                Steer::Step {
                    name: "Process-2".into(),
                    count: Count::Steps(1)
                }
            )]
        );
        // A digit gives it that many; `g` until it stops.
        let effects = update(&mut a, key('3'));
        assert!(
            matches!(
                &effects[..],
                [Effect::Steer(
                    _,
                    Steer::Step {
                        count: Count::Steps(3),
                        ..
                    }
                )]
            ),
            "{effects:?}"
        );
        let effects = update(&mut a, key('g'));
        assert!(
            matches!(
                &effects[..],
                [Effect::Steer(
                    _,
                    Steer::Step {
                        count: Count::UntilItStops,
                        ..
                    }
                )]
            ),
            "{effects:?}"
        );
        // ↑ picks Process-1; `s` releases the run.
        update(
            &mut a,
            tui_common::code(ratatui::crossterm::event::KeyCode::Up),
        );
        assert_eq!(a.picked, Some(P1));
        let effects = update(&mut a, key('s'));
        assert_eq!(effects, vec![Effect::Steer(1, Steer::Release)]);
    }
}

#[test]
fn stepping_a_blocked_lane_says_why() {
    let mut a = app(100, 30);
    lost_update(&mut a);
    a.picked = Some(MAIN);
    let effects = update(&mut a, key('.'));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        a.status.as_deref(),
        Some(
            "MainProcess cannot take a step: it is blocked (join Process-1) until another \
             process lets it go on"
        )
    );
}

/// Process-1 killed while it held the lock; Process-2 waits for it, the main for Process-2: the
/// scheduler finds a deadlock, and the schedule popup opens with who waits on what.
fn deadlock(app: &mut App) {
    let id = held_04(app);
    update(app, Msg::Started(id, MAIN));
    let mut records = started_04();
    records.extend([
        rec(
            P1,
            MAIN,
            0,
            Event::Op {
                id: 3,
                op: Op::Acquired,
                detail: None,
            },
        ),
        rec(
            P2,
            MAIN,
            0,
            state(State::Blocked {
                on: "Lock#3".into(),
                op: "acquire".into(),
            }),
        ),
        rec(
            MAIN,
            OBSERVER,
            0,
            Event::Reaped {
                child: P1,
                child_name: "Process-1".into(),
                ending: Ending::Signaled { signal: 9 },
            },
        ),
        rec(
            MAIN,
            OBSERVER,
            0,
            state(State::Blocked {
                on: "Process-2".into(),
                op: "join".into(),
            }),
        ),
    ]);
    feed(app, id, records);
    let mut steps = main_steps();
    let mut n = 25;
    for name in ["Process-1", "Process-2"] {
        for (line, what) in [(9, "statement"), (10, "statement"), (11, "statement")] {
            n += 1;
            steps.push(step(n, name, line, what, 0));
        }
        n += 1;
        steps.push(step(n, name, 11, "Lock.acquire", 0));
    }
    n += 1;
    steps.push(step(n, "MainProcess", 29, "statement", 0));
    n += 1;
    steps.push(step(n, "MainProcess", 29, "Process.join", 0));
    let news = HeldLog {
        steps,
        end: Some(HeldEnd::Deadlock(vec![
            ("MainProcess".into(), "join Process-2".into()),
            ("Process-2".into(), "acquire Lock#3".into()),
        ])),
        standing: vec![
            stand(
                "MainProcess",
                MAIN,
                29,
                "join Process-2",
                Stand::Blocked(None),
            ),
            stand("Process-1", P1, 12, "statement", Stand::Ended),
            stand("Process-2", P2, 11, "acquire Lock#3", Stand::Blocked(None)),
            stand("Process-3", P3, 9, "statement", Stand::Ended),
        ],
        ..HeldLog::default()
    };
    update(app, Msg::Held(id, news));
}

#[test]
fn a_deadlock_shown_with_who_waits_on_what() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        deadlock(&mut a);
        assert!(a.schedule, "the popup opens by itself");
        let screen = draw(&a);
        assert!(
            screen.contains("deadlock: every live process waits"),
            "{screen}"
        );
        assert!(
            screen.contains("MainProcess blocked on Process-2 (join)"),
            "{screen}"
        );
        assert!(
            screen.contains("Process-2 blocked on Lock#3 (acquire) held by a dead"),
            "{screen}"
        );
        assert!(screen.contains("MainProcess*25 Process-1*4 Process-2*4 MainProcess*2"));
        insta::assert_snapshot!(format!("held_deadlock_{w}x{h}"), screen);
        // Esc closes the popup; `y` (from the popup or the screen) writes the schedule.
        let effects = update(&mut a, key('y'));
        let [Effect::SaveSchedule(text)] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        assert_eq!(
            text,
            "forkyard run 04-lock --schedule \"MainProcess*25 Process-1*4 Process-2*4 \
             MainProcess*2\""
        );
        update(
            &mut a,
            tui_common::code(ratatui::crossterm::event::KeyCode::Esc),
        );
        assert!(!a.schedule);
    }
}

#[test]
fn a_frozen_lane_in_a_free_run() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        let effects = update(&mut a, key('r'));
        let id = tui_common::started(&effects)[0];
        update(&mut a, Msg::Started(id, MAIN));
        feed(&mut a, id, started_04());
        a.picked = Some(P2);
        let effects = update(&mut a, key('z'));
        assert_eq!(
            effects,
            vec![Effect::Signal {
                id,
                pid: P2,
                sig: libc::SIGSTOP
            }]
        );
        update(&mut a, Msg::Tick(0));
        let screen = draw(&a);
        assert!(screen.contains("frozen (SIGSTOP): z thaws it"), "{screen}");
        insta::assert_snapshot!(format!("held_frozen_{w}x{h}"), screen);
        // z again thaws it.
        let effects = update(&mut a, key('z'));
        assert_eq!(
            effects,
            vec![Effect::Signal {
                id,
                pid: P2,
                sig: libc::SIGCONT
            }]
        );
        assert!(!draw(&a).contains("frozen"));
    }
}
