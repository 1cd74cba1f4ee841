//! `forkyard stats`: what the kernel really does on this machine. The program runs N times free,
//! several at once, and the distinct outcomes are listed most frequent first with counts and
//! percentages, then how long the runs took (lesson time: the same at any `--speed`, up to what
//! the CPU work costs). Explore says what could happen; stats says what does, and how often.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::explore::{ListFormat, endings_json, endings_words, output_lines};
use super::{limits, say};
use crate::session::RunSpec;
use crate::session::stats::{self, Tally};

/// Options of `forkyard stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// A lesson id (`04-lock`) or a Python file.
    target: String,
    /// Set a lesson's knob (`--set lock=off`); may be repeated.
    #[arg(long = "set", value_name = "KNOB=VALUE")]
    set: Vec<String>,
    /// Which of the lesson's programs (`--program pieces.py`).
    #[arg(long, value_name = "FILE")]
    program: Option<String>,
    /// How many runs.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    runs: u32,
    /// Lesson seconds per real second (0.001 to 1000), as for `run`.
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true, value_parser = limits::parse_speed)]
    speed: f64,
    /// Stop a run that has not ended after this many real seconds (its outcome says so).
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, allow_negative_numbers = true, value_parser = limits::parse_timeout)]
    timeout: f64,
    /// How to print.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

/// Runs `forkyard stats`.
pub fn run(args: &StatsArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            say::error(&message);
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: &StatsArgs) -> Result<ExitCode, String> {
    let (source, file_name, knob_stdout) =
        super::lessons::program_for(&args.target, &args.set, args.program.as_deref())?;
    let spec = RunSpec {
        speed: args.speed,
        stdout: knob_stdout.unwrap_or_default(),
        ..RunSpec::new(source, file_name)
    };
    let tally = take_runs(&spec, args)?;
    let mut out = io::stdout().lock();
    let written = match args.format {
        ListFormat::Text => print_text(&mut out, &tally, args),
        ListFormat::Jsonl => print_jsonl(&mut out, &tally, args),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::FAILURE),
        Err(e) => Err(format!("could not write to stdout: {e}")),
    }
}

/// Takes the runs (`session::stats`); a run still going at `--timeout` is stopped and says so.
fn take_runs(spec: &RunSpec, args: &StatsArgs) -> Result<Tally, String> {
    let cut =
        |within: Duration| format!("still running after {} s (--timeout)", within.as_secs_f64());
    stats::take_runs(
        spec,
        args.runs,
        Duration::from_secs_f64(args.timeout),
        &cut,
        None,
        |_| {},
    )
}

/// Min, median and max of sorted `xs`.
fn spread(xs: &[f64]) -> (f64, f64, f64) {
    match xs {
        [] => (0.0, 0.0, 0.0),
        _ => (xs[0], xs[xs.len() / 2], xs[xs.len() - 1]),
    }
}

fn percent(n: u32, of: u32) -> f64 {
    f64::from(n) * 100.0 / f64::from(of.max(1))
}

fn print_text(out: &mut impl Write, t: &Tally, args: &StatsArgs) -> io::Result<()> {
    for (i, (o, n)) in t.outcomes.iter().enumerate() {
        writeln!(
            out,
            "outcome {}: {n} of {} runs ({:.1}%)",
            i + 1,
            args.runs,
            percent(*n, args.runs)
        )?;
        output_lines(out, o)?;
        writeln!(out, "  {}", endings_words(o))?;
        writeln!(out)?;
    }
    let (min, median, max) = spread(&t.lesson_seconds);
    writeln!(
        out,
        "{} distinct outcome{} from {} free runs ({} at a time, speed {}) in {:.1} s",
        t.outcomes.len(),
        if t.outcomes.len() == 1 { "" } else { "s" },
        args.runs,
        t.at_once,
        args.speed,
        t.seconds
    )?;
    writeln!(
        out,
        "lesson time per run: min {min:.3} s, median {median:.3} s, max {max:.3} s"
    )?;
    if t.stopped > 0 {
        writeln!(
            out,
            "{} run{} did not end within {} s and {} stopped (--timeout)",
            t.stopped,
            if t.stopped == 1 { "" } else { "s" },
            args.timeout,
            if t.stopped == 1 { "was" } else { "were" }
        )?;
    }
    writeln!(
        out,
        "what could happen, with a schedule for each: forkyard explore {}",
        args.target
    )
}

fn print_jsonl(out: &mut impl Write, t: &Tally, args: &StatsArgs) -> io::Result<()> {
    for (o, n) in &t.outcomes {
        let line = serde_json::json!({
            "kind": "outcome",
            "count": n,
            "percent": percent(*n, args.runs),
            "stdout": o.stdout,
            "stderr": o.stderr,
            "endings": endings_json(o),
        });
        writeln!(out, "{line}")?;
    }
    let (min, median, max) = spread(&t.lesson_seconds);
    let summary = serde_json::json!({
        "kind": "summary",
        "outcomes": t.outcomes.len(),
        "runs": args.runs,
        "at_once": t.at_once,
        "speed": args.speed,
        "stopped": t.stopped,
        "lesson_seconds": {"min": min, "median": median, "max": max},
        "seconds": t.seconds,
    });
    writeln!(out, "{summary}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spread_is_min_median_max() {
        assert_eq!(spread(&[1.0, 2.0, 5.0]), (1.0, 2.0, 5.0));
        assert_eq!(spread(&[]), (0.0, 0.0, 0.0));
        assert!((percent(1, 3) - 33.333).abs() < 0.01);
    }
}
