//! The one keymap table: it dispatches keys, draws the hint bar and fills the `?` help. A lesson's
//! knob keys are not in it (they change with the lesson); they are looked up on the lesson and shown
//! next to the table's entries.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Start the lesson's program (again).
    Run,
    /// Run the lesson's comparison: both settings side by side.
    Compare,
    /// Pause or resume the run.
    Pause,
    /// Faster lesson clock.
    Faster,
    /// Slower lesson clock.
    Slower,
    /// The next lesson.
    NextLesson,
    /// The previous lesson.
    PrevLesson,
    /// Up one line (in the lesson list: the previous lesson).
    Up,
    /// Down one line (in the lesson list: the next lesson).
    Down,
    /// Up one page.
    PageUp,
    /// Down one page.
    PageDown,
    /// To the top.
    Home,
    /// To the bottom (the output follows new lines again).
    End,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// English / 中文.
    Lang,
    /// Open the help.
    Help,
    /// Close the top overlay.
    Close,
    /// Leave the playground.
    Quit,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// On the main screen.
    Main,
    /// While the help is open.
    Help,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character (case matters: `L` is not `l`).
    Char(char),
    /// Ctrl + a character.
    Ctrl(char),
    /// Another key.
    Code(KeyCode),
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// How the hint bar and the help write the keys.
    pub shown: &'static str,
    /// What it does.
    pub action: Action,
    /// How the hint bar says it, key first (`r run`; empty: not in the hint bar).
    pub hint: &'static str,
    /// The help's sentence for it.
    pub help: &'static str,
    /// Where it applies.
    pub context: Context,
}

use Action as A;
use Context as C;
use Key::{Char, Code, Ctrl};

/// Every key of the playground.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[Char('r'), Code(KeyCode::Enter)],
        shown: "r/Enter",
        action: A::Run,
        hint: "r run",
        help: "run the program (again); a live run is stopped first",
        context: C::Main,
    },
    Binding {
        keys: &[Char('c')],
        shown: "c",
        action: A::Compare,
        hint: "c compare",
        help: "compare: both settings side by side on one time axis",
        context: C::Main,
    },
    Binding {
        keys: &[Char(' ')],
        shown: "space",
        action: A::Pause,
        hint: "space pause",
        help: "pause / resume: the lesson clock and the processes stop",
        context: C::Main,
    },
    Binding {
        keys: &[Char('+'), Char('=')],
        shown: "+/-",
        action: A::Faster,
        hint: "+/- speed",
        help: "faster / slower lesson clock, also during a run",
        context: C::Main,
    },
    Binding {
        keys: &[Char('-'), Char('_')],
        shown: "-",
        action: A::Slower,
        hint: "",
        help: "",
        context: C::Main,
    },
    Binding {
        keys: &[Char('n'), Code(KeyCode::Right), Char('l')],
        shown: "n/→/l p/←/h",
        action: A::NextLesson,
        hint: "",
        help: "next / previous lesson (leaving a lesson ends its run)",
        context: C::Main,
    },
    Binding {
        keys: &[Char('p'), Code(KeyCode::Left), Char('h')],
        shown: "p/←",
        action: A::PrevLesson,
        hint: "",
        help: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Up), Char('k')],
        shown: "↑/k ↓/j",
        action: A::Up,
        hint: "",
        help: "lesson list: previous / next lesson; else scroll",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Down), Char('j')],
        shown: "↓/j",
        action: A::Down,
        hint: "",
        help: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::PageUp)],
        shown: "PgUp/PgDn",
        action: A::PageUp,
        hint: "",
        help: "scroll the focused pane a page (the mouse wheel too)",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::PageDown)],
        shown: "PgDn",
        action: A::PageDown,
        hint: "",
        help: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Home)],
        shown: "Home/End",
        action: A::Home,
        hint: "",
        help: "top / bottom of the focused pane; End follows output",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::End)],
        shown: "End",
        action: A::End,
        hint: "",
        help: "",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Tab)],
        shown: "Tab",
        action: A::FocusNext,
        hint: "tab focus",
        help: "focus the next pane (Shift-Tab: the previous one)",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::BackTab)],
        shown: "S-Tab",
        action: A::FocusPrev,
        hint: "",
        help: "",
        context: C::Main,
    },
    Binding {
        keys: &[Char('L')],
        shown: "L",
        action: A::Lang,
        hint: "L en/中文",
        help: "the lesson's words in English / 中文",
        context: C::Main,
    },
    Binding {
        keys: &[Char('?')],
        shown: "?",
        action: A::Help,
        hint: "? help",
        help: "this help",
        context: C::Main,
    },
    Binding {
        keys: &[Char('q'), Ctrl('c')],
        shown: "q",
        action: A::Quit,
        hint: "q quit",
        help: "quit (also Ctrl-C); every run's processes end first",
        context: C::Main,
    },
    Binding {
        keys: &[Code(KeyCode::Esc), Char('?'), Char('q')],
        shown: "Esc",
        action: A::Close,
        hint: "esc close",
        help: "close the help",
        context: C::Help,
    },
    Binding {
        keys: &[Ctrl('c')],
        shown: "C-c",
        action: A::Quit,
        hint: "",
        help: "quit",
        context: C::Help,
    },
];

/// Whether the table's `key` is the pressed `event`.
fn matches(key: Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match (key, event.code) {
        (Char(c), KeyCode::Char(e)) => !ctrl && c == e,
        (Ctrl(c), KeyCode::Char(e)) => ctrl && c.eq_ignore_ascii_case(&e),
        (Code(c), e) => !ctrl && c == e,
        _ => false,
    }
}

/// The action of the pressed key in `context`, if the table has one.
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| matches(*k, event)))
        .map(|b| b.action)
}

/// The bindings of `context`, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}
