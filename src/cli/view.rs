//! `forkyard view RUN.jsonl`: the playground on a run recorded with `forkyard run ... --format
//! jsonl`, to scrub through it (nothing is run again). The file is read and checked before the
//! terminal is taken, so a bad file is a sentence with its place on a normal screen.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::export::Recording;

/// Options of `forkyard view`.
#[derive(Args, Debug)]
pub struct ViewArgs {
    /// The recorded run: the output of `forkyard run ... --format jsonl`.
    #[arg(value_name = "RUN.jsonl")]
    trace: PathBuf,
    /// The lesson the run ran (`04-lock`): its program is shown in the code pane.
    #[arg(long, value_name = "LESSON")]
    lesson: Option<String>,
    /// Draw with ASCII only (no box or block characters).
    #[arg(long)]
    ascii: bool,
    /// Record the session as an asciicast v2 file (replays in asciinema).
    #[arg(long, value_name = "FILE")]
    record: Option<PathBuf>,
}

/// Runs `forkyard view`.
pub fn run(args: &ViewArgs) -> ExitCode {
    let recording = match read(args) {
        Ok(r) => r,
        Err(message) => {
            eprintln!("forkyard: {message}");
            return ExitCode::from(2);
        }
    };
    if !crate::tui::on_terminal() {
        eprintln!(
            "forkyard: view opens the playground and needs a terminal; without one, \
             `forkyard export {} --to transcript FILE` writes the run as text",
            args.trace.display()
        );
        return ExitCode::from(2);
    }
    crate::tui::run(crate::tui::Options {
        ascii: args.ascii,
        record: args.record.clone(),
        recorded: Some((recording, args.lesson.clone())),
        file: None,
    })
}

fn read(args: &ViewArgs) -> Result<Recording, String> {
    let text = std::fs::read_to_string(&args.trace).map_err(|e| {
        format!(
            "could not read {}: {e} (record a run with `forkyard run ... --format jsonl > run.jsonl`)",
            args.trace.display()
        )
    })?;
    Recording::from_jsonl(&text, &args.trace)
}
