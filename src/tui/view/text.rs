//! The "What happens" pane: the lesson's words in the chosen language (summary, what, what to
//! watch, why), the notices that apply to the current knob settings, the note's claims with the
//! truth, the lesson's cards once it has run (pitfalls make sense after the learner has seen the
//! run), and its recap and what the next lesson adds. Wrapped by display width, so Chinese lines
//! fit.

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
    // The learner's own file: its docstring and what to look for, no lesson words.
    if app.own.file.is_some() {
        paragraphs(&mut out, &crate::tui::own::about(app), width);
        return out;
    }
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
    if has_run(app, &lesson.id) {
        for card in &lesson.cards {
            out.push(Line::default());
            para(&mut out, card.title.get(lang), t.bold().fg(Color::Cyan));
            paragraphs(&mut out, &card.text.paragraphs(lang), width);
        }
    }
    if let Some(recap) = &lesson.recap {
        heading(&mut out, "In one line", "一句话");
        para(&mut out, recap.get(lang), Style::default());
    }
    if let Some(next) = &lesson.next {
        out.push(Line::default());
        para(&mut out, next.get(lang), t.fg(Color::Cyan));
    }
    out
}

/// Whether the open lesson has run at least once: a run of it has ended here (by itself or
/// stopped), or it ran to its end in an earlier session.
fn has_run(app: &App, id: &str) -> bool {
    app.progress.completed.contains(id) || app.runs.iter().any(|r| r.run.end.is_some())
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::lines;
    use crate::lesson::{Lang, catalog_in};
    use crate::tui::app::App;
    use crate::tui::progress::Progress;
    use crate::tui::theme::Theme;

    /// A playground over the shipped lessons, open at `id`.
    fn app_at(id: &str, lang: Lang) -> App {
        let lessons = catalog_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"));
        let at = lessons
            .iter()
            .position(|l| l.as_ref().is_ok_and(|l| l.id == id))
            .unwrap();
        let mut app = App::new(lessons, Progress::default(), lang, Theme::FULL, (100, 30));
        app.selected = at;
        app
    }

    fn text(app: &App) -> String {
        lines(app, 200)
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn cards_come_after_the_first_run_the_recap_and_next_always() {
        let mut app = app_at("03-join", Lang::En);
        let before = text(&app);
        assert!(before.contains("In one line"), "{before}");
        assert!(before.contains("Next, 04 Lock"), "{before}");
        assert!(!before.contains("Pitfall: start() and join() in one loop"));
        app.progress.completed.insert("03-join".into());
        let after = text(&app);
        assert!(after.contains("Pitfall: start() and join() in one loop"));
        // The card sits between the note's claims and the recap.
        let card = after.find("Pitfall:").unwrap();
        assert!(after.find("Really").unwrap() < card);
        assert!(card < after.find("In one line").unwrap());
    }

    #[test]
    fn cards_and_recap_follow_the_language() {
        let mut app = app_at("07-queue", Lang::Zh);
        app.progress.completed.insert("07-queue".into());
        let zh = text(&app);
        assert!(zh.contains("一句话"), "{zh}");
        assert!(zh.contains("惯用写法：None 是“毒丸”"), "{zh}");
        assert!(zh.contains("下一课 08 Pipe"), "{zh}");
        assert!(!zh.contains("poison pill\n"), "{zh}");
    }
}
