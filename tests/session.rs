//! The session API with the real binary as lesson main: independent runs, pause and speed changes,
//! stop, drop, a panicking owner thread, and output that bypasses the trace.

mod run_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use forkyard::session::{self, Run, RunEnd, RunHandle, RunSpec, Update};
use forkyard::trace::{Ending, Event, Op, Stream};
use run_support::{EXE, group};

fn spec(source: &str, speed: f64) -> RunSpec {
    RunSpec {
        speed,
        exe: Some(PathBuf::from(EXE)),
        ..RunSpec::new(source, "main.py")
    }
}

/// Reads a run to its end; returns the model.
fn finish(handle: &RunHandle) -> Run {
    finish_into(handle, Run::new())
}

/// Reads the rest of a run into `run`.
fn finish_into(handle: &RunHandle, mut run: Run) -> Run {
    loop {
        match handle
            .updates()
            .recv_timeout(Duration::from_secs(30))
            .expect("an update within 30 s")
        {
            Update::Record(r) => run.apply(&r),
            Update::Records(rs) => rs.iter().for_each(|r| run.apply(r)),
            Update::End(end) => {
                run.finish(&end);
                return run;
            }
        }
    }
}

/// Waits for the first line of stdout of a run.
fn first_line(handle: &RunHandle, run: &mut Run) -> String {
    loop {
        match handle
            .updates()
            .recv_timeout(Duration::from_secs(30))
            .expect("a line within 30 s")
        {
            Update::Record(r) => {
                run.apply(&r);
                if let Some(line) = run.log.lines().next() {
                    return line.text.clone();
                }
            }
            Update::Records(rs) => {
                rs.iter().for_each(|r| run.apply(r));
                if let Some(line) = run.log.lines().next() {
                    return line.text.clone();
                }
            }
            Update::End(end) => panic!("ended first: {end:?}"),
        }
    }
}

fn texts(run: &Run) -> Vec<String> {
    run.log.lines().map(|l| l.text.clone()).collect()
}

#[test]
fn two_runs_at_once_are_independent() {
    let mut a = session::start(spec(
        "import time\nprint('a')\nwhile True:\n    time.sleep(1)\n",
        1.0,
    ))
    .unwrap();
    let b = session::start(spec("print('b')\n", 1.0)).unwrap();
    assert_ne!(a.pid(), b.pid());
    let mut run_a = Run::new();
    assert_eq!(first_line(&a, &mut run_a), "a");
    let run_b = finish(&b);
    assert_eq!(texts(&run_b), vec!["b"]);
    assert_eq!(run_b.end.unwrap().main, Some(Ending::Exited { code: 0 }));
    assert!(!a.is_over(), "stopping nothing of a");
    a.stop();
    let run_a = finish_into(&a, run_a);
    assert_eq!(texts(&run_a), vec!["a"]);
    assert_eq!(
        run_a.end.as_ref().unwrap().stopped.as_deref(),
        Some("stopped")
    );
    assert_eq!(run_a.summary()[0].how, "SIGKILL: the run was stopped");
    assert!(group(a.pid()).is_empty() && group(b.pid()).is_empty());
}

#[test]
fn a_pause_stops_the_lesson_clock_and_the_processes() {
    let src = "import time\nt = time.time()\nprint('go')\ntime.sleep(0.3)\nprint(round(time.time() - t, 1))\n";
    let h = session::start(spec(src, 1.0)).unwrap();
    let mut run = Run::new();
    assert_eq!(first_line(&h, &mut run), "go");
    let wall = Instant::now();
    h.pause();
    assert_eq!(h.speed(), (1.0, true));
    std::thread::sleep(Duration::from_millis(500));
    h.resume();
    let rest = finish(&h);
    assert!(wall.elapsed() >= Duration::from_millis(500));
    let measured: f64 = texts(&rest)[0].parse().unwrap();
    assert!(
        (0.3..0.6).contains(&measured),
        "the pause took no lesson time: {measured}"
    );
}

#[test]
fn the_current_line_of_each_process_can_be_sampled() {
    let src = "import time\nprint('go')\ntime.sleep(60)\n";
    let mut h = session::start(spec(src, 1.0)).unwrap();
    first_line(&h, &mut Run::new());
    std::thread::sleep(Duration::from_millis(50));
    let lines = h.current_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].pid, lines[0].line, lines[0].col), (h.pid(), 3, 1));
    h.stop();
}

