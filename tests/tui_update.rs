//! The playground's `update`: keys, mouse and run updates in; state and effects out. No process, no
//! terminal.

mod tui_common;

use forkyard::lesson::{Lang, RESERVED_KEYS};
use forkyard::session::Update;
use forkyard::tui::app::{Effect, Focus, Msg};
use forkyard::tui::keymap::{Action, Context, KEYMAP, Key, action_for};
use forkyard::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tui_common::*;

#[test]
fn r_starts_the_program_as_shown() {
    let mut app = app(100, 30);
    assert_eq!(app.lesson().unwrap().id, "02-daemon");
    let effects = update(&mut app, key('r'));
    let [
        Effect::Start {
            source,
            file,
            speed,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(file, "main.py");
    assert_eq!(*speed, 1.0);
    assert!(source.contains("    # p.daemon = True\n"));
    assert_eq!(app.runs.len(), 1);
    assert!(app.is_live() && app.animating());
    // Enter does the same, and stops the run on screen first.
    let effects = update(&mut app, code(KeyCode::Enter));
    assert!(matches!(effects[0], Effect::Stop(_)));
    assert!(matches!(effects[1], Effect::Start { .. }));
}

#[test]
fn a_knob_key_edits_the_code_at_once_and_reruns() {
    let mut app = app(100, 30);
    let first = started(&update(&mut app, key('r')))[0];
    let effects = update(&mut app, key('d'));
    assert_eq!(effects[0], Effect::Stop(first));
    let Effect::Start { source, .. } = &effects[1] else {
        panic!("{effects:?}");
    };
    assert!(source.contains("    p.daemon = True\n") && !source.contains("# p.daemon"));
    let code = app.code.as_ref().unwrap();
    assert_eq!(code.program.changed_lines(), vec![13]);
    assert_eq!(app.current_settings().unwrap().get("daemon"), Some("on"));
    // The changed line is scrolled into view.
    assert!(app.scroll.code < 13 && app.scroll.code + 10 >= 13);
    // Records of the run that was left are ignored.
    feed(&mut app, first, daemon_on_whole());
    assert_eq!(app.runs[0].run.lanes().count(), 0);
    let second = started(&effects)[0];
    feed(&mut app, second, daemon_on_whole());
    assert_eq!(app.runs[0].run.lanes().count(), 2);
}

#[test]
fn a_completed_run_is_remembered() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    feed(&mut app, id, daemon_on_whole());
    assert!(app.is_live());
    let effects = end(&mut app, id);
    assert_eq!(effects, vec![Effect::SaveProgress]);
    assert!(!app.is_live() && !app.animating());
    assert!(app.progress.completed.contains("02-daemon"));
    assert!(app.progress.visited.contains("02-daemon"));
    assert_eq!(app.runs[0].total_ns(), Some(10_000_000));
    // A second completion saves nothing new.
    let id = started(&update(&mut app, key('r')))[0];
    assert!(end(&mut app, id).is_empty());
}

#[test]
fn space_pauses_and_resumes_only_a_live_run() {
    let mut app = app(100, 30);
    assert!(update(&mut app, key(' ')).is_empty());
    let id = started(&update(&mut app, key('r')))[0];
    feed(&mut app, id, daemon_start(false));
    update(&mut app, Msg::Tick(1_006_000_000));
    let before = app.runs[0].clock_ns;
    assert_eq!(
        before, 1_006_000_000,
        "the clock runs on from the last record"
    );
    assert_eq!(update(&mut app, key(' ')), vec![Effect::Pause]);
    assert!(app.paused && !app.animating());
    update(&mut app, Msg::Tick(5_000_000_000));
    assert_eq!(
        app.runs[0].clock_ns, before,
        "paused: the lesson clock stands still"
    );
    assert_eq!(update(&mut app, key(' ')), vec![Effect::Resume]);
    update(&mut app, Msg::Tick(5_500_000_000));
    assert_eq!(app.runs[0].clock_ns, before + 500_000_000);
    // The run's end ends the pause too.
    update(&mut app, key(' '));
    end(&mut app, id);
    assert!(!app.paused);
}

#[test]
fn plus_and_minus_change_the_speed_within_bounds() {
    let mut app = app(100, 30);
    assert_eq!(update(&mut app, key('+')), vec![Effect::Speed(2.0)]);
    assert_eq!(update(&mut app, key('=')), vec![Effect::Speed(4.0)]);
    assert_eq!(update(&mut app, key('-')), vec![Effect::Speed(2.0)]);
    for _ in 0..10 {
        update(&mut app, key('+'));
    }
    assert_eq!(app.speed, 32.0);
    assert!(update(&mut app, key('+')).is_empty());
    let effects = update(&mut app, key('r'));
    assert!(matches!(effects[0], Effect::Start { speed, .. } if speed == 32.0));
}

#[test]
fn leaving_a_lesson_stops_its_run() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    let effects = update(&mut app, key('n'));
    assert_eq!(effects, vec![Effect::Stop(id), Effect::SaveProgress]);
    assert!(app.runs.is_empty());
    assert_eq!(app.selected, 1);
    assert_eq!(app.progress.last.as_deref(), Some("03-broken"));
    assert!(app.lesson().is_none(), "03-broken does not load");
    assert!(
        app.code
            .as_ref()
            .err()
            .unwrap()
            .contains("names no line of main.py")
    );
    // It cannot run, and says so; the others still work.
    assert!(update(&mut app, key('r')).is_empty());
    assert!(app.status.is_some());
    update(&mut app, key('n'));
    assert!(
        update(&mut app, key('n')).is_empty(),
        "no lesson after the last"
    );
    update(&mut app, code(KeyCode::Left));
    update(&mut app, code(KeyCode::Left));
    update(&mut app, code(KeyCode::Left));
    assert_eq!(app.selected, 0);
    update(&mut app, code(KeyCode::Down));
    assert_eq!(app.selected, 1, "arrows move in the focused lesson list");
    update(&mut app, key('p'));
    assert_eq!(app.selected, 0);
}

