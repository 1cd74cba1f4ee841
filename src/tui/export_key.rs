//! `E`: the run on screen exported as a file, from the playground. A small popup asks which format
//! (`p` perfetto, `s` svg, `t` transcript, the same formats as `forkyard run --export`); the file
//! goes under the state directory (`$XDG_STATE_HOME/forkyard/exports/`), one new file per export,
//! and the status line says where.
//!
//! The export is of the whole run, from its trace records, whatever moment scrubbing shows.

use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::app::{App, Effect, Msg};
use super::runs::RunView;
use super::view::words;
use crate::export::{self, Format, Recording};

/// The popup's keys: each format and the key that picks it.
pub const KEYS: [(char, Format); 3] = [
    ('p', Format::Perfetto),
    ('s', Format::Svg),
    ('t', Format::Transcript),
];

/// `E`: opens the popup, or says why there is nothing to export.
pub fn open(app: &mut App) -> Vec<Effect> {
    let runs = runs_now(app);
    if runs.iter().all(|r| r.trace.is_empty()) {
        app.status = Some(
            words(
                app.lang,
                "nothing to export yet: run the program (r) first",
                "还没有可导出的运行：先按 r 运行",
            )
            .into(),
        );
        return Vec::new();
    }
    app.exporting = true;
    Vec::new()
}

/// The popup's keys while it is open (`None`: it is closed, the message goes on as usual).
pub fn on_msg(app: &mut App, msg: &Msg) -> Option<Vec<Effect>> {
    if !app.exporting {
        return None;
    }
    let Msg::Key(key) = msg else {
        return None;
    };
    if key.kind == KeyEventKind::Release {
        return Some(Vec::new());
    }
    let effects = match key.code {
        KeyCode::Char(c) => match KEYS.iter().find(|(k, _)| *k == c) {
            Some((_, format)) => {
                app.exporting = false;
                vec![Effect::Export(*format)]
            }
            None if c == 'E' || c == 'q' => {
                app.exporting = false;
                Vec::new()
            }
            None => Vec::new(),
        },
        KeyCode::Esc => {
            app.exporting = false;
            Vec::new()
        }
        _ => Vec::new(),
    };
    Some(effects)
}

/// The runs as they are now (not the moment a scrub shows).
fn runs_now(app: &App) -> &[RunView] {
    app.scrub.as_ref().map_or(&app.runs, |s| &s.full)
}

/// Writes the run(s) on screen as `format` under the state directory; the sentence for the status
/// line (where it went, or why it could not be written).
pub fn write(app: &App, format: Format) -> String {
    let Some(dir) = super::progress::path().and_then(|p| p.parent().map(|d| d.join("exports")))
    else {
        return "could not export: neither XDG_STATE_HOME nor HOME is set (no state directory)"
            .into();
    };
    // A recorded run is titled after its lesson only when it was named.
    let title = if app.recorded {
        app.recorded_lesson.clone()
    } else {
        app.lesson().map(|l| l.id.clone())
    };
    let stem = title.clone().unwrap_or_else(|| "program".to_string());
    let mut written = Vec::new();
    for run in runs_now(app) {
        if run.trace.is_empty() {
            continue;
        }
        let label = if run.label.is_empty() {
            stem.clone()
        } else {
            format!("{stem}-{}", run.label.replace(['/', ' ', '='], "_"))
        };
        match write_in(&dir, &label, format, &recording_of(run, title.as_deref())) {
            Ok(path) => written.push(path.display().to_string()),
            Err(e) => return format!("could not export to {}: {e}", dir.display()),
        }
    }
    format!("{format} written to {}", written.join(" and "))
}

/// A run view's records as an export's recording.
pub fn recording_of(run: &RunView, title: Option<&str>) -> Recording {
    Recording {
        records: run.trace.clone(),
        end: run.run.end.clone(),
        title: title.map(str::to_string),
    }
}

/// Writes `recording` as `format` to a new file in `dir` named after `label` and the time.
pub fn write_in(
    dir: &Path,
    label: &str,
    format: Format,
    recording: &Recording,
) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let ext = match format {
        Format::Perfetto => "json",
        Format::Svg => "svg",
        Format::Transcript => "txt",
    };
    let stem = format!("{label}-{secs}");
    let mut path = dir.join(format!("{stem}.{ext}"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{stem}-{n}.{ext}"));
    }
    std::fs::write(&path, export::render(format, recording))?;
    Ok(path)
}

/// Draws the popup in the middle of `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines: Vec<String> = match app.lang {
        crate::lesson::Lang::En => vec![
            " p  perfetto: ui.perfetto.dev, chrome://tracing".into(),
            " s  svg: the timeline as a picture".into(),
            " t  transcript: the text `forkyard run` prints".into(),
            " Esc  cancel".into(),
        ],
        crate::lesson::Lang::Zh => vec![
            " p  perfetto：ui.perfetto.dev、chrome://tracing".into(),
            " s  svg：时间线图片".into(),
            " t  transcript：`forkyard run` 打印的文本".into(),
            " Esc  取消".into(),
        ],
    };
    let w = (lines
        .iter()
        .map(|l| super::view::wrap::width(l))
        .max()
        .unwrap_or(0)
        + 3)
    .min(area.width as usize) as u16;
    let h = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let title = words(app.lang, " Export the run ", " 导出这次运行 ");
    Paragraph::new(lines.join("\n"))
        .block(Block::default().borders(Borders::ALL).title(title))
        .render(popup, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_export_is_a_new_file_and_an_earlier_one_is_kept() {
        let dir = std::env::temp_dir().join(format!("forkyard-export-key-{}", std::process::id()));
        let recording = Recording::new();
        let a = write_in(&dir, "02-daemon", Format::Transcript, &recording).unwrap();
        let b = write_in(&dir, "02-daemon", Format::Transcript, &recording).unwrap();
        assert_ne!(a, b);
        assert!(a.exists() && b.exists());
        assert_eq!(a.extension().unwrap(), "txt");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
