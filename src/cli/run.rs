//! `forkyard run`: start a run of a lesson's program or a Python file, print it as it happens, and
//! exit with the main process's exit code.
//!
//! Two threads: a printer that takes the run's updates and writes them (it may block on a slow
//! reader, and then the run waits for it: see the session's back-pressure), and this one, which
//! only waits for the printer or for `--timeout`, so a timeout fires whether or not the output is
//! ever written. A write error (a full disk, a closed terminal) stops the run and is said on stderr
//! (quietly for a reader that went away, `| head`); the exit status is then not 0.

use std::io;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use clap::Args;
use crossbeam_channel::{Receiver, RecvTimeoutError};

use super::Format;
use super::limits;
use super::render::Printer;
use super::say;
use crate::export;
use crate::session::StdoutMode;
use crate::session::{self, RunEnd, RunSpec, Update};
use crate::trace::{Ending, signal_name};

/// The exit status of a run stopped by `--timeout` (as `timeout(1)` uses).
pub(super) const TIMED_OUT: u8 = 124;
/// After a `--timeout` stop, how long the printer may go without taking an update before the rest
/// of the output is given up (nobody reads it).
const STALLED_OUTPUT: Duration = Duration::from_secs(2);

/// Options of `forkyard run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// A lesson id (`02-daemon`) or a Python file (`my_program.py`).
    pub(super) target: String,
    /// A Python file's own arguments, after it (`forkyard run prog.py 3 --verbose`): its
    /// `sys.argv[1:]`, as `python3 prog.py 3 --verbose` gives them. forkyard's options go before
    /// them.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    pub(super) program_args: Vec<String>,
    /// Lesson seconds per real second (0.001 to 1000): sleeps and timeouts run this much faster.
    #[arg(long, default_value_t = 1.0, allow_negative_numbers = true, value_parser = limits::parse_speed)]
    pub(super) speed: f64,
    /// Set a lesson's knob (`--set daemon=on`); may be repeated.
    #[arg(long = "set", value_name = "KNOB=VALUE")]
    pub(super) set: Vec<String>,
    /// Which of the lesson's programs to run (`--program subclass.py`); default: the one the
    /// `--set` knobs change, else the lesson's first.
    #[arg(long, value_name = "FILE")]
    pub(super) program: Option<String>,
    /// How to print the run.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(super) format: Format,
    /// Stop the run after this many real seconds (at most a year) and say so.
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true, value_parser = limits::parse_timeout)]
    pub(super) timeout: Option<f64>,
    /// The most processes the run may create, its main included (1 to 4096).
    #[arg(long, default_value_t = session::DEFAULT_MAX_PROCESSES, allow_negative_numbers = true, value_parser = limits::parse_max_processes)]
    pub(super) max_processes: u32,
    /// The memory all the run's processes may use together (`512M`, `2G`); default: a quarter of
    /// the machine's memory. A run that goes over is stopped and says so.
    #[arg(long, value_name = "SIZE", allow_negative_numbers = true, value_parser = limits::parse_memory)]
    pub(super) max_memory: Option<u64>,
    /// Run the lesson twice at once, the knob set both ways (`--compare method`), then print both
    /// transcripts and each side's total lesson time.
    #[arg(long, value_name = "KNOB")]
    compare: Option<String>,
    /// When the run ends, also write it to FILE as `perfetto` (trace-event JSON for
    /// ui.perfetto.dev), `svg` (the timeline as a picture) or `transcript` (the human text);
    /// may be repeated.
    #[arg(long = "export", num_args = 2, value_names = ["FORMAT", "FILE"])]
    pub(super) export: Vec<String>,
    /// How the program's stdout is buffered, as CPython buffers it: `tty` (line by line, as in a
    /// terminal), `pipe` (in 8192-byte blocks, as into a pipe or file: unflushed output is lost when
    /// a process dies by a signal) or `unbuffered` (as `python -u` / `PYTHONUNBUFFERED=1`).
    /// Default: what the lesson's knobs set (03's `--set output=pipe`), else `tty`; given here, it
    /// wins over the knobs.
    #[arg(long, value_name = "MODE")]
    pub(super) stdout: Option<StdoutMode>,
    /// Held runs: `--schedule`, `--hold`, `--granularity`.
    #[command(flatten)]
    pub(super) held: super::schedule::HoldArgs,
}

