//! `--export perfetto|svg|transcript` and `forkyard export`, end to end on real lesson runs: each
//! file is parsed back and checked against its format's rules (the Trace Event Format for
//! perfetto, XML for svg) and against the run's own jsonl trace.

mod run_support;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use forkyard::trace::{Event, Op, Record};
use run_support::*;
use serde_json::Value;

/// A fresh directory for one test's files.
fn dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("forkyard-export-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn forkyard(args: &[&str]) -> Output {
    Command::new(EXE)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// `forkyard run LESSON --speed 10 --format jsonl ARGS...`: the records, after checking it ended well.
fn run_lesson(lesson: &str, args: &[&str]) -> Vec<Record> {
    let out = forkyard(&[&["run", lesson, "--speed", "10", "--format", "jsonl"], args].concat());
    assert!(
        out.status.success(),
        "{lesson}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    records(&String::from_utf8(out.stdout).unwrap())
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The pids of the run's processes (those that said who they are).
fn processes(recs: &[Record]) -> HashMap<i32, String> {
    recs.iter()
        .filter_map(|r| match &r.event {
            Event::Main { name, .. } | Event::Spawn { name, .. } => Some((r.pid, name.clone())),
            _ => None,
        })
        .collect()
}

/// The lines the run printed, across all processes.
fn printed_lines(recs: &[Record]) -> usize {
    recs.iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } => Some(text.matches('\n').count()),
            _ => None,
        })
        .sum()
}

/// Checks a trace against the Trace Event Format's rules (JSON Object Format): the required fields
/// of each phase, metadata naming every track, timestamps never going back on a track, every `B`
/// closed by an `E` of the same name on the same track, flows paired by (cat, name, id) with the
/// end no earlier than the start and each bound to the instant just before it on its track.
/// Returns the events.
fn check_trace_event_format(text: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(text).expect("the export is JSON");
    assert!(
        ["ms", "ns"].contains(&doc["displayTimeUnit"].as_str().unwrap()),
        "displayTimeUnit"
    );
    let events = doc["traceEvents"].as_array().expect("traceEvents").clone();
    let mut named: HashMap<(i64, i64), HashSet<String>> = HashMap::new();
    let mut last_ts: HashMap<(i64, i64), f64> = HashMap::new();
    let mut open: HashMap<(i64, i64), Vec<String>> = HashMap::new();
    let mut flows: HashMap<(String, String, i64), Vec<(String, f64)>> = HashMap::new();
    let mut previous: HashMap<(i64, i64), Value> = HashMap::new();
    for e in &events {
        let ph = e["ph"].as_str().expect("every event has ph");
        let pid = e["pid"].as_i64().expect("every event has an integer pid");
        let tid = e["tid"].as_i64().expect("every event has an integer tid");
        let track = (pid, tid);
        let name = e["name"].as_str().map(str::to_string);
        if ph == "M" {
            let name = name.expect("metadata has a name");
            match name.as_str() {
                "process_name" | "thread_name" => assert!(e["args"]["name"].is_string()),
                "process_sort_index" | "thread_sort_index" => {
                    assert!(e["args"]["sort_index"].is_i64())
                }
                "process_labels" => assert!(e["args"]["labels"].is_string()),
                other => panic!("unknown metadata {other}"),
            }
            named.entry(track).or_default().insert(name);
            continue;
        }
        let ts = e["ts"].as_f64().expect("every non-metadata event has ts");
        assert!(ts >= 0.0);
        let last = last_ts.entry(track).or_insert(0.0);
        assert!(ts >= *last, "time goes back on track {track:?}: {e}");
        *last = ts;
        match ph {
            "B" => open
                .entry(track)
                .or_default()
                .push(name.expect("B has a name")),
            "E" => {
                let top = open
                    .get_mut(&track)
                    .and_then(Vec::pop)
                    .unwrap_or_else(|| panic!("an E with no open B on {track:?}: {e}"));
                if let Some(name) = name {
                    assert_eq!(name, top, "an E closes its own B");
                }
            }
            "X" => assert!(e["dur"].as_f64().expect("X has dur") >= 0.0),
            "i" | "I" => {
                assert!(name.is_some(), "an instant has a name");
                assert!(["g", "p", "t"].contains(&e["s"].as_str().unwrap_or("t")));
            }
            "s" | "t" | "f" => {
                let id = e["id"].as_i64().expect("a flow event has an id");
                let cat = e["cat"]
                    .as_str()
                    .expect("a flow event has a cat")
                    .to_string();
                let before = previous.get(&track).expect("a flow follows its instant");
                assert_eq!(before["ph"], "i", "a flow binds to the instant before it");
                assert_eq!(before["ts"].as_f64(), Some(ts), "at the same moment");
                flows
                    .entry((cat, name.expect("a flow event has a name"), id))
                    .or_default()
                    .push((ph.to_string(), ts));
            }
            other => panic!("unexpected phase {other}"),
        }
        if !["s", "t", "f"].contains(&ph) {
            previous.insert(track, e.clone());
        }
    }
    for (track, names) in &named {
        for m in ["process_name", "thread_name"] {
            assert!(names.contains(m), "{track:?} has no {m}");
        }
    }
    for track in last_ts.keys() {
        assert!(named.contains_key(track), "{track:?} is not named");
    }
    for (track, stack) in &open {
        assert!(stack.is_empty(), "{track:?} leaves {stack:?} open");
    }
    for (key, ends) in &flows {
        let phases: Vec<&str> = ends.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(phases, ["s", "f"], "flow {key:?} is one start then one end");
        assert!(ends[1].1 >= ends[0].1, "flow {key:?} goes forward in time");
    }
    events
}

