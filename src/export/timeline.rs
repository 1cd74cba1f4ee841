//! What the graphic exports draw, built once from a recording: one process per lane with every
//! state it went through (nothing folded away), every output line, every mark (an operation on
//! an object, a signal, a refusal) and the arrows between marks.

use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexMap;

use super::Recording;
use super::flows::{Flow, Pairing};
use crate::session::Run;
use crate::session::model::{LaneState, Line, Log, summary};
use crate::trace::{Event, Op, signal_name};

/// How a process ended, for glyphs and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit code 0.
    Done,
    /// Another exit code.
    Failed,
    /// Killed by a signal.
    Killed,
    /// Not known to have ended (still running when the run was stopped, or gone unseen).
    Unknown,
}

/// A stretch of one state, `[from_ns, to_ns)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Start, lesson ns.
    pub from_ns: u64,
    /// End, lesson ns.
    pub to_ns: u64,
    /// Running, sleeping or blocked (never ended: a span ends where the process does).
    pub state: LaneState,
}

impl Span {
    /// The state in words: "running", "sleeping", "blocked on Lock#1 (acquire)".
    pub fn words(&self) -> String {
        match &self.state {
            LaneState::Running => "running".into(),
            LaneState::Sleeping { .. } => "sleeping".into(),
            LaneState::Blocked { on, op } => format!("blocked on {on} ({op})"),
            LaneState::Ended => "ended".into(),
        }
    }
}

/// One process of the run.
#[derive(Debug, Clone)]
pub struct Process {
    /// Its name (`MainProcess`, `Process-1`).
    pub name: String,
    /// Its pid.
    pub pid: i32,
    /// Whether it was daemonic.
    pub daemon: bool,
    /// When it began, lesson ns.
    pub start_ns: u64,
    /// When it ended (or the run's end if it was not seen ending), lesson ns.
    pub end_ns: u64,
    /// How it ended, in words ("exit code 0", "SIGTERM at MainProcess's exit").
    pub how: String,
    /// How it ended, for glyphs.
    pub outcome: Outcome,
    /// Its states, in time order, covering `start_ns..end_ns`.
    pub spans: Vec<Span>,
}

/// What a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// An operation on a Lock, Queue, Pipe end... (`object`, `op` and `detail` are set).
    Op,
    /// The process sent a signal (`terminate()`, `kill()`).
    Signal,
    /// forkyard refused something (the process cap).
    Refused,
}

/// Something that happened at one moment in one process.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// When, lesson ns.
    pub lesson_ns: u64,
    /// In which process.
    pub pid: i32,
    /// What kind.
    pub kind: MarkKind,
    /// A title: "acquired Lock#1", "SIGTERM to Process-1".
    pub title: String,
    /// The object's label, for operations.
    pub object: Option<String>,
    /// The operation, for operations.
    pub op: Option<Op>,
    /// More about it (a value, a message).
    pub detail: Option<String>,
}

/// A whole run, ready to draw.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The program's file name.
    pub file: Option<String>,
    /// What was run, as the command line named it (`09-pool`), if known.
    pub title: Option<String>,
    /// The processes, in the order they appeared.
    pub processes: Vec<Process>,
    /// Every output line, in the order they were completed.
    pub lines: Vec<Line>,
    /// Every mark, in time order.
    pub marks: Vec<Mark>,
    /// Arrows between marks.
    pub flows: Vec<Flow>,
    /// The run's last lesson time.
    pub end_ns: u64,
    /// Why the observer stopped the run, if it did.
    pub stopped: Option<String>,
}