#[test]
fn c_runs_both_sides_of_the_comparison() {
    let mut app = app(100, 30);
    let effects = update(&mut app, key('c'));
    let sources: Vec<&String> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Start { source, .. } => Some(source),
            _ => None,
        })
        .collect();
    assert_eq!(sources.len(), 2);
    assert!(sources[0].contains("# p.daemon = True"));
    assert!(!sources[1].contains("# p.daemon = True"));
    let labels: Vec<&str> = app.runs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["daemon flag: off", "daemon flag: on"]);
}

#[test]
fn help_takes_the_keys_until_esc() {
    let mut app = app(100, 30);
    update(&mut app, key('?'));
    assert!(app.help);
    assert!(
        update(&mut app, key('r')).is_empty(),
        "r does not run under the help"
    );
    assert!(app.runs.is_empty() && app.help);
    update(&mut app, code(KeyCode::Esc));
    assert!(!app.help);
    update(&mut app, key('?'));
    let effects = update(&mut app, ctrl('c'));
    assert_eq!(effects, vec![Effect::SaveProgress, Effect::Quit]);
}

#[test]
fn q_quits_and_ends_the_runs() {
    let mut app = app(100, 30);
    let ids = started(&update(&mut app, key('c')));
    let effects = update(&mut app, key('q'));
    assert_eq!(
        effects,
        vec![
            Effect::Stop(ids[0]),
            Effect::Stop(ids[1]),
            Effect::SaveProgress,
            Effect::Quit
        ]
    );
    assert!(app.quitting);
}

