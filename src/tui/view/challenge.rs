//! The challenge popup (`C`): what to make happen, the knobs it is graded with (set when it
//! opened), the hint, and whether the learner has met it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::{overlay, words};
use crate::lesson::Lang;
use crate::tui::app::App;

/// The popup's rows for a popup `width` cells wide inside its border.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let lang = app.lang;
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        overlay::para(out, text, width, style);
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
    let all = lines(app, overlay::inner_width(area));
    let title = words(app.lang, " Challenge ", " 挑战 ");
    let bottom = words(app.lang, " Esc closes ", " Esc 关闭 ");
    overlay::render(app, area, buf, title, bottom, all, overlay::from_top);
}
