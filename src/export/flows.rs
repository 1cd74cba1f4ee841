//! The hand-overs between processes, as arrows: from a release to the acquire it allowed, from a
//! put to the get that took that item, from a send to the receive of that message, from an
//! Event's set to each waiter it woke, and a Pool task from its submit to the worker's start and
//! from the worker's finish to the result reaching the parent (and a Condition's notify to a
//! waiter it woke).
//!
//! Pairing relies on the trace's order guarantee: a hand-over (`released`, `put`, `sent`, `set`)
//! is recorded before the hand-over happens, a take (`acquired`, `got`, `received`, `woke`) after,
//! so in time order the giving side always comes first. A Lock or Semaphore is followed as a line
//! of tokens: it starts with as many as its value (nobody gave those), each release adds one and
//! each acquire takes the oldest; an arrow is drawn only to an acquire that had to wait, from the
//! release whose token it took.

use std::collections::{HashMap, VecDeque};

use crate::session::model::LaneState;
use crate::trace::{ObjectKind, Op};

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
            FlowKind::Wake => "set/notify → woke",
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

/// A hand-over waiting for its take: the mark's index, who gave, and its detail's item.
#[derive(Debug, Clone)]
struct Given {
    mark: usize,
    pid: i32,
    item: Option<String>,
}

/// Pairs hand-overs with takes, fed the run's records in time order.
#[derive(Default)]
pub struct Pairing {
    /// What each process last waited on. Kept after the wait ends: the take that ends a wait is
    /// recorded just after the process is running again.
    waits: HashMap<i32, String>,
    /// Puts and sends not taken yet, by object id (a send by its receiving end).
    given: HashMap<u32, VecDeque<Given>>,
    /// The tokens of each Lock and Semaphore, oldest first: `None` for those it was made with,
    /// else the release that gave it.
    tokens: HashMap<u32, VecDeque<Option<usize>>>,
    /// The latest set of each Event.
    sets: HashMap<u32, usize>,
    /// Pool tasks submitted or finished, by (pool id, "task N", step).
    tasks: HashMap<(u32, String, Op), usize>,
    /// A Connection made just before, waiting for its peer (Pipe() makes both ends in a row).
    lone_end: Option<(i32, u32)>,
    /// Each Connection's other end.
    peers: HashMap<u32, u32>,
    /// The arrows found so far.
    pub flows: Vec<Flow>,
}

