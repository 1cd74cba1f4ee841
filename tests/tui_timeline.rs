//! The timeline and the object inspector, drawn from hand-made runs (fixed pids and times) at
//! 80×24 and 100×30: the snapshots hold the timeline pane only, so that changes to the other panes
//! leave them alone. Each test also checks its point directly, so a snapshot accepted in a hurry
//! cannot hide a regression.

mod tui_common;

use forkyard::session::{RunEnd, Update};
use forkyard::trace::{AtExitAction, Ending, Event, Op, Record, State};
use forkyard::tui::app::{App, Focus, Msg};
use forkyard::tui::update::update;
use forkyard::tui::view::layout;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tui_common::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

/// The rows of the screen in `area`, as text.
fn rows_of(app: &App, area: ratatui::layout::Rect) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    let buf = t.backend().buffer();
    (area.y..area.y + area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = area.x;
            while x < area.x + area.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                // A wide character (中文) covers the next cell too.
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            row
        })
        .collect()
}

/// The timeline pane's rows.
fn timeline(app: &App) -> Vec<String> {
    rows_of(app, layout::areas(app.size).timeline)
}

/// The output pane's rows.
fn output(app: &App) -> Vec<String> {
    rows_of(app, layout::areas(app.size).output)
}

/// Snapshots the timeline `setup` makes at both sizes, and hands each to `check`.
fn timelines(name: &str, setup: impl Fn(&mut App), check: impl Fn(&[String], (u16, u16))) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        setup(&mut app);
        let rows = timeline(&app);
        check(&rows, (w, h));
        insta::assert_snapshot!(format!("timeline_{name}_{w}x{h}"), rows.join("\n"));
    }
}

fn main_rec() -> Record {
    rec(
        MAIN,
        OBSERVER,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
}

fn spawn(pid: i32, ppid: i32, name: &str, at_ms: u64, forked_ms: u64) -> Record {
    rec(
        pid,
        ppid,
        at_ms,
        Event::Spawn {
            name: name.into(),
            daemon: false,
            forked_ns: Some(forked_ms * 1_000_000),
        },
    )
}

fn object(id: u32, class: &str, capacity: Option<i64>, owner: Option<u32>) -> Event {
    Event::Object {
        id,
        class: class.into(),
        capacity,
        owner,
        role: None,
    }
}

fn op(id: u32, what: Op, detail: Option<&str>) -> Event {
    Event::Op {
        id,
        op: what,
        detail: detail.map(str::to_string),
    }
}

fn blocked(on: &str, op: &str) -> Event {
    state(State::Blocked {
        on: on.into(),
        op: op.into(),
    })
}

fn sleeping(until_ms: u64) -> Event {
    state(State::Sleeping {
        until_ns: until_ms * 1_000_000,
    })
}

/// Starts a run (or a comparison, with `c`) and returns its ids.
fn start(app: &mut App, key_char: char) -> Vec<u64> {
    started(&update(app, key(key_char)))
}

/// The row of the lane named `name` (the first row that starts with it).
fn lane<'a>(rows: &'a [String], name: &str) -> &'a str {
    rows.iter()
        .find(|r| r.trim_start_matches('│').trim_start().starts_with(name))
        .unwrap_or_else(|| panic!("no lane {name} in\n{}", rows.join("\n")))
}

/// How many cells of a row are bar (its states and marks), in its first half of a comparison
/// or the whole row.
fn bar_cells(row: &str) -> usize {
    row.chars().filter(|c| "█░─◆┃▌".contains(*c)).count()
}

// ---- 09: which worker is busy ----------------------------------------------------------------

const W1: i32 = MAIN + 1;
const W2: i32 = MAIN + 2;
const W3: i32 = MAIN + 3;

