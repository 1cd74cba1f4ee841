//! `E` in the playground: a popup picks the format, the effect names it, and what is written is
//! the whole run (also while scrubbing shows an earlier moment), the same as `forkyard export`.

mod tui_common;

use std::path::Path;

use forkyard::export::{self, Format, Recording};
use forkyard::lesson::{self, Lang};
use forkyard::session::Update;
use forkyard::tui::app::{App, Effect, Msg};
use forkyard::tui::export_key;
use forkyard::tui::progress::Progress;
use forkyard::tui::theme::Theme;
use forkyard::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_common::{code, key, started};

fn lock_run() -> Recording {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tui_fixtures/runs/04-lock.jsonl");
    Recording::from_jsonl(&std::fs::read_to_string(&path).unwrap(), &path).unwrap()
}

fn playground() -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tui_fixtures/scrub_lessons");
    App::new(
        lesson::catalog_in(&dir),
        Progress::default(),
        Lang::En,
        Theme::FULL,
        (100, 30),
    )
}

#[test]
fn nothing_to_export_before_a_run() {
    let mut app = playground();
    assert!(update(&mut app, key('E')).is_empty());
    assert!(!app.exporting);
    assert!(app.status.as_deref().unwrap().contains("nothing to export"));
}

#[test]
fn the_popup_picks_a_format_and_the_file_is_the_whole_run() {
    let mut app = playground();
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
    // Esc closes the popup without a word; a key of no format keeps it open.
    update(&mut app, key('E'));
    assert!(app.exporting);
    assert!(update(&mut app, key('x')).is_empty());
    assert!(app.exporting);
    update(&mut app, code(KeyCode::Esc));
    assert!(!app.exporting);
    // Scrubbed back to an early moment, the export is still of the whole run.
    for _ in 0..50 {
        update(&mut app, key('['));
    }
    assert_eq!(app.runs[0].run.records, rec.records.len() as u64 - 50);
    let dir = std::env::temp_dir().join(format!("forkyard-export-key-test-{}", std::process::id()));
    for (k, format) in [
        ('t', Format::Transcript),
        ('p', Format::Perfetto),
        ('s', Format::Svg),
    ] {
        update(&mut app, key('E'));
        assert_eq!(update(&mut app, key(k)), vec![Effect::Export(format)]);
        assert!(!app.exporting);
        let run = &app.scrub.as_ref().unwrap().full[0];
        let path = export_key::write_in(
            &dir,
            "04-lock",
            format,
            &export_key::recording_of(run, None),
        )
        .unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, export::render(format, &rec), "{format}");
        match format {
            Format::Perfetto => {
                let v: serde_json::Value = serde_json::from_str(&written).unwrap();
                assert!(v["traceEvents"].as_array().is_some_and(|e| e.len() > 10));
            }
            Format::Svg => {
                assert!(written.starts_with("<svg") && written.trim_end().ends_with("</svg>"))
            }
            Format::Transcript => assert!(written.contains("Process-3 read 0 wrote 1")),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
