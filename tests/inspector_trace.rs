//! What the inspector and the lanes read, from real runs: the records the primitives emit (a
//! Pool's idle workers and its task numbers, a Value's own lock and its stores, a Pipe's ends and
//! the fork times of the children that inherit them), replayed into the `Run` model.

mod run_support;

use forkyard::session::Run;
use forkyard::session::model::LaneState;
use forkyard::trace::{Event, Op, Record};
use run_support::*;

/// Runs `source` headless and returns its records in time order.
fn trace(name: &str, source: &str) -> Vec<Record> {
    let out = run_cmd(
        &program(name, source),
        &["--format", "jsonl", "--timeout", "20"],
    )
    .output()
    .expect("forkyard runs");
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut recs = records(&String::from_utf8_lossy(&out.stdout));
    recs.sort_by_key(|r| r.mono_ns);
    recs
}

fn model(recs: &[Record]) -> Run {
    let mut run = Run::new();
    for r in recs {
        run.apply(r);
    }
    run
}

fn object_id(recs: &[Record], class: &str) -> u32 {
    recs.iter()
        .find_map(|r| match &r.event {
            Event::Object { id, class: c, .. } if c == class => Some(*id),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {class} in the trace"))
}

fn ops(recs: &[Record], id: u32, what: Op) -> impl Iterator<Item = &Record> {
    recs.iter()
        .filter(move |r| matches!(&r.event, Event::Op { id: i, op, .. } if *i == id && *op == what))
}

fn detail(r: &Record) -> &str {
    match &r.event {
        Event::Op { detail, .. } => detail.as_deref().unwrap_or(""),
        _ => "",
    }
}

#[test]
fn pool_workers_wait_for_a_task_and_tasks_are_numbered_as_handed_over() {
    let recs = trace(
        "pool_tasks.py",
        r#"
import multiprocessing, time

def f(i):
    time.sleep(0.2)
    return i

if __name__ == "__main__":
    pool = multiprocessing.Pool(2)
    results = [pool.apply_async(f, (i,)) for i in range(4)]
    print([r.get() for r in results])
    pool.close()
    pool.join()
"#,
    );
    let pool = object_id(&recs, "Pool");
    // Task i runs f(i): the numbers a learner reads match the arguments handed over.
    let started: Vec<&str> = ops(&recs, pool, Op::Start).map(detail).collect();
    let mut sorted = started.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [
            "task 0: f(0)",
            "task 1: f(1)",
            "task 2: f(2)",
            "task 3: f(3)"
        ]
    );
    let results: Vec<&str> = ops(&recs, pool, Op::Result).map(detail).collect();
    assert_eq!(results.len(), 4, "{results:?}");
    // Every worker waited in the task queue before its first task: idle is not running.
    let run = model(&recs);
    let label = format!("Pool#{pool}");
    let workers: Vec<_> = run
        .lanes()
        .filter(|l| l.name.starts_with("ForkPoolWorker"))
        .collect();
    assert_eq!(workers.len(), 2);
    for w in workers {
        let first_start = ops(&recs, pool, Op::Start)
            .find(|r| r.pid == w.pid)
            .map(|r| r.lesson_ns)
            .expect("each worker ran a task");
        let waited = w.segments.iter().any(|s| {
            s.from_ns <= first_start
                && matches!(&s.state, LaneState::Blocked { on, op } if *on == label && op == "task")
        });
        assert!(
            waited,
            "{} never waited for a task: {:?}",
            w.name, w.segments
        );
    }
    assert_eq!(
        run.task_of(run.lanes().nth(1).unwrap().pid),
        None,
        "all done"
    );
}

#[test]
fn a_value_names_its_own_lock_and_reports_its_stores() {
    let recs = trace(
        "value_stores.py",
        r#"
import multiprocessing

def add(v):
    with v.get_lock():
        v.value += 1

if __name__ == "__main__":
    v = multiprocessing.Value("i", 5)
    v.value = 7
    p = multiprocessing.Process(target=add, args=(v,))
    p.start()
    p.join()
    print(v.value)
"#,
    );
    let value = object_id(&recs, "Value");
    let lock_owner = recs.iter().find_map(|r| match &r.event {
        Event::Object { class, owner, .. } if class == "RLock" => Some(*owner),
        _ => None,
    });
    assert_eq!(
        lock_owner,
        Some(Some(value)),
        "the RLock is the Value's own"
    );
    let stores: Vec<&str> = ops(&recs, value, Op::Stored).map(detail).collect();
    assert_eq!(stores, ["value=5", "value=7", "value=8"]);
    let run = model(&recs);
    let own: Vec<String> = run
        .objects
        .own()
        .iter()
        .map(|(o, parts)| format!("{} {}", o.label(), parts.len()))
        .collect();
    assert_eq!(
        own,
        [format!("Value#{value} 1")],
        "the lock is folded under it"
    );
    assert_eq!(run.objects.get(value).unwrap().stored.as_deref(), Some("8"));
}

#[test]
fn a_child_holds_the_pipe_ends_its_parent_held_when_it_forked() {
    let recs = trace(
        "pipe_copies.py",
        r#"
import multiprocessing, time

def child(recv_end, send_end):
    time.sleep(0.3)
    send_end.close()

if __name__ == "__main__":
    recv_end, send_end = multiprocessing.Pipe(duplex=False)
    p = multiprocessing.Process(target=child, args=(recv_end, send_end))
    p.start()
    send_end.close()
    p.join()
"#,
    );
    let roles: Vec<(u32, String)> = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Object { id, role, .. } => Some((*id, role.clone()?)),
            _ => None,
        })
        .collect();
    assert_eq!(roles.len(), 2);
    assert_eq!(
        (roles[0].1.as_str(), roles[1].1.as_str()),
        ("receive end", "send end")
    );
    let send = roles[1].0;
    let spawn = recs
        .iter()
        .find_map(|r| match &r.event {
            Event::Spawn { forked_ns, .. } => Some((r.pid, r.lesson_ns, *forked_ns)),
            _ => None,
        })
        .expect("a child");
    let (child, spawned_ns, forked) = spawn;
    let forked = forked.expect("a spawn record says when its parent forked");
    assert!(forked <= spawned_ns);
    // The main closed its copy after the fork: the child still holds one until it closes its
    // own (whatever order the two records came in).
    let before_child_closed: Vec<Record> = recs
        .iter()
        .filter(|r| {
            r.pid != child
                || !matches!(&r.event, Event::Op { op, .. } if *op == Op::Closed)
                    && !matches!(r.event, Event::Exit { .. })
        })
        .filter(|r| !matches!(r.event, Event::Reaped { .. }))
        .cloned()
        .collect();
    assert_eq!(model(&before_child_closed).copies(send), [child]);
    assert!(model(&recs).copies(send).is_empty());
}

