//! The Run model fed with records, no process involved.

use super::*;
use crate::trace::{Ending, Op, State, Stream};

const MS: u64 = 1_000_000;
const MAIN: i32 = 100;
const P1: i32 = 101;
const OBSERVER: i32 = 50;

struct Feed {
    run: Run,
    seq: u64,
}

impl Feed {
    fn new() -> Feed {
        Feed {
            run: Run::new(),
            seq: 0,
        }
    }

    fn at(&mut self, pid: i32, ms: u64, event: Event) -> &mut Self {
        let ppid = match pid {
            MAIN => OBSERVER,
            OBSERVER => 1,
            _ => MAIN,
        };
        self.seq += 1;
        let r = Record {
            pid,
            ppid,
            seq: self.seq,
            mono_ns: ms * MS,
            lesson_ns: ms * MS,
            event,
        };
        self.run.apply(&r);
        self
    }
}

fn out(text: &str) -> Event {
    Event::Output {
        stream: Stream::Stdout,
        text: text.into(),
    }
}

fn reaped(child: i32, name: &str, ending: Ending) -> Event {
    Event::Reaped {
        child,
        child_name: name.into(),
        ending,
    }
}

/// The daemon lesson with daemon=True: main prints end and exits; its exit rules SIGTERM the child.
fn daemon_run() -> Feed {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        P1,
        1,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: true,
            forked_ns: None,
        },
    )
    .at(MAIN, 1, out("end\n"))
    .at(
        MAIN,
        2,
        Event::AtExit {
            action: AtExitAction::Terminate,
            child: P1,
            child_name: "Process-1".into(),
        },
    )
    .at(
        MAIN,
        2,
        Event::Signal {
            target: P1,
            target_name: "Process-1".into(),
            signal: 15,
            signal_name: "SIGTERM".into(),
        },
    )
    .at(
        MAIN,
        3,
        Event::AtExit {
            action: AtExitAction::Join,
            child: P1,
            child_name: "Process-1".into(),
        },
    )
    .at(
        MAIN,
        3,
        Event::State {
            state: State::Blocked {
                on: "Process-1".into(),
                op: "join".into(),
            },
        },
    )
    .at(
        MAIN,
        4,
        reaped(P1, "Process-1", Ending::Signaled { signal: 15 }),
    )
    .at(
        MAIN,
        4,
        Event::State {
            state: State::Running,
        },
    )
    .at(MAIN, 5, Event::Exit { code: 0 })
    .at(
        OBSERVER,
        6,
        reaped(MAIN, "MainProcess", Ending::Exited { code: 0 }),
    );
    f.run.finish(&RunEnd {
        main: Some(Ending::Exited { code: 0 }),
        stopped: None,
    });
    f
}

#[test]
fn lanes_know_who_is_who() {
    let f = daemon_run();
    let names: Vec<_> = f
        .run
        .lanes()
        .map(|l| (l.name.as_str(), l.pid, l.daemon, l.is_main))
        .collect();
    assert_eq!(
        names,
        vec![
            ("MainProcess", MAIN, false, true),
            ("Process-1", P1, true, false)
        ]
    );
    assert_eq!(f.run.main_pid, Some(MAIN));
    assert_eq!(f.run.file.as_deref(), Some("main.py"));
    assert_eq!(f.run.lane_by_pid(P1).unwrap().ppid, MAIN);
}

#[test]
fn summary_says_the_daemon_died_by_sigterm_at_mains_exit() {
    let f = daemon_run();
    let s = f.run.summary();
    assert_eq!(s[0].how, "exit code 0");
    assert_eq!((s[0].start_s, s[0].end_s), (0.0, Some(0.005)));
    assert_eq!(s[1].how, "SIGTERM at MainProcess's exit");
    assert_eq!(s[1].exitcode, Some(-15));
    assert_eq!(
        s[1].end_s,
        Some(0.002),
        "ended when the signal was sent, not when reaped"
    );
}

