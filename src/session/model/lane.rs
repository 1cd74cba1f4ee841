//! One lane per process: who it is, what it did over lesson time, and how it ended.

use std::collections::VecDeque;

use crate::trace::{Ending, State};

/// The most state segments a lane keeps; older ones are folded into a count.
pub const MAX_SEGMENTS: usize = 4096;

/// What a process was doing from some lesson time on.
#[derive(Debug, Clone, PartialEq)]
pub enum LaneState {
    /// Running Python code.
    Running,
    /// In `time.sleep` until this lesson time.
    Sleeping {
        /// When the sleep ends, lesson ns.
        until_ns: u64,
    },
    /// Waiting on something (`on`: "Process-1", "Lock#1"; `op`: "join", "acquire", ...).
    Blocked {
        /// What it waits on.
        on: String,
        /// For what.
        op: String,
    },
    /// No longer running (exited, or killed).
    Ended,
}

impl From<&State> for LaneState {
    fn from(s: &State) -> Self {
        match s {
            State::Running => LaneState::Running,
            State::Sleeping { until_ns } => LaneState::Sleeping {
                until_ns: *until_ns,
            },
            State::Blocked { on, op } => LaneState::Blocked {
                on: on.clone(),
                op: op.clone(),
            },
        }
    }
}

/// A state from a lesson time on (until the next segment's).
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// When the state began, lesson ns.
    pub from_ns: u64,
    /// The state.
    pub state: LaneState,
}

/// Why a process was ended from outside, as far as the trace tells.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    /// Another process sent it a signal (`terminate()`, `kill()`).
    Signal {
        /// The sender's name.
        by: String,
        /// The signal.
        signal: i32,
    },
    /// Its parent's exit rules sent SIGTERM to it as a live daemonic child.
    AtExitTerminate {
        /// The parent's name.
        by: String,
    },
    /// The observer stopped the run.
    Stopped {
        /// Why ("stopped", "timeout after 5 s").
        reason: String,
    },
}

/// A process of the run.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// Its multiprocessing name (`MainProcess`, `Process-1`).
    pub name: String,
    /// Its pid.
    pub pid: i32,
    /// Its parent's pid.
    pub ppid: i32,
    /// Whether it is daemonic.
    pub daemon: bool,
    /// Whether it is the lesson main.
    pub is_main: bool,
    /// When it began, lesson ns.
    pub start_ns: u64,
    /// When its parent forked it, lesson ns (from its `spawn` record; the main has none).
    pub forked_ns: Option<u64>,
    /// What it did, in time order (the oldest may have been folded away).
    pub segments: VecDeque<Segment>,
    /// How many old segments were folded away to bound memory.
    pub folded: u64,
    /// The code it said it was exiting with, and when.
    pub exit: Option<(i32, u64)>,
    /// How `waitpid` saw it end, and when it was reaped.
    pub ending: Option<(Ending, u64)>,
    /// The last outside cause aimed at it, and when.
    pub cause: Option<(Cause, u64)>,
}

impl Lane {
    /// A lane for a process first seen at `start_ns`.
    pub fn new(pid: i32, ppid: i32, name: String, start_ns: u64) -> Lane {
        Lane {
            name,
            pid,
            ppid,
            daemon: false,
            is_main: false,
            start_ns,
            forked_ns: None,
            segments: VecDeque::from([Segment {
                from_ns: start_ns,
                state: LaneState::Running,
            }]),
            folded: 0,
            exit: None,
            ending: None,
            cause: None,
        }
    }

    /// Records that the process is in `state` from `at_ns` on. A record that arrives late (out of
    /// time order) is slotted in where it belongs.
    pub fn set_state(&mut self, at_ns: u64, state: LaneState) {
        let pos = self
            .segments
            .iter()
            .rposition(|s| s.from_ns <= at_ns)
            .map_or(0, |i| i + 1);
        if pos > 0 && self.segments[pos - 1].state == state {
            return;
        }
        self.segments.insert(
            pos,
            Segment {
                from_ns: at_ns,
                state,
            },
        );
        while self.segments.len() > MAX_SEGMENTS {
            self.segments.pop_front();
            self.folded += 1;
        }
    }

    /// The state now (its last segment).
    pub fn state(&self) -> &LaneState {
        self.segments
            .back()
            .map_or(&LaneState::Running, |s| &s.state)
    }

    /// Whether the process has ended (exited or reaped).
    pub fn has_ended(&self) -> bool {
        self.exit.is_some() || self.ending.is_some()
    }

    /// When it ended, lesson ns: its exit, or the signal that killed it, or its reaping.
    pub fn end_ns(&self) -> Option<u64> {
        if let Some((_, at)) = self.exit {
            return Some(at);
        }
        let (ending, reaped_at) = self.ending?;
        match (&self.cause, ending) {
            (Some((_, at)), Ending::Signaled { .. }) => Some(*at),
            _ => Some(reaped_at),
        }
    }

    /// Python's `exitcode`, once known.
    pub fn exitcode(&self) -> Option<i32> {
        self.ending
            .map(|(e, _)| e.exitcode())
            .or(self.exit.map(|(c, _)| c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_kept_in_time_order_and_repeats_merge() {
        let mut l = Lane::new(1, 0, "P".into(), 0);
        l.set_state(10, LaneState::Sleeping { until_ns: 20 });
        l.set_state(30, LaneState::Running);
        l.set_state(20, LaneState::Running); // late
        l.set_state(40, LaneState::Running); // repeat
        let times: Vec<u64> = l.segments.iter().map(|s| s.from_ns).collect();
        assert_eq!(times, vec![0, 10, 20, 30]);
    }

    #[test]
    fn segments_are_bounded() {
        let mut l = Lane::new(1, 0, "P".into(), 0);
        for i in 0..(MAX_SEGMENTS as u64 * 2) {
            let state = if i % 2 == 0 {
                LaneState::Ended
            } else {
                LaneState::Running
            };
            l.set_state(i + 1, state);
        }
        assert_eq!(l.segments.len(), MAX_SEGMENTS);
        assert_eq!(l.folded, MAX_SEGMENTS as u64 + 1);
    }
}