#[test]
fn objects_made_in_children_are_labelled_in_order_of_appearance() {
    let src = r#"
import multiprocessing as mp

def child(conn):
    q = mp.Queue()
    q.put(1)
    print(q.get())
    conn.send("made")

if __name__ == "__main__":
    lock = mp.Lock()
    a, b = mp.Pipe()
    for method in ("fork", "spawn"):
        p = mp.get_context(method).Process(target=child, args=(b,))
        p.start()
        print(a.recv())
        p.join()
"#;
    let recs = trace("child_labels.py", src);
    let run = model(&recs);
    let main = main_pid(&recs);
    let lock = object_id(&recs, "Lock");
    assert_eq!(
        run.objects.get(lock).unwrap().label(),
        format!("Lock#{lock}")
    );
    // The objects the children made, in the order the trace shows them: `Queue#c1`... and never
    // the long trace id (the child's pid in its high bits).
    let made: Vec<String> = run
        .objects
        .iter()
        .filter(|o| o.created_by != main)
        .map(|o| o.label())
        .collect();
    assert!(made.len() >= 2, "{made:?}");
    for (k, label) in made.iter().enumerate() {
        let (_, number) = label.rsplit_once('#').unwrap();
        assert_eq!(number, format!("c{}", k + 1), "{made:?}");
    }
    assert!(
        made.iter().filter(|l| l.starts_with("Queue#")).count() == 2,
        "{made:?}"
    );
}
