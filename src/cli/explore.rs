//! `forkyard explore`: every outcome a program can have, each with how many explored schedules
//! gave it and the shortest schedule that does (pasteable into `run --schedule`), then how far the
//! search went. The search itself is `session::explore`.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::say;
use super::schedule::Granularity;
use crate::session::explore::{self, Exploration, Found};
use crate::session::{RunSpec, outcome::Outcome};

/// How `explore` and `stats` print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// For a person: each outcome with its output, then a summary.
    Text,
    /// One JSON object per outcome, then one summary object.
    Jsonl,
}

/// Options of `forkyard explore`.
#[derive(Args, Debug)]
pub struct ExploreArgs {
    /// A lesson id (`04-lock`) or a Python file.
    target: String,
    /// Set a lesson's knob (`--set lock=off`); may be repeated.
    #[arg(long = "set", value_name = "KNOB=VALUE")]
    set: Vec<String>,
    /// Which of the lesson's programs (`--program pieces.py`).
    #[arg(long, value_name = "FILE")]
    program: Option<String>,
    /// The most preemptions (a step taken from a process that could have gone on) in one run;
    /// runs with 0 come first, then 1, 2...
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=20))]
    preemptions: u32,
    /// The most runs to take.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_runs: u64,
    /// What a step is: `op` (operations only, fewer schedules) or `line` (statements too).
    #[arg(long, value_enum, default_value_t = Granularity::Op)]
    granularity: Granularity,
    /// How to print.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

/// Runs `forkyard explore`.
pub fn run(args: &ExploreArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            say::error(&message);
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: &ExploreArgs) -> Result<ExitCode, String> {
    let (source, file_name, knob_stdout) =
        super::lessons::program_for(&args.target, &args.set, args.program.as_deref())?;
    let spec = RunSpec {
        stdout: knob_stdout.unwrap_or_default(),
        ..RunSpec::new(source, file_name)
    };
    let options = explore::Options {
        ops_only: args.granularity == Granularity::Op,
        preemptions: args.preemptions,
        max_runs: args.max_runs,
        ..explore::Options::default()
    };
    let found = explore::explore(&spec, &options, |_| {}).map_err(|e| format!("{e:#}"))?;
    let replay = replay_command(args);
    let mut out = io::stdout().lock();
    let written = match args.format {
        ListFormat::Text => print_text(&mut out, &found, args, &replay),
        ListFormat::Jsonl => print_jsonl(&mut out, &found, args),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::FAILURE),
        Err(e) => Err(format!("could not write to stdout: {e}")),
    }
}

/// `forkyard run TARGET --set ... --granularity G --schedule`, to which a schedule is appended.
fn replay_command(args: &ExploreArgs) -> String {
    let mut words = vec!["forkyard run".to_string(), args.target.clone()];
    for s in &args.set {
        words.push(format!("--set {s}"));
    }
    if let Some(p) = &args.program {
        words.push(format!("--program {p}"));
    }
    words.push(format!(
        "--granularity {}",
        granularity_word(args.granularity)
    ));
    words.push("--schedule".into());
    words.join(" ")
}

fn granularity_word(g: Granularity) -> &'static str {
    match g {
        Granularity::Op => "op",
        Granularity::Line => "line",
    }
}

/// The endings in words: one clause when every process exited with 0.
pub fn endings_words(o: &Outcome) -> String {
    if o.endings.iter().all(|(_, how)| how == "exit code 0") {
        "every process: exit code 0".into()
    } else {
        o.endings_line()
    }
}