#[test]
fn focus_scroll_and_language() {
    let mut app = app(80, 24);
    assert_eq!(app.focus, Focus::Lessons);
    update(&mut app, code(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Code);
    update(&mut app, code(KeyCode::Home));
    assert_eq!(app.scroll.code, 0);
    update(&mut app, code(KeyCode::PageDown));
    assert!(app.scroll.code > 0);
    update(&mut app, code(KeyCode::End));
    let bottom = app.scroll.code;
    update(&mut app, code(KeyCode::Down));
    assert_eq!(app.scroll.code, bottom, "never past the end");
    update(&mut app, code(KeyCode::BackTab));
    assert_eq!(app.focus, Focus::Lessons);
    assert_eq!(app.lang, Lang::En);
    update(&mut app, key('L'));
    assert_eq!(app.lang, Lang::Zh);
    // The output scrolls back from the newest line and End follows again.
    let id = started(&update(&mut app, key('r')))[0];
    for i in 0..100 {
        feed(
            &mut app,
            id,
            vec![rec(MAIN, OBSERVER, i, out(&format!("{i}\n")))],
        );
    }
    app.focus = Focus::Output;
    update(&mut app, code(KeyCode::PageUp));
    assert!(app.scroll.output_back > 0);
    update(&mut app, code(KeyCode::End));
    assert_eq!(app.scroll.output_back, 0);
}

#[test]
fn the_mouse_scrolls_and_selects() {
    let mut app = app(100, 30);
    let click = |row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 3,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Row 0 is the header, 1 the list's border: row 3 is the second lesson.
    update(&mut app, click(3));
    assert_eq!(app.selected, 1);
    assert_eq!(app.focus, Focus::Lessons);
    update(&mut app, click(2));
    assert_eq!(app.selected, 0);
    let wheel = Msg::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 40,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    update(&mut app, wheel);
    assert!(app.scroll.code > 0, "the wheel scrolls the pane under it");
}

#[test]
fn records_build_lanes_and_marks() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    update(&mut app, Msg::Started(id, MAIN));
    feed(&mut app, id, daemon_off_midway());
    let run = &app.runs[0];
    assert_eq!(run.pid, Some(MAIN));
    let names: Vec<&str> = run.run.lanes().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["MainProcess", "Process-1"]);
    assert_eq!(run.marks[&CHILD].len(), 2);
    // A run that cannot start says why.
    let id = started(&update(&mut app, key('r')))[0];
    update(
        &mut app,
        Msg::Failed(id, "could not start the run: no memory".into()),
    );
    assert!(!app.is_live());
    let _ = Update::End;
}

#[test]
fn the_keymap_leaves_knob_keys_free() {
    let table: Vec<char> = KEYMAP
        .iter()
        .filter(|b| b.context == Context::Main)
        .flat_map(|b| b.keys.iter())
        .filter_map(|k| match k {
            Key::Char(c) => Some(*c),
            _ => None,
        })
        .collect();
    for c in &table {
        assert!(
            RESERVED_KEYS.contains(c) || "=_".contains(*c),
            "`{c}` is in the keymap but a lesson's knob may take it (lesson::RESERVED_KEYS)"
        );
    }
    for l in forkyard::lesson::catalog().into_iter().flatten() {
        for k in &l.knobs {
            assert!(
                !table.contains(&k.key),
                "{}: knob key {} is a playground key",
                l.id,
                k.key
            );
        }
    }
    // Every main-screen action is reachable, and help says what each does.
    let ev = |c| ratatui::crossterm::event::KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(action_for(&ev('r'), Context::Main), Some(Action::Run));
    assert_eq!(action_for(&ev('q'), Context::Help), Some(Action::Close));
    assert!(
        KEYMAP
            .iter()
            .any(|b| !b.help.is_empty() && b.action == Action::Quit)
    );
}

#[test]
fn current_lines_are_kept_for_live_processes_only() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    let mut records = daemon_on_whole();
    records.truncate(records.len() - 2); // the main has not exited yet
    feed(&mut app, id, records);
    update(&mut app, Msg::Lines(id, vec![(MAIN, 15), (CHILD, 7)]));
    assert_eq!(app.runs[0].lines, vec![(MAIN, 15)], "Process-1 was reaped");
    end(&mut app, id);
    assert!(app.runs[0].lines.is_empty());
    update(&mut app, Msg::Lines(id, vec![(MAIN, 15)]));
    assert!(
        app.runs[0].lines.is_empty(),
        "an ended run has no current lines"
    );
}