/// For each flow of the trace: (start instant, end instant), the instants just before its ends.
fn flow_ends(events: &[Value]) -> Vec<(Value, Value)> {
    let mut before: HashMap<(i64, i64), &Value> = HashMap::new();
    let mut starts: HashMap<i64, Value> = HashMap::new();
    let mut pairs = Vec::new();
    for e in events {
        let track = (e["pid"].as_i64().unwrap(), e["tid"].as_i64().unwrap());
        match e["ph"].as_str().unwrap() {
            "s" => {
                starts.insert(e["id"].as_i64().unwrap(), before[&track].clone());
            }
            "f" => {
                let from = starts.remove(&e["id"].as_i64().unwrap()).unwrap();
                pairs.push((from, before[&track].clone()));
            }
            _ => {
                before.insert(track, e);
            }
        }
    }
    pairs
}

#[test]
fn perfetto_export_of_the_lock_lesson_follows_the_trace_event_format() {
    let d = dir("perfetto-lock");
    let file = d.join("lock.json");
    let recs = run_lesson(
        "04-lock",
        &["--set", "lock=on", "--export", "perfetto", path(&file)],
    );
    let events = check_trace_event_format(&std::fs::read_to_string(&file).unwrap());
    // One named track per process, with its pid.
    let procs = processes(&recs);
    let tracks: HashMap<i64, String> = events
        .iter()
        .filter(|e| e["name"] == "thread_name")
        .map(|e| {
            (
                e["pid"].as_i64().unwrap(),
                e["args"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(tracks.len(), procs.len());
    for (pid, name) in &procs {
        assert_eq!(tracks[&(*pid as i64)], format!("{name} (pid {pid})"));
    }
    // Every printed line is an instant.
    let lines = events.iter().filter(|e| e["cat"] == "output").count();
    assert_eq!(lines, printed_lines(&recs));
    // Workers wait on the lock, and say so.
    let blocked: Vec<&Value> = events
        .iter()
        .filter(|e| e["ph"] == "B" && e["args"]["state"] == "blocked")
        .collect();
    assert!(
        blocked.iter().any(|e| e["args"]["op"] == "acquire"
            && e["name"].as_str().unwrap().starts_with("blocked on Lock#")),
        "{blocked:?}"
    );
    // Each release that let a waiter in is an arrow to that acquire, in another process.
    let pairs = flow_ends(&events);
    let handovers: Vec<&(Value, Value)> = pairs
        .iter()
        .filter(|(from, _)| from["args"]["op"] == Op::Released.name())
        .collect();
    // One arrow for every acquire that had to wait.
    let mut waiting: HashMap<i32, String> = HashMap::new();
    let mut waited_acquires = 0;
    for r in &recs {
        match &r.event {
            Event::State {
                state: forkyard::trace::State::Blocked { on, op },
            } if op == "acquire" => {
                waiting.insert(r.pid, on.clone());
            }
            // An acquire ends the wait before it, if there was one.
            Event::Op { id, op, .. }
                if *op == Op::Acquired
                    && waiting
                        .remove(&r.pid)
                        .is_some_and(|on| on.ends_with(&format!("#{id}"))) =>
            {
                waited_acquires += 1;
            }
            _ => {}
        }
    }
    assert!(waited_acquires > 0);
    assert_eq!(handovers.len(), waited_acquires);
    for (from, to) in handovers {
        assert_eq!(to["args"]["op"], Op::Acquired.name());
        assert_eq!(from["args"]["object"], to["args"]["object"]);
        assert_ne!(from["pid"], to["pid"]);
    }
}

#[test]
fn perfetto_flows_pair_puts_with_gets_sends_with_receives_and_sets_with_waiters() {
    let d = dir("perfetto-flows");
    for (lesson, give, take) in [
        ("07-queue", Op::Put, Op::Got),
        ("08-pipe", Op::Sent, Op::Received),
        ("06-event", Op::Set, Op::Woke),
    ] {
        let file = d.join(format!("{lesson}.json"));
        let recs = run_lesson(lesson, &["--export", "perfetto", path(&file)]);
        let events = check_trace_event_format(&std::fs::read_to_string(&file).unwrap());
        let takes = recs
            .iter()
            .filter(|r| matches!(&r.event, Event::Op { op, .. } if *op == take))
            .count();
        let pairs: Vec<(Value, Value)> = flow_ends(&events)
            .into_iter()
            .filter(|(from, _)| from["args"]["op"] == give.name())
            .collect();
        assert_eq!(pairs.len(), takes, "{lesson}: every {take} has its {give}");
        for (from, to) in &pairs {
            assert_eq!(to["args"]["op"], take.name(), "{lesson}");
            assert!(to["ts"].as_f64() >= from["ts"].as_f64());
            // A Pipe message goes from one end to the other; the rest stay on one object.
            let (a, b) = (&from["args"]["object"], &to["args"]["object"]);
            if give == Op::Sent {
                assert!(a != b && a.as_str().unwrap().starts_with("Connection#"));
            } else {
                assert_eq!(a, b, "{lesson}");
            }
            // The same value travelled (a queue's details also carry its size).
            let item = |v: &Value| {
                let d = v["args"]["detail"].as_str().unwrap().to_string();
                d.split_once(" item=")
                    .map_or(d.clone(), |(_, i)| i.to_string())
            };
            if give != Op::Set {
                assert_eq!(item(from), item(to), "{lesson}");
            }
        }
    }
}

#[test]
fn svg_export_of_the_pool_lesson_has_lanes_an_axis_and_a_legend() {
    let d = dir("svg-pool");
    let file = d.join("pool.svg");
    let recs = run_lesson("09-pool", &["--export", "svg", path(&file)]);
    let text = std::fs::read_to_string(&file).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the export is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(root.attribute("viewBox").is_some());
    let class_of = |n: &roxmltree::Node, c: &str| {
        n.attribute("class")
            .is_some_and(|a| a.split(' ').any(|w| w == c))
    };
    let text_of = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.is_text() && d.parent().is_some_and(|p| !p.has_tag_name("title")))
            .map(|d| d.text().unwrap())
            .collect()
    };
    // One lane per process, in the order they appeared, with its name and pid.
    let lanes: Vec<roxmltree::Node> = root.descendants().filter(|n| class_of(n, "lane")).collect();
    let procs = processes(&recs);
    assert_eq!(lanes.len(), procs.len());
    // The main first; the workers in whichever order they started running.
    let mut names: Vec<String> = lanes
        .iter()
        .map(|l| l.attribute("data-name").unwrap().to_string())
        .collect();
    assert_eq!(names[0], "MainProcess");
    names.sort();
    assert_eq!(
        names,
        [
            "ForkPoolWorker-1",
            "ForkPoolWorker-2",
            "ForkPoolWorker-3",
            "MainProcess"
        ]
    );
    for lane in &lanes {
        let pid: i32 = lane.attribute("data-pid").unwrap().parse().unwrap();
        assert_eq!(procs[&pid], lane.attribute("data-name").unwrap());
        let said = text_of(*lane);
        assert!(
            said.contains(&format!("pid {pid}")) && said.contains(&procs[&pid]),
            "{said}"
        );
        // Each worker ran tasks and slept in them; nothing is drawn past the axis.
        let bars: Vec<roxmltree::Node> = lane
            .descendants()
            .filter(|n| class_of(n, "state"))
            .collect();
        assert!(!bars.is_empty());
        if procs[&pid].starts_with("ForkPoolWorker") {
            assert!(bars.iter().any(|b| class_of(b, "sleeping")));
        }
    }
    // The axis: round ticks in lesson seconds from 0 to at least the run's end (10 tasks of 3 s
    // on 3 workers, one at a time with apply: 30 s).
    let axis = root
        .descendants()
        .find(|n| class_of(n, "axis"))
        .expect("an axis");
    let ticks: Vec<f64> = axis
        .descendants()
        .filter(|n| class_of(n, "tick"))
        .map(|n| text_of(n).parse().unwrap())
        .collect();
    assert_eq!(ticks[0], 0.0);
    assert!(ticks.windows(2).all(|w| w[1] > w[0]));
    let end_s = recs.iter().map(|r| r.lesson_ns).max().unwrap() as f64 / 1e9;
    assert!(
        end_s >= 30.0 && *ticks.last().unwrap() >= end_s,
        "{ticks:?}"
    );
    assert!(text_of(axis).contains("lesson seconds"));
    // Every bar lies within the axis.
    let axis_x: Vec<f64> = axis
        .children()
        .filter(|n| n.has_tag_name("line"))
        .take(1)
        .flat_map(|l| {
            [
                l.attribute("x1").unwrap().parse().unwrap(),
                l.attribute("x2").unwrap().parse().unwrap(),
            ]
        })
        .collect();
    for bar in root.descendants().filter(|n| class_of(n, "state")) {
        let x: f64 = bar.attribute("x").unwrap().parse().unwrap();
        let w: f64 = bar.attribute("width").unwrap().parse().unwrap();
        assert!(x >= axis_x[0] - 0.1 && x + w <= axis_x[1] + 0.1);
    }
    // Each task goes to a worker and its result comes back: 20 arrows.
    let arrows = root.descendants().filter(|n| class_of(n, "flow")).count();
    assert_eq!(arrows, 20);
    // The legend names every state and mark.
    let legend = root
        .descendants()
        .find(|n| class_of(n, "legend"))
        .expect("a legend");
    let words = text_of(legend);
    for w in [
        "running",
        "sleeping",
        "blocked",
        "printed a line",
        "hand-over",
        "killed by a signal",
    ] {
        assert!(words.contains(w), "the legend says {w}: {words}");
    }
}

#[test]
fn transcript_export_is_what_run_prints() {
    let d = dir("transcript");
    let file = d.join("daemon.txt");
    let out = forkyard(&[
        "run",
        "02-daemon",
        "--speed",
        "10",
        "--export",
        "transcript",
        path(&file),
    ]);
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("MainProcess") && printed.contains("exit code 0"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), printed);
}

#[test]
fn exports_of_a_recorded_jsonl_match_those_of_the_live_run() {
    let d = dir("recorded");
    let live = |ext: &str| d.join(format!("live.{ext}"));
    let later = |ext: &str| d.join(format!("later.{ext}"));
    let out = forkyard(&[
        "run",
        "04-lock",
        "--set",
        "lock=on",
        "--speed",
        "10",
        "--format",
        "jsonl",
        "--export",
        "perfetto",
        path(&live("json")),
        "--export",
        "svg",
        path(&live("svg")),
        "--export",
        "transcript",
        path(&live("txt")),
    ]);
    assert!(out.status.success());
    let trace = d.join("run.jsonl");
    std::fs::write(&trace, &out.stdout).unwrap();
    let out = forkyard(&[
        "export",
        path(&trace),
        "--to",
        "perfetto",
        path(&later("json")),
        "--to",
        "svg",
        path(&later("svg")),
        "--to",
        "transcript",
        path(&later("txt")),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |p: PathBuf| std::fs::read_to_string(p).unwrap();
    assert_eq!(read(later("txt")), read(live("txt")));
    // The live run also knows what the command line called it (`04-lock`); a jsonl file does not.
    let mut a: Value = serde_json::from_str(&read(live("json"))).unwrap();
    let b: Value = serde_json::from_str(&read(later("json"))).unwrap();
    assert_eq!(a["otherData"]["ran"], "04-lock");
    a["otherData"].as_object_mut().unwrap().remove("ran");
    assert_eq!(a, b);
    let untitled = |svg: String| -> String {
        svg.lines()
            .filter(|l| !l.starts_with("<text class=\"title\""))
            .collect()
    };
    assert_eq!(untitled(read(later("svg"))), untitled(read(live("svg"))));
}

#[test]
fn a_run_stopped_by_its_timeout_still_exports_every_process_ended() {
    let d = dir("timeout");
    let prog = program(
        "forever.py",
        "import multiprocessing, time\n\
         def child():\n    time.sleep(1000)\n\
         if __name__ == '__main__':\n    \
         p = multiprocessing.Process(target=child)\n    p.start()\n    print('started')\n    p.join()\n",
    );
    let (json, svg) = (d.join("t.json"), d.join("t.svg"));
    let out = run_cmd(
        &prog,
        &[
            "--timeout",
            "2",
            "--export",
            "perfetto",
            path(&json),
            "--export",
            "svg",
            path(&svg),
        ],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(124));
    let text = std::fs::read_to_string(&json).unwrap();
    let events = check_trace_event_format(&text);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["otherData"]["stopped"], "timeout after 2 s");
    let names: Vec<&str> = events
        .iter()
        .filter(|e| e["name"] == "process_name")
        .map(|e| e["args"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["MainProcess", "Process-1"]);
    // The child slept until it was killed: the sleep is closed where it ended.
    assert!(
        events
            .iter()
            .any(|e| e["ph"] == "B" && e["name"] == "sleeping")
    );
    let svg = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let endings: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("how"))
        .filter_map(|n| n.first_child()?.text())
        .collect();
    assert_eq!(endings.len(), 2);
    assert!(endings.iter().all(|e| e.starts_with('✗')), "{endings:?}");
}

#[test]
fn bad_exports_are_refused_with_a_sentence_before_anything_runs() {
    let d = dir("bad");
    let cases: [(Vec<String>, &str); 5] = [
        (
            vec![
                "run".into(),
                "02-daemon".into(),
                "--export".into(),
                "png".into(),
                "x.png".into(),
            ],
            "there is no export format 'png' (formats: perfetto, svg, transcript)",
        ),
        (
            vec![
                "run".into(),
                "02-daemon".into(),
                "--export".into(),
                "svg".into(),
                d.join("no/such/dir/x.svg").to_string_lossy().into(),
            ],
            "does not exist",
        ),
        (
            vec![
                "run".into(),
                "09-pool".into(),
                "--compare".into(),
                "method".into(),
                "--export".into(),
                "svg".into(),
                d.join("x.svg").to_string_lossy().into(),
            ],
            "cannot be combined with --compare",
        ),
        (
            vec![
                "export".into(),
                d.join("missing.jsonl").to_string_lossy().into(),
                "--to".into(),
                "svg".into(),
                d.join("x.svg").to_string_lossy().into(),
            ],
            "could not read",
        ),
        (
            {
                let bad = d.join("bad.jsonl");
                std::fs::write(&bad, "{\"pid\":1}\n").unwrap();
                vec![
                    "export".into(),
                    bad.to_string_lossy().into(),
                    "--to".into(),
                    "perfetto".into(),
                    d.join("x.json").to_string_lossy().into(),
                ]
            },
            "bad.jsonl:1: not a forkyard trace record",
        ),
    ];
    for (args, says) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = forkyard(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "nothing ran: {args:?}");
    }
    assert!(!d.join("x.svg").exists() && !d.join("x.json").exists());
}

#[test]
fn the_format_check_rejects_broken_traces() {
    let meta = r#"{"name":"process_name","ph":"M","pid":1,"tid":1,"args":{"name":"P"}},
                  {"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"P (pid 1)"}}"#;
    let doc =
        |events: &str| format!(r#"{{"displayTimeUnit":"ms","traceEvents":[{meta},{events}]}}"#);
    let good = doc(r#"{"name":"running","ph":"B","pid":1,"tid":1,"ts":0},
           {"name":"released Lock#1","ph":"i","s":"t","pid":1,"tid":1,"ts":1},
           {"name":"L","cat":"flow","ph":"s","id":1,"pid":1,"tid":1,"ts":1},
           {"name":"acquired Lock#1","ph":"i","s":"t","pid":1,"tid":1,"ts":2},
           {"name":"L","cat":"flow","ph":"f","bp":"e","id":1,"pid":1,"tid":1,"ts":2},
           {"name":"running","ph":"E","pid":1,"tid":1,"ts":3}"#);
    check_trace_event_format(&good);
    let broken = [
        // A B never closed.
        r#"{"name":"running","ph":"B","pid":1,"tid":1,"ts":0}"#,
        // Time going back on a track.
        r#"{"name":"a","ph":"i","pid":1,"tid":1,"ts":5},{"name":"b","ph":"i","pid":1,"tid":1,"ts":4}"#,
        // A flow end without its start.
        r#"{"name":"a","ph":"i","pid":1,"tid":1,"ts":5},{"name":"L","cat":"flow","ph":"f","id":9,"pid":1,"tid":1,"ts":5}"#,
        // A track nobody named.
        r#"{"name":"a","ph":"i","pid":2,"tid":2,"ts":5}"#,
        // An event without a timestamp.
        r#"{"name":"a","ph":"i","pid":1,"tid":1}"#,
    ];
    for events in broken {
        let text = doc(events);
        let caught = std::panic::catch_unwind(|| check_trace_event_format(&text));
        assert!(caught.is_err(), "accepted: {events}");
    }
}
