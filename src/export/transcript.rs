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
                "{}  forkyard refused: {}",
                prefix(r.lesson_ns, &visible(&name)),
                visible(message)
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
                prefix(line.lesson_ns, &visible(&line.process)),
                visible(&line.text)
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

/// `text` with every character that would act on the terminal instead of showing (C0 and C1
/// controls but the tab, DEL, and the bidirectional overrides that reorder a line) written as
/// Python writes it in a `repr` (`\x1b`, `\r`, `\u202e`): a program's output must not move the
/// cursor over the tags, clear the screen, or retitle the window, as in the playground.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let acts = |c: char| {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(acts) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if acts(c) && (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if acts(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

/// `  0.000  MainProcess ` : lesson seconds and the process name, padded.
fn prefix(lesson_ns: u64, name: &str) -> String {
    format!("{:>7.3}  {name:<NAME_WIDTH$}", lesson_ns as f64 / 1e9)
}

fn write_summary(out: &mut String, rows: &[ProcessSummary]) {
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            let name = visible(&r.name);
            if r.daemon {
                format!("{name} (daemon)")
            } else {
                name.into_owned()
            }
        })
        .collect();
    let hows: Vec<String> = rows.iter().map(|r| visible(&r.how).into_owned()).collect();
    let name_w = names
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0)
        .max("process".len());
    let how_w = hows
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0)
        .max("ended".len());
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  {:<name_w$}  {:>7}  {:<how_w$}  {:>7}  {:>7}",
        "process", "pid", "ended", "start", "end"
    );
    for ((r, name), how) in rows.iter().zip(names).zip(hows) {
        let end = r
            .end_s
            .map_or_else(|| "-".to_string(), |s| format!("{s:.3}"));
        let _ = writeln!(
            out,
            "  {name:<name_w$}  {:>7}  {how:<how_w$}  {:>7.3}  {end:>7}",
            r.pid, r.start_s
        );
    }
}
