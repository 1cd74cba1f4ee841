//! Lessons 04-08 headless at high speed, each checked against what its text teaches, from the
//! jsonl trace: 04 loses updates without the lock (by its design: every worker reads before any
//! writes) and never with it; 05 never has more holders than permits; 06's waits return what the
//! timeout knob says; 07's note ending hangs at main's exit on the reader, the fixed one ends; 08's
//! reader sees EOFError only once every copy of the send end is closed.

mod run_support;

use std::process::{Command, Stdio};

use forkyard::trace::{AtExitAction, Ending, Event, Op, Record};
use run_support::{EXE, group, main_pid, pid_of, records, text_of};

/// `forkyard run <lesson> --set ... --format jsonl --speed 20`: its records in time order and its
/// exit status. Checks that no process of the run is left.
fn run_lesson(id: &str, set: &[&str], timeout: &str) -> (Vec<Record>, Option<i32>) {
    run_lesson_at(id, set, timeout, "20")
}

/// `run_lesson` at another speed.
fn run_lesson_at(id: &str, set: &[&str], timeout: &str, speed: &str) -> (Vec<Record>, Option<i32>) {
    let mut cmd = Command::new(EXE);
    cmd.args([
        "run",
        id,
        "--speed",
        speed,
        "--format",
        "jsonl",
        "--timeout",
        timeout,
    ]);
    for s in set {
        cmd.args(["--set", s]);
    }
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    let mut recs = records(&String::from_utf8(out.stdout).unwrap());
    assert!(
        !recs.is_empty(),
        "{id} {set:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        group(main_pid(&recs)),
        Vec::<i32>::new(),
        "{id} {set:?} left processes"
    );
    recs.sort_by_key(|r| r.mono_ns);
    (recs, out.status.code())
}

/// Every line printed by any process, in time order.
fn all_lines(recs: &[Record]) -> Vec<String> {
    let mut by_pid: std::collections::HashMap<i32, String> = Default::default();
    let mut lines = Vec::new();
    for r in recs {
        if let Event::Output { text, .. } = &r.event {
            let buf = by_pid.entry(r.pid).or_default();
            buf.push_str(text);
            while let Some(i) = buf.find('\n') {
                lines.push(buf[..i].to_string());
                buf.drain(..=i);
            }
        }
    }
    lines
}