/// `line` with its control characters and bidirectional overrides escaped (`\u{1b}`, `\r`), so
/// that output cannot act on the terminal; everything else as written.
fn shown(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_control() || matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069) {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The program's output, each stdout line after `| ` and each stderr line after `! `; a last
/// line without its newline says so.
pub fn output_lines(out: &mut impl Write, o: &Outcome) -> io::Result<()> {
    if o.stdout.is_empty() && o.stderr.is_empty() {
        return writeln!(out, "  (no output)");
    }
    for (text, mark) in [(&o.stdout, '|'), (&o.stderr, '!')] {
        for line in text.lines() {
            writeln!(out, "  {mark} {}", shown(line))?;
        }
        if !text.is_empty() && !text.ends_with('\n') {
            writeln!(out, "  (no newline at the end)")?;
        }
    }
    Ok(())
}

fn print_text(
    out: &mut impl Write,
    e: &Exploration,
    args: &ExploreArgs,
    replay: &str,
) -> io::Result<()> {
    for (i, f) in e.outcomes.iter().enumerate() {
        print_outcome(out, i + 1, f)?;
    }
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        out,
        "{} from {} in {:.1} s ({:.0} runs/s), granularity {}",
        plural(e.outcomes.len() as u64, "outcome", "outcomes"),
        plural(e.runs, "run", "runs"),
        e.seconds,
        e.runs_per_second(),
        granularity_word(args.granularity)
    )?;
    let reach = match e.exhaustive_within {
        _ if e.complete => "every possible run was explored: there are no other outcomes".into(),
        Some(b) => format!(
            "exhaustive within {}: runs with more preemptions{} may find more",
            plural(u64::from(b), "preemption", "preemptions"),
            if b < args.preemptions {
                format!(" (--max-runs {} was spent)", args.max_runs)
            } else {
                " (--preemptions)".into()
            }
        ),
        None => format!(
            "not exhaustive: --max-runs {} was spent before every run without preemption",
            args.max_runs
        ),
    };
    writeln!(out, "{reach}")?;
    if e.cut > 0 {
        writeln!(
            out,
            "{} did not end within the step limit and {} counted as such",
            plural(e.cut, "run", "runs"),
            if e.cut == 1 { "is" } else { "are" }
        )?;
    }
    if e.diverged > 0 {
        writeln!(
            out,
            "{} went another way than the schedule they were given: which of several processes \
             waiting on one Lock, queue or Pool goes on is the kernel's choice, not the \
             scheduler's; each is counted as the run it was",
            plural(e.diverged, "run", "runs")
        )?;
    }
    writeln!(out, "replay one: {replay} \"SCHEDULE\"")
}

fn print_outcome(out: &mut impl Write, n: usize, f: &Found) -> io::Result<()> {
    let o = &f.outcome;
    writeln!(
        out,
        "outcome {n}: {} {}{}",
        f.count,
        if f.count == 1 {
            "schedule"
        } else {
            "schedules"
        },
        if o.deadlock { ", DEADLOCK" } else { "" }
    )?;
    output_lines(out, o)?;
    writeln!(out, "  {}", endings_words(o))?;
    writeln!(
        out,
        "  schedule ({} steps, {} preemption{}): {}",
        f.steps,
        f.preemptions,
        if f.preemptions == 1 { "" } else { "s" },
        f.schedule
    )?;
    writeln!(out)
}

/// The endings as a JSON object, name to ending.
pub fn endings_json(o: &Outcome) -> serde_json::Value {
    o.endings
        .iter()
        .map(|(n, how)| (n.clone(), serde_json::Value::from(how.as_str())))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn print_jsonl(out: &mut impl Write, e: &Exploration, args: &ExploreArgs) -> io::Result<()> {
    for f in &e.outcomes {
        let o = &f.outcome;
        let line = serde_json::json!({
            "kind": "outcome",
            "count": f.count,
            "stdout": o.stdout,
            "stderr": o.stderr,
            "endings": endings_json(o),
            "deadlock": o.deadlock,
            "schedule": f.schedule,
            "steps": f.steps,
            "preemptions": f.preemptions,
        });
        writeln!(out, "{line}")?;
    }
    let summary = serde_json::json!({
        "kind": "summary",
        "outcomes": e.outcomes.len(),
        "runs": e.runs,
        "seconds": e.seconds,
        "runs_per_second": e.runs_per_second(),
        "exhaustive_within": e.exhaustive_within,
        "complete": e.complete,
        "cut": e.cut,
        "diverged": e.diverged,
        "granularity": granularity_word(args.granularity),
        "preemptions": args.preemptions,
        "max_runs": args.max_runs,
    });
    writeln!(out, "{summary}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_cannot_act_on_the_terminal_and_stderr_is_marked() {
        assert_eq!(shown("a\x1b[2Jb\r"), "a\\u{1b}[2Jb\\r");
        assert_eq!(shown("\u{202e}evil 计数"), "\\u{202e}evil 计数");
        let o = Outcome {
            stdout: "one\ntwo".into(),
            stderr: "Traceback\n".into(),
            endings: vec![("MainProcess".into(), "exit code 1".into())],
            deadlock: false,
        };
        let mut out = Vec::new();
        output_lines(&mut out, &o).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "  | one\n  | two\n  (no newline at the end)\n  ! Traceback\n"
        );
        assert_eq!(endings_words(&o), "MainProcess exit code 1");
    }
}