impl RunArgs {
    /// The spec of a run of `source` with these options; `knob_stdout`: the stdout mode the
    /// lesson's knobs ask for, which an explicit `--stdout` overrides.
    pub(super) fn spec(
        &self,
        source: String,
        file_name: String,
        knob_stdout: Option<StdoutMode>,
    ) -> RunSpec {
        RunSpec {
            speed: self.speed,
            max_processes: self.max_processes,
            max_memory: self.max_memory,
            stdout: self.stdout.or(knob_stdout).unwrap_or_default(),
            argv: self.program_args.clone(),
            ..RunSpec::new(source, file_name)
        }
    }
}

/// Runs `forkyard run`.
pub fn run(args: &RunArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            say::error(&message);
            ExitCode::from(2)
        }
    }
}

/// How the printer thread finished.
enum Printed {
    /// It printed the whole run; the exports were written, or why not; a held run that ended in a
    /// deadlock: who waits on what and who holds it, as the run stood when it stopped.
    Ended {
        end: RunEnd,
        exported: Result<(), String>,
        deadlock: Vec<String>,
    },
    /// A write failed; the run goes on unprinted until it is stopped.
    Failed(io::Error),
}

fn run_inner(args: &RunArgs) -> Result<ExitCode, String> {
    if !args.program_args.is_empty() && !std::path::Path::new(&args.target).is_file() {
        return Err(format!(
            "arguments after the program ({}) are a Python file's sys.argv; {} is not a file (a lesson's programs take none; forkyard's own options go before the program)",
            args.program_args.join(" "),
            args.target
        ));
    }
    let exports = export::Collector::from_args(&args.export)?.title(&args.target);
    let hold = args.held.hold()?;
    if hold.is_some() && args.compare.is_some() {
        return Err("--compare runs free: drop --schedule/--hold, or --compare".into());
    }
    if let Some(knob) = &args.compare {
        if !exports.is_empty() {
            return Err("--export writes one run; it cannot be combined with --compare".into());
        }
        return super::compare::run(args, knob);
    }
    let (source, file_name, knob_stdout) =
        super::lessons::program_for(&args.target, &args.set, args.program.as_deref())?;
    session::on_signal(|sig| {
        let text = format!(
            "\nforkyard: {} received; the run was stopped and all its processes ended\n",
            signal_name(sig)
        );
        session::write_raw(2, text.as_bytes());
    });
    let spec = args.spec(source, file_name, knob_stdout);
    let mut handle = match hold {
        Some(hold) => session::start_held(spec, hold),
        None => session::start(spec),
    }
    .map_err(|e| format!("{e:#}"))?;
    // The printer takes what the observer drained in one turn as one update.
    handle.batch_updates();
    let taken = Arc::new(AtomicU64::new(0));
    let printed = spawn_printer(
        args.format,
        handle.updates().clone(),
        taken.clone(),
        exports,
    )?;
    let deadline = args
        .timeout
        .map(|t| Instant::now() + Duration::from_secs_f64(t));
    let outcome = match deadline {
        Some(d) => printed.recv_deadline(d),
        None => printed.recv().map_err(|_| RecvTimeoutError::Disconnected),
    };
    match outcome {
        Ok(Printed::Ended {
            end,
            exported,
            deadlock,
        }) => {
            exported?;
            if let Some(code) = report_held(&handle, args.format, &deadlock) {
                return Ok(code);
            }
            Ok(ended(&end))
        }
        Ok(Printed::Failed(e)) => {
            handle.stop_because("its output could not be written");
            Ok(write_failed(&e))
        }
        Err(RecvTimeoutError::Timeout) => {
            let secs = args.timeout.unwrap_or_default();
            // Returns once every process of the run is gone, however far behind the printer is.
            handle.stop_because(&format!("timeout after {secs} s"));
            let rest = wait_for_printer(&printed, &taken);
            let said = format!(
                "the run did not end within {secs} s (--timeout), so it was stopped{}",
                match &rest {
                    None => "; the rest of its output could not be written (nobody read it)",
                    Some(Printed::Failed(_)) => "; its output could not all be written",
                    Some(Printed::Ended {
                        exported: Err(e), ..
                    }) => {
                        say::error(e);
                        ""
                    }
                    Some(Printed::Ended { .. }) => "",
                }
            );
            say::error(&said);
            Ok(ExitCode::from(TIMED_OUT))
        }
        Err(RecvTimeoutError::Disconnected) => {
            handle.stop_because("forkyard's printer failed");
            Err("the thread printing the run died".into())
        }
    }
}

/// Starts the printer thread; it reports once on the returned channel.
fn spawn_printer(
    format: Format,
    updates: Receiver<Update>,
    taken: Arc<AtomicU64>,
    exports: export::Collector,
) -> Result<Receiver<Printed>, String> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    std::thread::Builder::new()
        .name("forkyard-printer".into())
        .spawn(move || {
            let _ = tx.send(print_run(format, &updates, &taken, exports));
        })
        .map_err(|e| format!("could not start the printing thread: {e}"))?;
    Ok(rx)
}

