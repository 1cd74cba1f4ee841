//! `forkyard check`: every load problem of every lesson, plus every program parsed by forkyard's
//! Python front end with its knobs at their defaults and at each other setting.

use std::collections::HashSet;

use super::diagnostic::{Diagnostic, LessonError};
use super::model::Lesson;

/// A Python front end: `Ok` when `source` (named `file` in messages) is a program forkyard can run.
pub type PythonCheck<'a> = &'a dyn Fn(&str, &str) -> Result<(), String>;

/// Settings combinations tried per program before falling back to one knob at a time.
const MAX_COMBINATIONS: usize = 64;

/// Every problem in `lessons` (as [`super::catalog`] returns them): load errors, and programs that
/// forkyard's Python front end rejects under some knob setting. Empty means all is well.
pub fn check(lessons: &[Result<Lesson, LessonError>]) -> Vec<Diagnostic> {
    check_with(lessons, &python_check)
}

/// [`check`] with a given Python front end (tests pass a stand-in).
pub fn check_with(lessons: &[Result<Lesson, LessonError>], python: PythonCheck) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for entry in lessons {
        match entry {
            Err(e) => out.extend(e.diagnostics.iter().cloned()),
            Ok(lesson) => out.extend(check_programs(lesson, python)),
        }
    }
    out
}

/// forkyard's own parser. A panic in it is reported as a problem of that program, not a crash of
/// `check`, so one bad program never hides the others.
fn python_check(source: &str, file: &str) -> Result<(), String> {
    std::panic::catch_unwind(|| crate::python::check_program(source, file)).unwrap_or_else(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        Err(format!("forkyard's Python checker failed: {what}"))
    })
}

/// Parse each program of `lesson` under every knob combination (or, if there are too many, the
/// defaults and each single change), each distinct source once.
pub fn check_programs(lesson: &Lesson, python: PythonCheck) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for pf in &lesson.programs {
        let knobs: Vec<_> = lesson.knobs_for(&pf.file).collect();
        let mut seen = HashSet::new();
        // One report per distinct error: the first settings that show it are the simplest.
        let mut reported = HashSet::new();
        for sets in settings_to_try(&knobs) {
            let Ok(settings) = lesson.settings_from(&sets) else {
                continue;
            };
            let Ok(program) = lesson.program_named(&pf.file, &settings) else {
                continue;
            };
            if !seen.insert(program.source.clone()) {
                continue;
            }
            let Err(message) = python(&program.source, &program.path.display().to_string()) else {
                continue;
            };
            if reported.insert(message.clone()) {
                let with = if sets.is_empty() {
                    "as it is on disk".to_string()
                } else {
                    format!("with {}", sets.join(", "))
                };
                out.push(Diagnostic {
                    path: program.path.clone(),
                    pos: error_pos(&message),
                    message: format!(
                        "forkyard cannot run this program {with}:\n{}",
                        message.trim_end()
                    ),
                });
            }
        }
    }
    out
}

/// `--set` lists to try: all combinations when few, else the defaults and each single change.
fn settings_to_try(knobs: &[&super::model::Knob]) -> Vec<Vec<String>> {
    let total: usize = knobs.iter().map(|k| k.options.len()).product();
    if total <= MAX_COMBINATIONS {
        let mut combos: Vec<Vec<String>> = vec![Vec::new()];
        for knob in knobs {
            combos = combos
                .into_iter()
                .flat_map(|c| {
                    knob.options.iter().map(move |o| {
                        let mut c = c.clone();
                        if *o != knob.default {
                            c.push(format!("{}={o}", knob.name));
                        }
                        c
                    })
                })
                .collect();
        }
        combos
    } else {
        let mut out = vec![Vec::new()];
        for knob in knobs {
            for o in knob.options.iter().filter(|o| **o != knob.default) {
                out.push(vec![format!("{}={o}", knob.name)]);
            }
        }
        out
    }
}

/// Where a parser message points: `main.py:12:5` if it says so, else `File "main.py", line 12`
/// (column 1).
fn error_pos(message: &str) -> Option<(usize, usize)> {
    let number = |s: &str| -> Option<usize> {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    if let Some((_, rest)) = message.rsplit_once(".py:")
        && let (Some(line), Some((_, col))) = (number(rest), rest.split_once(':'))
        && let Some(col) = number(col)
    {
        return Some((line, col));
    }
    let i = message.find(", line ")?;
    number(&message[i + 7..]).map(|line| (line, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_positions() {
        assert_eq!(
            error_pos("  File \"main.py\", line 12\n    x = (\n        ^\nSyntaxError: ..."),
            Some((12, 1))
        );
        assert_eq!(
            error_pos(
                "  File \"l/main.py\", line 2\n    yield 1\n    ^\nNotSupported: generators (l/main.py:2:5)"
            ),
            Some((2, 5))
        );
        assert_eq!(error_pos("something"), None);
    }
}