#[test]
fn lane_states_follow_the_trace() {
    let f = daemon_run();
    let main = f.run.lane_by_pid(MAIN).unwrap();
    let states: Vec<_> = main
        .segments
        .iter()
        .map(|s| (s.from_ns / MS, s.state.clone()))
        .collect();
    assert_eq!(
        states,
        vec![
            (0, LaneState::Running),
            (
                3,
                LaneState::Blocked {
                    on: "Process-1".into(),
                    op: "join".into()
                }
            ),
            (4, LaneState::Running),
            (5, LaneState::Ended),
        ]
    );
    assert_eq!(f.run.at_exit[&MAIN].len(), 2);
    assert_eq!(f.run.lane_by_pid(P1).unwrap().state(), &LaneState::Ended);
}

#[test]
fn output_lines_carry_time_and_process() {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        P1,
        1,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: false,
            forked_ns: None,
        },
    )
    .at(P1, 1, out("0\n"))
    .at(MAIN, 2, out("a "))
    .at(P1, 3, out("1\n"))
    .at(MAIN, 4, out("b\n"));
    let lines: Vec<_> = f
        .run
        .log
        .lines()
        .map(|l| (l.lesson_ns / MS, l.process.to_string(), l.text.clone()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (1, "Process-1".into(), "0".into()),
            (3, "Process-1".into(), "1".into()),
            (2, "MainProcess".into(), "a b".into()),
        ]
    );
}

#[test]
fn signals_from_a_process_and_stops_are_explained() {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        P1,
        1,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: false,
            forked_ns: None,
        },
    )
    .at(
        102,
        1,
        Event::Spawn {
            name: "Process-2".into(),
            daemon: false,
            forked_ns: None,
        },
    )
    .at(
        MAIN,
        2,
        Event::Signal {
            target: P1,
            target_name: "Process-1".into(),
            signal: 9,
            signal_name: "SIGKILL".into(),
        },
    )
    .at(
        MAIN,
        3,
        reaped(P1, "Process-1", Ending::Signaled { signal: 9 }),
    )
    .at(
        OBSERVER,
        4,
        Event::Stop {
            reason: "timeout after 5 s".into(),
        },
    )
    .at(
        OBSERVER,
        5,
        reaped(MAIN, "MainProcess", Ending::Signaled { signal: 9 }),
    )
    .at(
        OBSERVER,
        5,
        reaped(102, "Process-2", Ending::Signaled { signal: 9 }),
    );
    let how: Vec<_> = f.run.summary().into_iter().map(|s| s.how).collect();
    assert_eq!(
        how,
        vec![
            "SIGKILL: the run was stopped (timeout after 5 s)",
            "SIGKILL from MainProcess",
            "SIGKILL: the run was stopped (timeout after 5 s)",
        ]
    );
}

#[test]
fn an_orphan_killed_from_outside_the_run_is_not_blamed_on_its_parent() {
    // Children are not tied to their parent (no PDEATHSIG, as under CPython): an orphan SIGKILLed
    // by nobody of the run was killed from outside, whatever became of its parent.
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        P1,
        1,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: false,
            forked_ns: None,
        },
    );
    let mut r = Record {
        pid: 103,
        ppid: P1,
        seq: 0,
        mono_ns: 2 * MS,
        lesson_ns: 2 * MS,
        event: Event::Spawn {
            name: "Process-1:1".into(),
            daemon: false,
            forked_ns: None,
        },
    };
    f.run.apply(&r);
    f.at(
        MAIN,
        3,
        reaped(P1, "Process-1", Ending::Signaled { signal: 9 }),
    );
    r.event = reaped(103, "Process-1:1", Ending::Signaled { signal: 9 });
    r.pid = OBSERVER;
    f.run.apply(&r);
    assert_eq!(f.run.summary()[2].how, "killed by SIGKILL");
}

