//! The end summary: one row per process saying how it ended, in words a learner reads
//! ("SIGTERM at MainProcess's exit"), with its start and end in lesson seconds.

use super::{Cause, Lane, Run};
use crate::trace::{Ending, signal_name};

/// One process in the end summary.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessSummary {
    /// Its name.
    pub name: String,
    /// Its pid.
    pub pid: i32,
    /// Whether it was daemonic.
    pub daemon: bool,
    /// Python's `exitcode` (the code, or minus the signal), once known.
    pub exitcode: Option<i32>,
    /// How it ended, as a sentence fragment.
    pub how: String,
    /// When it started, lesson seconds.
    pub start_s: f64,
    /// When it ended, lesson seconds (`None`: it did not, as far as the trace says).
    pub end_s: Option<f64>,
}

pub(super) fn of_lane(run: &Run, lane: &Lane) -> ProcessSummary {
    ProcessSummary {
        name: lane.name.clone(),
        pid: lane.pid,
        daemon: lane.daemon,
        exitcode: lane.exitcode(),
        how: how_it_ended(run, lane),
        start_s: secs(lane.start_ns),
        end_s: lane.end_ns().map(secs),
    }
}

fn secs(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// How `lane`'s process ended, in words.
pub fn how_it_ended(run: &Run, lane: &Lane) -> String {
    let ending = lane.ending.map(|(e, _)| e);
    match ending {
        Some(Ending::Exited { code }) => format!("exit code {code}"),
        Some(Ending::Signaled { signal }) => killed_by(run, lane, signal),
        None => match lane.exit {
            Some((code, _)) => format!("exit code {code}"),
            None if run.end.is_some() => "gone when the run ended".to_string(),
            None => "running".to_string(),
        },
    }
}

fn killed_by(run: &Run, lane: &Lane, signal: i32) -> String {
    let sig = signal_name(signal);
    match lane.cause.as_ref().map(|(c, _)| c) {
        Some(Cause::AtExitTerminate { by }) if signal == libc::SIGTERM => {
            format!("{sig} at {by}'s exit")
        }
        Some(Cause::Signal { by, signal: s }) if *s == signal => format!("{sig} from {by}"),
        Some(Cause::Stopped { reason }) if signal == libc::SIGKILL => match reason.as_str() {
            "stopped" => format!("{sig}: the run was stopped"),
            over if over.starts_with(crate::session::OVER_BUDGET) => format!("killed: {over}"),
            reason => format!("{sig}: the run was stopped ({reason})"),
        },
        _ if signal == libc::SIGKILL && parent_ended(run, lane) => {
            let parent = run
                .lane_by_pid(lane.ppid)
                .map_or("its parent", |p| p.name.as_str());
            format!("{sig}: {parent} ended first")
        }
        _ => format!("killed by {sig}"),
    }
}

/// Whether the process's parent (a process of the run) ended: then PDEATHSIG killed it.
fn parent_ended(run: &Run, lane: &Lane) -> bool {
    run.lane_by_pid(lane.ppid).is_some_and(Lane::has_ended)
}
