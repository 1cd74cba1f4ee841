//! The `Run` model: pure data built from trace records, which every face renders. No process, no
//! pipe: tests feed it records.
//!
//! Lives here: the lanes (`lane`), the output log (`log`), the multiprocessing objects (`objects`),
//! and the end summary (`summary`). Memory is bounded whatever the program does: the log keeps its
//! last lines, lanes fold old state history, objects keep their recent operations.

pub mod lane;
pub mod log;
pub mod name;
pub mod objects;
pub mod summary;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use indexmap::IndexMap;

pub use lane::{Cause, Lane, LaneState, Segment};
pub use log::{Line, Log};
pub use name::shorten;
pub use objects::{Object, ObjectOp, Objects, PoolTasks};
pub use summary::ProcessSummary;

use super::RunEnd;
use crate::trace::{AtExitAction, Event, Record};

/// The most notes (refusals) kept.
const MAX_NOTES: usize = 1000;

/// Something forkyard said about the run (a refusal, such as the process cap).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// When, lesson ns.
    pub lesson_ns: u64,
    /// The process it concerns.
    pub pid: i32,
    /// The sentence.
    pub text: String,
}

/// A step of a process's exit rules.
#[derive(Debug, Clone, PartialEq)]
pub struct AtExitStep {
    /// When, lesson ns.
    pub lesson_ns: u64,
    /// SIGTERM to a daemonic child, or a join.
    pub action: AtExitAction,
    /// The child's pid.
    pub child: i32,
    /// Its name.
    pub child_name: String,
}

/// Everything known about a run. Cloned by the playground's scrubbing, which keeps a copy every
/// so many records to rebuild any moment quickly.
#[derive(Clone, Default)]
pub struct Run {
    /// The program's file name, once the main reported it.
    pub file: Option<String>,
    /// The lesson main's pid.
    pub main_pid: Option<i32>,
    lanes: IndexMap<i32, Lane>,
    /// The lanes' pids in the order they are shown: by creation, parent before child.
    order: Vec<i32>,
    names: IndexMap<i32, Arc<str>>,
    /// The output log.
    pub log: Log,
    /// The multiprocessing objects.
    pub objects: Objects,
    /// What forkyard refused, in order.
    pub notes: Vec<Note>,
    /// Exit-rule steps per process (by the pid of the process that ran them).
    pub at_exit: IndexMap<i32, Vec<AtExitStep>>,
    /// Why the observer stopped the run, if it did.
    pub stopped: Option<String>,
    /// How the run ended, once it did.
    pub end: Option<RunEnd>,
    /// The latest lesson time seen.
    pub now_ns: u64,
    /// How many records were applied.
    pub records: u64,
}

impl Run {
    /// An empty model.
    pub fn new() -> Run {
        Run::default()
    }

