//! `multiprocessing.connection` and managers by address in real runs: a Listener is an object of
//! the trace (`accepted`, `closed`) and the connection it accepts is a `Connection` whose `sent`
//! and `received` operations show in both lanes, as a Pipe's do; the main's lane shows it blocked
//! in `accept`. Closing a listener (or dropping it) makes the run's broker forget its address, a
//! server started with `get_server()` serves in the program's own process, and nothing is left
//! when the run ends.

mod run_support;

use forkyard::trace::{Event, Record, State};
use run_support::*;

/// Runs `src` headless at speed 10; its exit status, records and stderr.
fn run(name: &str, src: &str) -> (Option<i32>, Vec<Record>, String) {
    let out = run_cmd(&program(name, src), &["--format", "jsonl", "--speed", "10"])
        .output()
        .unwrap();
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    (
        out.status.code(),
        recs,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The id of the object of `class` that process `pid` reported first.
fn object_of(recs: &[Record], pid: i32, class: &str) -> u32 {
    recs.iter()
        .find_map(|r| match &r.event {
            Event::Object { id, class: c, .. } if c == class && r.pid == pid => Some(*id),
            _ => None,
        })
        .unwrap_or_else(|| panic!("process {pid} reported no {class}"))
}

/// The operations process `pid` reported on object `id`, in order.
fn ops(recs: &[Record], pid: i32, id: u32) -> Vec<String> {
    recs.iter()
        .filter_map(|r| match &r.event {
            Event::Op { id: i, op, .. } if *i == id && r.pid == pid => Some(op.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_listeners_connection_is_traced_like_a_pipes_and_its_address_is_forgotten_at_close() {
    let src = r#"
import multiprocessing as mp
import _connection
from multiprocessing.connection import Listener, Client
def child(address):
    c = Client(address)
    c.send('ping')
    print(c.recv())
    c.close()
if __name__ == '__main__':
    listener = Listener(('localhost', 47201))
    print(_connection.listening())
    p = mp.Process(target=child, args=(listener.address,))
    p.start()
    conn = listener.accept()
    print(conn.recv())
    conn.send('pong')
    p.join()
    conn.close()
    listener.close()
    print(_connection.listening())
    try:
        Client(('localhost', 47201))
    except ConnectionRefusedError as e:
        print(type(e).__name__)
    dropped = Listener()
    print(_connection.listening())
    del dropped
    print(_connection.listening())
"#;
    let (code, recs, err) = run("listener_ops.py", src);
    assert_eq!(code, Some(0), "{err}");
    let main = main_pid(&recs);
    let child = pid_of(&recs, "Process-1");
    assert_eq!(
        text_of(&recs, main),
        "1\nping\n0\nConnectionRefusedError\n1\n0\n"
    );
    assert_eq!(text_of(&recs, child), "pong\n");
    // The Listener: made in the main, one connection accepted, then closed.
    let listener = object_of(&recs, main, "Listener");
    assert_eq!(ops(&recs, main, listener), ["accepted", "closed"]);
    // Each side's end of the connection is a Connection of its own process, with its messages.
    let mine = object_of(&recs, main, "Connection");
    assert_eq!(ops(&recs, main, mine), ["received", "sent", "closed"]);
    let theirs = object_of(&recs, child, "Connection");
    assert_eq!(ops(&recs, child, theirs), ["sent", "received", "closed"]);
    // The main waited in accept() for the child's connection, shown on the Listener.
    let label = format!("Listener#{listener}");
    assert!(
        recs.iter().any(|r| r.pid == main
            && matches!(&r.event, Event::State { state: State::Blocked { on, op } }
                if *on == label && op == "accept")),
        "the main's lane shows it waiting in accept on {label}"
    );
    assert_eq!(group(main), Vec::<i32>::new());
}

#[test]
fn a_server_from_get_server_serves_in_the_programs_process_and_leaves_nothing() {
    let src = r#"
import multiprocessing as mp
import _connection
from multiprocessing.managers import BaseManager
class M(BaseManager):
    pass
def serve(ready):
    box = {}
    M.register('box', callable=lambda: box)
    s = M(address=('localhost', 47202), authkey=b'k').get_server()
    ready.set()
    s.serve_forever()
if __name__ == '__main__':
    M.register('box')
    ready = mp.Event()
    srv = mp.Process(target=serve, args=(ready,), name='BoxServer')
    srv.start()
    ready.wait()
    m = M(address=('localhost', 47202), authkey=b'k')
    m.connect()
    b = m.box()
    b.update(a=1)
    print(b.get('a'), _connection.listening())
    srv.terminate()
    srv.join()
    print(srv.exitcode)
"#;
    let (code, recs, err) = run("remote_box.py", src);
    assert_eq!(code, Some(0), "{err}");
    let main = main_pid(&recs);
    assert_eq!(text_of(&recs, main), "1 1\n-15\n");
    // The requests were served in the lane of the process that called serve_forever().
    let server = pid_of(&recs, "BoxServer");
    let served: Vec<&str> = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Op { op, detail, .. } if op.name() == "served" => {
                assert_eq!(r.pid, server);
                detail.as_deref()
            }
            _ => None,
        })
        .collect();
    assert!(served.contains(&"update for MainProcess"), "{served:?}");
    assert!(served.contains(&"get for MainProcess"), "{served:?}");
    assert_eq!(group(main), Vec::<i32>::new());
}
