//! The `?` help: every key of the main screen from the keymap table, then the open lesson's knob
//! keys with their values. Esc closes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::words;
use crate::tui::app::App;
use crate::tui::keymap::{Context, bindings};

/// Draws the help over the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mut lines: Vec<Line> = Vec::new();
    for b in bindings(Context::Main).filter(|b| !b.help.is_empty()) {
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<12}", b.shown), t.bold()),
            Span::raw(b.help),
        ]));
    }
    if let (Some(lesson), Some(settings)) = (app.lesson(), app.current_settings())
        && !lesson.knobs.is_empty()
    {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            words(
                app.lang,
                " This lesson's knobs (change the code, then rerun):",
                " 本课的开关（改代码，然后重新运行）：",
            ),
            t.bold(),
        )));
        for k in &lesson.knobs {
            let value = settings.get(&k.name).unwrap_or(&k.default);
            lines.push(Line::from(vec![
                Span::styled(format!(" {:<12}", k.key), t.bold()),
                Span::raw(format!(
                    "{} ({}): now {value}, options {}",
                    k.label.get(app.lang),
                    k.name,
                    k.options.join("|")
                )),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![Span::raw(
        " Mouse: the wheel scrolls the pane under it; a click picks a lesson or a lane. ",
    )]));
    lines.push(Line::from(Span::styled(" Esc closes this help.", t.dim())));
    let w = area.width.saturating_sub(4).min(90);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(t.border_set())
        .border_style(t.border(true))
        .title(words(app.lang, " Help: keys ", " 帮助：按键 "));
    Paragraph::new(lines).block(block).render(rect, buf);
}
