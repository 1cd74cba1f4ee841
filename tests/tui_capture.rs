//! A real run drawn by the playground without a terminal: 02-daemon's comparison through the
//! session layer, fed to `update`, rendered to a `TestBackend`. The test checks what the screen
//! says; the ignored one also writes the picture the README shows:
//! `cargo test --test tui_capture -- --ignored` rewrites `assets/playground.svg` and `.txt`.

use std::path::Path;

use forkyard::lesson::{self, Lang};
use forkyard::session::{self, RunSpec, Update};
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::capture;
use forkyard::tui::progress::Progress;
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Runs what `effects` start, for real, until every run ended; feeds it all to `app`.
fn carry_out(app: &mut App, effects: Vec<Effect>) {
    let mut handles = Vec::new();
    for e in effects {
        if let Effect::Start {
            id,
            source,
            file,
            speed,
            stdout,
            ..
        } = e
        {
            let spec = RunSpec {
                speed,
                stdout,
                exe: Some(env!("CARGO_BIN_EXE_forkyard").into()),
                ..RunSpec::new(source, file)
            };
            let h = session::start(spec).expect("the run starts");
            update(app, Msg::Started(id, h.pid()));
            handles.push((id, h));
        }
    }
    for (id, h) in &handles {
        for u in h.updates().iter() {
            let end = matches!(u, Update::End(_));
            update(app, Msg::Run(*id, u));
            if end {
                break;
            }
        }
    }
}

fn screen(write: bool) -> String {
    let lessons = lesson::catalog();
    let daemon = lessons
        .iter()
        .position(|l| l.as_ref().is_ok_and(|l| l.id == "02-daemon"))
        .expect("the 02-daemon lesson");
    let progress = Progress {
        last: Some("02-daemon".into()),
        ..Progress::default()
    };
    let mut app = App::new(lessons, progress, Lang::En, Theme::FULL, (100, 30));
    assert_eq!(app.selected, daemon);
    update(&mut app, key('+'));
    update(&mut app, key('+'));
    let effects = update(&mut app, key('c'));
    carry_out(&mut app, effects);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buf = t.backend().buffer();
    if write {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("playground.svg"), capture::svg(buf)).unwrap();
        std::fs::write(dir.join("playground.txt"), capture::text(buf)).unwrap();
    }
    capture::text(buf)
}

#[test]
fn a_real_comparison_on_screen() {
    let text = screen(false);
    assert!(text.contains("daemon flag: off · total"), "{text}");
    assert!(text.contains("daemon flag: on · total"), "{text}");
    assert!(text.contains("SIGTERM") && text.contains("(-15)"), "{text}");
    assert!(text.contains("exit code 0"), "{text}");
}

#[test]
#[ignore = "writes assets/playground.svg and .txt"]
fn write_the_readme_picture() {
    screen(true);
}
