//! The "What happens" pane: the lesson's words in the chosen language (summary, what, what to
//! watch, why), the notices that apply to the current knob settings, and the note's claims with
//! the truth. Wrapped by display width, so Chinese lines fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{pane, words, wrap};
use crate::tui::app::{App, Focus};

/// Draws the text pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let title = words(app.lang, " What happens ", " 发生了什么 ");
    let block = pane(app, title, Focus::Text);
    let inner = block.inner(area);
    block.render(area, buf);
    for (row, line) in lines(app, inner.width)
        .into_iter()
        .skip(app.scroll.text)
        .take(inner.height as usize)
        .enumerate()
    {
        line.render(
            Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            buf,
        );
    }
}

/// How many lines the pane's text takes at `width`.
pub fn line_count(app: &App, width: u16) -> usize {
    lines(app, width).len()
}

/// The pane's text, wrapped to `width` cells.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = app.theme;
    let width = width as usize;
    let lang = app.lang;
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        for l in wrap::wrap(text, width) {
            out.push(Line::from(Span::styled(l, style)));
        }
    };
    let Some(lesson) = app.lesson() else {
        let msg = words(
            lang,
            "This lesson could not be loaded: its problems are in the code pane. The other lessons still work.",
            "这一课加载失败：问题列在代码窗格里。其他课程仍然可以用。",
        );
        para(&mut out, msg, t.fg(Color::Red));
        return out;
    };
    let heading = |out: &mut Vec<Line<'static>>, en: &'static str, zh: &'static str| {
        out.push(Line::default());
        out.push(Line::from(Span::styled(words(lang, en, zh), t.bold())));
    };
    para(&mut out, lesson.summary.get(lang), t.bold());
    out.push(Line::default());
    paragraphs(&mut out, &lesson.what.paragraphs(lang), width);
    heading(&mut out, "Watch", "看什么");
    paragraphs(&mut out, &lesson.watch.paragraphs(lang), width);
    let program = app
        .code
        .as_ref()
        .map(|c| c.program.file.clone())
        .unwrap_or_default();
    if let Some(settings) = app.current_settings() {
        // A notice about a lane's event is a claim about the run: with a run on screen it is
        // shown only once that run shows it (05's "Process-3 waits in acquire()" stays away from
        // a run that gave Process-3 a permit at once). Before any run, it says what to look for.
        let shown = |n: &&crate::lesson::Notice| match (&n.lane, &n.event) {
            (Some(lane), Some(event)) if !app.runs.is_empty() => {
                app.runs.iter().any(|r| r.saw(lane, event))
            }
            _ => true,
        };
        let notices: Vec<_> = lesson
            .notices
            .iter()
            .filter(|n| n.applies(lesson, &program, settings))
            .filter(shown)
            .collect();
        if !notices.is_empty() {
            heading(&mut out, "Notice", "留意");
            for n in notices {
                let bullet = if t.ascii { "* " } else { "• " };
                para(
                    &mut out,
                    &format!("{bullet}{}", n.text.get(lang)),
                    t.fg(Color::Yellow),
                );
            }
        }
    }
    heading(&mut out, "Why", "为什么");
    paragraphs(&mut out, &lesson.why.paragraphs(lang), width);
    for claim in &lesson.notes {
        heading(&mut out, "The note says", "笔记上说");
        para(&mut out, claim.says.get(lang), Style::default());
        heading(&mut out, "Really", "实际上");
        para(&mut out, claim.really.get(lang), t.fg(Color::Green));
    }
    out
}

/// Paragraphs with a blank line between them (list items stay together).
fn paragraphs(out: &mut Vec<Line<'static>>, paras: &[String], width: usize) {
    for (i, p) in paras.iter().enumerate() {
        if i > 0 && !p.starts_with("- ") {
            out.push(Line::default());
        }
        out.extend(wrap::wrap(p, width).into_iter().map(Line::from));
    }
}
