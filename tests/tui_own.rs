//! The learner's own program in the playground (`forkyard FILE.py`), and `e`/`R` on a lesson:
//! whole screens at 80x24 and 100x30 from hand-made runs (fixed pids and times), and what each key
//! and each edit asks the loop to do. The real editor, watch and terminal are in `tui_e2e`.

mod tui_common;

use std::path::{Path, PathBuf};

use forkyard::lesson::Lang;
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::own::{Came, EditWhat, app_for_file};
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use forkyard::tui::view::hint_items;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_common::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tui_fixtures/own")
        .join(name)
}

/// A playground of `w`×`h` on the fixture file `name`.
fn own_app(name: &str, w: u16, h: u16) -> App {
    let path = fixture(name);
    let source = std::fs::read_to_string(&path).unwrap();
    app_for_file(&path, &source, Lang::En, Theme::FULL, (w, h))
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

fn sources(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Start { source, .. } => Some(source.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_file_in_the_playground_after_its_run() {
    for (w, h) in SIZES {
        let mut app = own_app("two_workers.py", w, h);
        let effects = update(&mut app, key('r'));
        let ids = started(&effects);
        assert_eq!(ids.len(), 1, "r runs the file");
        let source = std::fs::read_to_string(fixture("two_workers.py")).unwrap();
        assert_eq!(sources(&effects), [source], "the file runs as it is");
        update(&mut app, Msg::Started(ids[0], MAIN));
        feed(&mut app, ids[0], daemon_off_midway());
        update(&mut app, Msg::Tick(1_500_000_000));
        insta::assert_snapshot!(format!("own_file_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn the_right_pane_shows_the_docstring_and_what_to_look_for() {
    let app = own_app("two_workers.py", 100, 30);
    let screen = format!("{:?}", draw(&app).backend());
    assert!(
        screen.contains("A main and its child print in turn."),
        "{screen}"
    );
    assert!(screen.contains("Your own program"), "{screen}");
    assert!(!screen.contains("Why"), "no lesson words: {screen}");
    assert!(screen.contains("forkyard · two_workers.py"), "{screen}");
}

#[test]
fn a_syntax_error_shows_its_caret_and_nothing_runs() {
    for (w, h) in SIZES {
        let mut app = own_app("unclosed.py", w, h);
        let effects = update(&mut app, key('r'));
        assert!(started(&effects).is_empty(), "nothing runs: {effects:?}");
        assert!(app.status.as_deref().unwrap().contains("SyntaxError"));
        let screen = draw(&app);
        insta::assert_snapshot!(format!("own_syntax_error_{w}x{h}"), screen.backend());
        // The caret stands under the parenthesis that was never closed, as CPython puts it.
        let rows: Vec<String> = format!("{:?}", screen.backend())
            .lines()
            .map(str::to_string)
            .collect();
        let at = rows
            .iter()
            .position(|r| r.contains("multiprocessing.Process("))
            .unwrap();
        let paren = rows[at].find("Process(").unwrap() + "Process".len();
        assert_eq!(rows[at + 1].find('^'), Some(paren), "{rows:#?}");
    }
}

#[test]
fn compare_is_not_offered_for_a_file() {
    let mut app = own_app("two_workers.py", 100, 30);
    assert!(!hint_items(&app, 100).iter().any(|h| h.contains("compare")));
    let effects = update(&mut app, key('c'));
    assert!(started(&effects).is_empty());
    assert!(app.status.as_deref().unwrap().contains("no knobs"));
}

#[test]
fn e_edits_the_file_itself_and_its_new_text_reruns() {
    let mut app = own_app("two_workers.py", 100, 30);
    let effects = update(&mut app, key('e'));
    assert_eq!(
        effects,
        [Effect::Edit(EditWhat::File(fixture("two_workers.py")))]
    );
    let text = "print('mine')\n".to_string();
    let effects = update(&mut app, Msg::Edited(Ok(text.clone()), Came::Editor));
    assert_eq!(sources(&effects), std::slice::from_ref(&text));
    // A save that changed nothing reruns nothing; the editor's exit always reruns.
    let effects = update(&mut app, Msg::Edited(Ok(text.clone()), Came::Saved));
    assert!(sources(&effects).is_empty(), "{effects:?}");
    let effects = update(&mut app, Msg::Edited(Ok(text.clone()), Came::Editor));
    assert_eq!(sources(&effects), [text]);
    // A save that breaks it ends the run and shows the SyntaxError instead.
    let effects = update(&mut app, Msg::Edited(Ok("print(\n".into()), Came::Saved));
    assert!(sources(&effects).is_empty());
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Stop(_))),
        "{effects:?}"
    );
    assert!(app.code.as_ref().is_err_and(|e| e.contains("SyntaxError")));
    // R has nothing to go back to: the file is the learner's.
    update(&mut app, key('R'));
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("nothing to go back to")
    );
}

#[test]
fn e_on_a_lesson_edits_a_copy_knobs_follow_their_lines_and_r_returns() {
    let mut app = app(100, 30);
    let original = app.code.as_ref().unwrap().program.source.clone();
    let effects = update(&mut app, key('e'));
    let Some(Effect::Edit(EditWhat::Copy { lesson, file, text })) = effects.last() else {
        panic!("{effects:?}");
    };
    assert_eq!((lesson.as_str(), file.as_str()), ("02-daemon", "main.py"));
    assert_eq!(*text, original, "the copy starts as the lesson's program");
    // Two lines added at the top: the run is the edited text; the daemon knob still works.
    let edited = format!("# mine\n# mine\n{original}");
    let effects = update(&mut app, Msg::Edited(Ok(edited.clone()), Came::Editor));
    assert_eq!(sources(&effects), std::slice::from_ref(&edited));
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("your copy of main.py")
    );
    let effects = update(&mut app, key('d'));
    let run = sources(&effects);
    assert_eq!(run.len(), 1, "{effects:?}");
    assert!(run[0].starts_with("# mine\n# mine\n"), "{}", run[0]);
    assert!(run[0].contains("    p.daemon = True"), "{}", run[0]);
    // The knob's line removed: the knob says so and runs nothing.
    let gone: String = original
        .lines()
        .filter(|l| !l.contains("p.daemon"))
        .map(|l| format!("{l}\n"))
        .collect();
    update(&mut app, Msg::Edited(Ok(gone.clone()), Came::Editor));
    assert!(
        app.status.as_deref().unwrap().contains("daemon"),
        "{:?}",
        app.status
    );
    let effects = update(&mut app, key('d'));
    assert!(sources(&effects).is_empty(), "{effects:?}");
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("not in your main.py")
    );
    // R: the lesson's own program, and its knob again.
    update(&mut app, key('R'));
    assert!(
        app.code
            .as_ref()
            .unwrap()
            .program
            .source
            .contains("p.daemon")
    );
    assert!(app.status.as_deref().unwrap().contains("own program"));
    let effects = update(&mut app, key('d'));
    assert_eq!(sources(&effects).len(), 1);
}