#[test]
fn a_traceback_names_what_was_raised() {
    use forkyard::trace::{Event, Stream};
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    let mut records = daemon_start(false);
    records.push(rec(
        MAIN,
        OBSERVER,
        7,
        Event::Output {
            stream: Stream::Stderr,
            text: "Traceback (most recent call last):\n  File \"main.py\", line 3\nZeroDivisionError: division by zero\n".into(),
        },
    ));
    feed(&mut app, id, records);
    assert_eq!(
        app.runs[0].last_error.get(&MAIN).map(String::as_str),
        Some("ZeroDivisionError: division by zero")
    );
}

#[test]
fn a_click_on_a_lane_picks_its_process() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    feed(&mut app, id, daemon_off_midway());
    let click = |row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 30,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // At 100x30 the timeline's border is on row 13: its lanes start on row 14.
    update(&mut app, click(15));
    assert_eq!(app.picked, Some(CHILD));
    assert_eq!(app.focus, Focus::Timeline);
    update(&mut app, click(15));
    assert_eq!(app.picked, None, "a second click lets go");
    update(&mut app, click(14));
    assert_eq!(app.picked, Some(MAIN));
    update(&mut app, key('r'));
    assert_eq!(app.picked, None, "a new run forgets the pick");
}

/// The fixture lesson with two programs (`main.py` with knob `d`, `other.py` with knob `w`).
fn programs_app(w: u16, h: u16) -> forkyard::tui::app::App {
    let mut app = app(w, h);
    update(&mut app, key('n'));
    update(&mut app, key('n'));
    assert_eq!(app.lesson().unwrap().id, "04-programs");
    app
}

