//! How the playground looks: colours and glyphs, with the two ways to turn them down (`NO_COLOR`,
//! `--ascii`). Every meaning carried by a colour is also carried by a glyph or a word, so a screen
//! without colour says the same thing.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// Colour on or off, Unicode or ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether to use colour (off under `NO_COLOR`).
    pub color: bool,
    /// Whether to draw with ASCII only (`--ascii`).
    pub ascii: bool,
}

/// What a lane's glyph and colour say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    /// Running Python code.
    Running,
    /// In `time.sleep`.
    Sleeping,
    /// Waiting on a process or an object.
    Blocked,
    /// Exited with code 0.
    Done,
    /// Exited with another code.
    Failed,
    /// Killed by a signal.
    Killed,
}

/// The colours processes get, in order of appearance.
const PROCESS_COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Yellow,
    Color::LightBlue,
    Color::LightGreen,
    Color::LightRed,
];

impl Theme {
    /// Colour and Unicode.
    pub const FULL: Theme = Theme {
        color: true,
        ascii: false,
    };

    /// `style` if colour is on, else plain (modifiers such as bold and reverse are kept).
    fn pick(self, style: Style) -> Style {
        if self.color {
            style
        } else {
            Style::default().add_modifier(style.add_modifier)
        }
    }

    /// A foreground colour.
    pub fn fg(self, color: Color) -> Style {
        self.pick(Style::default().fg(color))
    }

    /// Dimmed text (secondary facts, line numbers).
    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    /// Bold.
    pub fn bold(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list, or a focused border.
    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// A border: bright when the pane has focus.
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::default().add_modifier(Modifier::BOLD),
            (false, true) => Style::default().fg(Color::Gray),
            (false, false) => Style::default(),
        }
    }

    /// The box the panes are drawn with.
    pub fn border_set(self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    /// The colour of the `n`th process of a run.
    pub fn process(self, n: usize) -> Style {
        self.fg(PROCESS_COLORS[n % PROCESS_COLORS.len()])
    }

    /// A lane's state glyph.
    pub fn glyph(self, mood: Mood) -> &'static str {
        match (mood, self.ascii) {
            (Mood::Running, false) => "▶",
            (Mood::Running, true) => ">",
            (Mood::Sleeping, _) => "z",
            (Mood::Blocked, false) => "‖",
            (Mood::Blocked, true) => "=",
            (Mood::Done, false) => "✓",
            (Mood::Done, true) => "+",
            (Mood::Failed, _) => "!",
            (Mood::Killed, false) => "✗",
            (Mood::Killed, true) => "x",
        }
    }

    /// The colour that goes with a mood.
    pub fn mood(self, mood: Mood) -> Style {
        self.fg(match mood {
            Mood::Running => Color::Green,
            Mood::Sleeping => Color::Blue,
            Mood::Blocked => Color::Yellow,
            Mood::Done => Color::Green,
            Mood::Failed => Color::Red,
            Mood::Killed => Color::Red,
        })
    }

    /// The bar cell for a stretch of lane time in this mood.
    pub fn bar(self, mood: Mood) -> &'static str {
        match (mood, self.ascii) {
            (Mood::Running, false) => "█",
            (Mood::Running, true) => "#",
            (Mood::Sleeping, false) => "░",
            (Mood::Sleeping, true) => ".",
            (Mood::Blocked, false) => "─",
            (Mood::Blocked, true) => "-",
            _ => " ",
        }
    }

    /// The mark drawn on a lane where its process printed.
    pub fn mark(self) -> &'static str {
        if self.ascii { "|" } else { "┃" }
    }

    /// The mark drawn on a lane where its process acted on an object (acquired, put, got...).
    pub fn op_mark(self) -> &'static str {
        if self.ascii { "*" } else { "◆" }
    }

    /// The marker of the selected lesson and of a process's line in the code pane.
    pub fn pointer(self) -> &'static str {
        if self.ascii { ">" } else { "▶" }
    }

    /// The marker of a completed lesson.
    pub fn check(self) -> &'static str {
        if self.ascii { "+" } else { "✓" }
    }

    /// The marker of a visited lesson.
    pub fn visited(self) -> &'static str {
        if self.ascii { "." } else { "·" }
    }

    /// The marker of a line a knob changed.
    pub fn changed(self) -> &'static str {
        if self.ascii { "*" } else { "●" }
    }

    /// The separator in the header.
    pub fn dot(self) -> &'static str {
        if self.ascii { "-" } else { "·" }
    }

    /// "×" in "speed 4×".
    pub fn times(self) -> &'static str {
        if self.ascii { "x" } else { "×" }
    }
}
