//! The object inspector: one row per multiprocessing object the program made, saying what a
//! learner asks of it. A Value's value, a queue's items, a semaphore's value over time, an event's
//! state, which processes still hold a copy of each Connection end, a Pool's tasks and workers.
//! The lesson's own objects come in the order it made them; their parts (a Value's own lock) are
//! folded into their owner's row.

use crate::lesson::Lang;
use crate::session::model::{Object, shorten};
use crate::trace::{ObjectKind, Op};
use crate::tui::runs::RunView;

/// The most characters of a queue item's repr shown.
const ITEM_W: usize = 12;
/// The most value changes a semaphore's history shows.
const HISTORY_W: usize = 12;

/// One object's row: its label (`Queue#1`) and what it says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectRow {
    /// The object's id.
    pub id: u32,
    /// `Value#1`, `Connection#2`.
    pub label: String,
    /// What matters about it now, in the learner's words.
    pub facts: String,
}

/// The rows of every object of `run` the program made itself, its parts folded in.
/// Process names are shortened to `name_w` cells, as the lanes show them.
pub fn rows(run: &RunView, lang: Lang, ascii: bool, name_w: usize) -> Vec<ObjectRow> {
    let ctx = Ctx {
        run,
        lang,
        ascii,
        name_w,
    };
    run.run
        .objects
        .own()
        .into_iter()
        .map(|(obj, parts)| {
            let mut facts = facts(ctx, obj);
            for part in parts {
                // A Value's own lock matters only once someone uses it.
                if part.ops.is_empty() && part.holders.is_empty() {
                    continue;
                }
                let mut of_part = facts_of_lock(ctx, part);
                if of_part.is_empty() {
                    of_part.push(say(lang, "free", "空闲"));
                }
                facts.push(format!(
                    "{} {}",
                    say(lang, "its lock", "自带的锁"),
                    of_part.join(", ")
                ));
            }
            if facts.is_empty() {
                facts.push(format!(
                    "{} {}",
                    say(lang, "made by", "创建者"),
                    name(ctx, obj.created_by)
                ));
            }
            ObjectRow {
                id: obj.id,
                label: obj.label(),
                facts: facts.join(" · "),
            }
        })
        .collect()
}

/// What every row is drawn with.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    run: &'a RunView,
    lang: Lang,
    ascii: bool,
    name_w: usize,
}

