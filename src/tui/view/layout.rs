//! Where each pane goes for a terminal size. Pure, so `update` uses it too (page sizes, which pane
//! the mouse is over).

use ratatui::layout::Rect;

use crate::tui::app::Focus;

/// The smallest screen the playground draws on.
pub const MIN: (u16, u16) = (80, 24);

/// The panes' rectangles (borders included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The top line.
    pub header: Rect,
    /// The lesson list.
    pub lessons: Rect,
    /// The program.
    pub code: Rect,
    /// What happens.
    pub text: Rect,
    /// The lanes.
    pub timeline: Rect,
    /// The output.
    pub output: Rect,
    /// The bottom line.
    pub hints: Rect,
}

/// Whether the screen is big enough.
pub fn fits(size: (u16, u16)) -> bool {
    size.0 >= MIN.0 && size.1 >= MIN.1
}

/// The panes for a `width`×`height` screen (at least [`MIN`]).
pub fn areas(size: (u16, u16)) -> Areas {
    let (w, h) = (size.0.max(MIN.0), size.1.max(MIN.1));
    let avail = h - 2;
    let top = (avail * 45 / 100).max(9);
    let timeline = (avail - top) / 2;
    let output = avail - top - timeline;
    let list_w = if w >= 100 { 20 } else { 17 };
    let rest = w - list_w;
    // The program gets the larger share: its knob lines must stay readable at 80 columns.
    let code_w = rest * if w >= 100 { 55 } else { 60 } / 100;
    let text_w = rest - code_w;
    Areas {
        header: Rect::new(0, 0, w, 1),
        lessons: Rect::new(0, 1, list_w, top),
        code: Rect::new(list_w, 1, code_w, top),
        text: Rect::new(list_w + code_w, 1, text_w, top),
        timeline: Rect::new(0, 1 + top, w, timeline),
        output: Rect::new(0, 1 + top + timeline, w, output),
        hints: Rect::new(0, h - 1, w, 1),
    }
}

impl Areas {
    /// The pane of `focus`.
    pub fn of(&self, focus: Focus) -> Rect {
        match focus {
            Focus::Lessons => self.lessons,
            Focus::Code => self.code,
            Focus::Text => self.text,
            Focus::Timeline => self.timeline,
            Focus::Output => self.output,
        }
    }

    /// The pane at a screen cell.
    pub fn at(&self, col: u16, row: u16) -> Option<Focus> {
        Focus::ALL.into_iter().find(|f| {
            let r = self.of(*f);
            col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
        })
    }

    /// Lines of content a pane shows (inside its border).
    pub fn page(&self, focus: Focus) -> usize {
        usize::from(self.of(focus).height.saturating_sub(2)).max(1)
    }
}
