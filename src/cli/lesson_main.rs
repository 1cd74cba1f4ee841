//! The hidden subcommand: this binary as a run's lesson main (Python's `MainProcess`).
//!
//! The observer execs it with the program's source in a memfd and the run's trace pipe and control
//! page as inherited fds. It attaches to the run, reports `main`, interprets the program, and ends
//! with `_exit` through the runtime, never returning into `main()`.

use std::process::ExitCode;

use clap::Args;

use crate::runtime::{self, Handoff};
use crate::session::StdoutMode;
use crate::trace::Event;

/// The fds and names the observer passes.
#[derive(Args, Debug)]
pub struct LessonArgs {
    /// The program's file name, as tracebacks show it.
    #[arg(long)]
    file: String,
    /// A memfd holding the program's source.
    #[arg(long)]
    source_fd: i32,
    /// The write end of the run's trace pipe.
    #[arg(long)]
    trace_fd: i32,
    /// The run's control page (a memfd).
    #[arg(long)]
    control_fd: i32,
    /// The client end of the run's fd broker.
    #[arg(long)]
    broker_fd: Option<i32>,
    /// The run's memory budget, bytes.
    #[arg(long)]
    max_memory: u64,
    /// How the program's stdout is buffered (`tty`, `pipe`, `unbuffered`).
    #[arg(long, default_value_t = StdoutMode::Tty)]
    stdout: StdoutMode,
    /// One argument of the program (`sys.argv[1:]`, in order); may be repeated.
    #[arg(long = "argv", allow_hyphen_values = true)]
    argv: Vec<String>,
}

/// Runs the program as the lesson main; never returns on success.
pub fn run(args: &LessonArgs) -> ExitCode {
    let attached = runtime::read_source(args.source_fd).and_then(|source| {
        runtime::init(Handoff {
            trace_fd: args.trace_fd,
            control_fd: args.control_fd,
            memory_budget: args.max_memory,
            broker_fd: args.broker_fd,
        })?;
        Ok(source)
    });
    let source = match attached {
        Ok(source) => source,
        Err(e) => {
            // Goes to the observer's stderr pipe: it shows as stray output of the run.
            super::say::error(&format!(
                "this lesson main could not attach to its run: {e}"
            ));
            return ExitCode::from(70);
        }
    };
    // Before any of the program runs; every process it forks inherits the sandbox.
    runtime::sandbox::enter();
    // Before the first statement; every process forked later copies it.
    runtime::stdout::set_mode(args.stdout);
    runtime::emit(Event::Main {
        name: "MainProcess".into(),
        file: args.file.clone(),
    });
    crate::python::set_program_arguments(args.argv.clone());
    let code = crate::python::run_main(&source, &args.file);
    runtime::process::exit_process(code)
}