/// The (file, source) of the one run `effects` start.
fn start_of(effects: &[Effect]) -> (String, String) {
    let starts: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Start { file, source, .. } => Some((file.clone(), source.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(starts.len(), 1, "{effects:?}");
    starts[0].clone()
}

#[test]
fn every_program_of_a_lesson_is_reachable() {
    let mut app = programs_app(100, 30);
    assert_eq!(app.program_file(), Some("main.py"));
    let id = started(&update(&mut app, key('r')))[0];
    // `o` shows the next program; what ran before is stopped (the screen shows one program).
    assert_eq!(update(&mut app, key('o')), vec![Effect::Stop(id)]);
    assert_eq!(app.program_file(), Some("other.py"));
    assert_eq!(app.code.as_ref().unwrap().program.file, "other.py");
    let (file, _) = start_of(&update(&mut app, key('r')));
    assert_eq!(file, "other.py");
    update(&mut app, key('o'));
    assert_eq!(app.program_file(), Some("main.py"), "o goes round");
    // A knob of the other program switches to it and runs it.
    let (file, source) = start_of(&update(&mut app, key('w')));
    assert_eq!(file, "other.py");
    assert!(source.contains("p.join(timeout=1.5)"), "{source}");
    assert_eq!(app.program_file(), Some("other.py"));
    let (file, source) = start_of(&update(&mut app, key('d')));
    assert_eq!(file, "main.py");
    assert!(source.contains("\n    p.daemon = True\n"), "{source}");
    // The program shown is kept per lesson, like the knobs.
    update(&mut app, key('o'));
    update(&mut app, key('p'));
    update(&mut app, key('n'));
    assert_eq!(app.program_file(), Some("other.py"));
    // A lesson with one program says so.
    update(&mut app, key('p'));
    update(&mut app, key('p'));
    assert!(update(&mut app, key('o')).is_empty());
    assert!(app.status.as_deref().unwrap().contains("one program"));
}

#[test]
fn x_stops_a_live_run_and_keeps_it_on_screen() {
    use forkyard::session::RunEnd;
    use forkyard::trace::Ending;
    use forkyard::tui::view::hint_items;
    let mut app = app(100, 30);
    assert!(!hint_items(&app, 100).iter().any(|h| h == "x stop"));
    let id = started(&update(&mut app, key('r')))[0];
    feed(&mut app, id, daemon_off_midway());
    assert!(
        hint_items(&app, 100).iter().any(|h| h == "x stop"),
        "the bar offers the stop key while a run is live"
    );
    assert_eq!(update(&mut app, key('x')), vec![Effect::Stop(id)]);
    assert_eq!(app.runs.len(), 1, "the stopped run stays on screen");
    update(
        &mut app,
        Msg::Run(
            id,
            Update::End(RunEnd {
                main: Some(Ending::Signaled { signal: 9 }),
                stopped: Some("stopped".into()),
            }),
        ),
    );
    assert!(!app.is_live());
    assert_eq!(app.runs[0].run.lanes().count(), 2);
    assert!(!hint_items(&app, 100).iter().any(|h| h == "x stop"));
    assert!(update(&mut app, key('x')).is_empty());
    assert!(app.status.as_deref().unwrap().contains("nothing to stop"));
}

#[test]
fn below_the_minimum_size_only_quitting_acts() {
    let mut app = app(60, 15);
    for c in ['r', 'd', 'c', ' ', 'n', '+', 'x', 'o', '?'] {
        assert!(update(&mut app, key(c)).is_empty(), "`{c}` acted at 60x15");
    }
    assert!(app.runs.is_empty() && !app.help);
    assert_eq!(app.current_settings().unwrap().get("daemon"), Some("off"));
    assert_eq!(app.speed, 1.0);
    update(&mut app, Msg::Resize(100, 30));
    let id = started(&update(&mut app, key('r')))[0];
    update(&mut app, Msg::Resize(60, 15));
    assert_eq!(
        update(&mut app, key('q')),
        vec![Effect::Stop(id), Effect::SaveProgress, Effect::Quit]
    );
}

#[test]
fn compare_starts_from_the_current_value_of_a_three_way_knob() {
    let mut app = programs_app(100, 30);
    update(&mut app, key('o'));
    let sources = |effects: &[Effect]| -> Vec<String> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Start { source, .. } => Some(source.clone()),
                _ => None,
            })
            .collect()
    };
    let labels = |app: &forkyard::tui::app::App| -> Vec<String> {
        app.runs.iter().map(|r| r.label.clone()).collect()
    };
    sources(&update(&mut app, key('c')));
    assert_eq!(
        labels(&app),
        ["join · how main joins", "timeout · how main joins"]
    );
    update(&mut app, key('w'));
    update(&mut app, key('w'));
    assert_eq!(app.current_settings().unwrap().get("join"), Some("none"));
    let s = sources(&update(&mut app, key('c')));
    assert_eq!(
        labels(&app),
        ["join · how main joins", "none · how main joins"]
    );
    assert!(s[0].contains("\n    p.join()\n") && s[1].contains("# p.join()"));
    // From main.py, `c` compares the lesson's comparison in its own program.
    update(&mut app, key('o'));
    assert_eq!(app.program_file(), Some("main.py"));
    update(&mut app, key('c'));
    assert_eq!(labels(&app), ["daemon flag: off", "daemon flag: on"]);
}