#[test]
fn stray_text_goes_to_the_main_and_refusals_are_noted() {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        MAIN,
        1,
        Event::Refused {
            message: "cap".into(),
        },
    )
    .at(
        OBSERVER,
        2,
        Event::Stray {
            stream: Stream::Stderr,
            text: "forkyard: internal error\n".into(),
            writer: None,
        },
    );
    let line = f.run.log.lines().next().unwrap();
    assert!(line.stray && &*line.process == "MainProcess" && line.stream == Stream::Stderr);
    assert_eq!(f.run.notes[0].text, "cap");
}

#[test]
fn stray_text_is_labelled_with_the_process_that_wrote_it() {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        P1,
        1,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: false,
            forked_ns: None,
        },
    )
    .at(
        OBSERVER,
        2,
        Event::Stray {
            stream: Stream::Stderr,
            text: "thread 'main' has overflowed its stack\n".into(),
            writer: Some(P1),
        },
    )
    .at(
        OBSERVER,
        3,
        Event::Stray {
            stream: Stream::Stderr,
            text: "from a stranger\n".into(),
            writer: Some(4242),
        },
    );
    let lines: Vec<_> = f.run.log.lines().collect();
    assert_eq!(
        &*lines[0].process, "Process-1",
        "the crashed child, not the main"
    );
    assert_eq!(
        &*lines[1].process, "MainProcess",
        "an unknown writer: the main"
    );
}

#[test]
fn a_late_spawn_names_earlier_output() {
    let mut f = Feed::new();
    f.at(P1, 1, out("early"));
    f.at(
        P1,
        0,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: false,
            forked_ns: None,
        },
    );
    f.at(P1, 2, out("\n"));
    assert_eq!(&*f.run.log.lines().next().unwrap().process, "Process-1");
    assert_eq!(f.run.lane_by_pid(P1).unwrap().start_ns, 0);
}

#[test]
fn a_hundred_thousand_lines_stay_bounded() {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    );
    for i in 0..100_000 {
        f.at(MAIN, i, out(&format!("{i}\n")));
        f.at(
            MAIN,
            i,
            Event::State {
                state: State::Sleeping { until_ns: i },
            },
        );
        f.at(
            MAIN,
            i,
            Event::State {
                state: State::Running,
            },
        );
    }
    assert_eq!(f.run.log.lines().count(), log::DEFAULT_MAX_LINES);
    assert!(f.run.lane_by_pid(MAIN).unwrap().segments.len() <= lane::MAX_SEGMENTS);
}

#[test]
fn objects_are_recorded_with_holders_and_waiters() {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        MAIN,
        1,
        Event::Object {
            id: 1,
            class: "Lock".into(),
            capacity: Some(1),
            owner: None,
            role: None,
        },
    )
    .at(
        P1,
        2,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: false,
            forked_ns: None,
        },
    )
    .at(
        MAIN,
        3,
        Event::Op {
            id: 1,
            op: Op::Acquired,
            detail: None,
        },
    )
    .at(
        P1,
        4,
        Event::State {
            state: State::Blocked {
                on: "Lock#1".into(),
                op: "acquire".into(),
            },
        },
    );
    assert_eq!(f.run.objects.get(1).unwrap().holders, vec![MAIN]);
    assert_eq!(f.run.waiters("Lock#1"), vec![P1]);
}