/// A Pool of three whose second worker runs task 1 (it sleeps in it) while the others wait for a
/// task; task 0 ran on the first worker and its result came back.
fn pool_midway() -> Vec<Record> {
    let mut v = vec![
        main_rec(),
        rec(MAIN, OBSERVER, 5, object(1, "Pool", Some(3), None)),
    ];
    for (i, w) in [W1, W2, W3].into_iter().enumerate() {
        let at = 10 + i as u64 * 10;
        v.push(rec(
            w,
            MAIN,
            at + 2,
            Event::Spawn {
                name: format!("ForkPoolWorker-{}", i + 1),
                daemon: true,
                forked_ns: Some(at * 1_000_000),
            },
        ));
        v.push(rec(w, MAIN, at + 3, blocked("Pool#1", "task")));
    }
    v.extend([
        rec(
            MAIN,
            OBSERVER,
            50,
            op(1, Op::Submit, Some("task 0: task('task 0')")),
        ),
        rec(MAIN, OBSERVER, 51, blocked("Pool#1", "get")),
        rec(W1, MAIN, 52, state(State::Running)),
        rec(
            W1,
            MAIN,
            53,
            op(1, Op::Start, Some("task 0: task('task 0')")),
        ),
        rec(W1, MAIN, 60, sleeping(600)),
        rec(W1, MAIN, 600, state(State::Running)),
        rec(
            W1,
            MAIN,
            601,
            op(1, Op::Finish, Some("task 0: task('task 0')")),
        ),
        rec(W1, MAIN, 602, blocked("Pool#1", "task")),
        rec(
            MAIN,
            OBSERVER,
            603,
            op(1, Op::Result, Some("task 0 reached the parent")),
        ),
        rec(MAIN, OBSERVER, 604, state(State::Running)),
        rec(
            MAIN,
            OBSERVER,
            605,
            op(1, Op::Submit, Some("task 1: task('task 1')")),
        ),
        rec(MAIN, OBSERVER, 606, blocked("Pool#1", "get")),
        rec(W2, MAIN, 607, state(State::Running)),
        rec(
            W2,
            MAIN,
            608,
            op(1, Op::Start, Some("task 1: task('task 1')")),
        ),
        rec(W2, MAIN, 610, sleeping(1200)),
    ]);
    v
}

#[test]
fn pool_lanes_say_which_worker_is_busy() {
    timelines(
        "pool",
        |app| {
            let id = start(app, 'r')[0];
            feed(app, id, pool_midway());
            update(app, Msg::Tick(900_000_000));
        },
        |rows, (_, h)| {
            let busy = lane(rows, "ForkPoolWorker-2");
            assert!(
                busy.contains("task 1"),
                "the busy worker names its task: {busy}"
            );
            // At 80×24 the third worker is behind the "more" mark.
            let idle: &[&str] = if h < 30 { &["1"] } else { &["1", "3"] };
            for n in idle {
                let row = lane(rows, &format!("ForkPoolWorker-{n}"));
                assert!(
                    row.contains("waiting for a task") && row.contains('‖'),
                    "an idle worker waits for a task, it does not run: {row}"
                );
                assert!(!row.contains('▶'), "{row}");
            }
        },
    );
}

#[test]
fn pool_rows_speak_of_tasks_in_a_comparison() {
    timelines(
        "pool_compare",
        |app| {
            let ids = start(app, 'c');
            feed(app, ids[0], pool_midway());
            feed(app, ids[1], pool_midway());
            update(app, Msg::Tick(900_000_000));
        },
        |rows, _| {
            // Both halves: the workers can be told apart, the busy one says its task.
            let text = rows.join("\n");
            for n in 1..=2 {
                let row = lane(rows, &format!("…Worker-{n}"));
                assert_eq!(row.matches(&format!("…Worker-{n} ")).count(), 2, "{text}");
            }
            let busy = lane(rows, "…Worker-2");
            assert_eq!(busy.matches("task 1").count(), 2, "{text}");
        },
    );
}

// ---- 01: the bars keep lesson time ---------------------------------------------------------

/// 01 at 0.9 s: the main ran its last line and waits at its exit for Process-1; the children
/// sleep.
fn process_midway() -> Vec<Record> {
    vec![
        main_rec(),
        spawn(CHILD, MAIN, "Process-1", 12, 10),
        spawn(CHILD + 1, MAIN, "Process-2", 22, 20),
        rec(CHILD, MAIN, 30, sleeping(2030)),
        rec(CHILD + 1, MAIN, 31, sleeping(1031)),
        rec(
            MAIN,
            OBSERVER,
            40,
            Event::AtExit {
                action: AtExitAction::Join,
                child: CHILD,
                child_name: "Process-1".into(),
            },
        ),
        rec(MAIN, OBSERVER, 41, blocked("Process-1", "join")),
    ]
}

