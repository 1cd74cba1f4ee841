//! Runaway programs and a slow reader: endless output keeps the observer's memory bounded, and a
//! consumer that falls behind loses no record.

mod run_support;

use std::io::Read;
use std::time::{Duration, Instant};

use forkyard::session::{self, RunSpec, Update};
use forkyard::trace::Event;
use run_support::*;

#[test]
fn endless_output_keeps_the_observer_bounded() {
    let prog = program(
        "runaway_output.py",
        "import multiprocessing\n\ndef shout(n):\n    while True:\n        print(n, 'x' * 80)\n\nif __name__ == '__main__':\n    for n in range(3):\n        multiprocessing.Process(target=shout, args=(n,)).start()\n    shout('main')\n",
    );
    let mut child = run_cmd(&prog, &["--timeout", "8"])
        .spawn()
        .expect("forkyard runs");
    let mut out = child.stdout.take().expect("stdout");
    // Read and throw away the flood, as a terminal would scroll it away.
    let drain = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let mut total = 0u64;
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            total += n as u64;
        }
        total
    });
    std::thread::sleep(Duration::from_secs(2));
    let early = rss_kib(child.id());
    std::thread::sleep(Duration::from_secs(4));
    let late = rss_kib(child.id());
    let status = child.wait().expect("the observer ends");
    let bytes = drain.join().expect("drained");
    assert_eq!(status.code(), Some(124), "stopped by --timeout");
    // The writers go as fast as the observer prints (back-pressure), which a loaded machine slows;
    // 4 MiB is still four times what the log keeps (10,000 lines of ~100 bytes).
    assert!(bytes > 4 << 20, "the flood was real: {bytes} bytes");
    // The model caps its log: memory must not grow with the output.
    assert!(late < 200 * 1024, "observer RSS {late} KiB");
    assert!(
        late < early + 64 * 1024,
        "observer RSS grew from {early} KiB to {late} KiB"
    );
    println!(
        "runaway: {bytes} bytes of output; observer RSS {early} KiB at 2 s, {late} KiB at 6 s"
    );
}

#[test]
fn a_reader_that_falls_behind_loses_no_record() {
    let source = "import multiprocessing\n\ndef talk(n):\n    for i in range(5000):\n        print(n, i)\n\nif __name__ == '__main__':\n    ps = [multiprocessing.Process(target=talk, args=(n,)) for n in range(8)]\n    for p in ps:\n        p.start()\n    for p in ps:\n        p.join()\n";
    let handle = session::start(RunSpec {
        source: source.to_string(),
        file_name: "slow_reader.py".into(),
        speed: 1.0,
        max_processes: 64,
        max_memory: None,
        exe: Some(EXE.into()),
        stdout: Default::default(),
        argv: Vec::new(),
    })
    .expect("the run starts");
    // Fall behind: read nothing for a while as the writers go flat out.
    std::thread::sleep(Duration::from_millis(1500));
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut lines = 0usize;
    let mut text = String::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match handle
            .updates()
            .recv_timeout(left)
            .expect("the run ends in time")
        {
            Update::Record(r) => {
                if let Event::Output { text: t, .. } = &r.event {
                    text.push_str(t);
                }
            }
            Update::Records(rs) => {
                for r in &rs {
                    if let Event::Output { text: t, .. } = &r.event {
                        text.push_str(t);
                    }
                }
            }
            Update::End(_) => break,
        }
    }
    for l in text.lines() {
        if l.split(' ').count() == 2 {
            lines += 1;
        }
    }
    assert_eq!(lines, 8 * 5000, "every line of every writer arrives");
}
