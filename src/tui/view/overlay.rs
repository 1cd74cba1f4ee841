//! The popups drawn over the screen (help, challenge, schedule, prediction, stats, explore): one
//! bordered box, centred, as tall as its rows (up to the screen), with a title on top and the keys
//! that work in it at the bottom; and the one way their text is wrapped. Each popup only says what
//! its rows are and which of them show first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::wrap;
use crate::tui::app::App;

/// The popup's box for `rows` rows of text on the screen `area`: at most 90 cells wide, two
/// cells of screen left on each side, as tall as the rows and its border need (or the screen
/// allows).
pub fn rect(area: Rect, rows: usize) -> Rect {
    let w = area.width.saturating_sub(4).min(90);
    let h = (rows as u16 + 2).min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// How many cells wide a popup's rows are on the screen `area` (inside its border).
pub fn inner_width(area: Rect) -> usize {
    rect(area, 0).width.saturating_sub(2) as usize
}

/// How many of `rows` rows a popup on the screen `area` shows at once.
pub fn shown(area: Rect, rows: usize) -> usize {
    rect(area, rows).height.saturating_sub(2) as usize
}

/// Appends `text` wrapped to a popup `width` cells wide, each line one cell in from the border,
/// in `style`.
pub fn para(out: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    for part in wrap::wrap(text, width.saturating_sub(1).max(8)) {
        out.push(Line::from(Span::styled(format!(" {part}"), style)));
    }
}

/// Draws a popup over the screen: `rows` in a box titled `title` with `bottom` (the keys)
/// at its bottom right, from row `skip(shown, rows.len())` on, where `shown` is how many rows fit.
pub fn render(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    bottom: &str,
    rows: Vec<Line<'static>>,
    skip: impl FnOnce(usize, usize) -> usize,
) {
    let t = app.theme;
    let rect = rect(area, rows.len());
    let shown = rect.height.saturating_sub(2) as usize;
    // A wide character cut by the popup's left edge would leave half a cell behind, drawn over
    // its border: blank it.
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
        .title(wrap::cut(title, rect.width.saturating_sub(2) as usize))
        .title_bottom(
            Line::from(Span::styled(bottom.to_string(), Style::default())).right_aligned(),
        );
    let inner = block.inner(rect);
    block.render(rect, buf);
    let skip = skip(shown, rows.len());
    for (row, line) in rows.into_iter().skip(skip).take(shown).enumerate() {
        line.render(
            Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            buf,
        );
    }
}

/// The rows from the top.
pub fn from_top(_shown: usize, _rows: usize) -> usize {
    0
}
