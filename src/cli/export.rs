//! `forkyard export RUN.jsonl --to FORMAT FILE`: a run recorded with `forkyard run ... --format
//! jsonl` written as a Chrome trace, an SVG timeline or a transcript, the same as `run --export`
//! would have written it. Nothing is run again.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::export::{self, Recording};

/// Options of `forkyard export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The recorded run: the output of `forkyard run ... --format jsonl`.
    #[arg(value_name = "RUN.jsonl")]
    trace: PathBuf,
    /// Write it to FILE as `perfetto` (trace-event JSON for ui.perfetto.dev), `svg` (the
    /// timeline as a picture) or `transcript` (the human text); may be repeated.
    #[arg(long = "to", num_args = 2, value_names = ["FORMAT", "FILE"], required = true)]
    to: Vec<String>,
}

/// Runs `forkyard export`.
pub fn run(args: &ExportArgs) -> ExitCode {
    match export_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("forkyard: {message}");
            ExitCode::from(2)
        }
    }
}

fn export_inner(args: &ExportArgs) -> Result<(), String> {
    let mut exports = export::Collector::from_args(&args.to)?;
    let text = std::fs::read_to_string(&args.trace).map_err(|e| {
        format!(
            "could not read {}: {e} (record a run with `forkyard run ... --format jsonl > run.jsonl`)",
            args.trace.display()
        )
    })?;
    let recording = Recording::from_jsonl(&text, &args.trace)?;
    for r in &recording.records {
        exports.record(r);
    }
    let end = recording.end.unwrap_or(crate::session::RunEnd {
        main: None,
        stopped: None,
    });
    exports.finish(&end)
}