impl Timeline {
    /// Builds the timeline of `recording`.
    pub fn build(recording: &Recording) -> Timeline {
        let mut run = Run::new();
        // Every line, not the live model's last ten thousand.
        let mut log = Log::with_capacity(usize::MAX);
        let mut changes: IndexMap<i32, Vec<(u64, LaneState)>> = IndexMap::new();
        let mut labels: HashMap<u32, String> = HashMap::new();
        let mut marks = Vec::new();
        let mut pairing = Pairing::default();
        for r in &recording.records {
            run.apply(r);
            let at = r.lesson_ns;
            let name_of = |run: &Run, pid: i32| {
                run.process_name(pid)
                    .cloned()
                    .unwrap_or_else(|| Arc::from(format!("process {pid}")))
            };
            match &r.event {
                Event::Output { stream, text } => {
                    let name = name_of(&run, r.pid);
                    log.write((at, r.pid, &name), *stream, text, false);
                }
                Event::Stray {
                    stream,
                    text,
                    writer,
                } => {
                    // The process that wrote it, as the kernel said (as the Run model reads it);
                    // else the main.
                    let pid = writer
                        .filter(|w| run.process_name(*w).is_some())
                        .or(run.main_pid)
                        .unwrap_or(r.pid);
                    let name = name_of(&run, pid);
                    log.write((at, pid, &name), *stream, text, true);
                }
                Event::State { state } => {
                    let mut state = LaneState::from(state);
                    // Objects are named as the live view names them (`Queue#c1` for a child's).
                    if let LaneState::Blocked { on, .. } = &mut state
                        && let Some(shown) = run.objects.shown_label(on)
                    {
                        *on = shown;
                    }
                    pairing.state(r.pid, &state);
                    changes.entry(r.pid).or_default().push((at, state));
                }
                Event::Exit { .. } => log.end_process(r.pid),
                Event::Reaped { child, .. } => log.end_process(*child),
                Event::Object {
                    id,
                    class,
                    capacity,
                    ..
                } => {
                    let label = run.objects.get(*id).map(|o| o.label());
                    labels.insert(*id, label.unwrap_or_else(|| format!("{class}#{id}")));
                    pairing.object(r.pid, *id, class, *capacity);
                }
                Event::Op { id, op, detail } => {
                    let label = labels
                        .get(id)
                        .cloned()
                        .unwrap_or_else(|| format!("object#{id}"));
                    let detail_text = detail.as_deref().unwrap_or("");
                    pairing.op(marks.len(), r.pid, (*id, &label), op, detail_text);
                    marks.push(Mark {
                        lesson_ns: at,
                        pid: r.pid,
                        kind: MarkKind::Op,
                        title: format!("{op} {label}"),
                        object: Some(label),
                        op: Some(op.clone()),
                        detail: detail.clone(),
                    });
                }
                Event::Signal {
                    target_name,
                    signal,
                    ..
                } => marks.push(Mark {
                    lesson_ns: at,
                    pid: r.pid,
                    kind: MarkKind::Signal,
                    title: format!("{} to {target_name}", signal_name(*signal)),
                    object: None,
                    op: None,
                    detail: None,
                }),
                Event::Refused { message } => marks.push(Mark {
                    lesson_ns: at,
                    pid: r.pid,
                    kind: MarkKind::Refused,
                    title: "forkyard refused".into(),
                    object: None,
                    op: None,
                    detail: Some(message.clone()),
                }),
                _ => {}
            }
        }
        if let Some(end) = &recording.end {
            run.finish(end);
        }
        log.end_all();
        let end_ns = run.now_ns;
        let processes = run
            .lanes()
            .map(|lane| {
                let start_ns = lane.start_ns;
                let end = lane.end_ns().unwrap_or(end_ns).max(start_ns);
                let outcome = match lane.exitcode() {
                    Some(0) => Outcome::Done,
                    Some(c) if c > 0 => Outcome::Failed,
                    Some(_) => Outcome::Killed,
                    None => Outcome::Unknown,
                };
                Process {
                    name: lane.name.clone(),
                    pid: lane.pid,
                    daemon: lane.daemon,
                    start_ns,
                    end_ns: end,
                    how: summary::how_it_ended(&run, lane),
                    outcome,
                    spans: spans(start_ns, end, changes.get(&lane.pid)),
                }
            })
            .collect();
        Timeline {
            file: run.file.clone(),
            title: recording.title.clone(),
            processes,
            lines: log.lines().cloned().collect(),
            marks,
            flows: pairing.flows,
            end_ns,
            stopped: run.stopped.clone(),
        }
    }

    /// The process with `pid`, if it is one of the run's.
    pub fn process(&self, pid: i32) -> Option<&Process> {
        self.processes.iter().find(|p| p.pid == pid)
    }
}

