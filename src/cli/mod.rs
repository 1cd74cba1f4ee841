//! The headless face: `forkyard list | run | check | export | explore | stats | quiz | challenge | view`, and the hidden subcommand that makes this binary
//! a lesson main. It only talks to `session` and `lesson` (and, as a lesson main, to `runtime` and
//! `python`).
//!
//! Lives here: the command line (`clap`), the run command and its three output formats (`run`,
//! `render`), the lesson main's entry (`lesson_main`). Must not live here: any process handling (that
//! is `session`'s) or Python.

mod challenge;
mod compare;
mod explore;
mod export;
mod lesson_main;
mod lessons;
mod limits;
mod quiz;
mod render;
mod run;
mod say;
pub mod schedule;
mod stats;
mod view;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::session;

/// forkyard: learn Python's multiprocessing by watching real processes.
#[derive(Parser, Debug)]
#[command(name = "forkyard", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The playground draws with ASCII only (no box or block characters).
    #[arg(long)]
    ascii: bool,
    /// Your own Python program: the playground opens on it (`forkyard my_program.py`), and reruns
    /// it when you save it.
    #[arg(value_name = "FILE.py")]
    file: Option<std::path::PathBuf>,
    /// Record the playground session as an asciicast v2 file (replays in asciinema).
    #[arg(long, value_name = "FILE")]
    record: Option<std::path::PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the lessons.
    List,
    /// Run a lesson's program or a Python file, headless: its output streams in as it happens.
    Run(run::RunArgs),
    /// Validate lessons (all, or those named); exit 1 with the reasons if any is bad.
    Check {
        /// Lesson ids (`02-daemon`) or lesson directories; none: every lesson.
        lessons: Vec<String>,
    },
    /// Export a run recorded with `run ... --format jsonl` (nothing is run again).
    #[command(override_usage = "forkyard export RUN.jsonl --to FORMAT FILE [--to FORMAT FILE]...")]
    Export(export::ExportArgs),
    /// Every outcome a program can have: runs it held under systematically chosen schedules and
    /// lists each distinct outcome with the shortest schedule that gives it.
    Explore(explore::ExploreArgs),
    /// What the kernel really does: runs a program many times free and counts its outcomes.
    Stats(stats::StatsArgs),
    /// A lesson's predictions, asked on stdin, each graded from a real run with its knobs.
    Quiz(quiz::QuizArgs),
    /// A lesson's challenge; with `--schedule`, a held run of it graded: exit 0 met, 1 not met.
    Challenge(challenge::ChallengeArgs),
    /// Open the playground on a run recorded with `run ... --format jsonl`, to scrub through it
    /// (nothing is run again).
    View(view::ViewArgs),
    /// Internal: run as the lesson main of a run started by an observer.
    #[command(name = session::LESSON_SUBCOMMAND, hide = true)]
    Lesson(lesson_main::LessonArgs),
}

/// How `run` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each output line tagged with lesson time and process, then a summary of every process.
    Human,
    /// Exactly what the program wrote to stdout and stderr, and nothing else.
    Plain,
    /// Every trace record as one JSON object per line.
    Jsonl,
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Lesson(args)) => lesson_main::run(&args),
        Some(Command::Run(args)) => run::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Explore(args)) => explore::run(&args),
        Some(Command::Stats(args)) => stats::run(&args),
        Some(Command::Quiz(args)) => quiz::run(&args),
        Some(Command::Challenge(args)) => challenge::run(&args),
        Some(Command::View(args)) => view::run(&args),
        Some(Command::List) => {
            quiet_on_closed_pipe();
            lessons::list()
        }
        Some(Command::Check { lessons }) => {
            quiet_on_closed_pipe();
            lessons::check(&lessons)
        }
        // No subcommand: the playground on a terminal; in a pipe or a script, the lesson list.
        None if crate::tui::on_terminal() => crate::tui::run(crate::tui::Options {
            ascii: cli.ascii,
            file: cli.file,
            record: cli.record,
            recorded: None,
        }),
        // A file outside a terminal: what it prints, as `forkyard run FILE.py` does.
        None if cli.file.is_some() => {
            let file = cli.file.unwrap_or_default();
            match crate::tui::own::read(&file) {
                Err(why) => say::error(&why),
                Ok(_) => say::error(&format!(
                    "the playground needs a terminal; to run {} here: forkyard run {0}",
                    file.display()
                )),
            }
            ExitCode::from(2)
        }
        None => {
            quiet_on_closed_pipe();
            lessons::intro()
        }
    }
}

/// Commands that only print end quietly when their reader goes (`forkyard list | head -3`), as
/// command-line tools do, instead of failing on the write: the default action of SIGPIPE. (`run`
/// keeps SIGPIPE ignored: it notices a closed stdout itself and stops its run cleanly.)
fn quiet_on_closed_pipe() {
    // SAFETY: resetting one signal's disposition, before any thread is started.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
}
