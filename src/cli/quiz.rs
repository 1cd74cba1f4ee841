//! `forkyard quiz LESSON`: the lesson's predictions, asked on stdin one at a time before a real
//! run with the prediction's knobs, each graded from that run (its stdout, how each process ended,
//! its lesson time), then the explanation. Scriptable: answers are lines on stdin, so a test (or a
//! teacher) can feed them.

use std::io::{self, BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{limits, say};
use crate::lesson::{self, Ask, Lang, Lesson, Prediction, RunFacts};
use crate::session::outcome::Finished;
use crate::session::{self, RunSpec};

/// Options of `forkyard quiz`.
#[derive(Args, Debug)]
pub struct QuizArgs {
    /// A lesson id (`02-daemon`) or a lesson directory.
    target: String,
    /// Lesson seconds per real second for the runs (0.001 to 1000); what is graded is in lesson
    /// time, the same at any speed.
    #[arg(long, default_value_t = 10.0, allow_negative_numbers = true, value_parser = limits::parse_speed)]
    speed: f64,
    /// Stop a run that has not ended after this many real seconds: it is graded as `still running`.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, allow_negative_numbers = true, value_parser = limits::parse_timeout)]
    timeout: f64,
}

/// How a process that was still running when the quiz stopped its run ended, for `kind = "ending"`.
pub const STILL_RUNNING: &str = "still running";

/// Runs `forkyard quiz`.
pub fn run(args: &QuizArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            say::error(&message);
            ExitCode::from(2)
        }
    }
}

/// The learner's words for one language.
struct Words {
    question: &'static str,
    any: &'static str,
    prompt_one: &'static str,
    prompt_many: &'static str,
    bad: &'static str,
    right: &'static str,
    wrong: &'static str,
    answer_was: &'static str,
    this_run: &'static str,
    score: &'static str,
    skipped: &'static str,
    none: &'static str,
}

const EN: Words = Words {
    question: "prediction",
    any: "any of these can happen",
    prompt_one: "your answer (its number; s skips):",
    prompt_many: "every line that appears (their numbers, like `1 3`; 0: none; s skips):",
    bad: "type a number from the list (or s to skip)",
    right: "right.",
    wrong: "wrong.",
    answer_was: "the answer:",
    this_run: "this run:",
    score: "right",
    skipped: "skipped",
    none: "none of these",
};

const ZH: Words = Words {
    question: "预测",
    any: "这些都有可能",
    prompt_one: "你的答案（填编号；s 跳过）：",
    prompt_many: "会出现的每一行（填编号，如 `1 3`；0：都不出现；s 跳过）：",
    bad: "请填列表里的编号（或 s 跳过）",
    right: "答对了。",
    wrong: "答错了。",
    answer_was: "答案：",
    this_run: "这次运行：",
    score: "答对",
    skipped: "跳过",
    none: "都不是",
};

fn run_inner(args: &QuizArgs) -> Result<ExitCode, String> {
    let path = Path::new(&args.target);
    let lesson = if path.is_dir() {
        lesson::load_dir(path).map_err(|e| e.to_string())?
    } else {
        lesson::find(&args.target).map_err(|e| e.to_string())?
    };
    if lesson.predictions.is_empty() {
        return Err(format!(
            "{} has no predictions ([[predict]] in its lesson.toml)",
            lesson.id
        ));
    }
    let lang = super::lessons::lang();
    let words = match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    };
    let mut out = io::stdout().lock();
    let mut input = io::stdin().lock();
    let total = lesson.predictions.len();
    let (mut right, mut skipped) = (0, 0);
    for (i, p) in lesson.predictions.iter().enumerate() {
        let head = format!("{} · {} {} / {total}", lesson.id, words.question, i + 1);
        let knobs: Vec<String> = p.set.iter().map(|(k, v)| format!("{k}={v}")).collect();
        ask(&mut out, &head, &knobs, p, lang, words).map_err(write_error)?;
        let Some(picked) = answer(&mut out, &mut input, p, words).map_err(write_error)? else {
            skipped += total - i;
            break;
        };
        let Some(picked) = picked else {
            skipped += 1;
            writeln!(out).map_err(write_error)?;
            continue;
        };
        let facts = run_for(&lesson, p, &knobs, args)?;
        let grade = p.grade(&picked, &facts, lang);
        if grade.right {
            right += 1;
        }
        tell(&mut out, p, &grade, lang, words).map_err(write_error)?;
    }
    writeln!(
        out,
        "{right} / {total} {}{}",
        words.score,
        if skipped > 0 {
            format!(", {skipped} {}", words.skipped)
        } else {
            String::new()
        }
    )
    .and_then(|()| out.flush())
    .map_err(write_error)?;
    Ok(ExitCode::SUCCESS)
}

