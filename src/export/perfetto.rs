//! The run as a Chrome trace-event JSON file (the JSON Object Format of the Trace Event Format),
//! which ui.perfetto.dev and chrome://tracing open.
//!
//! - One track per process: the process's real pid as both `pid` and `tid`, named by `M`
//!   (metadata) events: `process_name` is the multiprocessing name, `thread_name` adds the pid,
//!   and the sort indexes keep the processes in the order they appeared.
//! - Its states as `B`/`E` slices (`running`, `sleeping`, `blocked on Lock#1 (acquire)`), with
//!   what it waits on in `args`, coloured with the trace viewer's reserved colour names.
//! - Thread-scoped instant events (`i`, `s: "t"`) for every output line, every operation on an
//!   object, every signal sent and every refusal.
//! - Flow arrows (`s` then `f`, paired by `id`, `cat` and `name`) from a release to the acquire it
//!   allowed, a put to its get, a send to its receive, a set to a waiter it woke, a Pool task to
//!   its worker and back. Each flow event comes right after the instant it belongs to, at the same
//!   time on the same track, so a viewer binds it there (`bp: "e"`: the enclosing event).
//!
//! Timestamps are lesson time in microseconds, the format's unit, so they read the same as the
//! playground's lesson seconds at any `--speed`. Events are written in time order (metadata
//! first), so even a reader that does not sort sees each track's time go forward and each flow
//! start before its end.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::Timeline;
use super::timeline::{MarkKind, Span};
use crate::session::model::LaneState;
use crate::trace::{Op, Stream};

/// How much of an output line names its instant (the whole line is in its args).
const NAME_CHARS: usize = 60;

/// An event with what orders it among events at the same moment. Tiers: slice ends and begins
/// first (an instant at a state change belongs to the state that begins there), then instants
/// with the flows that start at them, then instants with flows that end at them (so that at one
/// moment a flow's start always comes before its end, whichever tracks they are on). Within a
/// tier and a track, events keep the order they were made in: an instant's flow events follow it.
struct Placed {
    ns: u64,
    tier: u8,
    track: usize,
    seq: usize,
    /// The event, already written as JSON (a run of 100k lines makes half a million events).
    event: String,
}

/// An instant event: an output line, an operation, a signal, a refusal.
#[derive(Serialize)]
struct Instant<'a> {
    name: &'a str,
    cat: &'static str,
    ph: &'static str,
    s: &'static str,
    pid: i32,
    tid: i32,
    ts: f64,
    args: InstantArgs<'a>,
}

/// What an instant carries.
#[derive(Serialize)]
#[serde(untagged)]
enum InstantArgs<'a> {
    Line {
        stream: &'static str,
        text: &'a str,
        process: &'a str,
    },
    Mark {
        #[serde(skip_serializing_if = "Option::is_none")]
        object: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        op: Option<&'a Op>,
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<&'a str>,
    },
}

/// One end of a flow arrow.
#[derive(Serialize)]
struct FlowEnd<'a> {
    name: &'a str,
    cat: &'static str,
    ph: &'static str,
    id: usize,
    pid: i32,
    tid: i32,
    ts: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    bp: Option<&'static str>,
}

/// `event` as one line of JSON (these types always serialize).
fn line_of(event: &impl Serialize) -> String {
    serde_json::to_string(event).unwrap_or_default()
}

