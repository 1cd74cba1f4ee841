//! The `?` help: every key of the main screen from the keymap table, then the open lesson's knob
//! keys with their values, in the learner's language. Long sentences wrap under their key; when
//! the help is taller than the screen it scrolls (↑/↓), and the way out (`Esc closes this help`)
//! sits on its bottom border, so it never scrolls away.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{overlay, words, wrap};
use crate::tui::app::App;
use crate::tui::keymap::{Context, bindings};

/// The width of the key column.
const KEY_W: usize = 13;

/// The help's rows for a popup `width` cells wide inside its border.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let lang = app.lang;
    let mut out: Vec<Line<'static>> = Vec::new();
    let text_w = width.saturating_sub(KEY_W).max(8);
    let entry = |out: &mut Vec<Line<'static>>, key: String, text: &str| {
        for (i, part) in wrap::wrap(text, text_w).into_iter().enumerate() {
            let key = if i == 0 {
                wrap::pad(&format!(" {key}"), KEY_W)
            } else {
                " ".repeat(KEY_W)
            };
            out.push(Line::from(vec![
                Span::styled(key, t.bold()),
                Span::raw(part),
            ]));
        }
    };
    for b in bindings(Context::Main).filter(|b| !b.help.is_empty()) {
        entry(&mut out, b.shown.to_string(), b.help_in(lang));
    }
    if let (Some(lesson), Some(settings)) = (app.lesson(), app.current_settings())
        && !lesson.knobs.is_empty()
    {
        out.push(Line::default());
        let head = words(
            lang,
            "This lesson's knobs (change the code, then rerun):",
            "本课的开关（改代码，然后重新运行）：",
        );
        for part in wrap::wrap(head, width.saturating_sub(1)) {
            out.push(Line::from(Span::styled(format!(" {part}"), t.bold())));
        }
        for k in &lesson.knobs {
            let value = settings.get(&k.name).unwrap_or(&k.default);
            // A knob that edits no line changes how the program runs (03's output: into a pipe).
            let place = match (lang, k.files().is_empty()) {
                (crate::lesson::Lang::En, true) => "how the program runs".to_string(),
                (crate::lesson::Lang::En, false) => format!("in {}", k.files().join(", ")),
                (crate::lesson::Lang::Zh, true) => "改的是程序的运行方式".to_string(),
                (crate::lesson::Lang::Zh, false) => format!("在 {}", k.files().join("、")),
            };
            let text = match lang {
                crate::lesson::Lang::En => format!(
                    "{} ({}): now {value}, options {}; {place}",
                    k.label.get(lang),
                    k.name,
                    k.options.join("|"),
                ),
                crate::lesson::Lang::Zh => format!(
                    "{}（{}）：现在 {value}，可选 {}；{place}",
                    k.label.get(lang),
                    k.name,
                    k.options.join("|"),
                ),
            };
            entry(&mut out, k.key.to_string(), &text);
        }
    }
    out.push(Line::default());
    let mouse = words(
        lang,
        "Mouse: the wheel scrolls the pane under it; a click picks a lesson, a lane or a program tab.",
        "鼠标：滚轮滚动它下面的窗格；点击选中一课、一条时间线或一个程序标签。",
    );
    for part in wrap::wrap(mouse, width.saturating_sub(1)) {
        out.push(Line::from(format!(" {part}")));
    }
    let bar = words(
        lang,
        "When the bottom bar is too narrow for every key, it ends in `? more`: they are all here.",
        "底栏放不下所有按键时，末尾显示 `? 更多`：它们都在这里。",
    );
    for part in wrap::wrap(bar, width.saturating_sub(1)) {
        out.push(Line::from(Span::styled(format!(" {part}"), t.dim())));
    }
    out
}

/// How far the help can scroll at this screen size.
pub fn max_scroll(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let rows = lines(app, overlay::inner_width(area)).len();
    rows.saturating_sub(overlay::shown(area, rows))
}

/// Draws the help over the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let all = lines(app, overlay::inner_width(area));
    let shown = overlay::shown(area, all.len());
    let mut close = words(app.lang, " Esc closes this help ", " Esc 关闭帮助 ").to_string();
    if all.len() > shown {
        let more = match (t.ascii, app.lang) {
            (true, crate::lesson::Lang::En) => "up/down scroll",
            (true, crate::lesson::Lang::Zh) => "up/down 滚动",
            (false, lang) => words(lang, "↑/↓ scroll", "↑/↓ 滚动"),
        };
        close = format!("{close}· {more} ");
    }
    let title = words(app.lang, " Help: keys ", " 帮助：按键 ");
    let top = app.scroll.help;
    overlay::render(app, area, buf, title, &close, all, |shown, rows| {
        top.min(rows.saturating_sub(shown))
    });
}
