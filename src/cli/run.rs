//! `forkyard run`: start a run of a lesson's program or a Python file, print it as it happens, and
//! exit with the main process's exit code.

use std::io;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use crossbeam_channel::RecvTimeoutError;

use super::Format;
use super::render::Printer;
use crate::session::{self, RunSpec, Update};
use crate::trace::{Ending, signal_name};

/// The exit status of a run stopped by `--timeout` (as `timeout(1)` uses).
pub(super) const TIMED_OUT: u8 = 124;

/// Options of `forkyard run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// A lesson id (`02-daemon`) or a Python file (`my_program.py`).
    pub(super) target: String,
    /// Lesson seconds per real second: sleeps and timeouts run this much faster.
    #[arg(long, default_value_t = 1.0)]
    pub(super) speed: f64,
    /// Set a lesson's knob (`--set daemon=on`); may be repeated.
    #[arg(long = "set", value_name = "KNOB=VALUE")]
    pub(super) set: Vec<String>,
    /// How to print the run.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(super) format: Format,
    /// Stop the run after this many real seconds and say so.
    #[arg(long, value_name = "SECONDS")]
    pub(super) timeout: Option<f64>,
    /// The most processes the run may create, its main included.
    #[arg(long, default_value_t = session::DEFAULT_MAX_PROCESSES)]
    pub(super) max_processes: u32,
    /// Run the lesson twice at once, the knob set both ways (`--compare method`), then print both
    /// transcripts and each side's total lesson time.
    #[arg(long, value_name = "KNOB")]
    compare: Option<String>,
    /// Held runs: `--schedule`, `--hold`, `--granularity`.
    #[command(flatten)]
    pub(super) held: super::schedule::HoldArgs,
}

/// Runs `forkyard run`.
pub fn run(args: &RunArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("forkyard: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: &RunArgs) -> Result<ExitCode, String> {
    if !(args.speed > 0.0 && args.speed.is_finite()) {
        return Err(format!(
            "--speed must be a positive number, not {}",
            args.speed
        ));
    }
    if args.timeout.is_some_and(|t| !(t > 0.0 && t.is_finite())) {
        return Err("--timeout must be a positive number of seconds".into());
    }
    let hold = args.held.hold()?;
    if hold.is_some() && args.compare.is_some() {
        return Err("--compare runs free: drop --schedule/--hold, or --compare".into());
    }
    if let Some(knob) = &args.compare {
        return super::compare::run(args, knob);
    }
    let (source, file_name) = super::lessons::program_for(&args.target, &args.set)?;
    let spec = RunSpec {
        source,
        file_name,
        speed: args.speed,
        max_processes: args.max_processes.max(1),
        exe: None,
    };
    session::on_signal(|sig| {
        eprintln!(
            "\nforkyard: {} received; the run was stopped and all its processes ended",
            signal_name(sig)
        );
    });
    let mut handle = match hold {
        Some(hold) => session::start_held(spec, hold),
        None => session::start(spec),
    }
    .map_err(|e| format!("{e:#}"))?;
    let mut deadlock = Vec::new();
    let mut printer = Printer::new(
        args.format,
        io::BufWriter::new(io::stdout()),
        io::BufWriter::new(io::stderr()),
    );
    let mut deadline = args
        .timeout
        .map(|t| Instant::now() + Duration::from_secs_f64(t));
    let mut timed_out = false;
    let end = loop {
        let update = match deadline {
            Some(d) => handle.updates().recv_deadline(d),
            None => handle
                .updates()
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
        };
        let update = match update {
            Ok(u) => u,
            Err(RecvTimeoutError::Timeout) => {
                deadline = None;
                timed_out = true;
                let secs = args.timeout.unwrap_or_default();
                handle.stop_because(&format!("timeout after {secs} s"));
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err("the run's observer thread died".into());
            }
        };
        let written = match &update {
            Update::Record(r) => {
                if let crate::trace::Event::Stop { reason } = &r.event
                    && reason == session::DEADLOCK
                {
                    // Who waits on what and who holds it, as the run stood when it stopped.
                    deadlock = super::schedule::deadlock_sentences(printer.run());
                }
                printer.record(r)
            }
            Update::End(end) => break end.clone(),
        };
        let flushed = written.and_then(|()| {
            if handle.updates().is_empty() {
                printer.flush()
            } else {
                Ok(())
            }
        });
        if flushed.is_err() {
            // Our stdout is gone (`| head`): nobody is watching; stop the run quietly.
            handle.stop();
            return Ok(ExitCode::FAILURE);
        }
    };
    let _ = printer.end(&end);
    drop(printer);
    if let Some(log) = handle.held_log() {
        let _ = super::schedule::report(&mut io::stdout().lock(), args.format, &log, &deadlock);
        match log.end {
            Some(session::HeldEnd::Deadlock(_)) => {
                return Ok(ExitCode::from(super::schedule::DEADLOCKED));
            }
            Some(session::HeldEnd::Diverged(_)) => {
                return Ok(ExitCode::from(super::schedule::DIVERGED));
            }
            None => {}
        }
    }
    if timed_out {
        let secs = args.timeout.unwrap_or_default();
        eprintln!("forkyard: the run did not end within {secs} s (--timeout), so it was stopped");
        return Ok(ExitCode::from(TIMED_OUT));
    }
    Ok(exit_status(end.main))
}

/// The exit status of `forkyard run` for a main that ended so: its code, or 128 + its signal.
pub(super) fn exit_status(main: Option<Ending>) -> ExitCode {
    match main {
        Some(Ending::Exited { code }) => ExitCode::from((code & 0xff) as u8),
        Some(Ending::Signaled { signal }) => ExitCode::from((128 + signal).clamp(0, 255) as u8),
        None => ExitCode::FAILURE,
    }
}