/// The trace-event JSON of `t`.
pub fn render(t: &Timeline) -> String {
    let mut events: Vec<String> = Vec::new();
    for (i, p) in t.processes.iter().enumerate() {
        let meta = |name: &str, args: Value| {
            json!({"name": name, "ph": "M", "pid": p.pid, "tid": p.pid, "ts": 0, "args": args})
                .to_string()
        };
        let mut label = format!("pid {}", p.pid);
        if p.daemon {
            label.push_str(", daemon");
        }
        events.push(meta("process_name", json!({"name": p.name})));
        events.push(meta("process_labels", json!({"labels": label})));
        events.push(meta("process_sort_index", json!({"sort_index": i})));
        events.push(meta(
            "thread_name",
            json!({"name": format!("{} (pid {})", p.name, p.pid)}),
        ));
        events.push(meta("thread_sort_index", json!({"sort_index": i})));
    }
    // The flows that start or end at each mark.
    let mut ends: HashMap<usize, Vec<usize>> = HashMap::new();
    for (n, f) in t.flows.iter().enumerate() {
        ends.entry(f.from).or_default().push(n);
        ends.entry(f.to).or_default().push(n);
    }
    let mut placed: Vec<Placed> = Vec::new();
    for (track, p) in t.processes.iter().enumerate() {
        let mut place = |ns: u64, tier: u8, event: String| {
            let seq = placed.len();
            placed.push(Placed {
                ns,
                tier,
                track,
                seq,
                event,
            });
        };
        for span in p.spans.iter().filter(|s| s.to_ns > s.from_ns) {
            let (name, cname, args) = slice_of(span);
            let common = json!({"name": name, "cat": "state", "pid": p.pid, "tid": p.pid});
            place(
                span.from_ns,
                0,
                with(
                    &common,
                    json!({"ph": "B", "ts": us(span.from_ns), "cname": cname, "args": args}),
                )
                .to_string(),
            );
            place(
                span.to_ns,
                0,
                with(&common, json!({"ph": "E", "ts": us(span.to_ns)})).to_string(),
            );
        }
        for line in t.lines.iter().filter(|l| l.pid == p.pid) {
            let stream = match line.stream {
                Stream::Stdout => "stdout",
                Stream::Stderr => "stderr",
            };
            let mut name: String = line.text.chars().take(NAME_CHARS).collect();
            if name.len() < line.text.len() {
                name.push('…');
            }
            let event = Instant {
                name: &name,
                cat: "output",
                ph: "i",
                s: "t",
                pid: p.pid,
                tid: p.pid,
                ts: us(line.lesson_ns),
                args: InstantArgs::Line {
                    stream,
                    text: &line.text,
                    process: &p.name,
                },
            };
            place(line.lesson_ns, 1, line_of(&event));
        }
        for (m, mark) in t.marks.iter().enumerate().filter(|(_, m)| m.pid == p.pid) {
            let cat = match mark.kind {
                MarkKind::Op => "object",
                MarkKind::Signal => "signal",
                MarkKind::Refused => "refused",
            };
            let tier = if ends
                .get(&m)
                .is_some_and(|fs| fs.iter().any(|&n| t.flows[n].to == m))
            {
                2
            } else {
                1
            };
            let event = Instant {
                name: &mark.title,
                cat,
                ph: "i",
                s: "t",
                pid: p.pid,
                tid: p.pid,
                ts: us(mark.lesson_ns),
                args: InstantArgs::Mark {
                    object: mark.object.as_deref(),
                    op: mark.op.as_ref(),
                    detail: mark.detail.as_deref(),
                },
            };
            place(mark.lesson_ns, tier, line_of(&event));
            // The ends of arrows at this mark, right after it.
            for &n in ends.get(&m).into_iter().flatten() {
                let flow = &t.flows[n];
                let ph = if flow.from == m { "s" } else { "f" };
                let object = t.marks[flow.from].object.as_deref().unwrap_or("");
                let event = FlowEnd {
                    name: &format!("{object} {}", flow.kind.word()),
                    cat: "flow",
                    ph,
                    id: n + 1,
                    pid: p.pid,
                    tid: p.pid,
                    ts: us(mark.lesson_ns),
                    bp: (ph == "f").then_some("e"),
                };
                place(mark.lesson_ns, tier, line_of(&event));
            }
        }
    }
    placed.sort_by_key(|e| (e.ns, e.tier, e.track, e.seq));
    events.extend(placed.into_iter().map(|e| e.event));
    let mut other = serde_json::Map::new();
    other.insert("made_by".into(), json!("forkyard"));
    other.insert("clock".into(), json!("lesson time"));
    if let Some(file) = &t.file {
        other.insert("program".into(), json!(file));
    }
    if let Some(title) = &t.title {
        other.insert("ran".into(), json!(title));
    }
    if let Some(reason) = &t.stopped {
        other.insert("stopped".into(), json!(reason));
    }
    // One event a line: small enough for a run of 100k lines, and still easy to read or grep.
    let mut out = String::from("{\"traceEvents\":[\n");
    for (i, e) in events.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(e);
    }
    out.push_str("\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":");
    out.push_str(&Value::Object(other).to_string());
    out.push_str("\n}\n");
    out
}

/// Nanoseconds as the format's microseconds.
fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

/// `base` with `more`'s fields added.
fn with(base: &Value, more: Value) -> Value {
    let mut v = base.clone();
    if let (Some(v), Value::Object(more)) = (v.as_object_mut(), more) {
        v.extend(more);
    }
    v
}