    /// Updates the model with one record. Records should come in time order; a late one is still
    /// placed where it belongs.
    pub fn apply(&mut self, r: &Record) {
        self.records += 1;
        self.now_ns = self.now_ns.max(r.lesson_ns);
        let at = r.lesson_ns;
        match &r.event {
            Event::Main { name, file } => {
                self.file = Some(file.clone());
                self.main_pid = Some(r.pid);
                self.lane(r.pid, r.ppid, at, Some(name)).is_main = true;
                self.sort_lanes();
            }
            Event::Spawn {
                name,
                daemon,
                forked_ns,
            } => {
                let lane = self.lane(r.pid, r.ppid, at, Some(name));
                lane.daemon = *daemon;
                if let Some(f) = *forked_ns {
                    // It exists from its fork on (its first record comes a little later).
                    lane.forked_ns = Some(f);
                    lane.start_ns = lane.start_ns.min(f);
                }
                self.sort_lanes();
            }
            Event::Output { stream, text } => {
                self.lane(r.pid, r.ppid, at, None);
                let name = self.names[&r.pid].clone();
                self.log.write((at, r.pid, &name), *stream, text, false);
            }
            Event::State { state } => {
                let mut state: LaneState = state.into();
                // A blocked state names its object as the trace does; the lanes say it as the
                // objects pane labels it (`Queue#c1` for one a child made).
                if let LaneState::Blocked { on, .. } = &mut state
                    && let Some(shown) = self.objects.shown_label(on)
                {
                    *on = shown;
                }
                self.lane(r.pid, r.ppid, at, None).set_state(at, state)
            }
            Event::AtExit {
                action,
                child,
                child_name,
            } => {
                let by = self.name_of(r.pid);
                if *action == AtExitAction::Terminate {
                    let lane = self.lane_of(*child, child_name);
                    lane.cause = Some((Cause::AtExitTerminate { by }, at));
                    // Only daemonic children are terminated at exit: this says so even for a child
                    // killed before its own `spawn` record was written.
                    lane.daemon = true;
                }
                let step = AtExitStep {
                    lesson_ns: at,
                    action: *action,
                    child: *child,
                    child_name: child_name.clone(),
                };
                self.at_exit.entry(r.pid).or_default().push(step);
            }
            Event::Signal {
                target,
                target_name,
                signal,
                ..
            } => {
                let by = self.name_of(r.pid);
                let lane = self.lane_of(*target, target_name);
                // The SIGTERM that carries out an exit-rule step keeps the step as its cause.
                let step =
                    matches!(&lane.cause, Some((Cause::AtExitTerminate { by: b }, _)) if *b == by);
                if !(step && *signal == libc::SIGTERM) {
                    lane.cause = Some((
                        Cause::Signal {
                            by,
                            signal: *signal,
                        },
                        at,
                    ));
                }
            }
            Event::Exit { code } => {
                let lane = self.lane(r.pid, r.ppid, at, None);
                lane.exit = Some((*code, at));
                lane.set_state(at, LaneState::Ended);
                self.log.end_process(r.pid);
                // Whatever it still holds, it holds for ever (before its parent even reaps it).
                self.objects
                    .holder_ended(r.pid, crate::trace::Ending::Exited { code: *code });
            }
            Event::Reaped {
                child,
                child_name,
                ending,
            } => {
                let lane = self.lane_of(*child, child_name);
                lane.ending = Some((*ending, at));
                let ended_at = lane.end_ns().unwrap_or(at);
                lane.set_state(ended_at, LaneState::Ended);
                self.log.end_process(*child);
                self.objects.holder_ended(*child, *ending);
            }
            Event::Object {
                id,
                class,
                capacity,
                owner,
                role,
            } => {
                self.objects.create(*id, class, *capacity, r.pid, at);
                self.objects.describe(*id, *owner, role.as_deref());
            }
            Event::Op { id, op, detail } => {
                let op = ObjectOp {
                    lesson_ns: at,
                    pid: r.pid,
                    op: op.clone(),
                    detail: detail.clone(),
                };
                self.objects.op(*id, op);
            }
            Event::Refused { message } => {
                if self.notes.len() < MAX_NOTES {
                    self.notes.push(Note {
                        lesson_ns: at,
                        pid: r.pid,
                        text: message.clone(),
                    });
                }
            }
            Event::Stray {
                stream,
                text,
                writer,
            } => {
                // The process that wrote it, as the kernel said; else (the observer's own notes,
                // a writer never seen in the trace) the main.
                let pid = writer
                    .filter(|w| self.names.contains_key(w))
                    .or(self.main_pid)
                    .unwrap_or(r.pid);
                let name = self
                    .names
                    .get(&pid)
                    .cloned()
                    .unwrap_or_else(|| Arc::from("forkyard"));
                self.log.write((at, pid, &name), *stream, text, true);
            }
            Event::Stop { reason } => {
                self.stopped = Some(reason.clone());
                for lane in self.lanes.values_mut().filter(|l| !l.has_ended()) {
                    lane.cause = Some((
                        Cause::Stopped {
                            reason: reason.clone(),
                        },
                        at,
                    ));
                }
            }
        }
    }

