//! Whole screens of the playground at 80x24 and 100x30 (`TestBackend` + insta), from hand-made
//! runs with fixed pids and times. `cargo insta review` (or `INSTA_UPDATE=always`) after a change
//! to the screen.

mod tui_common;

use forkyard::tui::app::{App, Msg};
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use tui_common::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

/// Snapshots the screen `setup` makes at both sizes.
fn screens(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn a_lesson_before_a_run() {
    screens("before_run", |_| {});
}

#[test]
fn during_a_run_with_several_lanes() {
    screens("during_run", |app| {
        let id = started(&update(app, key('r')))[0];
        update(app, Msg::Started(id, MAIN));
        feed(app, id, lock_run_midway());
        update(app, Msg::Tick(1_400_000_000));
        let lines = vec![(MAIN, 14), (MAIN + 1, 8), (MAIN + 2, 7), (MAIN + 3, 7)];
        update(app, Msg::Lines(id, lines));
    });
}

#[test]
fn after_a_run_with_a_killed_daemon() {
    screens("killed_daemon", |app| {
        update(app, key('d'));
        let id = app.runs[0].id;
        feed(app, id, daemon_on_whole());
        end(app, id);
    });
}

#[test]
fn the_comparison() {
    screens("compare", |app| {
        let ids = started(&update(app, key('c')));
        let mut off = daemon_off_midway();
        off.push(rec(CHILD, MAIN, 2010, out("2\n")));
        feed(app, ids[0], off);
        feed(app, ids[1], daemon_on_whole());
        end(app, ids[1]);
        update(app, Msg::Tick(2_500_000_000));
    });
}

#[test]
fn help() {
    screens("help", |app| {
        update(app, key('?'));
    });
}

#[test]
fn a_lesson_that_does_not_load() {
    screens("error_pane", |app| {
        update(app, key('n'));
    });
}

#[test]
fn chinese() {
    screens("chinese", |app| {
        update(app, key('L'));
        update(app, code(KeyCode::Tab));
    });
}

#[test]
fn too_small() {
    let mut app = app(79, 24);
    insta::assert_snapshot!("too_small_79x24", draw(&app).backend());
    update(&mut app, Msg::Resize(60, 20));
    app.size = (60, 20);
    insta::assert_snapshot!("too_small_60x20", draw(&app).backend());
}

#[test]
fn glyph_and_colour_say_the_same() {
    let mut app = app(100, 30);
    update(&mut app, key('d'));
    let id = app.runs[0].id;
    feed(&mut app, id, daemon_on_whole());
    end(&mut app, id);
    let t = draw(&app);
    let buf = t.backend().buffer();
    // Find the killed lane's glyph: red, and a cross.
    let lane_row = (0..buf.area.height)
        .find(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("Process-1")
        })
        .expect("a Process-1 lane");
    let cross = (0..buf.area.width)
        .find(|x| buf[(*x, lane_row)].symbol() == "✗")
        .expect("a ✗ glyph on the killed lane");
    assert_eq!(buf[(cross, lane_row)].fg, Color::Red);

    // NO_COLOR: no colour anywhere, same glyphs; --ascii: no box or block characters.
    app.theme = Theme {
        color: false,
        ascii: true,
    };
    let t = draw(&app);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert!(matches!(cell.fg, Color::Reset), "a colour under NO_COLOR");
        assert!(
            !"┌─│█░▶✓✗┃".contains(cell.symbol()) || cell.symbol().is_empty(),
            "`{}` under --ascii",
            cell.symbol()
        );
    }
    insta::assert_snapshot!("ascii_killed_daemon_100x30", t.backend());
}

#[test]
fn an_output_line_marks_its_moment() {
    screens("output_selected", |app| {
        let id = started(&update(app, key('r')))[0];
        feed(app, id, daemon_off_midway());
        end(app, id);
        for _ in 0..4 {
            update(app, code(KeyCode::Tab));
        }
        update(app, code(KeyCode::Up));
        update(app, code(KeyCode::Up));
    });
}

