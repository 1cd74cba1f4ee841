//! The hand-overs between processes, as arrows: from a release to the acquire it allowed, from a
//! put to the get that took that item, from a send to the receive of that message, from an
//! Event's set to each waiter it woke, and a Pool task from its submit to the worker's start and
//! from the worker's finish to the result reaching the parent.
//!
//! Pairing relies on the trace's order guarantee: a hand-over (`released`, `put`, `sent`, `set`)
//! is recorded before the hand-over happens, a take (`acquired`, `got`, `received`, `woke`) after,
//! so in time order the giving side always comes first. An acquire is only said to be allowed by
//! a release if the acquirer was waiting: one that found the lock free was allowed by nobody in
//! particular.

use std::collections::{HashMap, VecDeque};

use crate::session::model::LaneState;

/// The most hand-overs kept waiting for their take, per object (a program that only puts).
const MAX_PENDING: usize = 4096;

/// What kind of hand-over an arrow is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowKind {
    /// A Lock's (or Semaphore's...) release and the waiting acquire it allowed.
    Release,
    /// A queue item from its put to its get.
    Item,
    /// A Pipe message from its send to its receive.
    Message,
    /// An Event's set and a waiter it woke.
    Wake,
    /// A Pool task handed to a worker, or its result handed back.
    Task,
}

impl FlowKind {
    /// A short word for legends and the trace's flow category.
    pub fn word(self) -> &'static str {
        match self {
            FlowKind::Release => "release → acquire",
            FlowKind::Item => "put → get",
            FlowKind::Message => "send → receive",
            FlowKind::Wake => "set → woke",
            FlowKind::Task => "pool task",
        }
    }
}

/// An arrow between two marks (indices into the timeline's marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    /// The giving mark.
    pub from: usize,
    /// The taking mark.
    pub to: usize,
    /// What was handed over.
    pub kind: FlowKind,
}

/// A hand-over waiting for its take: the mark's index, when, and its detail's item.
#[derive(Debug, Clone)]
struct Given {
    mark: usize,
    ns: u64,
    pid: i32,
    item: Option<String>,
}

/// Pairs hand-overs with takes, fed the run's records in time order.
#[derive(Default)]
pub struct Pairing {
    /// Each process's latest wait: on what, since when. Kept after it ends: the take that ends a
    /// wait is recorded just after the process is running again.
    waits: HashMap<i32, (String, u64)>,
    /// Releases, puts and sends not taken yet, by object id (a send by its receiving end).
    given: HashMap<u32, VecDeque<Given>>,
    /// The latest set of each Event.
    sets: HashMap<u32, (usize, u64)>,
    /// Pool tasks submitted or finished, by (pool id, "job J chunk C", step).
    tasks: HashMap<(u32, String, &'static str), usize>,
    /// A Connection made just before, waiting for its peer (Pipe() makes both ends in a row).
    lone_end: Option<(i32, u32)>,
    /// Each Connection's other end.
    peers: HashMap<u32, u32>,
    /// The arrows found so far.
    pub flows: Vec<Flow>,
}

impl Pairing {
    /// An object was made (only Pipe ends matter: they come in pairs).
    pub fn object(&mut self, pid: i32, id: u32, class: &str) {
        if class != "Connection" {
            return;
        }
        match self.lone_end.take() {
            Some((p, other)) if p == pid && other + 1 == id => {
                self.peers.insert(other, id);
                self.peers.insert(id, other);
            }
            _ => self.lone_end = Some((pid, id)),
        }
    }

    /// A process's state changed.
    pub fn state(&mut self, pid: i32, ns: u64, state: &LaneState) {
        if let LaneState::Blocked { on, .. } = state {
            self.waits.insert(pid, (on.clone(), ns));
        }
    }

