//! What one run came to, as explore and stats compare runs: the program's stdout (and stderr, where
//! a traceback says why a process failed), how each process ended, and whether it ended in a
//! deadlock. Two runs with the same outcome count as one.
//!
//! A pid differs on every run, so a program that prints one (`os.getpid()`, `p.pid`) would give
//! a new outcome each time: in the stdout kept here every pid of the run is written as the name
//! of its process in guillemets (`‹Process-1›`, `‹forkyard›` for the observer a main's `getppid()`
//! sees), the same on every run and on every machine.

use std::collections::HashMap;

use super::model::Run;
use super::{RunEnd, Update};
use crate::trace::{Ending, Event, Record, Stream, signal_name};

/// One run's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Outcome {
    /// Everything the program wrote to stdout, pids written as names.
    pub stdout: String,
    /// Everything it wrote to stderr (a traceback, a syntax error), pids written as names.
    pub stderr: String,
    /// Each process in creation order with how it ended ("exit code 0", "SIGTERM",
    /// "deadlocked: Lock#2.acquire").
    pub endings: Vec<(String, String)>,
    /// Every live process waited and none could go on.
    pub deadlock: bool,
}

/// A run read to its end: its records, its model, and its stdout as written.
pub struct Finished {
    pub records: Vec<Record>,
    pub run: Run,
    pub end: Option<RunEnd>,
}

impl Finished {
    /// Reads every update of a run until its end, or until `within` (real time) has passed.
    pub fn read(
        updates: &crossbeam_channel::Receiver<Update>,
        within: std::time::Duration,
    ) -> Finished {
        let deadline = std::time::Instant::now() + within;
        let mut run = Run::new();
        let mut records = Vec::new();
        let mut end = None;
        while let Ok(u) = updates.recv_deadline(deadline) {
            match u {
                Update::Record(r) => {
                    run.apply(&r);
                    records.push(r);
                }
                Update::Records(rs) => {
                    for r in rs {
                        run.apply(&r);
                        records.push(r);
                    }
                }
                Update::End(e) => {
                    run.finish(&e);
                    end = Some(e);
                    break;
                }
            }
        }
        Finished { records, run, end }
    }

    /// The outcome; `waiting`: the processes a deadlock left waiting, with what they wait on
    /// (their ending is that wait, not the SIGKILL that cleared the run away); `cut`: why the run
    /// was stopped before its end, said as the ending of each process still live then.
    pub fn outcome(&self, waiting: &[(String, String)], cut: Option<&str>) -> Outcome {
        let mut pids: HashMap<String, String> = HashMap::new();
        if let Some(main) = self.run.main_pid
            && let Some(lane) = self.run.lane_by_pid(main)
        {
            pids.insert(lane.ppid.to_string(), "‹forkyard›".into());
        }
        for lane in self.run.lanes() {
            pids.insert(lane.pid.to_string(), format!("‹{}›", lane.name));
        }
        let stream = |which: Stream| -> String {
            self.records
                .iter()
                .filter_map(|r| match &r.event {
                    Event::Output { stream, text } if *stream == which => Some(text.as_str()),
                    _ => None,
                })
                .collect()
        };
        let (stdout, stderr) = (stream(Stream::Stdout), stream(Stream::Stderr));
        let endings = self
            .run
            .lanes()
            .map(|lane| {
                let how = if let Some((_, what)) = waiting.iter().find(|(n, _)| *n == lane.name) {
                    format!("deadlocked: {what}")
                } else {
                    match (lane.ending, cut) {
                        (Some((Ending::Exited { code }, _)), _) => format!("exit code {code}"),
                        // Alive when the run was cut, then cleared away with SIGKILL.
                        (Some((Ending::Signaled { signal: 9 }, _)) | None, Some(why)) => {
                            why.to_string()
                        }
                        (Some((Ending::Signaled { signal }, _)), _) => signal_name(signal),
                        (None, None) => "not reaped".to_string(),
                    }
                };
                (lane.name.to_string(), how)
            })
            .collect();
        Outcome {
            stdout: write_pids_as_names(&stdout, &pids),
            stderr: write_pids_as_names(&stderr, &pids),
            endings,
            deadlock: !waiting.is_empty(),
        }
    }
}

/// `text` with every run of digits that is one of `pids` replaced by its name.
fn write_pids_as_names(text: &str, pids: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match pids.get(digits.as_str()) {
            Some(name) => out.push_str(name),
            None => out.push_str(digits),
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

impl Outcome {
    /// The endings in one line: `MainProcess exit code 0, Process-1 SIGTERM`.
    pub fn endings_line(&self) -> String {
        self.endings
            .iter()
            .map(|(n, how)| format!("{n} {how}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pids_are_written_as_names_and_other_numbers_kept() {
        let pids: HashMap<String, String> = [("4242".into(), "‹Process-1›".into())].into();
        assert_eq!(
            write_pids_as_names("Process-1 (pid 4242) read 4 wrote 42424", &pids),
            "Process-1 (pid ‹Process-1›) read 4 wrote 42424"
        );
        assert_eq!(write_pids_as_names("4242", &pids), "‹Process-1›");
    }
}