#[test]
fn a_picked_lane() {
    let mut app = app(100, 30);
    let id = started(&update(&mut app, key('r')))[0];
    feed(&mut app, id, daemon_off_midway());
    app.picked = Some(CHILD);
    let t = draw(&app);
    let buf = t.backend().buffer();
    // The output lines of the other processes step back.
    let row = (0..buf.area.height)
        .find(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("MainProcess end")
        })
        .expect("the main's line in the output");
    let x = (0..buf.area.width)
        .find(|x| buf[(*x, row)].symbol() == "M")
        .unwrap();
    assert_eq!(buf[(x, row)].fg, Color::DarkGray);
}

/// The screen's rows as text.
fn rows(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let s = buf[(x, y)].symbol();
                row.push_str(s);
                x += (unicode_width::UnicodeWidthStr::width(s) as u16).max(1);
            }
            row
        })
        .collect()
}

/// The rows inside the pane whose top border carries `title`.
fn pane_rows(t: &Terminal<TestBackend>, title: &str) -> Vec<String> {
    let all = rows(t);
    let top = all
        .iter()
        .position(|r| r.contains(title))
        .unwrap_or_else(|| panic!("no pane `{title}`:\n{}", all.join("\n")));
    all[top + 1..]
        .iter()
        .take_while(|r| !r.starts_with('└'))
        .cloned()
        .collect()
}

/// 40 output lines, the 20th far wider than any pane.
fn chatty(app: &mut App) {
    let id = started(&update(app, key('r')))[0];
    let mut records = daemon_start(false);
    for i in 0..40u64 {
        let text = if i == 20 {
            format!("line {i}: {}\n", "wide ".repeat(40))
        } else {
            format!("line {i}\n")
        };
        records.push(rec(CHILD, MAIN, 10 + i, out(&text)));
    }
    feed(app, id, records);
    end(app, id);
    for _ in 0..4 {
        update(app, code(KeyCode::Tab));
    }
}

#[test]
fn output_scrolls_by_rows_and_never_leaves_holes() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        chatty(&mut app);
        for keys in [
            vec![code(KeyCode::Home)],
            vec![code(KeyCode::PageUp)],
            vec![code(KeyCode::Home), code(KeyCode::PageDown)],
            vec![code(KeyCode::End)],
        ] {
            for k in keys {
                update(&mut app, k);
            }
            let t = draw(&app);
            let inside = pane_rows(&t, "Output");
            for row in &inside {
                let content = row.trim_matches('│').trim();
                assert!(
                    !content.is_empty(),
                    "{w}x{h}: a hole in the output:\n{}",
                    inside.join("\n")
                );
            }
        }
        // Home shows the oldest line first; the wide line wraps onto rows of its own.
        update(&mut app, code(KeyCode::Home));
        let t = draw(&app);
        let inside = pane_rows(&t, "Output");
        assert!(
            inside[0].contains("MainProcess") && inside[0].contains("end"),
            "{inside:?}"
        );
        insta::assert_snapshot!(format!("output_home_{w}x{h}"), t.backend());
        for _ in 0..4 {
            update(&mut app, code(KeyCode::PageDown));
        }
        let t = draw(&app);
        let text = pane_rows(&t, "Output").join("\n");
        let wide = text.matches("wide").count();
        assert!(
            wide == 0 || wide == 40 || text.contains("line 21") || text.contains("line 19"),
            "{text}"
        );
    }
}

#[test]
fn a_long_output_line_is_shown_whole() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        chatty(&mut app);
        // Scroll back until the wide line is the newest on screen.
        for _ in 0..19 {
            update(&mut app, code(KeyCode::Up));
        }
        let t = draw(&app);
        let rows = pane_rows(&t, "Output");
        // The text column (after `│`, time and name), rows joined: wrapped words join up again.
        let text: String = rows
            .iter()
            .map(|r| {
                r.chars()
                    .skip(22)
                    .collect::<String>()
                    .trim_end_matches('│')
                    .to_string()
            })
            .collect();
        assert_eq!(
            text.matches("wide").count(),
            40,
            "{w}x{h}:\n{}",
            rows.join("\n")
        );
    }
}