/// The id of the first object of `class`.
fn object_id(recs: &[Record], class: &str) -> u32 {
    recs.iter()
        .find_map(|r| match &r.event {
            Event::Object { id, class: c, .. } if c == class => Some(*id),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {class} in the trace"))
}

/// (pid, op, detail) of every op on object `id`, in time order.
fn ops_on(recs: &[Record], id: u32) -> Vec<(i32, &Op, Option<&str>)> {
    recs.iter()
        .filter_map(|r| match &r.event {
            Event::Op { id: i, op, detail } if *i == id => Some((r.pid, op, detail.as_deref())),
            _ => None,
        })
        .collect()
}

/// The most holders at once from acquired/released ops, and how many acquires there were.
fn most_holders(ops: &[(i32, &Op, Option<&str>)]) -> (usize, usize) {
    let mut holders: Vec<i32> = Vec::new();
    let (mut most, mut acquires) = (0, 0);
    for (pid, op, _) in ops {
        match *op {
            Op::Acquired => {
                holders.push(*pid);
                acquires += 1;
                most = most.max(holders.len());
            }
            Op::Released => {
                let at = holders
                    .iter()
                    .position(|h| h == pid)
                    .unwrap_or_else(|| panic!("a release by a non-holder {pid}: {ops:?}"));
                holders.remove(at);
            }
            _ => {}
        }
    }
    (most, acquires)
}

/// `counter: N expected: M` from main's output.
fn counter_line(recs: &[Record]) -> (i64, i64) {
    let main = text_of(recs, pid_of(recs, "MainProcess"));
    let line = main
        .lines()
        .find(|l| l.starts_with("counter:"))
        .unwrap_or_else(|| panic!("no counter line in {main:?}"));
    let w: Vec<&str> = line.split_whitespace().collect();
    (w[1].parse().unwrap(), w[3].parse().unwrap())
}

#[test]
fn lesson_04_without_the_lock_loses_updates_with_it_the_total_is_exact() {
    for processes in [2, 3, 5] {
        let p = format!("processes={processes}");
        // Without the lock every worker reads the counter during the others' 0.5 s sleep: each
        // round ends with the counter one higher whatever the number of workers (lost updates).
        // Speed 5: the 0.5 s between a worker's read and its write is 100 ms of real time, far
        // more than the forks of the workers take even on a loaded machine.
        let (recs, status) = run_lesson_at("04-lock", &["lock=off", &p], "60", "5");
        assert_eq!(status, Some(0));
        let (got, expected) = counter_line(&recs);
        assert_eq!(expected, processes * 3);
        assert!(got < expected, "{p} without the lock lost nothing: {got}");
        // The lesson's lock is created but never taken.
        let lock = object_id(&recs, "Lock");
        assert_eq!(most_holders(&ops_on(&recs, lock)), (0, 0));

        let (recs, status) = run_lesson("04-lock", &["lock=on", &p], "60");
        assert_eq!(status, Some(0));
        assert_eq!(counter_line(&recs), (processes * 3, processes * 3), "{p}");
        let lock = object_id(&recs, "Lock");
        let (most, acquires) = most_holders(&ops_on(&recs, lock));
        assert_eq!((most, acquires), (1, (processes * 3) as usize), "{p}");
        // Each worker's "read N wrote N+1" lines, in time order, count up by one with the lock.
        let lines = all_lines(&recs);
        let reads: Vec<i64> = lines
            .iter()
            .filter_map(|l| l.split(" read ").nth(1))
            .map(|rest| rest.split_whitespace().next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(reads, (0..processes * 3).collect::<Vec<_>>(), "{p}");
    }
}

#[test]
fn lesson_05_never_more_holders_than_permits() {
    for permits in 1..=5usize {
        let (recs, status) = run_lesson("05-semaphore", &[&format!("permits={permits}")], "60");
        assert_eq!(status, Some(0));
        let sem = object_id(&recs, "Semaphore");
        let ops = ops_on(&recs, sem);
        let (most, acquires) = most_holders(&ops);
        assert_eq!(
            acquires, 5,
            "permits={permits}: every worker got a permit once"
        );
        // At most `permits` at once (how many are reached depends on how fast the five start).
        assert!(
            (1..=permits).contains(&most),
            "permits={permits}: {most} holders at once: {ops:?}"
        );
        // The value reported with each operation never goes below 0 nor above the permits.
        for (_, _, detail) in &ops {
            if let Some(v) = detail.and_then(|d| d.strip_prefix("value=")) {
                let v: i64 = v.parse().unwrap();
                assert!((0..=permits as i64).contains(&v), "value {v}: {ops:?}");
            }
        }
    }
}

#[test]
fn lesson_06_wait_returns_what_the_timeout_knob_says() {
    for (knob, woke) in [("longer", true), ("shorter", false)] {
        let (recs, status) = run_lesson("06-event", &[&format!("timeout={knob}")], "60");
        assert_eq!(status, Some(0));
        let ev = object_id(&recs, "Event");
        let ops = ops_on(&recs, ev);
        let set_at = ops.iter().position(|(_, op, _)| **op == Op::Set).unwrap();
        for name in ["Process-1", "Process-2", "Process-3"] {
            let pid = pid_of(&recs, name);
            let text = text_of(&recs, pid);
            let mine: Vec<_> = ops.iter().enumerate().filter(|(_, o)| o.0 == pid).collect();
            assert_eq!(mine.len(), 1, "{knob} {name}: one wait outcome: {ops:?}");
            let (at, (_, op, _)) = mine[0];
            if woke {
                assert_eq!(**op, Op::Woke, "{knob} {name}");
                assert!(at > set_at, "{name} woke before set");
                assert!(text.contains("woke up: the event is set"), "{text}");
            } else {
                assert_eq!(**op, Op::Timeout, "{knob} {name}");
                assert!(at < set_at, "{name} timed out after set");
                assert!(text.contains("gave up: wait() returned False"), "{text}");
            }
        }
        let main = text_of(&recs, pid_of(&recs, "MainProcess"));
        assert_eq!(
            main,
            "main: is_set() = True\nmain: after clear(), is_set() = False\nmain: wait(0.5) now returns False\n"
        );
    }
}

#[test]
fn lesson_07_the_notes_ending_hangs_on_the_reader_the_fixed_one_ends() {
    // The note's ending: main joins the writer twice, prints `main: end`, then its exit rules join
    // the reader, which waits in get() for an item that never comes. Only --timeout stops it.
    let (recs, status) = run_lesson("07-queue", &["ending=note"], "3");
    assert_eq!(status, Some(124));
    let main = pid_of(&recs, "MainProcess");
    let reader = pid_of(&recs, "Process-2");
    assert!(text_of(&recs, main).ends_with("main: end\n"));
    let join = recs
        .iter()
        .position(|r| {
            r.pid == main
                && matches!(r.event, Event::AtExit { action: AtExitAction::Join, child, .. } if child == reader)
        })
        .expect("main's exit rules join the reader");
    let stop = recs
        .iter()
        .position(|r| matches!(r.event, Event::Stop { .. }))
        .expect("the run is stopped by --timeout");
    assert!(join < stop);
    // The reader got all four items, never None, and was still blocked in get() when stopped.
    let text = text_of(&recs, reader);
    assert_eq!(text, "read: got a\nread: got b\nread: got c\nread: got d\n");
    let q = format!("Queue#{}", object_id(&recs, "Queue"));
    let last_state = recs[..stop]
        .iter()
        .rev()
        .find_map(|r| match &r.event {
            Event::State { state } if r.pid == reader => Some(state.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        last_state,
        forkyard::trace::State::Blocked {
            on: q,
            op: "get".into()
        }
    );
    assert!(recs.iter().any(|r| matches!(r.event,
        Event::Reaped { child, ending: Ending::Signaled { signal: 9 }, .. } if child == reader)));

    // The fixed ending: main puts None, the reader stops on it, every process exits 0.
    let (recs, status) = run_lesson("07-queue", &[], "60");
    assert_eq!(status, Some(0));
    let reader = pid_of(&recs, "Process-2");
    assert!(text_of(&recs, reader).ends_with("read: got None, the writer is done\n"));
    assert!(text_of(&recs, pid_of(&recs, "MainProcess")).ends_with("main: end\n"));
    assert!(!recs.iter().any(|r| matches!(r.event, Event::Stop { .. })));

    // The note's ending with a get timeout ends too: the reader stops on queue.Empty.
    let (recs, status) = run_lesson("07-queue", &["ending=note", "timeout=3"], "60");
    assert_eq!(status, Some(0));
    let reader = pid_of(&recs, "Process-2");
    assert!(text_of(&recs, reader).ends_with("read: queue.Empty, nothing came, I stop\n"));
}

#[test]
fn lesson_08_eof_only_once_every_copy_of_the_send_end_is_closed() {
    // The send end is the one Process-1, the sender, sends on (main may send a ping on the other).
    let sent_end = |recs: &[Record]| {
        let sender = pid_of(recs, "Process-1");
        recs.iter()
            .find_map(|r| match &r.event {
                Event::Op { id, op, .. } if *op == Op::Sent && r.pid == sender => Some(*id),
                _ => None,
            })
            .expect("a send")
    };
    // Both knobs on: the sender, main and the receiver each close their copy; EOF comes after the
    // last of the three closes, and after the five items.
    for duplex in ["False", "True"] {
        let (recs, status) = run_lesson("08-pipe", &[&format!("duplex={duplex}")], "60");
        assert_eq!(status, Some(0), "duplex={duplex}");
        let send_end = sent_end(&recs);
        let closers: Vec<i32> = ops_on(&recs, send_end)
            .iter()
            .filter(|o| *o.1 == Op::Closed)
            .map(|o| o.0)
            .collect();
        let mut want = vec![
            pid_of(&recs, "MainProcess"),
            pid_of(&recs, "Process-1"),
            pid_of(&recs, "Process-2"),
        ];
        let mut got = closers.clone();
        got.sort();
        want.sort();
        assert_eq!(
            got, want,
            "duplex={duplex}: every copy of the send end closed once"
        );
        let last_close = recs
            .iter()
            .rposition(|r| matches!(&r.event, Event::Op { id, op, .. } if *id == send_end && *op == Op::Closed))
            .unwrap();
        let eof = recs
            .iter()
            .position(|r| matches!(&r.event, Event::Op { op, .. } if *op == Op::Eof))
            .expect("EOFError in the receiver");
        assert!(
            last_close < eof,
            "duplex={duplex}: EOF before the last close"
        );
        let receiver = pid_of(&recs, "Process-2");
        assert_eq!(
            text_of(&recs, receiver),
            "recv: 0\nrecv: 1\nrecv: 2\nrecv: 3\nrecv: 4\nrecv: EOFError, every copy of the send end is closed\n"
        );
    }
    // Either copy left open: no EOF, the receiver waits in recv() until --timeout stops the run.
    for knob in ["main_closes=off", "receiver_closes=off"] {
        let (recs, status) = run_lesson("08-pipe", &[knob], "3");
        assert_eq!(status, Some(124), "{knob} should be endless");
        let send_end = sent_end(&recs);
        let closes = ops_on(&recs, send_end)
            .iter()
            .filter(|o| *o.1 == Op::Closed)
            .count();
        assert_eq!(closes, 2, "{knob}: one copy stays open");
        assert!(
            !recs
                .iter()
                .any(|r| matches!(&r.event, Event::Op { op, .. } if *op == Op::Eof)),
            "{knob}: EOFError with a copy of the send end open"
        );
        let receiver = pid_of(&recs, "Process-2");
        assert_eq!(
            text_of(&recs, receiver),
            "recv: 0\nrecv: 1\nrecv: 2\nrecv: 3\nrecv: 4\n",
            "{knob}"
        );
    }
}

/// Holders over time from acquired/released ops, where a release by a process that holds nothing
/// (a stray `release()`) adds a permit instead: (most holders at once, stray releases).
fn holders_with_strays(ops: &[(i32, &Op, Option<&str>)]) -> (usize, usize) {
    let mut holders: Vec<i32> = Vec::new();
    let (mut most, mut strays) = (0, 0);
    for (pid, op, _) in ops {
        match *op {
            Op::Acquired => {
                holders.push(*pid);
                most = most.max(holders.len());
            }
            Op::Released => match holders.iter().position(|h| h == pid) {
                Some(at) => {
                    holders.remove(at);
                }
                None => strays += 1,
            },
            _ => {}
        }
    }
    (most, strays)
}

/// `main: all joined, permits left: N` from main's output.
fn permits_left(recs: &[Record]) -> i64 {
    let main = text_of(recs, pid_of(recs, "MainProcess"));
    main.lines()
        .find_map(|l| l.strip_prefix("main: all joined, permits left: "))
        .unwrap_or_else(|| panic!("no permits line in {main:?}"))
        .parse()
        .unwrap()
}

#[test]
fn lesson_05_a_stray_release_lets_three_in_and_a_bounded_semaphore_refuses_it() {
    // Speed 5: the shortest holder works 1 s = 200 ms, far longer than five forks take, so the
    // first three acquires overlap even on a loaded machine.
    let (recs, status) = run_lesson_at("05-semaphore", &["extra_release=on"], "60", "5");
    assert_eq!(status, Some(0));
    let sem = object_id(&recs, "Semaphore");
    let ops = ops_on(&recs, sem);
    let (most, strays) = holders_with_strays(&ops);
    assert_eq!(strays, 1, "main's one release nobody paid for: {ops:?}");
    assert_eq!(most, 3, "Semaphore(2) let three in at once: {ops:?}");
    assert_eq!(permits_left(&recs), 3);
    // The defaults, for contrast: two at most, two left.
    let (recs, _) = run_lesson_at("05-semaphore", &[], "60", "5");
    let (most, strays) = holders_with_strays(&ops_on(&recs, object_id(&recs, "Semaphore")));
    assert_eq!((most, strays), (2, 0));
    assert_eq!(permits_left(&recs), 2);

    // BoundedSemaphore: the stray release raises ValueError in main before any worker starts.
    let (recs, status) = run_lesson(
        "05-semaphore",
        &["extra_release=on", "kind=BoundedSemaphore"],
        "60",
    );
    assert_eq!(status, Some(1));
    let main = text_of(&recs, pid_of(&recs, "MainProcess"));
    assert!(
        main.contains("ValueError: semaphore or lock released too many times"),
        "{main}"
    );
    assert!(
        !recs.iter().any(|r| matches!(r.event, Event::Spawn { .. })),
        "a worker started"
    );
}

#[test]
fn lesson_05_a_holder_that_dies_takes_its_permit_with_it() {
    let (recs, status) = run_lesson("05-semaphore", &["holder_killed=on"], "60");
    assert_eq!(status, Some(0));
    let p1 = pid_of(&recs, "Process-1");
    let sem = object_id(&recs, "Semaphore");
    let ops = ops_on(&recs, sem);
    let mine: Vec<&Op> = ops.iter().filter(|o| o.0 == p1).map(|o| o.1).collect();
    assert!(mine.contains(&&Op::Acquired), "{ops:?}");
    assert!(
        !mine.contains(&&Op::Released),
        "Process-1 gave it back: {ops:?}"
    );
    assert!(recs.iter().any(|r| matches!(r.event,
        Event::Reaped { child, ending: Ending::Exited { code: 1 }, .. } if child == p1)));
    // The four others still each got a permit, one fewer was left to share, and it never came back.
    let acquires = ops.iter().filter(|o| *o.1 == Op::Acquired).count();
    assert_eq!(acquires, 5);
    assert_eq!(permits_left(&recs), 1);
}

#[test]
fn lesson_07_blocked_is_a_type_error_and_a_big_item_holds_its_writer() {
    // The note's `blocked=`: TypeError at the writer's first put; the reader still stops on None.
    let (recs, status) = run_lesson("07-queue", &["block=blocked"], "60");
    assert_eq!(status, Some(0));
    let writer = pid_of(&recs, "Process-1");
    assert!(
        text_of(&recs, writer)
            .contains("TypeError: Queue.put() got an unexpected keyword argument 'blocked'"),
        "{}",
        text_of(&recs, writer)
    );
    assert!(recs.iter().any(|r| matches!(r.event,
        Event::Reaped { child, ending: Ending::Exited { code: 1 }, .. } if child == writer)));
    assert_eq!(
        text_of(&recs, pid_of(&recs, "Process-2")),
        "read: got None, the writer is done\n"
    );

    // One big item: the writer says `write: done` at about 2 s but cannot end until the reader has
    // taken the item (its fourth 3 s nap later), blocked on the queue meanwhile; main's join waits.
    let (recs, status) = run_lesson("07-queue", &["big=on"], "60");
    assert_eq!(status, Some(0));
    let writer = pid_of(&recs, "Process-1");
    let reader = pid_of(&recs, "Process-2");
    let at = |pid: i32, text: &str| {
        recs.iter()
            .find_map(|r| match &r.event {
                Event::Output { text: t, .. } if r.pid == pid && t.contains(text) => {
                    Some(r.lesson_ns)
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("{pid} never printed {text:?}"))
    };
    let done = at(writer, "write: done");
    let got_d = at(reader, "read: got d");
    let writer_exit = recs
        .iter()
        .find_map(|r| match r.event {
            Event::Exit { .. } if r.pid == writer => Some(r.lesson_ns),
            _ => None,
        })
        .expect("the writer exits");
    assert!(
        done < got_d && got_d < writer_exit,
        "{done} {got_d} {writer_exit}"
    );
    assert!(
        writer_exit - done > 8_000_000_000,
        "the writer ended {} s after write: done",
        (writer_exit - done) as f64 / 1e9
    );
    let q = format!("Queue#{}", object_id(&recs, "Queue"));
    let blocked_after_done = recs.iter().any(|r| {
        r.pid == writer
            && r.lesson_ns > done
            && matches!(&r.event, Event::State { state: forkyard::trace::State::Blocked { on, op } }
                if *on == q && op == "put")
    });
    assert!(
        blocked_after_done,
        "the writer waits on the queue after write: done"
    );
    assert!(text_of(&recs, reader).contains("read: got zzzzzzzzzz\n"));
    // main's writer.join() returned only after that: main's None comes after the writer's exit.
    let main = pid_of(&recs, "MainProcess");
    let none_put = recs
        .iter()
        .find_map(|r| match &r.event {
            Event::Op {
                op,
                detail: Some(d),
                ..
            } if r.pid == main && *op == Op::Put && d.contains("item=None") => Some(r.lesson_ns),
            _ => None,
        })
        .expect("main puts None");
    assert!(none_put > writer_exit);
}