impl Pairing {
    /// An object was made: a Lock or Semaphore with its first tokens (`capacity`), a Pipe end
    /// (they come in pairs).
    pub fn object(&mut self, pid: i32, id: u32, class: &str, capacity: Option<i64>) {
        let kind = ObjectKind::of(class);
        if kind.is_lock() || kind.is_semaphore() {
            let n = capacity.unwrap_or(1).clamp(0, MAX_PENDING as i64) as usize;
            self.tokens
                .insert(id, std::iter::repeat_n(None, n).collect());
            return;
        }
        if kind != ObjectKind::Connection {
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
    pub fn state(&mut self, pid: i32, state: &LaneState) {
        if let LaneState::Blocked { on, .. } = state {
            self.waits.insert(pid, on.clone());
        }
    }

    /// An operation on object `id` (`label`: "Lock#1") was recorded as mark `mark`.
    pub fn op(&mut self, mark: usize, pid: i32, object: (u32, &str), op: &Op, detail: &str) {
        let (id, label) = object;
        let given = |item: Option<String>| Given { mark, pid, item };
        match op {
            // An RLock released to a lower level is still held: nothing is handed over.
            Op::Released if number_after(detail, "count").unwrap_or(0) == 0 => {
                let tokens = self.tokens.entry(id).or_default();
                tokens.push_back(Some(mark));
                if tokens.len() > MAX_PENDING {
                    tokens.pop_front();
                }
            }
            Op::Acquired if number_after(detail, "count").unwrap_or(1) == 1 => {
                let waited = self.waited(pid, label);
                let token = self.tokens.get_mut(&id).and_then(VecDeque::pop_front);
                if let (Some(Some(from)), true) = (token, waited) {
                    self.flows.push(Flow {
                        from,
                        to: mark,
                        kind: FlowKind::Release,
                    });
                }
            }
            Op::Put => self.give(id, given(item_of(detail))),
            Op::Got => {
                let item = item_of(detail);
                self.take_item(id, mark, FlowKind::Item, item);
            }
            Op::Sent => {
                if let Some(&peer) = self.peers.get(&id) {
                    self.give(peer, given(Some(detail.to_string())));
                }
            }
            // The message never went: it will not be received.
            Op::SendFailed => {
                if let Some(q) = self.peers.get(&id).and_then(|p| self.given.get_mut(p))
                    && let Some(i) = q.iter().rposition(|g| g.pid == pid)
                {
                    q.remove(i);
                }
            }
            Op::Received => self.take_item(id, mark, FlowKind::Message, Some(detail.to_string())),
            // An Event's set, or a Condition's notify.
            Op::Set | Op::Notified => {
                self.sets.insert(id, mark);
            }
            // A waiter wakes only with the flag set (or notified): by the latest set (even one
            // that came just before it reported its wait).
            Op::Woke => {
                let waited = self.waited(pid, label);
                if let (Some(&set), true) = (self.sets.get(&id), waited) {
                    self.flows.push(Flow {
                        from: set,
                        to: mark,
                        kind: FlowKind::Wake,
                    });
                }
            }
            // A wait that ran out ends without a hand-over.
            Op::Timeout => {
                self.waited(pid, label);
            }
            Op::Submit | Op::Start | Op::Finish | Op::Result => self.task(mark, id, op, detail),
            _ => {}
        }
    }

    /// Whether `pid`'s latest wait was on `label`; the wait is used up.
    fn waited(&mut self, pid: i32, label: &str) -> bool {
        let on_it = self.waits.get(&pid).is_some_and(|on| on == label);
        if on_it {
            self.waits.remove(&pid);
        }
        on_it
    }

    fn give(&mut self, id: u32, g: Given) {
        let q = self.given.entry(id).or_default();
        q.push_back(g);
        if q.len() > MAX_PENDING {
            q.pop_front();
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
    /// the "task N" their details begin with.
    fn task(&mut self, mark: usize, id: u32, op: &Op, detail: &str) {
        let Some(key) = task_key(detail) else {
            return;
        };
        // A submit or finish waits for its start or result.
        let (giver, step) = match op {
            Op::Submit => (None, Op::Submit),
            Op::Start => (Some(Op::Submit), Op::Start),
            Op::Finish => (None, Op::Finish),
            _ => (Some(Op::Finish), Op::Result),
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

/// "task 3" from "task 3: f('x')" or "task 3 reached the parent" (a Pool numbers its tasks in the
/// order they are handed over).
fn task_key(detail: &str) -> Option<String> {
    let mut words = detail.split([' ', ':']).filter(|w| !w.is_empty());
    let (task, n) = (words.next()?, words.next()?);
    (task == "task" && n.parse::<u64>().is_ok()).then(|| format!("task {n}"))
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
        p.object(10, 1, "Lock", Some(1));
        let lock = (1, "Lock#1");
        p.op(0, 10, lock, &Op::Acquired, ""); // found it free: no arrow
        p.op(1, 10, lock, &Op::Released, "");
        // The release came between 11's failed try and its report of the wait: still its token.
        p.state(11, &blocked("Lock#1"));
        p.op(2, 11, lock, &Op::Acquired, "");
        p.op(3, 11, lock, &Op::Released, "");
        p.op(4, 12, lock, &Op::Acquired, ""); // did not wait: no arrow
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
    fn a_wait_that_timed_out_is_not_a_wait_for_the_next_acquire() {
        let mut p = Pairing::default();
        p.object(10, 1, "Lock", Some(1));
        let lock = (1, "Lock#1");
        p.op(0, 10, lock, &Op::Acquired, "");
        p.state(11, &blocked("Lock#1"));
        p.op(1, 11, lock, &Op::Timeout, "acquire");
        p.op(2, 10, lock, &Op::Released, "");
        p.op(3, 11, lock, &Op::Acquired, ""); // found it free this time
        assert!(p.flows.is_empty());
    }

    #[test]
    fn a_semaphore_waiter_takes_the_oldest_token() {
        let mut p = Pairing::default();
        p.object(10, 2, "Semaphore", Some(2));
        let sem = (2, "Semaphore#2");
        p.op(0, 11, sem, &Op::Acquired, "value=1");
        p.op(1, 12, sem, &Op::Acquired, "value=0");
        p.state(13, &blocked("Semaphore#2"));
        p.state(14, &blocked("Semaphore#2"));
        p.op(2, 12, sem, &Op::Released, "value=1");
        p.op(3, 13, sem, &Op::Acquired, "value=0");
        p.op(4, 11, sem, &Op::Released, "value=1");
        p.op(5, 14, sem, &Op::Acquired, "value=0");
        let pairs: Vec<_> = p.flows.iter().map(|f| (f.from, f.to)).collect();
        assert_eq!(pairs, vec![(2, 3), (4, 5)]);
    }

    #[test]
    fn an_rlock_hands_over_only_at_its_last_release() {
        let mut p = Pairing::default();
        p.object(10, 1, "RLock", Some(1));
        let rlock = (1, "RLock#1");
        p.op(5, 10, rlock, &Op::Acquired, "");
        p.op(6, 10, rlock, &Op::Acquired, "count=2");
        p.state(11, &blocked("RLock#1"));
        p.op(0, 10, rlock, &Op::Released, "count=1");
        p.op(1, 10, rlock, &Op::Released, "");
        p.op(2, 11, rlock, &Op::Acquired, "");
        assert_eq!(p.flows.len(), 1);
        assert_eq!((p.flows[0].from, p.flows[0].to), (1, 2));
    }

    #[test]
    fn queue_items_pair_by_their_repr_then_in_order() {
        let mut p = Pairing::default();
        let q = (5, "Queue#5");
        p.op(0, 10, q, &Op::Put, "size=1 item='a'");
        p.op(1, 11, q, &Op::Put, "size=2 item='b'");
        p.op(2, 12, q, &Op::Got, "size=1 item='b'");
        p.op(3, 12, q, &Op::Got, "size=0 item='a'");
        let pairs: Vec<_> = p.flows.iter().map(|f| (f.from, f.to)).collect();
        assert_eq!(pairs, vec![(1, 2), (0, 3)]);
    }

    #[test]
    fn a_pipe_message_goes_to_the_other_end() {
        let mut p = Pairing::default();
        p.object(10, 7, "Connection", None);
        p.object(10, 8, "Connection", None);
        p.op(0, 11, (8, "Connection#8"), &Op::Sent, "'hi'");
        p.op(1, 11, (8, "Connection#8"), &Op::Sent, "'lost'");
        p.op(
            2,
            11,
            (8, "Connection#8"),
            &Op::SendFailed,
            "BrokenPipeError",
        );
        p.op(3, 10, (7, "Connection#7"), &Op::Received, "'hi'");
        p.op(4, 10, (7, "Connection#7"), &Op::Received, "'lost'");
        let pairs: Vec<_> = p.flows.iter().map(|f| (f.from, f.to, f.kind)).collect();
        assert_eq!(pairs, vec![(0, 3, FlowKind::Message)]);
    }

    #[test]
    fn a_waiter_is_woken_by_the_latest_set() {
        let mut p = Pairing::default();
        let ev = (3, "Event#3");
        p.state(11, &blocked("Event#3"));
        p.op(0, 10, ev, &Op::Set, "");
        p.op(1, 11, ev, &Op::Woke, "wait");
        assert_eq!(p.flows.len(), 1);
        assert_eq!(p.flows[0].kind, FlowKind::Wake);
    }

    #[test]
    fn pool_tasks_flow_to_their_worker_and_back() {
        let mut p = Pairing::default();
        let pool = (2, "Pool#2");
        p.op(0, 10, pool, &Op::Submit, "task 0: task('task 0')");
        p.op(1, 11, pool, &Op::Start, "task 0: task('task 0')");
        p.op(2, 11, pool, &Op::Finish, "task 0: task('task 0')");
        p.op(3, 10, pool, &Op::Result, "task 0 reached the parent");
        let pairs: Vec<_> = p.flows.iter().map(|f| (f.from, f.to)).collect();
        assert_eq!(pairs, vec![(0, 1), (2, 3)]);
        assert_eq!(task_key("task 12: x"), Some("task 12".into()));
        assert_eq!(
            task_key("task 12 reached the parent"),
            Some("task 12".into())
        );
        assert_eq!(task_key("taskmaster 12"), None);
        assert_eq!(task_key("nothing"), None);
    }
}
