//! Knob settings (`--set daemon=on`, a key press) and the program they produce: the lesson's file
//! with each knob's lines edited, plus which lines the knobs control, for the code pane.

use std::fmt;
use std::path::PathBuf;

use indexmap::IndexMap;

use super::model::{Knob, KnobKind, Lesson};
use crate::trace::StdoutMode;

/// A value for every knob of one lesson. Made by [`Lesson::default_settings`] or
/// [`Lesson::settings_from`]; always valid for that lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnobSettings {
    lesson: String,
    values: IndexMap<String, String>,
}

/// A knob setting that does not fit the lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KnobError {
    /// `--set x=1` where the lesson has no knob `x`.
    UnknownKnob {
        /// The lesson's id.
        lesson: String,
        /// The name given.
        name: String,
        /// The lesson's knobs.
        knobs: Vec<String>,
    },
    /// `--set daemon=maybe`.
    BadValue {
        /// The knob.
        knob: String,
        /// The value given.
        value: String,
        /// What it takes: `on|off`, `1|2|3`.
        takes: String,
    },
    /// `--set daemon` (no `=`).
    Malformed {
        /// The text given.
        arg: String,
        /// An example of the right form for this lesson.
        example: String,
    },
    /// Settings made for another lesson.
    OtherLesson {
        /// The lesson they were made for.
        made_for: String,
        /// The lesson they were used with.
        used_with: String,
    },
    /// A program name that is not one of the lesson's.
    UnknownProgram {
        /// The lesson's id.
        lesson: String,
        /// The name given.
        file: String,
        /// The lesson's programs.
        programs: Vec<String>,
    },
}

impl fmt::Display for KnobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KnobError::UnknownKnob {
                lesson,
                name,
                knobs,
            } if knobs.is_empty() => {
                write!(f, "unknown knob `{name}`: {lesson} has no knobs")
            }
            KnobError::UnknownKnob {
                lesson,
                name,
                knobs,
            } => write!(
                f,
                "unknown knob `{name}` for {lesson} (knobs: {})",
                knobs.join(", ")
            ),
            KnobError::BadValue { knob, value, takes } => {
                write!(f, "knob {knob} takes {takes}, not `{value}`")
            }
            KnobError::Malformed { arg, example } => {
                write!(f, "`{arg}` is not knob=value (for example `{example}`)")
            }
            KnobError::OtherLesson {
                made_for,
                used_with,
            } => write!(f, "these knob settings are for {made_for}, not {used_with}"),
            KnobError::UnknownProgram {
                lesson,
                file,
                programs,
            } => write!(
                f,
                "{lesson} has no program `{file}` (programs: {})",
                programs.join(", ")
            ),
        }
    }
}

impl std::error::Error for KnobError {}

impl KnobSettings {
    /// The value of `knob`, if the lesson has it.
    pub fn get(&self, knob: &str) -> Option<&str> {
        self.values.get(knob).map(String::as_str)
    }

    /// Every knob and its value, in the lesson's knob order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The id of the lesson these settings belong to.
    pub fn lesson(&self) -> &str {
        &self.lesson
    }

    /// Set `knob` to `value` (a toggle also takes true/false, yes/no, 1/0).
    pub fn set(&mut self, knob: &Knob, value: &str) -> Result<(), KnobError> {
        let Some(slot) = self.values.get_mut(&knob.name) else {
            return Err(KnobError::UnknownKnob {
                lesson: self.lesson.clone(),
                name: knob.name.clone(),
                knobs: self.values.keys().cloned().collect(),
            });
        };
        *slot = normalize(knob, value)?;
        Ok(())
    }

    /// Move `knob` to its next option, wrapping around (what its key does); returns the new value.
    pub fn cycle(&mut self, knob: &Knob) -> Option<&str> {
        let slot = self.values.get_mut(&knob.name)?;
        *slot = knob.next_option(slot).to_string();
        Some(slot.as_str())
    }

    /// The settings that differ from the defaults of `lesson`, as `name=value` strings.
    pub fn changes(&self, lesson: &Lesson) -> Vec<String> {
        lesson
            .knobs
            .iter()
            .filter_map(|k| {
                let v = self.get(&k.name)?;
                (v != k.default).then(|| format!("{}={v}", k.name))
            })
            .collect()
    }
}

impl fmt::Display for KnobSettings {
    /// `daemon=on, join=timeout` (every knob).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.iter().map(|(k, v)| format!("{k}={v}")).collect();
        f.write_str(&parts.join(", "))
    }
}

fn normalize(knob: &Knob, value: &str) -> Result<String, KnobError> {
    let value = value.trim();
    if knob.options.iter().any(|o| o == value) {
        return Ok(value.to_string());
    }
    if knob.kind == KnobKind::Toggle {
        match value.to_ascii_lowercase().as_str() {
            "on" | "true" | "yes" | "1" => return Ok("on".into()),
            "off" | "false" | "no" | "0" => return Ok("off".into()),
            _ => {}
        }
    }
    Err(KnobError::BadValue {
        knob: knob.name.clone(),
        value: value.to_string(),
        takes: knob.options_hint(),
    })
}