/// The spans of a process living `start..end` whose state changed at `changes` (a process runs
/// from its start until it says otherwise).
fn spans(start: u64, end: u64, changes: Option<&Vec<(u64, LaneState)>>) -> Vec<Span> {
    let mut changes: Vec<(u64, LaneState)> = changes.cloned().unwrap_or_default();
    // Records of one process come in order; a late one is still put where it belongs.
    changes.sort_by_key(|(at, _)| *at);
    let mut points: Vec<(u64, LaneState)> = vec![(start, LaneState::Running)];
    for (at, state) in changes {
        let at = at.clamp(start, end);
        match points.last_mut() {
            Some(last) if last.1 == state => {}
            // Two changes at one moment: the later one is what it did from then on.
            Some(last) if last.0 == at => last.1 = state,
            _ => points.push((at, state)),
        }
    }
    points.dedup_by(|b, a| a.1 == b.1);
    let mut out = Vec::with_capacity(points.len());
    for (i, (from, state)) in points.iter().enumerate() {
        let to = points.get(i + 1).map_or(end, |(t, _)| *t);
        if to > *from || points.len() == 1 {
            out.push(Span {
                from_ns: *from,
                to_ns: to,
                state: state.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::RunEnd;
    use crate::trace::{Ending, Record, State, Stream};

    fn rec(pid: i32, ms: u64, event: Event) -> Record {
        Record {
            pid,
            ppid: 1,
            seq: 0,
            mono_ns: ms * 1_000_000,
            lesson_ns: ms * 1_000_000,
            event,
        }
    }

    const MS: u64 = 1_000_000;

    #[test]
    fn spans_cover_the_life_of_a_process_and_merge_repeats() {
        let blocked = LaneState::Blocked {
            on: "Lock#1".into(),
            op: "acquire".into(),
        };
        let changes = vec![
            (10, blocked.clone()),
            (20, LaneState::Running),
            (20, LaneState::Running),
            (30, LaneState::Sleeping { until_ns: 40 }),
            (40, LaneState::Running),
        ];
        let s = spans(0, 50, Some(&changes));
        let cuts: Vec<(u64, u64)> = s.iter().map(|s| (s.from_ns, s.to_ns)).collect();
        assert_eq!(cuts, vec![(0, 10), (10, 20), (20, 30), (30, 40), (40, 50)]);
        assert_eq!(s[1].words(), "blocked on Lock#1 (acquire)");
        assert_eq!(
            spans(5, 5, None).len(),
            1,
            "a process that never ran has one span"
        );
    }

    #[test]
    fn the_timeline_keeps_every_line_mark_and_flow() {
        let mut records = vec![rec(
            10,
            0,
            Event::Main {
                name: "MainProcess".into(),
                file: "main.py".into(),
            },
        )];
        records.push(rec(
            11,
            1,
            Event::Spawn {
                name: "Process-1".into(),
                daemon: false,
                forked_ns: None,
            },
        ));
        records.push(rec(
            10,
            1,
            Event::Object {
                id: 1,
                class: "Lock".into(),
                capacity: None,
                owner: None,
                role: None,
            },
        ));
        records.push(rec(
            10,
            2,
            Event::Op {
                id: 1,
                op: Op::Acquired,
                detail: None,
            },
        ));
        let blocked = State::Blocked {
            on: "Lock#1".into(),
            op: "acquire".into(),
        };
        records.push(rec(11, 3, Event::State { state: blocked }));
        records.push(rec(
            10,
            5,
            Event::Op {
                id: 1,
                op: Op::Released,
                detail: None,
            },
        ));
        records.push(rec(
            11,
            5,
            Event::State {
                state: State::Running,
            },
        ));
        records.push(rec(
            11,
            5,
            Event::Op {
                id: 1,
                op: Op::Acquired,
                detail: None,
            },
        ));
        // More lines than the live model keeps.
        for i in 0..12_000u64 {
            records.push(rec(
                11,
                6,
                Event::Output {
                    stream: Stream::Stdout,
                    text: format!("{i}\n"),
                },
            ));
        }
        records.push(rec(11, 7, Event::Exit { code: 0 }));
        records.push(rec(
            10,
            8,
            Event::Reaped {
                child: 11,
                child_name: "Process-1".into(),
                ending: Ending::Exited { code: 0 },
            },
        ));
        records.push(rec(10, 9, Event::Exit { code: 0 }));
        let recording = Recording {
            records,
            end: Some(RunEnd {
                main: Some(Ending::Exited { code: 0 }),
                stopped: None,
            }),
            title: None,
        };
        let t = Timeline::build(&recording);
        assert_eq!(t.file.as_deref(), Some("main.py"));
        assert_eq!(t.lines.len(), 12_000);
        assert_eq!(t.marks.len(), 3);
        assert_eq!(t.marks[1].title, "released Lock#1");
        assert_eq!(t.flows.len(), 1);
        assert_eq!((t.flows[0].from, t.flows[0].to), (1, 2));
        let child = t.process(11).unwrap();
        assert_eq!((child.start_ns, child.end_ns), (MS, 7 * MS));
        assert_eq!(child.outcome, Outcome::Done);
        assert_eq!(child.how, "exit code 0");
        let states: Vec<String> = child.spans.iter().map(Span::words).collect();
        assert_eq!(
            states,
            vec!["running", "blocked on Lock#1 (acquire)", "running"]
        );
    }
}
