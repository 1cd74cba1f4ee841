//! What a loaded lesson is: plain data, already validated. Built by `load`, read by everyone else.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::trace::StdoutMode;

/// A language a lesson's words are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese (simplified).
    Zh,
}

impl Lang {
    /// The language a `LANG`/`LC_ALL` value asks for: `zh*` is Chinese, anything else English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The other language (what `L` switches to).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// The same words in English and Chinese. Both are always present and non-empty.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Text {
    /// The text in `lang`, as written in lesson.toml (single line breaks included).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// The text in `lang` as paragraphs to wrap: a blank line ends a paragraph, a line starting with
    /// `- ` starts a list item (kept with its `- `), and any other line break inside a paragraph is
    /// joined, with a space in English and with nothing between two Chinese characters.
    pub fn paragraphs(&self, lang: Lang) -> Vec<String> {
        reflow(self.get(lang))
    }
}

fn reflow(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(para) if !line.starts_with("- ") => {
                let last = para.chars().last().unwrap_or(' ');
                let next = line.chars().next().unwrap_or(' ');
                let tight = (is_wide(last) && is_wide(next))
                    || is_wide_punctuation(last)
                    || is_wide_punctuation(next);
                if !tight {
                    para.push(' ');
                }
                para.push_str(line);
            }
            _ => {
                out.extend(current.take());
                current = Some(line.to_string());
            }
        }
    }
    out.extend(current);
    out
}

/// Whether `c` is CJK or full-width punctuation (`。`, `，`, `（`), which takes no space around it.
fn is_wide_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// Whether `c` is a CJK character or full-width punctuation (joined to its neighbour without a space).
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

/// One lesson: `lessons/NN-name/lesson.toml` and its programs, loaded and validated.
#[derive(Clone, Debug)]
pub struct Lesson {
    /// The directory name, `NN-name` (`02-daemon`); stable, used by the CLI and tests.
    pub id: String,
    /// `NN` as a number (2).
    pub number: u32,
    /// The directory the lesson came from, as shown in messages (for a built-in lesson, the path it
    /// had in the source tree, `lessons/02-daemon`).
    pub dir: PathBuf,
    /// Where it was loaded from.
    pub origin: Origin,
    /// Short title for the lesson list ("daemon").
    pub title: Text,
    /// One line: what the lesson is about.
    pub summary: Text,
    /// What the API is.
    pub what: Text,
    /// What to watch for in this run.
    pub watch: Text,
    /// Why it happens (processes, signals, pipes).
    pub why: Text,
    /// Points the learner should notice in the timeline.
    pub notices: Vec<Notice>,
    /// The note's claims for this chapter and what is really true.
    pub notes: Vec<NoteClaim>,
    /// The programs, in the order lesson.toml lists them; the first is the one a run uses by default.
    pub programs: Vec<ProgramFile>,
    /// The knobs, in the order lesson.toml lists them.
    pub knobs: Vec<Knob>,
    /// One line: what the lesson showed (shown at the end of its text).
    pub recap: Option<Text>,
    /// One line: what the next lesson adds to this one (None for the last lesson).
    pub next: Option<Text>,
    /// Cards shown once the lesson has run: the pitfalls learners fall into, idioms, history.
    pub cards: Vec<Card>,
    /// `[[predict]]`: questions asked before a run and graded from it (`forkyard quiz`).
    pub predictions: Vec<super::predict::Prediction>,
    /// `[[challenge]]` (at most one): an outcome to make happen by holding and stepping a run.
    pub challenge: Option<super::challenge::Challenge>,
}

/// A card the text shows after the lesson's first run: a pitfall, an idiom, a piece of history.
/// It comes after the run because it makes sense only once the learner has seen the run.
#[derive(Clone, Debug)]
pub struct Card {
    /// Its heading (`Pitfall: += on a shared Value`).
    pub title: Text,
    /// Its words.
    pub text: Text,
}

/// Where a lesson was loaded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A directory on disk (`FORKYARD_LESSONS` or the source tree).
    Disk,
    /// The copy built into the binary.
    Embedded,
}

/// A program of a lesson as it is on disk (every knob at its default).
#[derive(Clone, Debug)]
pub struct ProgramFile {
    /// File name inside the lesson directory (`main.py`).
    pub file: String,
    /// What the program tab is called; defaults to the file name in both languages.
    pub label: Text,
    /// The file's text.
    pub source: String,
}

