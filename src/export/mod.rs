//! Exports of a finished run: a Chrome trace-event file for ui.perfetto.dev and chrome://tracing
//! (`perfetto`), a standalone picture of the timeline (`svg`), and the human transcript as
//! `forkyard run` prints it (`transcript`).
//!
//! Lives here: the recording of a run (every trace record and how the run ended, from a live run or
//! read back from a `--format jsonl` file), the timeline the graphic formats share (`timeline`,
//! with the hand-overs between processes in `flows`), and one file per format. Must not live here:
//! running anything (a recording is only data), the command line, drawing on a terminal.
//!
//! The exports are built from the trace records themselves rather than from the live `Run` model
//! alone: the model bounds its memory (it folds old state history and drops old lines), while an
//! export must show the whole run. The model still gives what it knows best: names, daemon flags,
//! and how each process ended.

pub mod flows;
pub mod perfetto;
pub mod svg;
pub mod timeline;
pub mod transcript;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::session::RunEnd;
use crate::trace::{Ending, Event, Record};

pub use timeline::Timeline;

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Chrome trace-event JSON (ui.perfetto.dev, chrome://tracing).
    Perfetto,
    /// A standalone SVG picture of the timeline.
    Svg,
    /// The human text format of `forkyard run`: time, process, line, then the summary.
    Transcript,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: [Format; 3] = [Format::Perfetto, Format::Svg, Format::Transcript];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Perfetto => "perfetto",
            Format::Svg => "svg",
            Format::Transcript => "transcript",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "there is no export format '{s}' (formats: {})",
                    names.join(", ")
                )
            })
    }
}

/// One export asked for: a format and the file to write it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The format.
    pub format: Format,
    /// Where it goes.
    pub path: PathBuf,
}

impl Target {
    /// Targets from the command line's `--export FORMAT FILE` values, taken two by two.
    pub fn parse_pairs(values: &[String]) -> Result<Vec<Target>, String> {
        if !values.len().is_multiple_of(2) {
            return Err(
                "--export takes a format and a file: --export perfetto run.json".to_string(),
            );
        }
        values
            .chunks(2)
            .map(|pair| {
                Ok(Target {
                    format: pair[0].parse()?,
                    path: PathBuf::from(&pair[1]),
                })
            })
            .collect()
    }
}

/// A finished run as data: every trace record in time order, and how the run ended.
#[derive(Debug, Clone, Default)]
pub struct Recording {
    /// The records, in the order the observer delivered them (time order).
    pub records: Vec<Record>,
    /// How the run ended.
    pub end: Option<RunEnd>,
    /// What was run, as the command line named it (`09-pool`, `my_program.py`), if known.
    pub title: Option<String>,
}

impl Recording {
    /// An empty recording, to be filled as a run goes.
    pub fn new() -> Recording {
        Recording::default()
    }

    /// Reads a recording back from a `forkyard run --format jsonl` file's text. `path` names the
    /// file in errors. How the run ended is read from the records themselves: the reaping of the
    /// lesson main, and the observer's `stop` record if there is one.
    pub fn from_jsonl(text: &str, path: &Path) -> Result<Recording, String> {
        let mut records = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with("=== ") {
                return Err(format!(
                    "{}:{}: this is the output of `run --compare` (two runs); export a run from \
                     its own `forkyard run ... --format jsonl` file, with `--set` to pick the knob's value",
                    path.display(),
                    n + 1
                ));
            }
            let record: Record = serde_json::from_str(line).map_err(|e| {
                format!(
                    "{}:{}: not a forkyard trace record ({e}); make one with \
                     `forkyard run ... --format jsonl > run.jsonl`",
                    path.display(),
                    n + 1
                )
            })?;
            records.push(record);
        }
        if records.is_empty() {
            return Err(format!(
                "{}: holds no trace records; make one with `forkyard run ... --format jsonl > run.jsonl`",
                path.display()
            ));
        }
        let mains = records
            .iter()
            .filter(|r| matches!(r.event, Event::Main { .. }))
            .count();
        if mains > 1 {
            return Err(format!(
                "{}: holds {mains} runs; export a run from its own `forkyard run ... --format jsonl` file",
                path.display()
            ));
        }
        let end = Some(end_from_records(&records));
        Ok(Recording {
            records,
            end,
            title: None,
        })
    }
}

