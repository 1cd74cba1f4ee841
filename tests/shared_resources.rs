//! OS resources passed between the processes of a run (shared memory blocks, Connections) never
//! outlive it: after a normal end, an uncaught exception and SIGKILL of the main, the observer holds
//! no block's memfd, no broker socket and no broker thread, and no process of the run is left.
//! And a run that never unlinked a block ends with CPython's resource tracker warning.

mod run_support;

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use forkyard::session::{self, RunHandle, RunSpec, Update};
use run_support::{EXE, group, program, run_to_end};

/// The checks read this process's fd table and threads: one run at a time.
static ONE_RUN: Mutex<()> = Mutex::new(());

fn spec(source: &str) -> RunSpec {
    RunSpec {
        speed: 10.0,
        exe: Some(PathBuf::from(EXE)),
        ..RunSpec::new(source, "main.py")
    }
}

/// What `/proc/self/fd` links to, for the fds that are memfds or sockets.
fn held_fds() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir("/proc/self/fd")
        .unwrap()
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .map(|p| p.display().to_string())
        .filter(|l| l.starts_with("socket:") || l.starts_with("/memfd:"))
        .collect();
    out.sort();
    out
}

/// The names of this process's threads that are a run's broker.
fn broker_threads() -> Vec<String> {
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path().join("comm")).ok())
        .filter(|name| name.starts_with("forkyard-broker"))
        .collect()
}

/// Reads a run until its first line of output, then calls `then`, then reads it to its end.
fn run_through(handle: &RunHandle, then: impl FnOnce(&RunHandle)) -> session::RunEnd {
    let mut then = Some(then);
    loop {
        match handle
            .updates()
            .recv_timeout(Duration::from_secs(30))
            .expect("an update within 30 s")
        {
            Update::Record(r) => {
                if matches!(r.event, forkyard::trace::Event::Output { .. })
                    && let Some(f) = then.take()
                {
                    f(handle);
                }
            }
            Update::Records(rs) => {
                if rs
                    .iter()
                    .any(|r| matches!(r.event, forkyard::trace::Event::Output { .. }))
                    && let Some(f) = then.take()
                {
                    f(handle);
                }
            }
            Update::End(end) => return end,
        }
    }
}

/// A main that makes a block, a ShareableList and a Pipe whose end went through a Queue, with a
/// child attached to the block; once its first line is out it waits for SIGUSR1 from the test, and
/// then does `ending`.
fn program_ending(ending: &str) -> String {
    format!(
        r#"
import multiprocessing as mp, signal, time
from multiprocessing import shared_memory

def child(name, q):
    s = shared_memory.SharedMemory(name)
    c = q.get()
    c.send(s.buf[0])
    time.sleep(0.5)  # outlives a killed main for a moment, as an orphan does

go = []
def on_usr1(signum, frame):
    go.append(signum)

if __name__ == '__main__':
    signal.signal(signal.SIGUSR1, on_usr1)
    s = shared_memory.SharedMemory(create=True, size=4096)
    s.buf[0] = 7
    sl = shared_memory.ShareableList([1, 'two'])
    a, b = mp.Pipe()
    q = mp.Queue()
    p = mp.Process(target=child, args=(s.name, q), daemon=True)
    p.start()
    q.put(b)
    print('got', a.recv(), flush=True)
    while not go:
        time.sleep(0.05)
{ending}
"#
    )
}

fn check_nothing_left(before: &[String], pid: i32, what: &str) {
    assert_eq!(
        held_fds(),
        before,
        "{what}: the observer's memfds and sockets"
    );
    assert_eq!(
        broker_threads(),
        Vec::<String>::new(),
        "{what}: broker thread"
    );
    assert_eq!(group(pid), Vec::<i32>::new(), "{what}: processes");
}

#[test]
fn nothing_is_left_after_a_normal_end_an_exception_or_sigkill_of_the_main() {
    let _one = ONE_RUN.lock().unwrap_or_else(|e| e.into_inner());
    let endings = [
        ("a normal end", "    print('end')"),
        ("an uncaught exception", "    raise RuntimeError('boom')"),
        ("SIGKILL of the main", "    print('not reached')"),
    ];
    for (what, ending) in endings {
        let before = held_fds();
        let handle = session::start(spec(&program_ending(ending))).unwrap();
        let pid = handle.pid();
        let kill = what.starts_with("SIGKILL");
        let end = run_through(&handle, |h| {
            // While the run lives the broker holds the blocks: what the check after it looks for.
            let during = held_fds();
            assert!(
                during.iter().any(|l| l.starts_with("/memfd:forkyard-shm")),
                "{what}: the broker holds the blocks during the run: {during:?}"
            );
            assert_eq!(broker_threads().len(), 1, "{what}: one broker thread");
            let sig = if kill { libc::SIGKILL } else { libc::SIGUSR1 };
            h.signal(h.pid(), sig).unwrap();
        });
        assert!(end.main.is_some(), "{what}: {end:?}");
        drop(handle);
        check_nothing_left(&before, pid, what);
    }
}

#[test]
fn a_block_never_unlinked_gets_the_resource_trackers_warning_once() {
    let src = r#"
from multiprocessing import shared_memory
a = shared_memory.SharedMemory(create=True, size=8)
b = shared_memory.SharedMemory(create=True, size=8)
c = shared_memory.SharedMemory(create=True, size=8)
c.unlink()
print('end')
"#;
    let (code, out, err) = run_to_end(&program("leak.py", src), &["--format", "plain"]);
    assert_eq!((code, out.as_str()), (0, "end\n"), "{err}");
    assert_eq!(
        err,
        "/usr/lib/python3.11/multiprocessing/resource_tracker.py:254: UserWarning: \
         resource_tracker: There appear to be 2 leaked shared_memory objects to clean up at \
         shutdown\n  warnings.warn('resource_tracker: There appear to be %d '\n"
    );
    let clean = "from multiprocessing import shared_memory\n\
                 s = shared_memory.SharedMemory(create=True, size=8)\ns.close()\ns.unlink()\n";
    let (code, _, err) = run_to_end(&program("clean.py", clean), &["--format", "plain"]);
    assert_eq!((code, err.as_str()), (0, ""));
}