#[test]
fn a_speed_change_applies_in_the_middle_of_a_sleep() {
    let src = "import time\nprint('go')\ntime.sleep(60)\nprint('woke')\n";
    let h = session::start(spec(src, 1.0)).unwrap();
    let mut run = Run::new();
    first_line(&h, &mut run);
    let wall = Instant::now();
    h.set_speed(1000.0);
    let rest = finish(&h);
    assert!(
        wall.elapsed() < Duration::from_secs(5),
        "took {:?}",
        wall.elapsed()
    );
    assert_eq!(texts(&rest), vec!["woke"]);
}

#[test]
fn dropping_the_handle_stops_and_reaps_the_run() {
    let h = session::start(spec("import time\nwhile True:\n    time.sleep(1)\n", 1.0)).unwrap();
    let pgid = h.pid();
    std::thread::sleep(Duration::from_millis(100));
    drop(h);
    assert!(group(pgid).is_empty());
}

#[test]
fn a_panicking_thread_takes_its_runs_down() {
    let (tx, rx) = std::sync::mpsc::channel();
    let joined = std::thread::spawn(move || {
        let h = session::start(spec("import time\nwhile True:\n    time.sleep(1)\n", 1.0)).unwrap();
        tx.send(h.pid()).unwrap();
        panic!("the face crashed");
    })
    .join();
    assert!(joined.is_err());
    let pgid = rx.recv().unwrap();
    assert!(group(pgid).is_empty());
}

#[test]
fn output_that_bypasses_the_trace_still_reaches_the_user() {
    let stray_text = |r: forkyard::trace::Record| match r.event {
        Event::Stray {
            stream: Stream::Stderr,
            text,
            ..
        } => text,
        _ => String::new(),
    };
    // /bin/sh stands in for a lesson main that fails before it attaches: it complains on stderr.
    let h = session::start(RunSpec {
        exe: Some(PathBuf::from("/bin/sh")),
        ..spec("", 1.0)
    })
    .unwrap();
    let mut stray = String::new();
    let end: RunEnd = loop {
        match h.updates().recv_timeout(Duration::from_secs(30)).unwrap() {
            Update::Record(r) => stray.push_str(&stray_text(r)),
            Update::Records(rs) => rs.into_iter().for_each(|r| stray.push_str(&stray_text(r))),
            Update::End(end) => break end,
        }
    };
    assert!(stray.contains(session::LESSON_SUBCOMMAND), "{stray}");
    assert!(matches!(end.main, Some(Ending::Exited { code }) if code != 0));
}

/// A consumer that asks for batches gets every record once, each process's in its order, the
/// in fewer updates than records (what the headless printer relies on).
#[test]
fn batched_updates_carry_every_record_in_order() {
    let src = "import multiprocessing\n\ndef work(lock):\n    for _ in range(3000):\n        lock.acquire()\n        lock.release()\n\nif __name__ == '__main__':\n    lock = multiprocessing.Lock()\n    p = multiprocessing.Process(target=work, args=(lock,))\n    p.start()\n    work(lock)\n    p.join()\n";
    let h = session::start(spec(src, 10.0)).unwrap();
    h.batch_updates();
    let (mut records, mut updates) = (Vec::new(), 0);
    loop {
        updates += 1;
        match h.updates().recv_timeout(Duration::from_secs(60)).unwrap() {
            Update::Record(r) => records.push(r),
            Update::Records(rs) => records.extend(rs),
            Update::End(end) => {
                assert_eq!(end.main, Some(Ending::Exited { code: 0 }));
                break;
            }
        }
    }
    let ops = |what: Op| {
        records
            .iter()
            .filter(|r| matches!(&r.event, Event::Op { op, .. } if *op == what))
            .count()
    };
    assert_eq!((ops(Op::Acquired), ops(Op::Released)), (6000, 6000));
    let mut pids: Vec<i32> = records.iter().map(|r| r.pid).collect();
    pids.sort();
    pids.dedup();
    for pid in pids {
        let seqs: Vec<u64> = records
            .iter()
            .filter(|r| r.pid == pid)
            .map(|r| r.seq)
            .collect();
        assert_eq!(seqs, (0..seqs.len() as u64).collect::<Vec<_>>(), "{pid}");
    }
    assert!(
        updates < records.len() / 10,
        "{updates} updates for {} records",
        records.len()
    );
}