    /// Marks the run over: pending partial lines become lines.
    pub fn finish(&mut self, end: &RunEnd) {
        self.log.end_all();
        self.end = Some(end.clone());
    }

    /// The lane of `pid`, made on first sight (named later by its `spawn` record if it comes late).
    fn lane(&mut self, pid: i32, ppid: i32, at: u64, name: Option<&String>) -> &mut Lane {
        let known = self.lanes.contains_key(&pid);
        if let Some(name) = name {
            let name: Arc<str> = Arc::from(name.as_str());
            self.log.rename(pid, &name);
            self.names.insert(pid, name);
        } else if !known {
            self.names.insert(pid, Arc::from(format!("process {pid}")));
        }
        let label = self.names[&pid].to_string();
        if !known {
            self.lanes
                .insert(pid, Lane::new(pid, ppid, label.clone(), at));
            self.sort_lanes();
        }
        let lane = &mut self.lanes[&pid];
        if name.is_some() {
            lane.name = label;
            lane.ppid = ppid;
            lane.start_ns = lane.start_ns.min(at);
        }
        lane
    }

    /// The lane of a process another record names (a signal's target, a reaped child).
    fn lane_of(&mut self, pid: i32, name: &str) -> &mut Lane {
        if !self.lanes.contains_key(&pid) {
            let name = name.to_string();
            return self.lane(pid, 0, self.now_ns, Some(&name));
        }
        &mut self.lanes[&pid]
    }

    fn name_of(&self, pid: i32) -> String {
        self.names
            .get(&pid)
            .map_or_else(|| format!("process {pid}"), ToString::to_string)
    }

    /// The lanes by creation: the main, then each process's children in the order they were
    /// started, each followed by its own children (the same order on every run of a program).
    pub fn lanes(&self) -> impl Iterator<Item = &Lane> {
        self.order.iter().filter_map(|pid| self.lanes.get(pid))
    }

    /// Puts the lanes in creation order (see `lanes`).
    fn sort_lanes(&mut self) {
        // When a child began: its fork, as its parent saw it (else its first record).
        let key = |l: &Lane| (!l.is_main, l.forked_ns.unwrap_or(l.start_ns), l.pid);
        let mut children: HashMap<i32, Vec<&Lane>> = HashMap::new();
        let mut roots: Vec<&Lane> = Vec::new();
        for lane in self.lanes.values() {
            if lane.ppid != lane.pid && self.lanes.contains_key(&lane.ppid) && !lane.is_main {
                children.entry(lane.ppid).or_default().push(lane);
            } else {
                roots.push(lane);
            }
        }
        roots.sort_by_key(|l| key(l));
        for kids in children.values_mut() {
            kids.sort_by_key(|l| key(l));
        }
        let mut order = Vec::with_capacity(self.lanes.len());
        let mut seen = HashSet::with_capacity(self.lanes.len());
        let mut stack: Vec<&Lane> = roots.into_iter().rev().collect();
        while let Some(lane) = stack.pop() {
            if !seen.insert(lane.pid) {
                continue;
            }
            order.push(lane.pid);
            if let Some(kids) = children.get(&lane.pid) {
                stack.extend(kids.iter().rev());
            }
        }
        // A lane whose parents form a loop (a reused pid) is still shown, last.
        for pid in self.lanes.keys() {
            if seen.insert(*pid) {
                order.push(*pid);
            }
        }
        self.order = order;
    }

    /// The lane of `pid`.
    pub fn lane_by_pid(&self, pid: i32) -> Option<&Lane> {
        self.lanes.get(&pid)
    }

    /// The name of `pid` as the log shows it.
    pub fn process_name(&self, pid: i32) -> Option<&Arc<str>> {
        self.names.get(&pid)
    }

    /// The processes blocked on `on` (an object's or a process's name) now.
    pub fn waiters(&self, on: &str) -> Vec<i32> {
        self.lanes()
            .filter(|l| matches!(l.state(), LaneState::Blocked { on: o, .. } if o == on))
            .map(|l| l.pid)
            .collect()
    }

