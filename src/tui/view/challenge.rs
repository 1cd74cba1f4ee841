//! The challenge popup (`C`): what to make happen, the knobs it is graded with (set when it
//! opened), the hint, and whether the learner has met it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{help, words, wrap};
use crate::lesson::Lang;
use crate::tui::app::App;

/// The popup's rows for a popup `width` cells wide inside its border.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let lang = app.lang;
    let mut out: Vec<Line<'static>> = Vec::new();
    let w = width.saturating_sub(1).max(8);
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        for part in wrap::wrap(text, w) {
            out.push(Line::from(Span::styled(format!(" {part}"), style)));
        }
    };
    let (Some(c), Some(lesson)) = (crate::tui::challenge::of(app), app.lesson()) else {
        return out;
    };
    para(&mut out, c.text.get(lang).trim(), Style::default());
    if !c.set.is_empty() {
        let knobs: Vec<String> = c.set.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let said = match lang {
            Lang::En => format!("Graded with {} (set now).", knobs.join(", ")),
            Lang::Zh => format!("在 {} 下评判（已设置）。", knobs.join("、")),
        };
        para(&mut out, &said, t.dim());
    }
    out.push(Line::default());
    let hint = match lang {
        Lang::En => format!("Hint: {}", c.hint.get(lang).trim()),
        Lang::Zh => format!("提示：{}", c.hint.get(lang).trim()),
    };
    para(&mut out, &hint, t.dim());
    out.push(Line::default());
    let met = app.progress.challenges.contains(&lesson.id);
    let state = match (met, lang) {
        (true, Lang::En) => "★ met. Every run with these knobs is graded again.",
        (true, Lang::Zh) => "★ 已完成。用这些旋钮的每次运行都会再次评判。",
        (false, Lang::En) => {
            "Not met yet: s holds a run, r runs it; each run is graded at its end."
        }
        (false, Lang::Zh) => "尚未完成：按 s 接管运行，按 r 运行；每次运行结束时都会评判。",
    };
    para(&mut out, state, t.bold());
    out
}

/// Draws the popup over the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let inner_w = help::rect(area, 0).width.saturating_sub(2) as usize;
    let all = lines(app, inner_w);
    let rect = help::rect(area, all.len());
    let shown = rect.height.saturating_sub(2) as usize;
    for y in rect.y..rect.y + rect.height {
        if rect.x > 0 && wrap::width(buf[(rect.x - 1, y)].symbol()) > 1 {
            buf[(rect.x - 1, y)].set_symbol(" ");
        }
    }
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(t.border_set())
        .border_style(t.border(true))
        .title(words(app.lang, " Challenge ", " 挑战 "))
        .title_bottom(
            Line::from(Span::styled(
                words(app.lang, " Esc closes ", " Esc 关闭 "),
                Style::default(),
            ))
            .right_aligned(),
        );
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (row, line) in all.into_iter().take(shown).enumerate() {
        line.render(
            Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            buf,
        );
    }
}