#[test]
fn at_80_columns_the_bar_keeps_every_knob_compare_and_stop() {
    use forkyard::tui::app::App;
    use forkyard::tui::progress::Progress;
    use forkyard::tui::theme::Theme;
    use forkyard::tui::view::hint_items;
    let lessons = forkyard::lesson::catalog();
    for i in 0..lessons.len() {
        let mut app = App::new(
            forkyard::lesson::catalog(),
            Progress::default(),
            Lang::En,
            Theme::FULL,
            (80, 24),
        );
        // The bar of a run, not a lesson's question before it.
        app.predict.off = true;
        while app.selected < i {
            update(&mut app, key('n'));
        }
        let lesson = app.lesson().unwrap().clone();
        for live in [false, true] {
            if live {
                update(&mut app, key('r'));
            }
            let items = hint_items(&app, 80);
            let width: usize = 1 + items.iter().map(|s| s.chars().count() + 2).sum::<usize>();
            assert!(width <= 80, "{}: {items:?}", lesson.id);
            let mut wanted: Vec<String> = lesson.knobs.iter().map(|k| k.key.to_string()).collect();
            wanted.extend(["c", "?", "q"].map(String::from));
            if live {
                wanted.push("x".into());
            }
            if lesson.programs.len() > 1 {
                wanted.push("o".into());
            }
            for key in wanted {
                assert!(
                    items
                        .iter()
                        .any(|s| s.split(' ').next() == Some(key.as_str())),
                    "{} at 80 columns (live: {live}) lost `{key}`: {items:?}",
                    lesson.id
                );
            }
            // A knob reads as `--set` writes it (`d daemon=on`), or by its name alone when
            // the bar is narrow (the code's tags show the values), or with its name cut (`u
            // extra_relea…`) when a lesson has many knobs: never by its key alone.
            for k in &lesson.knobs {
                let name = format!("{} {}", k.key, k.name);
                assert!(
                    items.iter().any(|s| *s == name
                        || s.starts_with(&format!("{name}="))
                        || (s.ends_with('…')
                            && s.chars().count() > 4
                            && name.starts_with(s.trim_end_matches('…')))),
                    "{items:?}"
                );
            }
        }
    }
}

#[test]
fn a_lanes_notice_waits_for_the_run_to_show_it() {
    use forkyard::tui::view::text::lines;
    let text = |app: &forkyard::tui::app::App| -> String {
        lines(app, 60)
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut app = programs_app(100, 30);
    // Before a run, the notices say what to look for.
    assert!(text(&app).contains("Process-1 waits for the lock."));
    let id = started(&update(&mut app, key('r')))[0];
    let mut records = daemon_start(false);
    records.push(rec(CHILD, MAIN, 7, out("working\n")));
    feed(&mut app, id, records);
    let shown = text(&app);
    assert!(
        !shown.contains("Process-1 waits for the lock."),
        "a run where Process-1 never waited must not say it waits:\n{shown}"
    );
    assert!(
        shown.contains("Every line is printed"),
        "a notice with no lane stays"
    );
    feed(
        &mut app,
        id,
        vec![rec(
            CHILD,
            MAIN,
            9,
            state(forkyard::trace::State::Blocked {
                on: "Lock#1".into(),
                op: "acquire".into(),
            }),
        )],
    );
    assert!(text(&app).contains("Process-1 waits for the lock."));
}

#[test]
fn the_speed_that_carries_to_the_next_lesson_is_said() {
    let mut app = app(100, 30);
    update(&mut app, key('n'));
    assert!(app.status.is_none(), "at the default speed nothing is said");
    update(&mut app, key('+'));
    update(&mut app, key('n'));
    assert_eq!(app.speed, 2.0);
    assert!(app.status.as_deref().unwrap().contains("speed 2×"));
}

#[test]
fn picking_a_lane_brings_its_output_into_view() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    let mut records = daemon_start(false);
    for i in 0..20u64 {
        records.push(rec(CHILD, MAIN, 10 + i, out(&format!("line {i}\n"))));
    }
    feed(&mut app, id, records);
    let click = |row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 30,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // The child's newest line is on screen already: nothing moves.
    update(&mut app, click(15));
    assert_eq!(app.picked, Some(CHILD));
    assert_eq!(app.scroll.output_back, 0);
    // The main's only line (`end`, the first of 21) is far above: the output goes back to it.
    update(&mut app, click(14));
    assert_eq!(app.picked, Some(MAIN));
    assert_eq!(app.scroll.output_back, 20);
}