/// A point the learner should notice, tied to a lane, an event or a line where that helps.
#[derive(Clone, Debug)]
pub struct Notice {
    /// The words.
    pub text: Text,
    /// The lane (process name) it is about: `MainProcess`, `Process-1`, `ForkPoolWorker-2`.
    pub lane: Option<String>,
    /// The kind of trace event it is about (one of [`NOTICE_EVENTS`]).
    pub event: Option<String>,
    /// The program it is about (None: the lesson's first program).
    pub program: Option<String>,
    /// The 1-based line of `program` it points at, if it names one.
    pub line: Option<usize>,
    /// Knob settings under which it applies (all must hold); empty: always.
    pub when: Vec<(String, String)>,
}

impl Notice {
    /// Whether this notice applies to a run of `program` with `settings`.
    pub fn applies(&self, lesson: &Lesson, program: &str, settings: &super::KnobSettings) -> bool {
        let own = self
            .program
            .as_deref()
            .unwrap_or_else(|| lesson.programs[0].file.as_str());
        own == program
            && self
                .when
                .iter()
                .all(|(k, v)| settings.get(k) == Some(v.as_str()))
    }
}

/// "The note says / really": a claim of the note for this chapter, the truth, and the run that shows it.
#[derive(Clone, Debug)]
pub struct NoteClaim {
    /// What the note claims (in our words).
    pub says: Text,
    /// What CPython really does.
    pub really: Text,
    /// The program whose run shows it (None: the lesson's first program).
    pub program: Option<String>,
    /// The knob settings that show it (empty: the defaults).
    pub set: Vec<(String, String)>,
}

/// Whether a knob is an on/off switch or a choice among named values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnobKind {
    /// Options `off` and `on`.
    Toggle,
    /// Options listed in lesson.toml.
    Choice,
}

/// A named change to the program, bound to one key.
#[derive(Clone, Debug)]
pub struct Knob {
    /// The name used by `--set name=value` (`daemon`).
    pub name: String,
    /// The key that changes it in the playground (`d`).
    pub key: char,
    /// What the hint bar and the code pane call it.
    pub label: Text,
    /// Toggle or choice.
    pub kind: KnobKind,
    /// The values it can take, in order (`off`, `on` for a toggle).
    pub options: Vec<String>,
    /// The value the program on disk has.
    pub default: String,
    /// Whether this is the lesson's comparison (both sides run at once).
    pub compare: bool,
    /// Options with which the program (other knobs at their defaults) never ends by itself.
    pub endless: Vec<String>,
    /// The lines it changes (none for a knob that only changes how the program runs).
    pub edits: Vec<Edit>,
    /// How the run buffers stdout with each option listed (`run = { pipe = { stdout = "pipe" } }`):
    /// the same program, run as into a pipe, shows what a killed process never flushed. Options
    /// not listed leave the run's own mode (a terminal's, or `forkyard run --stdout`).
    pub stdout: BTreeMap<String, StdoutMode>,
}

impl Knob {
    /// The option after `value`, wrapping around (what a key press does).
    pub fn next_option(&self, value: &str) -> &str {
        let i = self.options.iter().position(|o| o == value).unwrap_or(0);
        &self.options[(i + 1) % self.options.len()]
    }

    /// The two settings a comparison of this knob runs side by side: both options of a two-option
    /// knob, otherwise the default and the option after it.
    pub fn compare_pair(&self) -> [String; 2] {
        if self.options.len() == 2 {
            [self.options[0].clone(), self.options[1].clone()]
        } else {
            [
                self.default.clone(),
                self.next_option(&self.default).to_string(),
            ]
        }
    }

    /// `on|off` or `1|2|3`: the accepted values, for messages.
    pub fn options_hint(&self) -> String {
        match self.kind {
            KnobKind::Toggle => "on|off".to_string(),
            KnobKind::Choice => self.options.join("|"),
        }
    }

    /// The stdout mode this knob asks the run for when it has `value` (None: the run's own).
    pub fn stdout_for(&self, value: &str) -> Option<StdoutMode> {
        self.stdout.get(value).copied()
    }

    /// Whether the knob belongs to a run of `file`: it edits that file, or it edits no line at all
    /// and only changes how the program runs (any program of the lesson).
    pub fn concerns(&self, file: &str) -> bool {
        self.edits.is_empty() || self.edits.iter().any(|e| e.file == file)
    }

    /// The program files this knob edits.
    pub fn files(&self) -> Vec<&str> {
        let mut files: Vec<&str> = self.edits.iter().map(|e| e.file.as_str()).collect();
        files.dedup();
        files
    }
}

