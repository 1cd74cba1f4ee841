//! The human transcript of a run, exactly as `forkyard run` prints it: each output line as
//! `  0.000  MainProcess   end` (lesson seconds, process name) once it is complete, forkyard's
//! refusals the same way, then a summary of how every process ended. `forkyard run` prints
//! through [`Transcript`] as the run goes; the export renders a recorded run with the same code.

use std::fmt::Write as _;

use super::Recording;
use crate::session::Run;
use crate::session::model::ProcessSummary;
use crate::trace::{Event, Record};

/// Width of the process-name column.
const NAME_WIDTH: usize = 12;

/// Turns a run into transcript text as its records arrive.
#[derive(Debug, Default)]
pub struct Transcript {
    next_line: u64,
}

impl Transcript {
    /// A transcript with nothing written yet.
    pub fn new() -> Transcript {
        Transcript::default()
    }

    /// The text that `r` completes; call it after applying `r` to `run`.
    pub fn record(&mut self, run: &Run, r: &Record) -> String {
        let mut text = String::new();
        if let Event::Refused { message } = &r.event {
            let name = run
                .process_name(r.pid)
                .map_or("forkyard".into(), ToString::to_string);
            let _ = writeln!(
                text,
                "{}  forkyard refused: {message}",
                prefix(r.lesson_ns, &name)
            );
        }
        self.new_lines(run, &mut text);
        text
    }

    /// What is left once the run is over (call it after `Run::finish`): the last lines, then the
    /// summary.
    pub fn end(&mut self, run: &Run) -> String {
        let mut text = String::new();
        self.new_lines(run, &mut text);
        write_summary(&mut text, &run.summary());
        text
    }

    fn new_lines(&mut self, run: &Run, text: &mut String) {
        for (n, line) in run.log.since(self.next_line) {
            if n > self.next_line {
                // Only if the log dropped lines before they were printed (it never should here).
                let _ = writeln!(text, "({} lines were not kept)", n - self.next_line);
            }
            let _ = writeln!(
                text,
                "{}  {}",
                prefix(line.lesson_ns, &line.process),
                line.text
            );
            self.next_line = n + 1;
        }
    }
}

/// The transcript of a recorded run.
pub fn render(recording: &Recording) -> String {
    let mut run = Run::new();
    let mut transcript = Transcript::new();
    let mut text = String::new();
    for r in &recording.records {
        run.apply(r);
        text.push_str(&transcript.record(&run, r));
    }
    if let Some(end) = &recording.end {
        run.finish(end);
    }
    text.push_str(&transcript.end(&run));
    text
}

/// `  0.000  MainProcess ` : lesson seconds and the process name, padded.
fn prefix(lesson_ns: u64, name: &str) -> String {
    format!("{:>7.3}  {name:<NAME_WIDTH$}", lesson_ns as f64 / 1e9)
}

fn write_summary(out: &mut String, rows: &[ProcessSummary]) {
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            if r.daemon {
                format!("{} (daemon)", r.name)
            } else {
                r.name.clone()
            }
        })
        .collect();
    let name_w = names
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0)
        .max("process".len());
    let how_w = rows
        .iter()
        .map(|r| r.how.len())
        .max()
        .unwrap_or(0)
        .max("ended".len());
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  {:<name_w$}  {:>7}  {:<how_w$}  {:>7}  {:>7}",
        "process", "pid", "ended", "start", "end"
    );
    for (r, name) in rows.iter().zip(names) {
        let end = r
            .end_s
            .map_or_else(|| "-".to_string(), |s| format!("{s:.3}"));
        let _ = writeln!(
            out,
            "  {name:<name_w$}  {:>7}  {:<how_w$}  {:>7.3}  {end:>7}",
            r.pid, r.how, r.start_s
        );
    }
}