#[test]
fn a_key_the_lesson_does_not_have_says_so() {
    let mut app = app(100, 30);
    assert!(update(&mut app, key('v')).is_empty());
    assert!(
        app.status.as_deref().unwrap().contains("`v` does nothing"),
        "{:?}",
        app.status
    );
    // The next key clears it.
    update(&mut app, key('+'));
    assert!(app.status.is_none());
}

#[test]
fn a_knobs_rerun_marks_the_output_lines_that_are_new() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    let mut records = daemon_off_midway();
    records.push(rec(CHILD, MAIN, 1009, out("child pid 4101\n")));
    feed(&mut app, id, records);
    end(&mut app, id);
    let id = started(&update(&mut app, key('d')))[0];
    let mut records = daemon_start(true);
    records.push(rec(CHILD, MAIN, 7, out("child pid 5123\n")));
    records.push(rec(CHILD, MAIN, 8, out("only with daemon on\n")));
    feed(&mut app, id, records);
    let view = &app.runs[0];
    let new: Vec<&str> = view
        .run
        .log
        .lines()
        .filter(|l| view.is_new(l))
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(new, ["only with daemon on"], "a pid is not a change");
    // `r` is not a knob: nothing to compare with.
    update(&mut app, key('r'));
    assert!(app.runs[0].before.is_none());
}

#[test]
fn end_in_the_code_shows_the_programs_last_line_even_with_wrapped_lines() {
    // other.py with join=timeout: line 13 takes three rows at 80 columns.
    let mut app = programs_app(80, 24);
    update(&mut app, key('w'));
    update(&mut app, code(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Code);
    update(&mut app, code(KeyCode::End));
    let (_, last) = forkyard::tui::view::code::visible(&app);
    let n = app.code.as_ref().unwrap().program.source.lines().count();
    assert_eq!(last, n, "End reaches the last line");
    update(&mut app, code(KeyCode::Home));
    assert_eq!(app.scroll.code, 0);
}

#[test]
fn a_click_on_a_program_tab_shows_it() {
    let mut app = programs_app(100, 30);
    let click = |column| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row: 1,
            modifiers: KeyModifiers::NONE,
        })
    };
    // At 100x30 the code pane starts at column 20: ` main.py │ other.py`.
    update(&mut app, click(20 + 1 + 1 + 7 + 3 + 2));
    assert_eq!(app.program_file(), Some("other.py"));
    update(&mut app, click(20 + 1 + 1 + 2));
    assert_eq!(app.program_file(), Some("main.py"));
}

#[test]
fn a_knob_that_sets_stdout_starts_the_run_with_that_mode() {
    use forkyard::runtime::stdout::StdoutMode;
    // Only the real 03-join, so it is the lesson on screen.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let lessons: Vec<_> = forkyard::lesson::catalog_in(&dir)
        .into_iter()
        .filter(|l| l.as_ref().is_ok_and(|l| l.id == "03-join"))
        .collect();
    let mut app = forkyard::tui::app::App::new(
        lessons,
        forkyard::tui::progress::Progress::default(),
        Lang::En,
        forkyard::tui::theme::Theme::FULL,
        (100, 30),
    );
    // The runs' stdout modes, not a lesson's question before them.
    app.predict.off = true;
    assert_eq!(app.lesson().unwrap().id, "03-join");
    let modes = |effects: &[Effect]| -> Vec<(StdoutMode, bool)> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Start { stdout, source, .. } => {
                    Some((*stdout, source.contains("print(i, flush=True)")))
                }
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        modes(&update(&mut app, key('r'))),
        [(StdoutMode::Tty, false)]
    );
    // b: output=pipe, the same program run as into a pipe.
    assert_eq!(
        modes(&update(&mut app, key('b'))),
        [(StdoutMode::Pipe, false)]
    );
    // f: the child flushes; still into a pipe.
    assert_eq!(
        modes(&update(&mut app, key('f'))),
        [(StdoutMode::Pipe, true)]
    );
    // b again: back on a terminal.
    assert_eq!(
        modes(&update(&mut app, key('b'))),
        [(StdoutMode::Tty, true)]
    );
}