fn write_error(e: io::Error) -> String {
    format!("could not write to stdout: {e}")
}

fn label(p: &Prediction, i: usize, words: &Words) -> String {
    match (p.choices.get(i), &p.ask) {
        (Some(c), Ask::Time { .. }) => format!("{c} s"),
        (Some(c), _) => c.clone(),
        (None, _) => words.any.to_string(),
    }
}

fn ask(
    out: &mut impl Write,
    head: &str,
    knobs: &[String],
    p: &Prediction,
    lang: Lang,
    words: &Words,
) -> io::Result<()> {
    if knobs.is_empty() {
        writeln!(out, "{head}")?;
    } else {
        writeln!(out, "{head} ({})", knobs.join(", "))?;
    }
    writeln!(out, "{}", p.question.get(lang).trim())?;
    for i in 0..p.answers() {
        writeln!(out, "  {}) {}", i + 1, label(p, i, words))?;
    }
    Ok(())
}

/// Reads an answer: `Ok(None)` at the end of stdin (the quiz stops), `Ok(Some(None))` skipped.
fn answer(
    out: &mut impl Write,
    input: &mut impl BufRead,
    p: &Prediction,
    words: &Words,
) -> io::Result<Option<Option<Vec<usize>>>> {
    let many = p.ask == Ask::Appears;
    loop {
        write!(
            out,
            "{} ",
            if many {
                words.prompt_many
            } else {
                words.prompt_one
            }
        )?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(None);
        }
        let line = line.trim();
        writeln!(out)?;
        if line.eq_ignore_ascii_case("s") {
            return Ok(Some(None));
        }
        let numbers: Result<Vec<usize>, _> = line
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(str::parse::<usize>)
            .collect();
        match numbers {
            Ok(ns) if many && ns == [0] => return Ok(Some(Some(Vec::new()))),
            Ok(ns)
                if !ns.is_empty()
                    && (many || ns.len() == 1)
                    && ns.iter().all(|&n| (1..=p.answers()).contains(&n)) =>
            {
                return Ok(Some(Some(ns.iter().map(|n| n - 1).collect())));
            }
            _ => writeln!(out, "{}", words.bad)?,
        }
    }
}

/// Runs the prediction's program free with its knobs and reads what the run did.
fn run_for(
    lesson: &Lesson,
    p: &Prediction,
    knobs: &[String],
    args: &QuizArgs,
) -> Result<RunFacts, String> {
    let dir = lesson.dir.to_string_lossy().into_owned();
    let target = if Path::new(&dir).is_dir() {
        dir
    } else {
        lesson.id.clone()
    };
    let (source, file_name, knob_stdout) =
        super::lessons::program_for(&target, knobs, p.program.as_deref())?;
    let spec = RunSpec {
        speed: args.speed,
        stdout: knob_stdout.unwrap_or_default(),
        ..RunSpec::new(source, file_name)
    };
    let mut handle = session::start(spec).map_err(|e| format!("{e:#}"))?;
    let finished = Finished::read(handle.updates(), Duration::from_secs_f64(args.timeout));
    let cut = finished.end.is_none().then_some(STILL_RUNNING);
    if cut.is_some() {
        handle.stop_because(&format!("timeout after {} s", args.timeout));
    }
    drop(handle);
    let outcome = finished.outcome(&[], cut);
    let end = finished
        .run
        .lanes()
        .filter_map(|l| l.end_ns())
        .max()
        .unwrap_or(0);
    Ok(RunFacts {
        stdout: outcome.stdout,
        endings: outcome.endings,
        seconds: end as f64 / 1e9,
    })
}

fn tell(
    out: &mut impl Write,
    p: &Prediction,
    grade: &lesson::Grade,
    lang: Lang,
    words: &Words,
) -> io::Result<()> {
    let numbered = |is: &[usize]| -> String {
        if is.is_empty() {
            // An `appears` answer of no line at all, or a run that showed none of the choices.
            return words.none.into();
        }
        is.iter()
            .map(|&i| format!("{}) {}", i + 1, label(p, i, words)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let answer = if p.any {
        numbered(&[p.choices.len()])
    } else {
        numbered(&grade.shown)
    };
    if grade.right {
        writeln!(out, "{} {} {}", words.right, words.this_run, grade.fact)?;
    } else {
        writeln!(
            out,
            "{} {} {answer}. {} {}",
            words.wrong, words.answer_was, words.this_run, grade.fact
        )?;
    }
    writeln!(out, "{}", p.explain.get(lang).trim())?;
    writeln!(out)
}