/// How a run ended, as far as its records say.
fn end_from_records(records: &[Record]) -> RunEnd {
    let main_pid = records.iter().find_map(|r| match r.event {
        Event::Main { .. } => Some(r.pid),
        _ => None,
    });
    let main = records.iter().rev().find_map(|r| match &r.event {
        Event::Reaped { child, ending, .. } if Some(*child) == main_pid => Some(*ending),
        _ => None,
    });
    // A main that wrote its exit but whose reaping is not in the file still said its code.
    let main = main.or_else(|| {
        records.iter().rev().find_map(|r| match r.event {
            Event::Exit { code } if Some(r.pid) == main_pid => Some(Ending::Exited { code }),
            _ => None,
        })
    });
    let stopped = records.iter().find_map(|r| match &r.event {
        Event::Stop { reason } => Some(reason.clone()),
        _ => None,
    });
    RunEnd { main, stopped }
}

/// The exports a run was asked for (`--export FORMAT FILE`), collecting its records as it goes.
#[derive(Debug, Default)]
pub struct Collector {
    targets: Vec<Target>,
    recording: Recording,
}

impl Collector {
    /// The exports named by the command line's `--export` values (format, file, format, file...).
    /// A bad format, or a file in a directory that does not exist, is refused now rather than
    /// after the run.
    pub fn from_args(values: &[String]) -> Result<Collector, String> {
        let targets = Target::parse_pairs(values)?;
        for t in &targets {
            let dir = t.path.parent().filter(|d| !d.as_os_str().is_empty());
            if let Some(dir) = dir
                && !dir.is_dir()
            {
                return Err(format!(
                    "--export {} {}: the directory {} does not exist (create it, or name a file in an existing one)",
                    t.format,
                    t.path.display(),
                    dir.display()
                ));
            }
        }
        Ok(Collector {
            targets,
            recording: Recording::new(),
        })
    }

    /// Names what was run (`09-pool`), for the exports' titles.
    pub fn title(mut self, title: &str) -> Collector {
        self.recording.title = Some(title.to_string());
        self
    }

    /// Whether no export was asked for.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Keeps a record of the run (only if an export was asked for).
    pub fn record(&mut self, r: &Record) {
        if !self.targets.is_empty() {
            self.recording.records.push(r.clone());
        }
    }

    /// The run ended so: writes every export.
    pub fn finish(mut self, end: &RunEnd) -> Result<(), String> {
        self.recording.end = Some(end.clone());
        write_all(&self.targets, &self.recording)
    }
}

/// Renders `recording` in `format`.
pub fn render(format: Format, recording: &Recording) -> String {
    render_with(format, recording, &mut None)
}

/// Renders `recording` in `format`, building its timeline into `timeline` only if it is not
/// there yet (several graphic exports of one run share it).
fn render_with(format: Format, recording: &Recording, timeline: &mut Option<Timeline>) -> String {
    if format == Format::Transcript {
        return transcript::render(recording);
    }
    let timeline = timeline.get_or_insert_with(|| Timeline::build(recording));
    match format {
        Format::Perfetto => perfetto::render(timeline),
        _ => svg::render(timeline),
    }
}