/// A program as it will run: the file with the knobs' edits applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// File name (`main.py`), as tracebacks should name it.
    pub file: String,
    /// Where the file is, for messages (a built-in lesson's path is its path in the source tree).
    pub path: PathBuf,
    /// The source to run; the code pane shows exactly this.
    pub source: String,
    /// Every line a knob controls, in line order, whether or not its current value changed it.
    pub knob_lines: Vec<KnobLine>,
    /// How a knob asks the run to buffer stdout (`output=pipe`: as into a pipe); None: the run's
    /// own mode. `forkyard run --stdout` given on the command line wins over it.
    pub stdout: Option<StdoutMode>,
}

/// A line of a program that a knob controls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnobLine {
    /// 1-based line number.
    pub line: usize,
    /// The knob's name.
    pub knob: String,
    /// The knob's key.
    pub key: char,
    /// The knob's current value.
    pub value: String,
    /// Whether the line differs from the file on disk (the knob is not at its default here).
    pub changed: bool,
}

impl Program {
    /// The 1-based numbers of the lines that differ from the file on disk.
    pub fn changed_lines(&self) -> Vec<usize> {
        self.knob_lines
            .iter()
            .filter(|l| l.changed)
            .map(|l| l.line)
            .collect()
    }
}

impl Lesson {
    /// Every knob at its default: the programs exactly as on disk.
    pub fn default_settings(&self) -> KnobSettings {
        KnobSettings {
            lesson: self.id.clone(),
            values: self
                .knobs
                .iter()
                .map(|k| (k.name.clone(), k.default.clone()))
                .collect(),
        }
    }

    /// Settings from `--set` arguments (`daemon=on`), the rest at their defaults.
    pub fn settings_from<S: AsRef<str>>(&self, args: &[S]) -> Result<KnobSettings, KnobError> {
        let mut settings = self.default_settings();
        for arg in args {
            let arg = arg.as_ref();
            let Some((name, value)) = arg.split_once('=') else {
                let example = match self.knobs.first() {
                    Some(k) => format!("{}={}", k.name, k.next_option(&k.default)),
                    None => "name=value".into(),
                };
                return Err(KnobError::Malformed {
                    arg: arg.to_string(),
                    example,
                });
            };
            let name = name.trim();
            let knob = self.knob(name).ok_or_else(|| KnobError::UnknownKnob {
                lesson: self.id.clone(),
                name: name.to_string(),
                knobs: self.knobs.iter().map(|k| k.name.clone()).collect(),
            })?;
            settings.set(knob, value)?;
        }
        Ok(settings)
    }

    /// The lesson's first program as it runs with `settings`.
    pub fn program_with(&self, settings: &KnobSettings) -> Result<Program, KnobError> {
        let first = self.programs.first().map(|p| p.file.as_str()).unwrap_or("");
        self.program_named(first, settings)
    }

    /// The program `file` as it runs with `settings`.
    pub fn program_named(&self, file: &str, settings: &KnobSettings) -> Result<Program, KnobError> {
        if settings.lesson != self.id {
            return Err(KnobError::OtherLesson {
                made_for: settings.lesson.clone(),
                used_with: self.id.clone(),
            });
        }
        let pf = self
            .program_file(file)
            .ok_or_else(|| KnobError::UnknownProgram {
                lesson: self.id.clone(),
                file: file.to_string(),
                programs: self.programs.iter().map(|p| p.file.clone()).collect(),
            })?;
        let mut lines: Vec<String> = pf
            .source
            .split_inclusive('\n')
            .map(str::to_string)
            .collect();
        let mut knob_lines = Vec::new();
        let mut stdout = None;
        for knob in &self.knobs {
            let value = settings.get(&knob.name).unwrap_or(&knob.default);
            stdout = stdout.or(knob.stdout_for(value));
            for edit in knob.edits.iter().filter(|e| e.file == file) {
                let text = edit.text_for(value);
                let changed = text != edit.find;
                if changed && let Some(line) = lines.get_mut(edit.line - 1) {
                    *line = line.replacen(&edit.find, &text, 1);
                }
                knob_lines.push(KnobLine {
                    line: edit.line,
                    knob: knob.name.clone(),
                    key: knob.key,
                    value: value.to_string(),
                    changed,
                });
            }
        }
        knob_lines.sort_by_key(|l| l.line);
        Ok(Program {
            file: file.to_string(),
            path: self.dir.join(file),
            source: lines.concat(),
            knob_lines,
            stdout,
        })
    }

    /// Every program as it runs with `settings`, in the lesson's order.
    pub fn programs_with(&self, settings: &KnobSettings) -> Result<Vec<Program>, KnobError> {
        self.programs
            .iter()
            .map(|p| self.program_named(&p.file, settings))
            .collect()
    }
}