    /// An operation on object `id` (`label`: "Lock#1") was recorded as mark `mark`.
    pub fn op(&mut self, mark: usize, at: (u64, i32), object: (u32, &str), op: &str, detail: &str) {
        let (ns, pid) = at;
        let (id, label) = object;
        let given = |item: Option<String>| Given {
            mark,
            ns,
            pid,
            item,
        };
        match op {
            // An RLock released to a lower level is still held: nothing is handed over.
            "released" if number_after(detail, "count").unwrap_or(0) == 0 => {
                self.give(id, given(None));
            }
            "acquired" if number_after(detail, "count").unwrap_or(1) == 1 => {
                if let Some(since) = self.waited(pid, label) {
                    self.take(id, mark, FlowKind::Release, |g| g.ns >= since);
                }
            }
            "put" => self.give(id, given(item_of(detail))),
            "got" => {
                let item = item_of(detail);
                self.take_item(id, mark, FlowKind::Item, item);
            }
            "sent" => {
                if let Some(&peer) = self.peers.get(&id) {
                    self.give(peer, given(Some(detail.to_string())));
                }
            }
            // The message never went: it will not be received.
            "send_failed" => {
                if let Some(q) = self.peers.get(&id).and_then(|p| self.given.get_mut(p))
                    && let Some(i) = q.iter().rposition(|g| g.pid == pid)
                {
                    q.remove(i);
                }
            }
            "received" => self.take_item(id, mark, FlowKind::Message, Some(detail.to_string())),
            "set" => {
                self.sets.insert(id, (mark, ns));
            }
            "woke" => {
                if let (Some(since), Some(&(set, set_ns))) =
                    (self.waited(pid, label), self.sets.get(&id))
                    && set_ns >= since
                {
                    self.flows.push(Flow {
                        from: set,
                        to: mark,
                        kind: FlowKind::Wake,
                    });
                }
            }
            "submit" | "start" | "finish" | "result" => self.task(mark, id, op, detail),
            _ => {}
        }
    }

    /// When `pid` began its latest wait, if it was on `label`; the wait is used up.
    fn waited(&mut self, pid: i32, label: &str) -> Option<u64> {
        match self.waits.get(&pid) {
            Some((on, since)) if on == label => {
                let since = *since;
                self.waits.remove(&pid);
                Some(since)
            }
            _ => None,
        }
    }

    fn give(&mut self, id: u32, g: Given) {
        let q = self.given.entry(id).or_default();
        q.push_back(g);
        if q.len() > MAX_PENDING {
            q.pop_front();
        }
    }

    /// The first pending hand-over of `id` that `fits` (older ones that do not are dropped).
    fn take(&mut self, id: u32, mark: usize, kind: FlowKind, fits: impl Fn(&Given) -> bool) {
        let Some(q) = self.given.get_mut(&id) else {
            return;
        };
        while let Some(g) = q.pop_front() {
            if fits(&g) {
                self.flows.push(Flow {
                    from: g.mark,
                    to: mark,
                    kind,
                });
                return;
            }
        }
    }

    /// The oldest pending hand-over of `id` carrying `item` (its repr), else the oldest: two
    /// processes putting at once may reach the queue in another order than their records.
    fn take_item(&mut self, id: u32, mark: usize, kind: FlowKind, item: Option<String>) {
        let Some(q) = self.given.get_mut(&id) else {
            return;
        };
        let i = q
            .iter()
            .position(|g| item.is_some() && g.item == item)
            .unwrap_or(0);
        if let Some(g) = q.remove(i) {
            self.flows.push(Flow {
                from: g.mark,
                to: mark,
                kind,
            });
        }
    }