    /// The processes blocked on object `id` now, each with what it waits for ("acquire", "get",
    /// "put", "recv", "wait").
    pub fn object_waiters(&self, id: u32) -> Vec<(i32, String)> {
        let Some(obj) = self.objects.get(id) else {
            return Vec::new();
        };
        let label = obj.label();
        self.lanes()
            .filter_map(|l| match l.state() {
                LaneState::Blocked { on, op } if *on == label => Some((l.pid, op.clone())),
                _ => None,
            })
            .collect()
    }

    /// What `pid` is blocked on, said the way a viewer writes it: "Process-3 blocked on Lock#1
    /// (acquire) held by Process-2", "... held by a dead process (Process-2, killed by SIGKILL)".
    /// `None` when it is not blocked.
    pub fn blocked_sentence(&self, pid: i32) -> Option<String> {
        let LaneState::Blocked { on, op } = self.lanes.get(&pid)?.state() else {
            return None;
        };
        let mut s = format!("{} blocked on {on} ({op})", self.name_of(pid));
        let Some(obj) = self.objects.iter().find(|o| o.label() == *on) else {
            return Some(s);
        };
        let mut holders: Vec<i32> = obj.holders.clone();
        holders.dedup();
        let dead: Vec<String> = obj
            .dead_holders
            .iter()
            .map(|(p, ending)| match ending {
                crate::trace::Ending::Signaled { signal } => format!(
                    "{}, killed by {}",
                    self.name_of(*p),
                    crate::trace::signal_name(*signal)
                ),
                crate::trace::Ending::Exited { code } => {
                    format!("{}, exited with {code}", self.name_of(*p))
                }
            })
            .collect();
        let live: Vec<String> = holders
            .iter()
            .filter(|p| !obj.dead_holders.iter().any(|(d, _)| d == *p))
            .map(|p| self.name_of(*p))
            .collect();
        if !live.is_empty() {
            s.push_str(&format!(" held by {}", live.join(", ")));
        }
        if !dead.is_empty() {
            s.push_str(if live.is_empty() { " held by" } else { " and" });
            s.push_str(&format!(" a dead process ({})", dead.join("; ")));
        }
        Some(s)
    }

    /// The processes that hold a copy of object `id` now (a Connection end): the one that made it,
    /// and every process forked while its parent held one, until each closes its copy or ends.
    /// A copy the main never closes is why `recv()` never raises EOFError.
    pub fn copies(&self, id: u32) -> Vec<i32> {
        let Some(obj) = self.objects.get(id) else {
            return Vec::new();
        };
        self.lanes()
            .filter(|l| !l.has_ended() && self.holds_copy(obj, l.pid, u64::MAX, 0))
            .map(|l| l.pid)
            .collect()
    }

    /// Whether `pid` held a copy of `obj` at lesson time `at`.
    fn holds_copy(&self, obj: &Object, pid: i32, at: u64, depth: usize) -> bool {
        let closed = obj.closed.iter().any(|&(p, ns)| p == pid && ns <= at);
        if closed || depth > self.lanes.len() {
            return false;
        }
        if pid == obj.created_by {
            return obj.created_ns <= at;
        }
        let Some(lane) = self.lanes.get(&pid) else {
            return false;
        };
        let forked = lane.forked_ns.unwrap_or(lane.start_ns);
        lane.ppid != pid && forked <= at && self.holds_copy(obj, lane.ppid, forked, depth + 1)
    }

    /// The task a Pool worker is running now (`None` when it is not running one).
    pub fn task_of(&self, pid: i32) -> Option<u64> {
        self.objects
            .iter()
            .filter(|o| o.kind == crate::trace::ObjectKind::Pool)
            .find_map(|o| o.pool_tasks().busy.iter().find(|b| b.0 == pid).map(|b| b.1))
    }

    /// The end summary: every process, how it ended, when it started and ended.
    pub fn summary(&self) -> Vec<ProcessSummary> {
        self.lanes().map(|l| summary::of_lane(self, l)).collect()
    }
}

#[cfg(test)]
mod tests;