#[test]
fn labels_never_cover_the_bars() {
    timelines(
        "labels",
        |app| {
            let id = start(app, 'r')[0];
            feed(app, id, process_midway());
            update(app, Msg::Tick(900_000_000));
        },
        |rows, _| {
            let main = bar_cells(lane(rows, "MainProcess"));
            for child in ["Process-1", "Process-2"] {
                let c = bar_cells(lane(rows, child));
                assert!(
                    main.abs_diff(c) <= 1,
                    "the same time, the same bar: main {main} cells, {child} {c}\n{}",
                    rows.join("\n")
                );
            }
            let main = lane(rows, "MainProcess");
            assert!(main.contains(" exit"), "{}", rows.join("\n"));
        },
    );
}

#[test]
fn labels_never_cover_the_bars_in_a_comparison() {
    timelines(
        "labels_compare",
        |app| {
            let ids = start(app, 'c');
            feed(app, ids[0], process_midway());
            feed(app, ids[1], process_midway());
            update(app, Msg::Tick(900_000_000));
        },
        |rows, (w, _)| {
            let half = |row: &str| row.chars().take(w as usize / 2).collect::<String>();
            let main = bar_cells(&half(lane(rows, "MainPro")));
            let child = bar_cells(&half(lane(rows, "Process-1")));
            assert!(main > 3, "the main keeps its bar: {}", rows.join("\n"));
            assert!(main.abs_diff(child) <= 1, "{}", rows.join("\n"));
        },
    );
}

// ---- lanes by creation ---------------------------------------------------------------------

/// Five children whose records arrive in another order than they were started, and a child of
/// the second one.
fn scrambled(order: &[usize]) -> Vec<Record> {
    let mut v = vec![main_rec()];
    for &i in order {
        let pid = MAIN + 10 - i as i32; // pids do not follow the start order either
        v.push(spawn(
            pid,
            MAIN,
            &format!("Process-{i}"),
            100 - i as u64,
            i as u64 * 10,
        ));
    }
    v.push(spawn(MAIN + 20, MAIN + 8, "Process-2:1", 5, 60));
    v
}

#[test]
fn lanes_come_in_creation_order_on_both_sides() {
    let mut app = app(100, 30);
    let ids = start(&mut app, 'c');
    feed(&mut app, ids[0], scrambled(&[1, 3, 4, 2, 5]));
    feed(&mut app, ids[1], scrambled(&[5, 2, 4, 1, 3]));
    update(&mut app, Msg::Tick(500_000_000));
    let want = [
        "MainProcess",
        "Process-1",
        "Process-2",
        "Process-2:1",
        "Process-3",
        "Process-4",
    ];
    for run in &app.runs {
        let names: Vec<&str> = run.run.lanes().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names[..want.len()],
            want,
            "parent before child, then start order"
        );
    }
    let rows = timeline(&app);
    // Both halves show the same names on each row.
    for row in &rows[1..rows.len() - 2] {
        let cells: Vec<char> = row.chars().collect();
        let (left, right) = cells.split_at(cells.len() / 2);
        let name = |side: &[char]| {
            side.iter()
                .collect::<String>()
                .trim_start_matches(['│', ' '])
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(name(left), name(right), "{row}");
    }
}

// ---- rows that do not fit --------------------------------------------------------------------

/// 05: five workers and a Semaphore(2): two hold it, three wait.
fn semaphore_midway() -> Vec<Record> {
    let mut v = vec![
        main_rec(),
        rec(MAIN, OBSERVER, 2, object(1, "Semaphore", Some(2), None)),
    ];
    for i in 1..=5 {
        v.push(spawn(
            MAIN + i,
            MAIN,
            &format!("Process-{i}"),
            10 + i as u64,
            i as u64 * 5,
        ));
    }
    v.extend([
        rec(MAIN + 1, MAIN, 40, op(1, Op::Acquired, Some("value=1"))),
        rec(MAIN + 2, MAIN, 41, op(1, Op::Acquired, Some("value=0"))),
        rec(MAIN + 1, MAIN, 42, sleeping(2042)),
        rec(MAIN + 2, MAIN, 43, sleeping(2043)),
        rec(MAIN + 3, MAIN, 44, blocked("Semaphore#1", "acquire")),
        rec(MAIN + 4, MAIN, 45, blocked("Semaphore#1", "acquire")),
        rec(MAIN + 5, MAIN, 46, blocked("Semaphore#1", "acquire")),
        rec(MAIN, OBSERVER, 47, blocked("Process-1", "join")),
    ]);
    v
}