/// One line a knob changes: in `file`, the text `find` (on line `line`) becomes the replacement.
#[derive(Clone, Debug)]
pub struct Edit {
    /// The program file.
    pub file: String,
    /// The 1-based line `find` is on.
    pub line: usize,
    /// The text to replace, exactly as it is in the file (the default's text).
    pub find: String,
    /// What it becomes.
    pub replace: Replacement,
}

/// How an edit's text depends on the knob's value.
#[derive(Clone, Debug)]
pub enum Replacement {
    /// One text per option; options not listed keep `find`.
    When(BTreeMap<String, String>),
    /// One text for every option, with `{value}` standing for the option (`Semaphore({value})`).
    Template(String),
}

impl Edit {
    /// The text this edit puts in place of `find` when the knob has `value`.
    pub fn text_for<'a>(&'a self, value: &str) -> std::borrow::Cow<'a, str> {
        match &self.replace {
            Replacement::When(map) => map.get(value).unwrap_or(&self.find).as_str().into(),
            Replacement::Template(t) => t.replace("{value}", value).into(),
        }
    }
}

/// Kinds of event a notice may name: the trace's record kinds and process states.
pub const NOTICE_EVENTS: &[&str] = &[
    "spawn", "output", "running", "sleeping", "blocked", "at_exit", "signal", "exit", "reaped",
    "object", "op",
];

/// Keys the playground keeps for itself, today's and those it is growing into (tui.md, "Keys as the
/// playground grows"); no knob may take one. `+`/`=` and `-`/`_` change the speed, `j`/`k` (and
/// `h`/`l`) move like the arrows; `x` stops a run and `o` shows the next program; `s` holds a run,
/// `.` steps the picked lane, a digit gives it that many steps, `g` lets it go; `e` edits the program and `R` returns an edited lesson to its own; `t`/`T`
/// send SIGTERM to the picked lane, `K` SIGKILL, `I` SIGINT, `z`/`Z` freeze it; `S` shows the run's schedule and `y`
/// writes it to a file; `P` turns predictions on or off, `%` runs stats and `X` explores. Reserving them now means adding
/// those keys never renames a knob. The playground's keymap must stay within this list.
pub const RESERVED_KEYS: &[char] = &[
    'r', 'c', 'q', 'n', 'p', 'L', '?', ' ', '+', '=', '-', '_', 'h', 'j', 'k', 'l', 'x', 'o', 's',
    '.', 'g', 'e', 't', 'T', 'K', 'I', 'z', 'Z', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
    'S', 'y', 'R', 'E', '[', ']', '{', '}', 'C', 'P', 'X', '%',
];

impl Lesson {
    /// The knob called `name`.
    pub fn knob(&self, name: &str) -> Option<&Knob> {
        self.knobs.iter().find(|k| k.name == name)
    }

    /// The knob bound to `key`.
    pub fn knob_by_key(&self, key: char) -> Option<&Knob> {
        self.knobs.iter().find(|k| k.key == key)
    }

    /// The program called `file`.
    pub fn program_file(&self, file: &str) -> Option<&ProgramFile> {
        self.programs.iter().find(|p| p.file == file)
    }

    /// The lesson's comparison: the knob marked `compare = true` and the two values to run.
    pub fn comparison(&self) -> Option<(&Knob, [String; 2])> {
        self.knobs
            .iter()
            .find(|k| k.compare)
            .map(|k| (k, k.compare_pair()))
    }

    /// The knobs of a run of `file`: those that edit it, and those that only change how a
    /// program runs ([`Knob::concerns`]).
    pub fn knobs_for(&self, file: &str) -> impl Iterator<Item = &Knob> {
        self.knobs.iter().filter(move |k| k.concerns(file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_join_lines_and_keep_items() {
        let t = Text {
            en: "One\ntwo.\n\n- a\n- b\ncontinued\n\nLast".into(),
            zh: "第一行\n第二行，`join()`\n说明。\n`done` 和\nProcess-1（按 d）\n完".into(),
        };
        assert_eq!(
            t.paragraphs(Lang::En),
            ["One two.", "- a", "- b continued", "Last"]
        );
        assert_eq!(
            t.paragraphs(Lang::Zh),
            ["第一行第二行，`join()` 说明。`done` 和 Process-1（按 d）完"]
        );
    }

    #[test]
    fn lang_from_locale() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Zh);
    }
}