    /// Pool steps: submit (parent) → start (worker), finish (worker) → result (parent), keyed by
    /// the "job J chunk C" their details begin with.
    fn task(&mut self, mark: usize, id: u32, op: &str, detail: &str) {
        let Some(key) = task_key(detail) else {
            return;
        };
        let (giver, step) = match op {
            "submit" => (None, "submit"),
            "start" => (Some("submit"), ""),
            "finish" => (None, "finish"),
            _ => (Some("finish"), ""),
        };
        match giver {
            None => {
                self.tasks.insert((id, key, step), mark);
            }
            Some(step) => {
                if let Some(from) = self.tasks.remove(&(id, key, step)) {
                    self.flows.push(Flow {
                        from,
                        to: mark,
                        kind: FlowKind::Task,
                    });
                }
            }
        }
    }
}

/// The number after `key=` in an operation's detail (`value=1`, `count=2`).
fn number_after(detail: &str, key: &str) -> Option<i64> {
    detail
        .split_whitespace()
        .find_map(|w| w.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
}

/// The item of a queue operation's detail (`size=2 item='a b'` → `'a b'`).
fn item_of(detail: &str) -> Option<String> {
    detail
        .split_once(" item=")
        .map(|(_, item)| item.to_string())
}

/// "job 3 chunk 0" from "job 3 chunk 0: task('x')" or "job 3 chunk 0 reached the parent".
fn task_key(detail: &str) -> Option<String> {
    let mut words = detail.split([' ', ':']).filter(|w| !w.is_empty());
    let (job, j, chunk, c) = (words.next()?, words.next()?, words.next()?, words.next()?);
    (job == "job" && chunk == "chunk").then(|| format!("job {j} chunk {c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(on: &str) -> LaneState {
        LaneState::Blocked {
            on: on.into(),
            op: "acquire".into(),
        }
    }

    #[test]
    fn a_release_flows_to_the_waiting_acquire_it_allowed_only() {
        let mut p = Pairing::default();
        let lock = (1, "Lock#1");
        p.op(0, (0, 10), lock, "acquired", ""); // found it free: no arrow
        p.state(11, 1, &blocked("Lock#1"));
        p.op(1, (2, 10), lock, "released", "");
        p.op(2, (2, 11), lock, "acquired", "");
        p.op(3, (3, 11), lock, "released", "");
        p.op(4, (4, 12), lock, "acquired", ""); // did not wait: no arrow
        assert_eq!(
            p.flows,
            vec![Flow {
                from: 1,
                to: 2,
                kind: FlowKind::Release
            }]
        );
    }

    #[test]
    fn an_rlock_hands_over_only_at_its_last_release() {
        let mut p = Pairing::default();
        let rlock = (1, "RLock#1");
        p.state(11, 0, &blocked("RLock#1"));
        p.op(0, (1, 10), rlock, "released", "count=1");
        p.op(1, (2, 10), rlock, "released", "");
        p.op(2, (3, 11), rlock, "acquired", "");
        assert_eq!(p.flows.len(), 1);
        assert_eq!((p.flows[0].from, p.flows[0].to), (1, 2));
    }

    #[test]
    fn queue_items_pair_by_their_repr_then_in_order() {
        let mut p = Pairing::default();
        let q = (5, "Queue#5");
        p.op(0, (0, 10), q, "put", "size=1 item='a'");
        p.op(1, (0, 11), q, "put", "size=2 item='b'");
        p.op(2, (1, 12), q, "got", "size=1 item='b'");
        p.op(3, (2, 12), q, "got", "size=0 item='a'");
        let pairs: Vec<_> = p.flows.iter().map(|f| (f.from, f.to)).collect();
        assert_eq!(pairs, vec![(1, 2), (0, 3)]);
    }

    #[test]
    fn a_pipe_message_goes_to_the_other_end() {
        let mut p = Pairing::default();
        p.object(10, 7, "Connection");
        p.object(10, 8, "Connection");
        p.op(0, (1, 11), (8, "Connection#8"), "sent", "'hi'");
        p.op(1, (1, 11), (8, "Connection#8"), "sent", "'lost'");
        p.op(
            2,
            (1, 11),
            (8, "Connection#8"),
            "send_failed",
            "BrokenPipeError",
        );
        p.op(3, (2, 10), (7, "Connection#7"), "received", "'hi'");
        p.op(4, (3, 10), (7, "Connection#7"), "received", "'lost'");
        let pairs: Vec<_> = p.flows.iter().map(|f| (f.from, f.to, f.kind)).collect();
        assert_eq!(pairs, vec![(0, 3, FlowKind::Message)]);
    }

    #[test]
    fn a_set_wakes_the_waiters_that_waited_before_it() {
        let mut p = Pairing::default();
        let ev = (3, "Event#3");
        p.state(11, 0, &blocked("Event#3"));
        p.op(0, (5, 10), ev, "set", "");
        p.op(1, (6, 11), ev, "woke", "wait");
        assert_eq!(p.flows.len(), 1);
        assert_eq!(p.flows[0].kind, FlowKind::Wake);
    }

    #[test]
    fn pool_tasks_flow_to_their_worker_and_back() {
        let mut p = Pairing::default();
        let pool = (2, "Pool#2");
        p.op(0, (0, 10), pool, "submit", "job 0 chunk 0: task('task 0')");
        p.op(1, (1, 11), pool, "start", "job 0 chunk 0: task('task 0')");
        p.op(2, (3, 11), pool, "finish", "job 0 chunk 0: task('task 0')");
        p.op(
            3,
            (4, 10),
            pool,
            "result",
            "job 0 chunk 0 reached the parent",
        );
        let pairs: Vec<_> = p.flows.iter().map(|f| (f.from, f.to)).collect();
        assert_eq!(pairs, vec![(0, 1), (2, 3)]);
        assert_eq!(task_key("job 12 chunk 3: x"), Some("job 12 chunk 3".into()));
        assert_eq!(task_key("nothing"), None);
    }
}