/// Writes every target; the first failure is a sentence naming the file.
pub fn write_all(targets: &[Target], recording: &Recording) -> Result<(), String> {
    let mut timeline = None;
    for t in targets {
        let text = render_with(t.format, recording, &mut timeline);
        std::fs::write(&t.path, text).map_err(|e| {
            format!(
                "could not write the {} export to {}: {e}",
                t.format,
                t.path.display()
            )
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_pairs_parse_and_bad_ones_say_why() {
        let v = |s: &[&str]| s.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            Target::parse_pairs(&v(&["svg", "a.svg", "transcript", "t.txt"])).unwrap(),
            vec![
                Target {
                    format: Format::Svg,
                    path: "a.svg".into()
                },
                Target {
                    format: Format::Transcript,
                    path: "t.txt".into()
                }
            ]
        );
        let err = Target::parse_pairs(&v(&["png", "a.png"])).unwrap_err();
        assert!(
            err.contains("'png'") && err.contains("perfetto, svg, transcript"),
            "{err}"
        );
        assert!(Target::parse_pairs(&v(&["svg"])).is_err());
    }

    #[test]
    fn a_bad_jsonl_line_is_named_by_file_and_line() {
        let err = Recording::from_jsonl("\nnot json\n", Path::new("run.jsonl")).unwrap_err();
        assert!(
            err.starts_with("run.jsonl:2: not a forkyard trace record"),
            "{err}"
        );
        let err = Recording::from_jsonl("", Path::new("empty.jsonl")).unwrap_err();
        assert!(err.contains("holds no trace records"), "{err}");
        let main = r#"{"pid":1,"ppid":0,"seq":0,"mono_ns":0,"lesson_ns":0,"kind":"main","name":"MainProcess","file":"main.py"}"#;
        let two = format!("{main}\n{main}\n");
        let err = Recording::from_jsonl(&two, Path::new("both.jsonl")).unwrap_err();
        assert!(err.starts_with("both.jsonl: holds 2 runs"), "{err}");
        let compared = format!("=== 09-pool (method=apply) ===\n{main}\n");
        let err = Recording::from_jsonl(&compared, Path::new("cmp.jsonl")).unwrap_err();
        assert!(
            err.contains("cmp.jsonl:1: this is the output of `run --compare`"),
            "{err}"
        );
        let one = Recording::from_jsonl(main, Path::new("one.jsonl")).unwrap();
        assert_eq!(one.records.len(), 1);
    }

    #[test]
    fn an_operation_another_forkyard_named_still_loads_and_is_kept_as_written() {
        let head = r#""pid":1,"ppid":0,"mono_ns":0,"lesson_ns":0"#;
        let text = [
            format!(r#"{{{head},"seq":0,"kind":"main","name":"MainProcess","file":"main.py"}}"#),
            format!(r#"{{{head},"seq":1,"kind":"object","id":7,"class":"Lock","capacity":1}}"#),
            format!(r#"{{{head},"seq":2,"kind":"op","id":7,"op":"acquired","detail":null}}"#),
            format!(r#"{{{head},"seq":3,"kind":"op","id":7,"op":"polished","detail":"twice"}}"#),
        ]
        .join("\n");
        let rec = Recording::from_jsonl(&text, Path::new("other.jsonl")).unwrap();
        let ops: Vec<&crate::trace::Op> = rec
            .records
            .iter()
            .filter_map(|r| match &r.event {
                Event::Op { op, .. } => Some(op),
                _ => None,
            })
            .collect();
        use crate::trace::Op;
        assert_eq!(ops, [&Op::Acquired, &Op::Other("polished".into())]);
        // The model keeps it among the Lock's operations and acts on the known one only.
        let mut run = crate::session::Run::default();
        for r in &rec.records {
            run.apply(r);
        }
        let lock = run.objects.get(7).unwrap();
        assert_eq!((lock.holders.clone(), lock.value), (vec![1], Some(0)));
        assert_eq!(lock.ops.back().unwrap().op, Op::Other("polished".into()));
        // Written back, it is the line it was.
        let line = serde_json::to_string(&rec.records[3]).unwrap();
        assert!(line.contains(r#""op":"polished""#), "{line}");
    }
}
