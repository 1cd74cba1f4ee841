//! `forkyard challenge LESSON [--schedule S | --free]`: the lesson's challenge (what to make happen,
//! with its knobs and a hint); with `--schedule`, a held run of it under that schedule, graded:
//! each goal with what the run showed, then `challenge met` (exit 0) or `not met` (exit 1).
//! `--free` grades a free run, as the kernel schedules it (rarely met: that is the point).
//! Scriptable: the verdict is the exit code.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{limits, say};
use crate::lesson::{self, Challenge, Lang, Lesson, Trace, Verdict};
use crate::session::outcome::Finished;
use crate::session::{self, HeldEnd, RunSpec};

/// Options of `forkyard challenge`.
#[derive(Args, Debug)]
pub struct ChallengeArgs {
    /// A lesson id (`04-lock`) or a lesson directory.
    target: String,
    /// Grade a free run instead of a held one (the kernel schedules it).
    #[arg(long, conflicts_with_all = ["schedule", "hold"])]
    free: bool,
    /// Lesson seconds per real second for the run (0.001 to 1000); what is graded does not
    /// depend on it.
    #[arg(long, default_value_t = 10.0, allow_negative_numbers = true, value_parser = limits::parse_speed)]
    speed: f64,
    /// Stop a run that has not ended after this many real seconds; it is graded as it stands.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, allow_negative_numbers = true, value_parser = limits::parse_timeout)]
    timeout: f64,
    /// The held run: `--schedule` (as `forkyard run` takes it), `--hold`, `--granularity`.
    #[command(flatten)]
    held: super::schedule::HoldArgs,
}

/// Runs `forkyard challenge`.
pub fn run(args: &ChallengeArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            say::error(&message);
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: &ChallengeArgs) -> Result<ExitCode, String> {
    let path = Path::new(&args.target);
    let lesson = if path.is_dir() {
        lesson::load_dir(path).map_err(|e| e.to_string())?
    } else {
        lesson::find(&args.target).map_err(|e| e.to_string())?
    };
    let Some(challenge) = &lesson.challenge else {
        return Err(format!(
            "{} has no challenge ([[challenge]] in its lesson.toml)",
            lesson.id
        ));
    };
    let lang = super::lessons::lang();
    let hold = args.held.hold()?;
    let mut out = io::stdout().lock();
    tell(&mut out, &lesson, challenge, lang).map_err(write_error)?;
    if hold.is_none() && !args.free {
        // Only the challenge asked for: nothing ran, nothing to grade.
        return Ok(ExitCode::SUCCESS);
    }
    let (trace, said) = run_for(&lesson, challenge, hold, args, lang)?;
    let verdict = challenge.grade(&trace, lang);
    verdict_lines(&mut out, &verdict, said.as_deref(), lang).map_err(write_error)?;
    Ok(if verdict.met {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn write_error(e: io::Error) -> String {
    format!("could not write to stdout: {e}")
}

/// The challenge: its lesson, its knobs, its text and its hint.
fn tell(out: &mut impl Write, lesson: &Lesson, c: &Challenge, lang: Lang) -> io::Result<()> {
    let (head, hint) = match lang {
        Lang::En => ("challenge", "hint: "),
        Lang::Zh => ("挑战", "提示："),
    };
    let knobs: Vec<String> = c.set.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if knobs.is_empty() {
        writeln!(out, "{} · {head}", lesson.id)?;
    } else {
        writeln!(
            out,
            "{} · {head} (--set {})",
            lesson.id,
            knobs.join(" --set ")
        )?;
    }
    writeln!(out, "{}", c.text.get(lang).trim())?;
    writeln!(out, "{hint}{}", c.hint.get(lang).trim())?;
    out.flush()
}

/// Each goal with what the run showed, then the verdict.
fn verdict_lines(
    out: &mut impl Write,
    v: &Verdict,
    said: Option<&str>,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out)?;
    if let Some(said) = said {
        writeln!(out, "{said}")?;
    }
    for (held, fact) in &v.goals {
        writeln!(out, "  {} {fact}", if *held { "✓" } else { "✗" })?;
    }
    let words = match (v.met, lang) {
        (true, Lang::En) => "challenge met",
        (false, Lang::En) => "challenge not met",
        (true, Lang::Zh) => "挑战完成",
        (false, Lang::Zh) => "挑战未完成",
    };
    writeln!(out, "{words}")?;
    out.flush()
}

/// Runs the challenge's program with its knobs, held under `hold` (or free), and reads its trace;
/// also what the scheduler said of the run, if anything (a diverged schedule, a stop).
fn run_for(
    lesson: &Lesson,
    c: &Challenge,
    hold: Option<session::Hold>,
    args: &ChallengeArgs,
    lang: Lang,
) -> Result<(Trace, Option<String>), String> {
    let dir = lesson.dir.to_string_lossy().into_owned();
    let target = if Path::new(&dir).is_dir() {
        dir
    } else {
        lesson.id.clone()
    };
    let knobs: Vec<String> = c.set.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let (source, file_name, knob_stdout) =
        super::lessons::program_for(&target, &knobs, c.program.as_deref())?;
    let spec = RunSpec {
        speed: args.speed,
        stdout: knob_stdout.unwrap_or_default(),
        ..RunSpec::new(source, file_name)
    };
    let mut handle = match hold {
        Some(h) => session::start_held(spec, h),
        None => session::start(spec),
    }
    .map_err(|e| format!("{e:#}"))?;
    let finished = Finished::read(handle.updates(), Duration::from_secs_f64(args.timeout));
    let mut said = None;
    if finished.end.is_none() {
        handle.stop_because(&format!("timeout after {} s", args.timeout));
        said = Some(format!(
            "the run did not end within {} s (--timeout), so it was stopped",
            args.timeout
        ));
    }
    let log = handle.held_log();
    drop(handle);
    let deadlock = matches!(
        log.as_ref().and_then(|l| l.end.as_ref()),
        Some(HeldEnd::Deadlock(_))
    );
    if let Some(HeldEnd::Diverged(why)) = log.as_ref().and_then(|l| l.end.as_ref()) {
        said = Some(format!("the replay diverged: {why}"));
    }
    if let Some(log) = &log {
        let schedule = session::schedule::compress(log.steps.iter().map(|s| s.name.as_str()));
        let n = log.steps.len();
        let steps = match lang {
            Lang::En => format!("held run: {n} steps; schedule: {schedule}"),
            Lang::Zh => format!("接管的运行：{n} 步；调度：{schedule}"),
        };
        said = Some(match said {
            Some(s) => format!("{s}\n{steps}"),
            None => steps,
        });
    }
    Ok((Trace::of(&finished.records, &finished.run, deadlock), said))
}