fn say(lang: Lang, en: &str, zh: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

/// A process's name as the lanes show it, shortened the same way.
fn name(c: Ctx, pid: i32) -> String {
    let full = c
        .run
        .run
        .process_name(pid)
        .map_or_else(|| pid.to_string(), ToString::to_string);
    shorten(&full, c.name_w)
}

fn names(c: Ctx, pids: impl IntoIterator<Item = i32>) -> String {
    pids.into_iter()
        .map(|p| name(c, p))
        .collect::<Vec<_>>()
        .join(", ")
}

fn facts(c: Ctx, obj: &Object) -> Vec<String> {
    let (run, lang, ascii) = (c.run, c.lang, c.ascii);
    let mut facts = match obj.kind {
        // An Array's item stores are not traced: it says who made it.
        ObjectKind::Value => {
            let mut f: Vec<String> = obj
                .stored
                .iter()
                .map(|v| format!("{} {v}", say(lang, "value", "值")))
                .collect();
            f.extend(held_accesses(c, obj));
            f
        }
        ObjectKind::Semaphore | ObjectKind::BoundedSemaphore => {
            let mut f = Vec::new();
            if let Some(v) = obj.value {
                let of = obj
                    .capacity
                    .filter(|_| obj.kind == ObjectKind::BoundedSemaphore);
                let of = of.map(|c| format!("/{c}")).unwrap_or_default();
                let line = sparkline(obj, ascii);
                f.push(format!("{} {v}{of} {line}", say(lang, "value", "值")));
            }
            f.extend(facts_of_lock(c, obj));
            return f;
        }
        ObjectKind::Lock | ObjectKind::RLock => {
            let mut f = facts_of_lock(c, obj);
            if f.is_empty() {
                f.push(say(lang, "free", "空闲"));
            }
            return f;
        }
        ObjectKind::Queue | ObjectKind::JoinableQueue | ObjectKind::SimpleQueue => {
            let n = obj.value.unwrap_or(0);
            let items: Vec<String> = obj
                .items
                .iter()
                .map(|i| crate::tui::view::wrap::cut(i, ITEM_W))
                .collect();
            let what = match (lang, n) {
                (Lang::En, 1) => "1 item".to_string(),
                (Lang::En, n) => format!("{n} items"),
                (Lang::Zh, n) => format!("{n} 项"),
            };
            if items.is_empty() {
                vec![what]
            } else {
                vec![format!("{what}: {}", items.join(", "))]
            }
        }
        ObjectKind::Event => vec![event_state(c, obj)],
        ObjectKind::Connection => {
            // One fact (role and copies together): the "N more" mark shows a row's first fact.
            let mut f: Vec<String> = Vec::new();
            if let Some(role) = &obj.role {
                f.push(match lang {
                    Lang::En => role.clone(),
                    Lang::Zh => match role.as_str() {
                        "send end" => "发送端".into(),
                        "receive end" => "接收端".into(),
                        _ => "双向".into(),
                    },
                });
            }
            let copies = run.run.copies(obj.id);
            f.push(if copies.is_empty() {
                say(lang, "closed in every process", "所有进程都已关闭")
            } else {
                format!("{} {}", say(lang, "open in", "打开于"), names(c, copies))
            });
            vec![f.join(", ")]
        }
        ObjectKind::Pool => return pool_facts(c, obj),
        ObjectKind::SharedMemory => shared_memory_facts(c, obj),
        _ => Vec::new(),
    };
    let waiters = run.run.object_waiters(obj.id);
    if !waiters.is_empty() {
        let who: Vec<String> = waiters
            .iter()
            .map(|(p, op)| format!("{} ({op})", name(c, *p)))
            .collect();
        facts.push(format!(
            "{} {}",
            say(lang, "waiting:", "等待："),
            who.join(", ")
        ));
    }
    facts
}

/// A shared memory block: its name and size, the processes attached to it now, and whether it was
/// unlinked (then no process can attach any more; the attached ones keep their memory).
fn shared_memory_facts(c: Ctx, obj: &Object) -> Vec<String> {
    let lang = c.lang;
    let name = obj.ops.iter().find(|o| o.op == Op::Created);
    let mut first = name.and_then(|o| o.detail.clone()).unwrap_or_default();
    if let Some(size) = obj.capacity {
        let bytes = say(lang, "bytes", "字节");
        first = format!("{first} {size} {bytes}").trim().to_string();
    }
    let mut attached: Vec<i32> = Vec::new();
    for o in &obj.ops {
        match o.op {
            Op::Created | Op::Attached if !attached.contains(&o.pid) => attached.push(o.pid),
            Op::Closed => attached.retain(|p| *p != o.pid),
            _ => {}
        }
    }
    let mut f = vec![first];
    f.push(if attached.is_empty() {
        say(lang, "closed in every process", "所有进程都已关闭")
    } else {
        format!(
            "{} {}",
            say(lang, "attached:", "已连接："),
            names(c, attached)
        )
    });
    if obj.ops.iter().any(|o| o.op == Op::Unlinked) {
        f.push(say(lang, "unlinked", "已删除名字"));
    }
    f
}

/// How many of a held run's latest reads and writes of one value its row shows.
const ACCESSES: usize = 4;

/// A held run's latest steps on this value, with what each read or wrote (`Process-1 read 0,
/// Process-2 read 0, Process-1 wrote 1`): the lost update, one step at a time.
fn held_accesses(c: Ctx, obj: &Object) -> Option<String> {
    // The scheduler's steps name objects as the trace does.
    let label = obj.trace_label();
    let mine: Vec<&crate::tui::runs::Access> = c
        .run
        .accesses
        .iter()
        .filter(|a| a.object == label)
        .collect();
    // In order, reads next to each other grouped (`read P-1 0, P-2 0 · wrote P-1 1, P-2 1`):
    // the order is the lesson, and four accesses fit beside the value at 80 columns.
    let mut groups: Vec<(bool, Vec<String>)> = Vec::new();
    for a in mine.iter().skip(mine.len().saturating_sub(ACCESSES)) {
        // The code pane's tiny marks (`P-1`).
        let who = crate::tui::view::names::tiny(&a.name);
        let one = format!("{who} {}", a.value.as_deref().unwrap_or("?"));
        match groups.last_mut() {
            Some((write, list)) if *write == a.write => list.push(one),
            _ => groups.push((a.write, vec![one])),
        }
    }
    let shown: Vec<String> = groups
        .into_iter()
        .map(|(write, list)| {
            let verb = match (c.lang, write) {
                (Lang::En, false) => "read",
                (Lang::En, true) => "wrote",
                (Lang::Zh, false) => "读到",
                (Lang::Zh, true) => "写入",
            };
            format!("{verb} {}", list.join(", "))
        })
        .collect();
    (!shown.is_empty()).then(|| shown.join(" · "))
}

/// An Event's state now, and its last change (who set it and when; when it was cleared).
fn event_state(c: Ctx, obj: &Object) -> String {
    let secs = |ns: u64| ns as f64 / 1e9;
    let last = |what: Op| obj.ops.iter().rev().find(|o| o.op == what);
    let (set, cleared) = (last(Op::Set), last(Op::Cleared));
    match (obj.value == Some(1), c.lang) {
        (true, lang) => match set {
            Some(op) => match lang {
                Lang::En => format!("set by {} at {:.2} s", name(c, op.pid), secs(op.lesson_ns)),
                Lang::Zh => format!(
                    "已设置（{}，{:.2} 秒）",
                    name(c, op.pid),
                    secs(op.lesson_ns)
                ),
            },
            None => say(lang, "set", "已设置"),
        },
        (false, lang) => match (set, cleared) {
            (Some(s), Some(cl)) => match lang {
                Lang::En => format!(
                    "not set (set by {} at {:.2} s, cleared at {:.2} s)",
                    name(c, s.pid),
                    secs(s.lesson_ns),
                    secs(cl.lesson_ns)
                ),
                Lang::Zh => format!(
                    "未设置（{} 于 {:.2} 秒设置，{:.2} 秒清除）",
                    name(c, s.pid),
                    secs(s.lesson_ns),
                    secs(cl.lesson_ns)
                ),
            },
            _ => say(lang, "not set", "未设置"),
        },
    }
}

/// Who holds a lock or a semaphore, who waits for it.
fn facts_of_lock(c: Ctx, obj: &Object) -> Vec<String> {
    let (run, lang) = (c.run, c.lang);
    let mut f = Vec::new();
    let dead = |p: &i32| obj.dead_holders.iter().any(|(d, _)| d == p);
    let mut live: Vec<i32> = obj.holders.iter().copied().filter(|p| !dead(p)).collect();
    live.dedup();
    if !live.is_empty() {
        f.push(format!(
            "{} {}",
            say(lang, "held by", "持有者"),
            names(c, live)
        ));
    }
    if !obj.dead_holders.is_empty() {
        let who = names(c, obj.dead_holders.iter().map(|(p, _)| *p));
        f.push(match lang {
            Lang::En => format!("held by a dead process ({who})"),
            Lang::Zh => format!("被已死进程持有（{who}）"),
        });
    }
    let waiters: Vec<i32> = run
        .run
        .object_waiters(obj.id)
        .into_iter()
        .map(|w| w.0)
        .collect();
    if !waiters.is_empty() {
        f.push(format!(
            "{} {}",
            say(lang, "waiting:", "等待："),
            names(c, waiters)
        ));
    }
    f
}

/// A Pool in the learner's words: which worker runs which task, how many wait, the last result.
fn pool_facts(c: Ctx, obj: &Object) -> Vec<String> {
    let (run, lang) = (c.run, c.lang);
    let tasks = obj.pool_tasks();
    let arrow = if c.ascii { "->" } else { "→" };
    let mut f: Vec<String> = tasks
        .busy
        .iter()
        .map(|(pid, task)| match lang {
            Lang::En => format!("task {task} {arrow} {}", name(c, *pid)),
            Lang::Zh => format!("任务 {task} {arrow} {}", name(c, *pid)),
        })
        .collect();
    if !tasks.queued.is_empty() {
        f.push(match lang {
            Lang::En => format!("{} queued", tasks.queued.len()),
            Lang::Zh => format!("{} 个排队", tasks.queued.len()),
        });
    }
    if let Some(last) = tasks.results.last() {
        f.push(match lang {
            Lang::En => format!("result of task {last}"),
            Lang::Zh => format!("任务 {last} 的结果"),
        });
    }
    let (idle, others): (Vec<_>, Vec<_>) = run
        .run
        .object_waiters(obj.id)
        .into_iter()
        .partition(|(_, op)| op == "task");
    if !idle.is_empty() {
        f.push(format!(
            "{} {}",
            say(lang, "idle:", "空闲："),
            names(c, idle.into_iter().map(|w| w.0))
        ));
    }
    if !others.is_empty() {
        let who: Vec<String> = others
            .iter()
            .map(|(p, op)| format!("{} ({op})", name(c, *p)))
            .collect();
        f.push(format!(
            "{} {}",
            say(lang, "waiting:", "等待："),
            who.join(", ")
        ));
    }
    f
}

/// The value's recent changes as a row of blocks (digits with `--ascii`), low to high.
fn sparkline(obj: &Object, ascii: bool) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let top = obj
        .history
        .iter()
        .map(|h| h.1)
        .chain(obj.capacity)
        .max()
        .unwrap_or(1)
        .max(1);
    let skip = obj.history.len().saturating_sub(HISTORY_W);
    obj.history
        .iter()
        .skip(skip)
        .map(|&(_, v)| {
            let v = v.clamp(0, top);
            if ascii {
                char::from_digit(v.min(9) as u32, 10).unwrap_or('+')
            } else {
                BLOCKS[(v * 7 / top) as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Event, Record};

    fn rec(pid: i32, ppid: i32, ns: u64, event: Event) -> Record {
        Record {
            pid,
            ppid,
            seq: 0,
            mono_ns: ns,
            lesson_ns: ns,
            event,
        }
    }

    fn view(records: &[Record]) -> RunView {
        let mut v = RunView::new(1, String::new());
        for r in records {
            v.record(r);
        }
        v
    }

    fn op(id: u32, what: Op, detail: &str) -> Event {
        Event::Op {
            id,
            op: what,
            detail: Some(detail.into()),
        }
    }

    fn object(id: u32, class: &str, capacity: Option<i64>, owner: Option<u32>) -> Event {
        Event::Object {
            id,
            class: class.into(),
            capacity,
            owner,
            role: None,
        }
    }

    fn main() -> Record {
        rec(
            10,
            1,
            0,
            Event::Main {
                name: "MainProcess".into(),
                file: "main.py".into(),
            },
        )
    }

    #[test]
    fn a_value_shows_its_value_and_folds_its_own_lock() {
        let v = view(&[
            main(),
            rec(10, 1, 1, object(2, "RLock", Some(1), Some(1))),
            rec(10, 1, 2, object(1, "Value", Some(1), None)),
            rec(10, 1, 3, object(3, "Lock", Some(1), None)),
            rec(10, 1, 4, op(1, Op::Stored, "value=0")),
            rec(10, 1, 5, op(1, Op::Stored, "value=17")),
        ]);
        let all = rows(&v, Lang::En, false, 12);
        let shown: Vec<(&str, &str)> = all
            .iter()
            .map(|r| (r.label.as_str(), r.facts.as_str()))
            .collect();
        assert_eq!(shown, [("Value#1", "value 17"), ("Lock#3", "free")]);
        // Once its own lock is used, the Value's row says so.
        let v = view(&[
            main(),
            rec(10, 1, 1, object(2, "RLock", Some(1), Some(1))),
            rec(10, 1, 2, object(1, "Value", Some(1), None)),
            rec(10, 1, 4, op(1, Op::Stored, "value=3")),
            rec(10, 1, 5, op(2, Op::Acquired, "count=1")),
        ]);
        assert_eq!(
            rows(&v, Lang::En, false, 12)[0].facts,
            "value 3 · its lock held by MainProcess"
        );
    }

    #[test]
    fn a_shared_memory_block_shows_its_name_size_attached_processes_and_unlink() {
        let mut records = vec![
            main(),
            rec(10, 1, 1, object(1, "SharedMemory", Some(64), None)),
            rec(10, 1, 2, op(1, Op::Created, "psm_0123abcd")),
        ];
        let facts = |records: &[Record]| rows(&view(records), Lang::En, false, 12)[0].facts.clone();
        assert_eq!(
            facts(&records),
            "psm_0123abcd 64 bytes · attached: MainProcess"
        );
        records.push(rec(10, 1, 3, op(1, Op::Closed, "")));
        records.push(rec(10, 1, 4, op(1, Op::Unlinked, "")));
        assert_eq!(
            facts(&records),
            "psm_0123abcd 64 bytes · closed in every process · unlinked"
        );
    }

    #[test]
    fn a_queue_shows_its_items_in_order() {
        let v = view(&[
            main(),
            rec(10, 1, 1, object(1, "Queue", None, None)),
            rec(10, 1, 2, op(1, Op::Put, "size=1 item='a'")),
            rec(
                10,
                1,
                3,
                op(1, Op::Put, "size=2 item='a very long item indeed'"),
            ),
            rec(10, 1, 4, op(1, Op::Put, "size=3 item=None")),
            rec(10, 1, 5, op(1, Op::Got, "size=2 item='a'")),
        ]);
        assert_eq!(
            rows(&v, Lang::En, false, 12)[0].facts,
            "2 items: 'a very lon…, None"
        );
    }

    #[test]
    fn an_event_says_its_state_and_its_last_change() {
        let mut records = vec![
            main(),
            rec(10, 1, 1, object(1, "Event", None, None)),
            rec(
                10,
                1,
                2,
                Event::State {
                    state: crate::trace::State::Blocked {
                        on: "Event#1".into(),
                        op: "wait".into(),
                    },
                },
            ),
        ];
        let v = view(&records);
        assert_eq!(
            rows(&v, Lang::En, false, 12)[0].facts,
            "not set · waiting: MainProcess (wait)"
        );
        records.push(rec(
            10,
            1,
            2_500_000_000,
            Event::Op {
                id: 1,
                op: Op::Set,
                detail: None,
            },
        ));
        records.push(rec(
            10,
            1,
            2_500_000_001,
            Event::State {
                state: crate::trace::State::Running,
            },
        ));
        let v = view(&records);
        assert_eq!(
            rows(&v, Lang::En, false, 12)[0].facts,
            "set by MainProcess at 2.50 s"
        );
        records.push(rec(
            10,
            1,
            2_750_000_000,
            Event::Op {
                id: 1,
                op: Op::Cleared,
                detail: None,
            },
        ));
        let v = view(&records);
        assert_eq!(
            rows(&v, Lang::En, false, 12)[0].facts,
            "not set (set by MainProcess at 2.50 s, cleared at 2.75 s)"
        );
    }

    #[test]
    fn a_semaphore_shows_its_value_over_time() {
        let v = view(&[
            main(),
            rec(10, 1, 1, object(1, "Semaphore", Some(2), None)),
            rec(10, 1, 2, op(1, Op::Acquired, "value=1")),
            rec(10, 1, 3, op(1, Op::Acquired, "value=0")),
            rec(10, 1, 4, op(1, Op::Released, "value=1")),
        ]);
        assert_eq!(
            rows(&v, Lang::En, false, 12)[0].facts,
            "value 1 █▄▁▄ · held by MainProcess"
        );
        assert!(
            rows(&v, Lang::En, true, 12)[0]
                .facts
                .starts_with("value 1 2101")
        );
    }

    #[test]
    fn a_pool_speaks_of_tasks_and_workers() {
        let worker = |pid: i32, ns: u64| {
            rec(
                pid,
                10,
                ns,
                Event::Spawn {
                    name: format!("ForkPoolWorker-{}", pid - 10),
                    daemon: true,
                    forked_ns: Some(ns),
                },
            )
        };
        let blocked = |pid: i32, ns: u64| {
            rec(
                pid,
                10,
                ns,
                Event::State {
                    state: crate::trace::State::Blocked {
                        on: "Pool#1".into(),
                        op: "task".into(),
                    },
                },
            )
        };
        let v = view(&[
            main(),
            rec(10, 1, 1, object(1, "Pool", Some(2), None)),
            worker(11, 2),
            worker(12, 3),
            blocked(11, 4),
            blocked(12, 5),
            rec(10, 1, 6, op(1, Op::Submit, "task 0: f(0)")),
            rec(10, 1, 7, op(1, Op::Submit, "task 1: f(1)")),
            rec(10, 1, 8, op(1, Op::Submit, "task 2: f(2)")),
            rec(
                12,
                10,
                9,
                Event::State {
                    state: crate::trace::State::Running,
                },
            ),
            rec(12, 10, 10, op(1, Op::Start, "task 0: f(0)")),
            rec(12, 10, 11, op(1, Op::Finish, "task 0: f(0)")),
            rec(10, 1, 12, op(1, Op::Result, "task 0 reached the parent")),
            rec(12, 10, 13, op(1, Op::Start, "task 1: f(1)")),
        ]);
        assert_eq!(
            rows(&v, Lang::En, false, 12)[0].facts,
            "task 1 → …Worker-2 · 1 queued · result of task 0 · idle: …Worker-1"
        );
        assert_eq!(v.run.task_of(12), Some(1));
        assert_eq!(v.run.task_of(11), None);
    }

    #[test]
    fn each_pipe_end_says_which_processes_still_hold_a_copy() {
        // Lesson 08: the main makes a one-way Pipe, starts a sender and a receiver, and closes
        // its own send end only after the receiver was forked; the receiver closes the copy of
        // the send end it inherited. Records of different processes arrive crossed: the main's
        // close comes before the receiver's spawn record, yet the receiver was forked first.
        let conn = |id: u32, role: &str| Event::Object {
            id,
            class: "Connection".into(),
            capacity: None,
            owner: None,
            role: Some(role.into()),
        };
        let spawn = |pid: i32, name: &str, at: u64, forked: u64| {
            rec(
                pid,
                10,
                at,
                Event::Spawn {
                    name: name.into(),
                    daemon: false,
                    forked_ns: Some(forked),
                },
            )
        };
        let closed = |pid: i32, ns: u64, id: u32| {
            rec(
                pid,
                10,
                ns,
                Event::Op {
                    id,
                    op: Op::Closed,
                    detail: None,
                },
            )
        };
        let mut records = vec![
            main(),
            rec(10, 1, 1, conn(1, "receive end")),
            rec(10, 1, 2, conn(2, "send end")),
            spawn(11, "Process-1", 4, 3),
            closed(10, 6, 2),
            spawn(12, "Process-2", 7, 5),
        ];
        let v = view(&records);
        let facts: Vec<String> = rows(&v, Lang::En, false, 12)
            .into_iter()
            .map(|r| r.facts)
            .collect();
        assert_eq!(
            facts,
            [
                "receive end, open in MainProcess, Process-1, Process-2",
                "send end, open in Process-1, Process-2",
            ]
        );
        records.push(closed(12, 8, 2));
        let v = view(&records);
        assert_eq!(v.run.copies(2), [11]);
        // The sender ends: no copy of the send end is left, recv() raises EOFError.
        records.push(rec(11, 10, 9, Event::Exit { code: 0 }));
        let v = view(&records);
        assert!(v.run.copies(2).is_empty());
        assert_eq!(
            rows(&v, Lang::En, false, 12)[1].facts,
            "send end, closed in every process"
        );
    }
}