#[test]
fn rows_that_do_not_fit_are_counted_and_scroll_into_view() {
    timelines(
        "more",
        |app| {
            let id = start(app, 'r')[0];
            feed(app, id, semaphore_midway());
            update(app, Msg::Tick(1_000_000_000));
        },
        |rows, _| {
            let text = rows.join("\n");
            assert!(text.contains("↓ "), "a mark says more lies below:\n{text}");
            assert!(
                text.contains("Semaphore#1 value 0"),
                "the lesson's object is named, with its value:\n{text}"
            );
        },
    );
    // Scrolled to the end: the last rows show, a mark says how many lie above.
    for (w, h) in SIZES {
        let mut app = app(w, h);
        let id = start(&mut app, 'r')[0];
        feed(&mut app, id, semaphore_midway());
        app.focus = Focus::Timeline;
        update(&mut app, code(KeyCode::End));
        let rows = timeline(&app);
        let text = rows.join("\n");
        assert!(text.contains("↑ "), "{text}");
        assert!(!text.contains("↓ "), "{text}");
        let sem = lane(&rows[1..], "↑");
        assert!(sem.contains("more"), "{sem}");
        assert!(text.contains("Semaphore#1 "), "{text}");
        if h >= 30 {
            assert!(text.contains("waiting: Process-3, Process-4"), "{text}");
        }
        insta::assert_snapshot!(format!("timeline_more_end_{w}x{h}"), text);
    }
}

// ---- the inspector ---------------------------------------------------------------------------

/// 04 with the lock: the Value (its own lock made first, as part of it), the lesson's Lock held
/// by Process-1 while the others wait, the counter at 2.
fn lock_midway() -> Vec<Record> {
    let mut v = vec![
        main_rec(),
        rec(MAIN, OBSERVER, 1, object(2, "RLock", Some(1), Some(1))),
        rec(MAIN, OBSERVER, 2, object(1, "Value", Some(1), None)),
        rec(MAIN, OBSERVER, 3, op(1, Op::Stored, Some("value=0"))),
        rec(MAIN, OBSERVER, 4, object(3, "Lock", Some(1), None)),
    ];
    for i in 1..=3 {
        v.push(spawn(
            MAIN + i,
            MAIN,
            &format!("Process-{i}"),
            10 + i as u64,
            i as u64 * 5,
        ));
    }
    v.extend([
        rec(MAIN + 1, MAIN, 30, op(3, Op::Acquired, None)),
        rec(MAIN + 2, MAIN, 31, blocked("Lock#3", "acquire")),
        rec(MAIN + 3, MAIN, 32, blocked("Lock#3", "acquire")),
        rec(MAIN + 1, MAIN, 540, op(1, Op::Stored, Some("value=1"))),
        rec(MAIN + 1, MAIN, 1040, op(1, Op::Stored, Some("value=2"))),
        rec(MAIN + 1, MAIN, 1050, sleeping(1550)),
        rec(MAIN, OBSERVER, 60, blocked("Process-1", "join")),
    ]);
    v
}

#[test]
fn the_inspector_shows_a_values_value_and_who_holds_the_lock() {
    timelines(
        "lock",
        |app| {
            let id = start(app, 'r')[0];
            feed(app, id, lock_midway());
            update(app, Msg::Tick(1_200_000_000));
        },
        |rows, (_, h)| {
            let text = rows.join("\n");
            assert!(
                text.contains("Value#1 value 2") || text.contains("value 2"),
                "{text}"
            );
            assert!(!text.contains("RLock#2"), "its own lock is folded: {text}");
            if h >= 30 {
                assert!(
                    text.contains("held by Process-1 · waiting: Process-2, Process-3"),
                    "{text}"
                );
            }
        },
    );
}

