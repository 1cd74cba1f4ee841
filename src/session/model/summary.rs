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
    how_ended(run, lane).en()
}

/// How a process ended, as facts; [`HowEnded::en`] and [`HowEnded::zh`] say it in words, so the
/// two languages of the playground and the headless summary share one reading of the trace.
#[derive(Debug, Clone, PartialEq)]
pub enum HowEnded {
    /// It exited with this code.
    Exited(i32),
    /// The run ended and the trace never said how it did.
    GoneWithTheRun,
    /// It has not ended.
    Running,
    /// SIGTERM from the exit rules of `by` (a daemonic child at its parent's end).
    AtExitOf { sig: String, by: String },
    /// A signal from another process of the run (`terminate()`, `kill()`, `os.kill`).
    SignalFrom { sig: String, by: String },
    /// SIGKILL because the run was stopped (the stop key, a lesson change, quitting).
    RunStopped { sig: String },
    /// SIGKILL because the run went over its memory budget (the reason says which).
    OverBudget { reason: String },
    /// SIGKILL because the run was stopped for this reason (`timeout after 5 s`).
    RunStoppedBecause { sig: String, reason: String },
    /// Killed by a signal nobody of the run sent.
    KilledBy { sig: String },
}

impl HowEnded {
    /// In English: `exit code 0`, `SIGTERM at MainProcess's exit`.
    pub fn en(&self) -> String {
        match self {
            HowEnded::Exited(code) => format!("exit code {code}"),
            HowEnded::GoneWithTheRun => "gone when the run ended".to_string(),
            HowEnded::Running => "running".to_string(),
            HowEnded::AtExitOf { sig, by } => format!("{sig} at {by}'s exit"),
            HowEnded::SignalFrom { sig, by } => format!("{sig} from {by}"),
            HowEnded::RunStopped { sig } => format!("{sig}: the run was stopped"),
            HowEnded::OverBudget { reason } => format!("killed: {reason}"),
            HowEnded::RunStoppedBecause { sig, reason } => {
                format!("{sig}: the run was stopped ({reason})")
            }
            HowEnded::KilledBy { sig } => format!("killed by {sig}"),
        }
    }

    /// In Chinese, for the playground's 中文 texts: `退出码 0`、`MainProcess 退出时收到 SIGTERM`.
    pub fn zh(&self) -> String {
        match self {
            HowEnded::Exited(code) => format!("退出码 {code}"),
            HowEnded::GoneWithTheRun => "运行结束时已不在".to_string(),
            HowEnded::Running => "运行中".to_string(),
            HowEnded::AtExitOf { sig, by } => format!("{by} 退出时收到 {sig}"),
            HowEnded::SignalFrom { sig, by } => format!("收到 {by} 发来的 {sig}"),
            HowEnded::RunStopped { sig } => format!("{sig}：运行被停止"),
            HowEnded::OverBudget { reason } => format!("被杀死：{reason}"),
            HowEnded::RunStoppedBecause { sig, reason } => {
                format!("{sig}：运行被停止（{reason}）")
            }
            HowEnded::KilledBy { sig } => format!("被 {sig} 杀死"),
        }
    }
}

/// How `lane`'s process ended, as facts.
pub fn how_ended(run: &Run, lane: &Lane) -> HowEnded {
    let ending = lane.ending.map(|(e, _)| e);
    match ending {
        Some(Ending::Exited { code }) => HowEnded::Exited(code),
        Some(Ending::Signaled { signal }) => killed_by(lane, signal),
        None => match lane.exit {
            Some((code, _)) => HowEnded::Exited(code),
            None if run.end.is_some() => HowEnded::GoneWithTheRun,
            None => HowEnded::Running,
        },
    }
}

fn killed_by(lane: &Lane, signal: i32) -> HowEnded {
    let sig = signal_name(signal);
    match lane.cause.as_ref().map(|(c, _)| c) {
        Some(Cause::AtExitTerminate { by }) if signal == libc::SIGTERM => HowEnded::AtExitOf {
            sig,
            by: by.to_string(),
        },
        Some(Cause::Signal { by, signal: s }) if *s == signal => HowEnded::SignalFrom {
            sig,
            by: by.to_string(),
        },
        Some(Cause::Stopped { reason }) if signal == libc::SIGKILL => match reason.as_str() {
            "stopped" => HowEnded::RunStopped { sig },
            over if over.starts_with(crate::session::OVER_BUDGET) => HowEnded::OverBudget {
                reason: over.to_string(),
            },
            reason => HowEnded::RunStoppedBecause {
                sig,
                reason: reason.to_string(),
            },
        },
        _ => HowEnded::KilledBy { sig },
    }
}

#[cfg(test)]
mod tests {
    use super::HowEnded;

    #[test]
    fn how_a_process_ended_reads_in_both_languages() {
        let by = || "MainProcess".to_string();
        let cases = [
            (HowEnded::Exited(0), "exit code 0", "退出码 0"),
            (
                HowEnded::AtExitOf {
                    sig: "SIGTERM".into(),
                    by: by(),
                },
                "SIGTERM at MainProcess's exit",
                "MainProcess 退出时收到 SIGTERM",
            ),
            (
                HowEnded::SignalFrom {
                    sig: "SIGKILL".into(),
                    by: by(),
                },
                "SIGKILL from MainProcess",
                "收到 MainProcess 发来的 SIGKILL",
            ),
            (
                HowEnded::KilledBy {
                    sig: "SIGSEGV".into(),
                },
                "killed by SIGSEGV",
                "被 SIGSEGV 杀死",
            ),
        ];
        for (how, en, zh) in cases {
            assert_eq!(how.en(), en);
            assert_eq!(how.zh(), zh);
        }
    }
}
