//! Whole screens of the playground at 80x24 and 120x40 (`TestBackend` + insta), from hand-made
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

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

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