/// Prints every update of the run to stdout/stderr as it comes.
fn print_run(
    format: Format,
    updates: &Receiver<Update>,
    taken: &AtomicU64,
    mut exports: export::Collector,
) -> Printed {
    let mut printer = Printer::new(
        format,
        io::BufWriter::new(io::stdout()),
        io::BufWriter::new(io::stderr()),
    );
    let mut deadlock = Vec::new();
    for update in updates {
        taken.fetch_add(1, Ordering::Relaxed);
        let written = match update {
            Update::Record(r) => print_record(&mut printer, &mut exports, &mut deadlock, &r),
            Update::Records(records) => records
                .iter()
                .try_for_each(|r| print_record(&mut printer, &mut exports, &mut deadlock, r)),
            Update::End(end) => {
                let printed = printer.end(&end);
                // The files are written whatever became of the printing.
                let exported = exports.finish(&end);
                return match printed {
                    Ok(()) => Printed::Ended {
                        end,
                        exported,
                        deadlock,
                    },
                    Err(e) => Printed::Failed(e),
                };
            }
        };
        let flushed = written.and_then(|()| {
            if updates.is_empty() {
                printer.flush()
            } else {
                Ok(())
            }
        });
        if let Err(e) = flushed {
            return Printed::Failed(e);
        }
    }
    Printed::Failed(io::Error::other(
        "the run's observer thread ended without an end",
    ))
}

/// Prints one record, keeps it for the exports, and notes the deadlock a stop record reports.
fn print_record<W: io::Write, E: io::Write>(
    printer: &mut Printer<W, E>,
    exports: &mut export::Collector,
    deadlock: &mut Vec<String>,
    r: &crate::trace::Record,
) -> io::Result<()> {
    if let crate::trace::Event::Stop { reason } = &r.event
        && reason == session::DEADLOCK
    {
        // Who waits on what and who holds it, as the run stood when it stopped.
        *deadlock = super::schedule::deadlock_sentences(printer.run());
    }
    exports.record(r);
    printer.record(r)
}

/// A held run's steps and schedule, printed after its transcript; the exit status of a held run
/// that ended in a deadlock or whose schedule diverged.
fn report_held(
    handle: &session::RunHandle,
    format: Format,
    deadlock: &[String],
) -> Option<ExitCode> {
    let log = handle.held_log()?;
    if let Err(e) = super::schedule::report(&mut io::stdout().lock(), format, &log, deadlock) {
        return Some(write_failed(&e));
    }
    match log.end {
        Some(session::HeldEnd::Deadlock(_)) => Some(ExitCode::from(super::schedule::DEADLOCKED)),
        Some(session::HeldEnd::Diverged(_)) => Some(ExitCode::from(super::schedule::DIVERGED)),
        None => None,
    }
}

/// After a stop: lets the printer finish while it makes progress; `None` if it stalls (its reader
/// stopped reading) and the rest is given up.
fn wait_for_printer(printed: &Receiver<Printed>, taken: &AtomicU64) -> Option<Printed> {
    let mut seen = taken.load(Ordering::Relaxed);
    loop {
        match printed.recv_timeout(STALLED_OUTPUT) {
            Ok(p) => return Some(p),
            Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => {
                let now = taken.load(Ordering::Relaxed);
                if now == seen {
                    return None;
                }
                seen = now;
            }
        }
    }
}

/// The exit status for a run printed to its end, and what the end says on stderr.
fn ended(end: &RunEnd) -> ExitCode {
    if let Some(reason) = &end.stopped
        && reason.starts_with(session::OVER_BUDGET)
    {
        say::error(&format!("{reason}, so it was stopped"));
    }
    exit_status(end.main)
}

/// The output could not be written: said on stderr unless its reader just went away (`| head`,
/// where quiet is what a command-line tool does); never exit 0.
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() != io::ErrorKind::BrokenPipe {
        say::error(&format!("could not write the run's output: {e}"));
    }
    ExitCode::FAILURE
}

/// The exit status of `forkyard run` for a main that ended so: its code, or 128 + its signal.
pub(super) fn exit_status(main: Option<Ending>) -> ExitCode {
    match main {
        Some(Ending::Exited { code }) => ExitCode::from((code & 0xff) as u8),
        Some(Ending::Signaled { signal }) => ExitCode::from((128 + signal).clamp(0, 255) as u8),
        None => ExitCode::FAILURE,
    }
}