/// The fixture lesson with two programs, showing `other.py` with its knob set to `timeout`
/// (a line wider than the code pane).
fn long_knob_line(app: &mut App) {
    update(app, key('n'));
    update(app, key('n'));
    update(app, key('w'));
}

#[test]
fn a_knobs_line_is_shown_whole_and_its_tag_covers_no_code() {
    screens("knob_line_whole", long_knob_line);
    for (w, h) in SIZES {
        let mut app = app(w, h);
        long_knob_line(&mut app);
        let t = draw(&app);
        let code = pane_rows(&t, "other.py");
        // The code column of every row (after the gutter), joined: the whole edited line.
        let joined: String = code
            .iter()
            .map(|r| {
                // `│ lessons │││ code │││ text │`: the code pane is the fourth piece.
                let pane = r.split('│').nth(3).unwrap_or("");
                pane.chars().skip(4).collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("");
        let compact: String = joined.split_whitespace().collect();
        let want: String = "p.join(timeout=1.5)  # give up waiting after a second and a half"
            .split_whitespace()
            .collect();
        assert!(
            compact.contains(&want),
            "{w}x{h}: the edited line is not whole:\n{}",
            code.join("\n")
        );
        assert!(code.iter().any(|r| r.contains("[w] timeout")), "{code:?}");
        // The tabs name both programs; the border says what lies below.
        let all = rows(&t);
        assert!(all.iter().any(|r| r.contains("main.py │ other.py")));
    }
}

#[test]
fn the_help_at_80x24_keeps_its_way_out() {
    let mut app = app(80, 24);
    update(&mut app, key('?'));
    let text = rows(&draw(&app)).join("\n");
    assert!(text.contains("Esc closes this help"), "{text}");
    // Taller than the screen (the held run's keys too): its end is a page or two down.
    for _ in 0..3 {
        update(&mut app, code(KeyCode::PageDown));
    }
    let text = rows(&draw(&app)).join("\n");
    // Cut nowhere: a long sentence wraps under its key instead.
    assert!(
        !text.contains("a l\n") && text.contains("lane or a program tab."),
        "{text}"
    );
}

#[test]
fn chinese_help() {
    screens("chinese_help", |app| {
        update(app, key('L'));
        update(app, key('?'));
    });
}

#[test]
fn below_the_minimum_size_after_a_key() {
    let mut app = app(60, 15);
    update(&mut app, key('r'));
    insta::assert_snapshot!("too_small_60x15_after_r", draw(&app).backend());
    assert!(app.runs.is_empty());
}

#[test]
fn a_knobs_rerun_marks_its_new_output() {
    screens("knob_new_output", |app| {
        let id = started(&update(app, key('r')))[0];
        feed(app, id, daemon_off_midway());
        end(app, id);
        let id = started(&update(app, key('d')))[0];
        let mut records = daemon_start(true);
        records.push(rec(CHILD, MAIN, 8, out("only with daemon on\n")));
        feed(app, id, records);
    });
    let mut app = app(80, 24);
    let id = started(&update(&mut app, key('r')))[0];
    feed(&mut app, id, daemon_off_midway());
    end(&mut app, id);
    let id = started(&update(&mut app, key('d')))[0];
    let mut records = daemon_start(true);
    records.push(rec(CHILD, MAIN, 8, out("only with daemon on\n")));
    feed(&mut app, id, records);
    let all = rows(&draw(&app));
    assert!(
        all.iter().any(|r| r.contains("● 1 new since the knob")),
        "{all:#?}"
    );
    let marked = all
        .iter()
        .find(|r| r.contains("only with daemon on"))
        .unwrap();
    assert!(marked.starts_with("│●"), "{marked}");
    let same = all.iter().find(|r| r.contains("MainProcess end")).unwrap();
    assert!(!same.contains('●'), "{same}");
}