/// 08: a one-way Pipe; the sender and the receiver were forked before the main closed its send
/// end (the receiver's spawn record arrives after that close); the receiver closed its copy.
fn pipe_midway(main_closes: bool) -> Vec<Record> {
    let conn = |id: u32, role: &str| Event::Object {
        id,
        class: "Connection".into(),
        capacity: None,
        owner: None,
        role: Some(role.into()),
    };
    let mut v = vec![
        main_rec(),
        rec(MAIN, OBSERVER, 1, conn(1, "receive end")),
        rec(MAIN, OBSERVER, 2, conn(2, "send end")),
        spawn(MAIN + 1, MAIN, "Process-1", 12, 10),
    ];
    if main_closes {
        v.push(rec(MAIN, OBSERVER, 21, op(2, Op::Closed, None)));
    }
    v.extend([
        spawn(MAIN + 2, MAIN, "Process-2", 25, 20),
        rec(MAIN + 2, MAIN, 30, op(2, Op::Closed, None)),
        rec(MAIN + 1, MAIN, 31, op(2, Op::Sent, Some("0"))),
        rec(MAIN + 2, MAIN, 32, op(1, Op::Received, Some("0"))),
        rec(MAIN + 2, MAIN, 33, blocked("Connection#1", "recv")),
        rec(MAIN + 1, MAIN, 34, sleeping(534)),
        rec(MAIN, OBSERVER, 40, blocked("Process-1", "join")),
    ]);
    v
}

#[test]
fn the_inspector_says_which_processes_hold_each_pipe_end() {
    timelines(
        "pipe",
        |app| {
            let id = start(app, 'r')[0];
            feed(app, id, pipe_midway(true));
            update(app, Msg::Tick(300_000_000));
        },
        |rows, (_, h)| {
            let text = rows.join("\n");
            if h >= 30 {
                assert!(text.contains("send end, open in Process-1"), "{text}");
                assert!(
                    text.contains("receive end, open in MainProcess, Process-1, Process-2"),
                    "{text}"
                );
            }
        },
    );
    // The main that keeps its copy of the send end: that is why recv() never raises EOFError.
    let mut app = app(100, 30);
    let id = start(&mut app, 'r')[0];
    feed(&mut app, id, pipe_midway(false));
    let text = timeline(&app).join("\n");
    assert!(
        text.contains("send end, open in MainProcess, Process-1"),
        "{text}"
    );
}

// ---- picking a lane ----------------------------------------------------------------------------

#[test]
fn picking_a_lane_jumps_the_output_to_its_lines() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        let id = start(&mut app, 'r')[0];
        let mut v = vec![main_rec(), spawn(CHILD, MAIN, "Process-1", 2, 1)];
        v.push(rec(CHILD, MAIN, 3, out("the child's only line\n")));
        for i in 0..40 {
            v.push(rec(
                MAIN,
                OBSERVER,
                10 + i,
                out(&format!("main line {i}\n")),
            ));
        }
        feed(&mut app, id, v);
        update(
            &mut app,
            Msg::Run(
                id,
                Update::End(RunEnd {
                    main: Some(Ending::Exited { code: 0 }),
                    stopped: None,
                }),
            ),
        );
        assert!(
            !output(&app).join("\n").contains("the child's only line"),
            "scrolled away before the pick"
        );
        // A click on Process-1's lane (the second row inside the timeline).
        let area = layout::areas(app.size).timeline;
        let click = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: area.x + 3,
            row: area.y + 2,
            modifiers: KeyModifiers::NONE,
        };
        update(&mut app, Msg::Mouse(click));
        assert_eq!(app.picked, Some(CHILD));
        let shown = output(&app).join("\n");
        assert!(
            shown.contains("the child's only line"),
            "the output shows the picked process's lines:\n{shown}"
        );
    }
}

#[test]
fn lane_states_follow_the_language() {
    let mut app = app(100, 30);
    app.lang = forkyard::lesson::Lang::Zh;
    let id = start(&mut app, 'r')[0];
    feed(&mut app, id, pool_midway());
    update(&mut app, Msg::Tick(900_000_000));
    let rows = timeline(&app);
    let text = rows.join("\n");
    assert!(
        lane(&rows, "ForkPoolWorker-1").contains("等待任务"),
        "{text}"
    );
    assert!(lane(&rows, "ForkPoolWorker-2").contains("任务 1"), "{text}");
    assert!(text.contains("任务 1 → ForkPoolWorker-2"), "{text}");
    assert!(!text.contains("waiting for a task"), "{text}");
}