/// A Lock, a Semaphore(2) and a Queue; Process-1 takes the Lock, Process-2 and Process-3 wait on it,
/// then Process-1 is killed by SIGKILL while holding it.
#[test]
fn primitives_keep_holders_waiters_and_value_and_a_killed_holder_is_marked_dead() {
    const P2: i32 = 102;
    const P3: i32 = 103;
    let op = |id: u32, op: Op, detail: Option<&str>| Event::Op {
        id,
        op,
        detail: detail.map(Into::into),
    };
    let blocked = |on: &str, op: &str| Event::State {
        state: State::Blocked {
            on: on.into(),
            op: op.into(),
        },
    };
    let object = |id: u32, class: &str, capacity: Option<i64>| Event::Object {
        id,
        class: class.into(),
        capacity,
        owner: None,
        role: None,
    };
    let spawn = |name: &str| Event::Spawn {
        name: name.into(),
        daemon: false,
        forked_ns: None,
    };
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(MAIN, 1, object(1, "Lock", Some(1)))
    .at(MAIN, 1, object(2, "Semaphore", Some(2)))
    .at(MAIN, 1, object(3, "Queue", Some(0)))
    .at(P1, 2, spawn("Process-1"))
    .at(P2, 2, spawn("Process-2"))
    .at(P3, 2, spawn("Process-3"))
    .at(P1, 3, op(1, Op::Acquired, None))
    .at(P2, 4, blocked("Lock#1", "acquire"))
    .at(P3, 4, blocked("Lock#1", "acquire"))
    .at(P2, 5, op(2, Op::Acquired, Some("value=1")))
    .at(MAIN, 5, op(3, Op::Put, Some("size=1 item=7")))
    .at(MAIN, 6, blocked("Queue#3", "put"));
    let lock = f.run.objects.get(1).unwrap();
    assert_eq!((lock.holders.clone(), lock.value), (vec![P1], Some(0)));
    assert!(!lock.held_by_dead());
    assert_eq!(
        f.run.object_waiters(1),
        vec![(P2, "acquire".to_string()), (P3, "acquire".to_string())]
    );
    assert_eq!(f.run.object_waiters(3), vec![(MAIN, "put".to_string())]);
    assert_eq!(f.run.object_waiters(2), vec![]);
    assert_eq!(f.run.objects.get(2).unwrap().value, Some(1));
    assert_eq!(f.run.objects.get(3).unwrap().value, Some(1));
    assert_eq!(
        f.run.blocked_sentence(P2).unwrap(),
        "Process-2 blocked on Lock#1 (acquire) held by Process-1"
    );
    assert_eq!(f.run.blocked_sentence(P1), None);

    // SIGKILL while holding: no release ever comes; the token is lost, the waiters stay blocked.
    f.at(
        MAIN,
        7,
        Event::Signal {
            target: P1,
            target_name: "Process-1".into(),
            signal: 9,
            signal_name: "SIGKILL".into(),
        },
    )
    .at(
        MAIN,
        8,
        reaped(P1, "Process-1", Ending::Signaled { signal: 9 }),
    );
    let lock = f.run.objects.get(1).unwrap();
    assert!(lock.held_by_dead());
    assert_eq!(lock.holders, vec![P1]);
    assert_eq!(
        lock.dead_holders,
        vec![(P1, Ending::Signaled { signal: 9 })]
    );
    assert_eq!(lock.value, Some(0));
    assert_eq!(
        f.run.object_waiters(1),
        vec![(P2, "acquire".to_string()), (P3, "acquire".to_string())]
    );
    assert_eq!(
        f.run.blocked_sentence(P3).unwrap(),
        "Process-3 blocked on Lock#1 (acquire) held by a dead process (Process-1, killed by SIGKILL)"
    );
    // The Semaphore's holder is alive: nothing dead there.
    assert!(!f.run.objects.get(2).unwrap().held_by_dead());

    // A holder that ends by itself holding the Semaphore: marked from its exit record on.
    f.at(P2, 9, Event::Exit { code: 0 });
    let sem = f.run.objects.get(2).unwrap();
    assert_eq!(sem.dead_holders, vec![(P2, Ending::Exited { code: 0 })]);
    f.at(
        MAIN,
        10,
        reaped(P2, "Process-2", Ending::Exited { code: 0 }),
    );
    assert_eq!(f.run.objects.get(2).unwrap().dead_holders.len(), 1);
}