/// A state slice's name, reserved colour name, and args.
fn slice_of(span: &Span) -> (String, &'static str, Value) {
    match &span.state {
        LaneState::Running => (
            span.words(),
            "thread_state_running",
            json!({"state": "running"}),
        ),
        LaneState::Sleeping { until_ns } => (
            span.words(),
            "thread_state_sleeping",
            json!({"state": "sleeping", "until_s": *until_ns as f64 / 1e9}),
        ),
        LaneState::Blocked { on, op } => (
            span.words(),
            "thread_state_iowait",
            json!({"state": "blocked", "on": on, "op": op}),
        ),
        LaneState::Ended => (span.words(), "grey", json!({"state": "ended"})),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flows::{Flow, FlowKind};
    use crate::export::timeline::{Mark, Outcome, Process};
    use crate::session::model::Line;
    use std::sync::Arc;

    fn timeline() -> Timeline {
        let process = |pid, name: &str, spans| Process {
            name: name.into(),
            pid,
            daemon: false,
            start_ns: 0,
            end_ns: 4000,
            how: "exit code 0".into(),
            outcome: Outcome::Done,
            spans,
        };
        let span = |from_ns, to_ns, state| Span {
            from_ns,
            to_ns,
            state,
        };
        let mark = |ns, pid, op: Op| Mark {
            lesson_ns: ns,
            pid,
            kind: MarkKind::Op,
            title: format!("{op} Lock#1"),
            object: Some("Lock#1".into()),
            op: Some(op),
            detail: None,
        };
        let blocked = LaneState::Blocked {
            on: "Lock#1".into(),
            op: "acquire".into(),
        };
        Timeline {
            file: Some("main.py".into()),
            title: Some("04-lock".into()),
            processes: vec![
                process(10, "MainProcess", vec![span(0, 4000, LaneState::Running)]),
                process(
                    11,
                    "Process-1",
                    vec![span(0, 1000, blocked), span(1000, 4000, LaneState::Running)],
                ),
            ],
            lines: vec![Line {
                lesson_ns: 1000,
                pid: 11,
                process: Arc::from("Process-1"),
                stream: Stream::Stdout,
                text: "x".repeat(100),
                complete: true,
                stray: false,
            }],
            marks: vec![mark(1000, 10, Op::Released), mark(1000, 11, Op::Acquired)],
            flows: vec![Flow {
                from: 0,
                to: 1,
                kind: FlowKind::Release,
            }],
            end_ns: 4000,
            stopped: None,
        }
    }

    #[test]
    fn tracks_slices_instants_and_a_flow() {
        let doc: Value = serde_json::from_str(&render(&timeline())).unwrap();
        let events = doc["traceEvents"].as_array().unwrap();
        let of = |pid: i64| -> Vec<(String, String)> {
            events
                .iter()
                .filter(|e| e["pid"] == pid && e["ph"] != "M")
                .map(|e| {
                    (
                        e["ph"].as_str().unwrap().to_string(),
                        e["name"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        };
        let child = of(11);
        let phases: Vec<&str> = child.iter().map(|(p, _)| p.as_str()).collect();
        // The acquire at the state change belongs to the running slice that begins there, and its
        // flow end comes right after it.
        assert_eq!(phases, ["B", "E", "B", "i", "i", "f", "E"]);
        assert_eq!(child[0].1, "blocked on Lock#1 (acquire)");
        assert!(child[3].1.ends_with('…') && child[3].1.chars().count() == NAME_CHARS + 1);
        assert_eq!(child[4].1, "acquired Lock#1");
        let main = of(10);
        let phases: Vec<&str> = main.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(phases, ["B", "i", "s", "E"]);
        let names: Vec<&Value> = events
            .iter()
            .filter(|e| e["name"] == "thread_name")
            .map(|e| &e["args"]["name"])
            .collect();
        assert_eq!(
            names,
            [&json!("MainProcess (pid 10)"), &json!("Process-1 (pid 11)")]
        );
        assert_eq!(doc["otherData"]["program"], "main.py");
        let flow_ends: Vec<&Value> = events.iter().filter(|e| e["cat"] == "flow").collect();
        assert_eq!(flow_ends[0]["id"], flow_ends[1]["id"]);
        assert_eq!(flow_ends[0]["name"], "Lock#1 release → acquire");
        assert_eq!(events.iter().find(|e| e["ph"] == "B").unwrap()["ts"], 0.0);
        assert_eq!(flow_ends[1]["ts"], 1.0, "microseconds");
    }
}
