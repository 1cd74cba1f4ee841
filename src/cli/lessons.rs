//! The lesson side of the command line: `forkyard list`, `forkyard check`, the no-argument intro, and
//! turning `run`'s target (a lesson id, a lesson directory, or a Python file) into a program.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::say;

use crate::lesson::{self, Lang, Lesson, LessonError};
use crate::session::StdoutMode;

/// The language of the learner's locale (`LC_ALL`, else `LANG`).
pub(super) fn lang() -> Lang {
    let locale = std::env::var("LC_ALL")
        .or_else(|_| std::env::var("LANG"))
        .unwrap_or_default();
    Lang::from_locale(&locale)
}

/// `forkyard list`: every lesson with its title and summary; broken lessons as their diagnostics.
pub fn list() -> ExitCode {
    written(|out| {
        let broken = print_list(out, &lesson::catalog())?;
        Ok(if broken {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    })
}

/// Runs a command that prints to stdout; a write that fails (`>/dev/full`, a closed terminal) is
/// said on stderr and fails the command, instead of a panic or a silent exit 0.
fn written(command: impl FnOnce(&mut dyn Write) -> io::Result<ExitCode>) -> ExitCode {
    let mut out = io::stdout().lock();
    match command(&mut out).and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => code,
        Err(e) => {
            say::error(&format!("could not write to stdout: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Prints the lessons; says whether any failed to load.
fn print_list(out: &mut dyn Write, entries: &[Result<Lesson, LessonError>]) -> io::Result<bool> {
    let lang = lang();
    let mut broken = false;
    for entry in entries {
        match entry {
            Ok(l) => {
                writeln!(
                    out,
                    "  {:<14} {} — {}",
                    l.id,
                    l.title.get(lang),
                    l.summary.get(lang)
                )?;
                // A lesson with more than one program names them all: each can be run.
                if l.programs.len() > 1 {
                    let files: Vec<&str> = l.programs.iter().map(|p| p.file.as_str()).collect();
                    let head = match lang {
                        Lang::En => "programs:",
                        Lang::Zh => "程序：",
                    };
                    writeln!(
                        out,
                        "  {:<14} {head} {} (--program FILE)",
                        "",
                        files.join(", ")
                    )?;
                }
            }
            Err(e) => {
                broken = true;
                say::raw(&format!("{e}\n"));
            }
        }
    }
    Ok(broken)
}

/// `forkyard` with no arguments and no terminal (a pipe, a script): the lessons and how to run one.
pub fn intro() -> ExitCode {
    written(|out| {
        writeln!(
            out,
            "forkyard: learn Python's multiprocessing by watching real processes.\n"
        )?;
        let entries = lesson::catalog();
        print_list(out, &entries)?;
        let lessons: Vec<&Lesson> = entries.iter().flatten().collect();
        // The first lesson with a knob shows both commands.
        let Some(example) = lessons
            .iter()
            .find(|l| !l.knobs.is_empty())
            .or(lessons.first())
        else {
            writeln!(
                out,
                "No lessons found. Run your own file: forkyard run my_program.py"
            )?;
            return Ok(ExitCode::SUCCESS);
        };
        let id = &example.id;
        writeln!(out)?;
        writeln!(out, "Run one headless:    forkyard run {id} --speed 10")?;
        if let Some(k) = example.knobs.first() {
            writeln!(
                out,
                "Turn a knob:         forkyard run {id} --set {}={} --speed 10",
                k.name,
                k.next_option(&k.default)
            )?;
        }
        writeln!(out, "Run your own file:   forkyard run my_program.py")?;
        writeln!(out, "See every event:     forkyard run {id} --format jsonl")?;
        Ok(ExitCode::SUCCESS)
    })
}

/// `forkyard check [lesson...]`: validates every lesson (or those named, by id or directory);
/// prints each problem as `path:line:col: sentence`; exit 1 if there is any.
pub fn check(names: &[String]) -> ExitCode {
    let mut lookup_failed = false;
    let entries: Vec<Result<Lesson, LessonError>> = if names.is_empty() {
        lesson::catalog()
    } else {
        names
            .iter()
            .filter_map(|name| {
                let dir = Path::new(name);
                if dir.is_dir() {
                    return Some(lesson::load_dir(dir));
                }
                match lesson::find(name) {
                    Ok(l) => Some(Ok(l)),
                    Err(e) => {
                        say::error(&e.to_string());
                        lookup_failed = true;
                        None
                    }
                }
            })
            .collect()
    };
    let problems = lesson::check(&entries);
    written(|out| {
        for p in &problems {
            writeln!(out, "{p}")?;
        }
        if problems.is_empty() && !lookup_failed {
            writeln!(out, "{} lessons checked: all good", entries.len())?;
            return Ok(ExitCode::SUCCESS);
        }
        if !problems.is_empty() {
            let n = problems.len();
            say::error(&format!(
                "{n} problem{} found",
                if n == 1 { "" } else { "s" }
            ));
        }
        Ok(ExitCode::FAILURE)
    })
}

/// The program `forkyard run` runs: a Python file (no knobs), a lesson directory, or a lesson id
/// (`02-daemon`, `02`, `daemon`), with `--set` knob values applied. Of a lesson with more than one
/// program, `program` picks one (`--program subclass.py`); without it, the program the `--set`
/// knobs edit (01's `--set terminate=off` runs subclass.py), else the first. Returns (source, file
/// name, the stdout mode the knobs ask for: 03's `--set output=pipe`).
pub fn program_for(
    target: &str,
    set: &[String],
    program: Option<&str>,
) -> Result<(String, String, Option<StdoutMode>), String> {
    let path = Path::new(target);
    if path.is_file() {
        if !set.is_empty() {
            return Err(format!(
                "--set changes a lesson's knobs; {target} is a plain file and has none"
            ));
        }
        if program.is_some() {
            return Err(format!(
                "--program picks one of a lesson's programs; {target} is a plain file: run it without --program"
            ));
        }
        let source =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {target}: {e}"))?;
        let name = path
            .file_name()
            .map_or_else(|| target.to_string(), |n| n.to_string_lossy().into_owned());
        return Ok((source, name, None));
    }
    if target.ends_with(".py") {
        return Err(format!("no Python file {target}"));
    }
    let lesson = if path.is_dir() {
        lesson::load_dir(path).map_err(|e| e.to_string())?
    } else {
        lesson::find(target).map_err(|e| e.to_string())?
    };
    let settings = lesson.settings_from(set).map_err(|e| e.to_string())?;
    let file = pick_program(&lesson, set, program)?;
    let program = lesson
        .program_named(&file, &settings)
        .map_err(|e| e.to_string())?;
    Ok((program.source, program.file, program.stdout))
}

/// Which of `lesson`'s programs a run with knob settings `set` (`name=value`) runs: `program` if
/// given (every knob set must edit it), else the first program that every knob set edits. A knob
/// that edits no line (it only changes how the program runs) goes with any program.
pub fn pick_program(
    lesson: &Lesson,
    set: &[String],
    program: Option<&str>,
) -> Result<String, String> {
    let files: Vec<&str> = lesson.programs.iter().map(|p| p.file.as_str()).collect();
    if let Some(p) = program
        && !files.contains(&p)
    {
        return Err(format!(
            "{} has no program `{p}` (programs: {}); pick one with --program",
            lesson.id,
            files.join(", ")
        ));
    }
    let knobs: Vec<&lesson::Knob> = set
        .iter()
        .filter_map(|s| s.split_once('='))
        .filter_map(|(name, _)| lesson.knob(name.trim()))
        .collect();
    let edits_all = |file: &str| knobs.iter().all(|k| k.concerns(file));
    if let Some(p) = program {
        if let Some(k) = knobs.iter().find(|k| !k.concerns(p)) {
            return Err(format!(
                "knob {} changes {}, not {p}: drop --program {p}, or pick --program {}",
                k.name,
                k.files().join(", "),
                k.files().first().copied().unwrap_or_default()
            ));
        }
        return Ok(p.to_string());
    }
    match files.iter().find(|f| edits_all(f)) {
        Some(f) => Ok(f.to_string()),
        None => {
            let each: Vec<String> = knobs
                .iter()
                .map(|k| format!("{} changes {}", k.name, k.files().join(", ")))
                .collect();
            Err(format!(
                "no one program of {} has every knob set ({}): set the knobs of one program at a time",
                lesson.id,
                each.join("; ")
            ))
        }
    }
}