/// Records of a main with two children and a grandchild, fed in `order` (by pid): the
/// processes' own records cross on the trace pipe, and pids need not follow the start order.
fn family(order: &[i32]) -> Vec<String> {
    let mut run = Run::new();
    let spawn = |pid: i32, ppid: i32, name: &str, forked_ms: u64| Record {
        pid,
        ppid,
        seq: 0,
        mono_ns: 50 * MS,
        lesson_ns: 50 * MS,
        event: Event::Spawn {
            name: name.into(),
            daemon: false,
            forked_ns: Some(forked_ms * MS),
        },
    };
    let main = Record {
        pid: MAIN,
        ppid: OBSERVER,
        seq: 0,
        mono_ns: 0,
        lesson_ns: 0,
        event: Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    };
    let records = [
        spawn(300, MAIN, "Process-1", 10),
        spawn(200, MAIN, "Process-2", 20),
        spawn(400, 200, "Process-2:1", 30),
        main,
    ];
    for pid in order {
        for r in records.iter().filter(|r| r.pid == *pid) {
            run.apply(r);
        }
    }
    run.lanes().map(|l| l.name.clone()).collect()
}

#[test]
fn lanes_come_by_creation_whatever_order_records_arrive_in() {
    let want = ["MainProcess", "Process-1", "Process-2", "Process-2:1"];
    for order in [
        [MAIN, 300, 200, 400],
        [400, 200, 300, MAIN],
        [200, MAIN, 400, 300],
    ] {
        assert_eq!(family(&order), want, "records in order {order:?}");
    }
}

#[test]
fn a_spawn_record_dates_the_lane_from_the_fork() {
    let mut f = Feed::new();
    f.at(
        MAIN,
        0,
        Event::Main {
            name: "MainProcess".into(),
            file: "main.py".into(),
        },
    )
    .at(
        P1,
        40,
        Event::Spawn {
            name: "Process-1".into(),
            daemon: false,
            forked_ns: Some(25 * MS),
        },
    );
    let lane = f.run.lane_by_pid(P1).unwrap();
    assert_eq!((lane.start_ns, lane.forked_ns), (25 * MS, Some(25 * MS)));
}

fn object(id: u32, class: &str) -> Event {
    Event::Object {
        id,
        class: class.into(),
        capacity: None,
        owner: None,
        role: None,
    }
}

#[test]
fn objects_made_in_children_get_short_labels_in_order_of_appearance() {
    // A child's trace ids carry its pid's low bits above its own counter (`sync::new_id`).
    let child_id = |pid: i32, n: u32| ((pid as u32) << 16) | n;
    let mut f = Feed::new();
    f.at(MAIN, 1, object(1, "Lock"))
        .at(P1, 2, object(child_id(P1, 3), "Connection"))
        .at(P1, 3, object(child_id(P1, 4), "Queue"))
        .at(MAIN, 4, object(2, "Event"))
        .at(
            MAIN,
            5,
            Event::State {
                state: State::Blocked {
                    on: format!("Queue#{}", child_id(P1, 4)),
                    op: "get".into(),
                },
            },
        );
    let run = &f.run;
    let label = |id: u32| run.objects.get(id).unwrap().label();
    assert_eq!(label(1), "Lock#1");
    assert_eq!(label(2), "Event#2");
    assert_eq!(label(child_id(P1, 3)), "Connection#c1");
    assert_eq!(label(child_id(P1, 4)), "Queue#c2");
    // The trace's own name stays reachable (a held run's steps use it).
    assert_eq!(
        run.objects.get(child_id(P1, 4)).unwrap().trace_label(),
        format!("Queue#{}", child_id(P1, 4))
    );
    // A lane blocked on the child's Queue says it by its label, and is found as its waiter.
    assert_eq!(run.waiters("Queue#c2"), vec![MAIN]);
    assert_eq!(
        run.object_waiters(child_id(P1, 4)),
        vec![(MAIN, "get".to_string())]
    );
    assert!(
        run.blocked_sentence(MAIN)
            .unwrap()
            .contains("blocked on Queue#c2 (get)")
    );
}
