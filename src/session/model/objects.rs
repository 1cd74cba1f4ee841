//! The run's multiprocessing objects (Lock, Queue, ...) as the trace reports them: what they are,
//! who made them, and their recent operations. Holders are derived from `acquired`/`released`
//! operations, the value from what the operations report (`value=`, `size=`, set/cleared); waiters
//! are the lanes blocked on an object's name (see `Run::waiters` and `Run::object_waiters`). A
//! holder that ends while holding (killed by SIGKILL, typically) keeps its place: its token is
//! lost, as in CPython, and the object is marked held by a dead process.

use std::collections::VecDeque;

use indexmap::IndexMap;

use crate::trace::{Ending, ObjectKind, Op};

/// How many operations an object keeps; older ones are folded into a count.
pub const MAX_OPS: usize = 256;
/// How many items of a queue the model keeps (the newest; the count stays exact).
pub const MAX_ITEMS: usize = 64;
/// How many value changes an object keeps for its history (a semaphore's value over time).
pub const MAX_HISTORY: usize = 256;
/// How many objects the model keeps; the oldest are dropped past that.
pub const MAX_OBJECTS: usize = 4096;

/// One operation on an object.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectOp {
    /// When, lesson ns.
    pub lesson_ns: u64,
    /// By which process.
    pub pid: i32,
    /// What happened.
    pub op: Op,
    /// More about it (a value's repr, a size).
    pub detail: Option<String>,
}

/// A multiprocessing object.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// Its id in the trace.
    pub id: u32,
    /// Its class (`Lock`, `Queue`), as Python names it.
    pub class: String,
    /// What kind of object its class is.
    pub kind: ObjectKind,
    /// Its capacity (a semaphore's value, a queue's maxsize), if any.
    pub capacity: Option<i64>,
    /// The process that made it.
    pub created_by: i32,
    /// When, lesson ns.
    pub created_ns: u64,
    /// Recent operations, oldest first.
    pub ops: VecDeque<ObjectOp>,
    /// How many older operations were folded away.
    pub folded: u64,
    /// Processes holding it now (one entry per held permit; an RLock's owner once per level).
    /// A holder that ended while holding stays here: its permit is lost.
    pub holders: Vec<i32>,
    /// The holders that ended while holding, and how they ended.
    pub dead_holders: Vec<(i32, Ending)>,
    /// Its value now, as its operations report it: a Semaphore's or BoundedSemaphore's counter,
    /// 1 for a free Lock or RLock and 0 for a held one, a queue's number of items, 1 for a set
    /// Event and 0 for a clear one. `None` for objects without one (Pipe ends, Value, Array...).
    pub value: Option<i64>,
    /// Its value's changes over time (lesson ns, value), oldest first, at most [`MAX_HISTORY`].
    pub history: VecDeque<(u64, i64)>,
    /// The object it is a part of (a `Value`'s own lock names the `Value`).
    pub owner: Option<u32>,
    /// What it is for, when its class does not say (a Connection's "send end").
    pub role: Option<String>,
    /// What a shared `Value` holds now, as Python's repr (its last store).
    pub stored: Option<String>,
    /// The items in a queue now, as their reprs, oldest first (the newest [`MAX_ITEMS`]).
    pub items: VecDeque<String>,
    /// Gets seen before their puts (records of two processes can cross): the next puts are
    /// already taken.
    taken_early: usize,
    /// Who closed their copy of it (a Connection end), and when.
    pub closed: Vec<(i32, u64)>,
    /// Its number in the labels the viewer shows: its trace id when the main made it (`Lock#1`);
    /// for one made in a child process, whose trace id is run-unique but long (the child's pid in
    /// its high bits: `Connection#1961230338`), `c` and its place among the objects children made,
    /// in the order the observer saw them (`Connection#c1`).
    shown: String,
}

impl Object {
    /// How the trace names it in `blocked` states (`Lock#65537`): pass it to `Run::waiters`.
    pub fn label(&self) -> String {
        format!("{}#{}", self.class, self.shown)
    }

    /// How the trace itself names it (`Lock#65537`): what a scheduler's step text says.
    pub fn trace_label(&self) -> String {
        format!("{}#{}", self.class, self.id)
    }

    /// Whether a holder ended while holding it: its token is lost and its waiters stay blocked.
    pub fn held_by_dead(&self) -> bool {
        !self.dead_holders.is_empty()
    }

    /// The value a new object starts with (see `value`).
    fn initial_value(kind: ObjectKind, capacity: Option<i64>) -> Option<i64> {
        match kind {
            k if k.is_lock() => Some(1),
            k if k.is_semaphore() => capacity,
            k if k.is_queue() => Some(0),
            ObjectKind::Event => Some(0),
            _ => None,
        }
    }

    fn is_lock(&self) -> bool {
        self.kind.is_lock()
    }

    /// Whether it is a queue (its puts and gets carry items).
    pub fn is_queue(&self) -> bool {
        self.kind.is_queue()
    }

    fn new(id: u32, class: &str, capacity: Option<i64>, pid: i32, at_ns: u64) -> Object {
        let kind = ObjectKind::of(class);
        let value = Object::initial_value(kind, capacity);
        Object {
            id,
            class: class.to_string(),
            kind,
            capacity,
            created_by: pid,
            created_ns: at_ns,
            ops: VecDeque::new(),
            folded: 0,
            holders: Vec::new(),
            dead_holders: Vec::new(),
            value,
            history: value.map(|v| (at_ns, v)).into_iter().collect(),
            owner: None,
            role: None,
            stored: None,
            items: VecDeque::new(),
            taken_early: 0,
            closed: Vec::new(),
            shown: id.to_string(),
        }
    }

    /// Whether the trace id `id` was given by a process other than the lesson's main, made by
    /// process `pid`: such ids carry the low bits of their maker's pid above a 16-bit counter
    /// (`sync::new_id`); the main's count up from 1.
    fn child_made(id: u32, pid: i32) -> bool {
        id >> 16 != 0 && id >> 16 == (pid as u32) & 0xffff
    }

    /// Its tasks, if it is a Pool (from its recent operations).
    pub fn pool_tasks(&self) -> PoolTasks {
        let mut t = PoolTasks::default();
        for op in &self.ops {
            let Some(task) = detail_task(op.detail.as_deref()) else {
                continue;
            };
            match op.op {
                Op::Submit => t.queued.push(task),
                Op::Start => {
                    t.queued.retain(|q| *q != task);
                    t.busy.push((op.pid, task));
                }
                Op::Finish => t.busy.retain(|b| *b != (op.pid, task)),
                Op::Result => t.results.push(task),
                _ => {}
            }
        }
        t
    }

    /// A queue's items after a `put` (`item=` repr) or a `got`, kept to the size the operation
    /// reports.
    fn move_items(&mut self, op: &Op, detail: Option<&str>) {
        let item = detail
            .and_then(|d| d.split_once("item="))
            .map(|(_, i)| i.to_string());
        match op {
            Op::Put if self.taken_early > 0 => self.taken_early -= 1,
            Op::Put => self.items.extend(item),
            _ => {
                if self.items.pop_front().is_none() {
                    self.taken_early += 1;
                }
            }
        }
        if let Some(n) = detail_number(detail, "size") {
            let n = usize::try_from(n).unwrap_or(0);
            while self.items.len() > n {
                self.items.pop_front();
            }
        }
        while self.items.len() > MAX_ITEMS {
            self.items.pop_front();
        }
    }
}

/// A Pool's tasks as its operations tell (task numbers count the pool's tasks from 0, in the
/// order they were handed over).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PoolTasks {
    /// Handed over, not taken by a worker yet.
    pub queued: Vec<u64>,
    /// (worker pid, task) being run now.
    pub busy: Vec<(i32, u64)>,
    /// Tasks whose results reached the pool's process, oldest first.
    pub results: Vec<u64>,
}

/// The task number at the start of a pool operation's detail (`task 2: f(2)`).
fn detail_task(detail: Option<&str>) -> Option<u64> {
    let rest = detail?.strip_prefix("task ")?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// The number after `key=` in an operation's detail (`value=1`, `size=3 item='a'`).
fn detail_number(detail: Option<&str>, key: &str) -> Option<i64> {
    detail?
        .split_whitespace()
        .find_map(|w| w.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
}

/// Every object of the run, in creation order.
#[derive(Clone, Default)]
pub struct Objects {
    by_id: IndexMap<u32, Object>,
    /// How many objects made in child processes have been seen (their labels' numbers).
    child_made: u32,
    /// Where the last operation's object sits in `by_id`: a flood of operations on one Lock
    /// finds it without hashing its id each time (checked against the id before use).
    last: Option<usize>,
}

impl Objects {
    /// Records a new object.
    pub fn create(&mut self, id: u32, class: &str, capacity: Option<i64>, pid: i32, at_ns: u64) {
        let mut obj = Object::new(id, class, capacity, pid, at_ns);
        if Object::child_made(id, pid) {
            // A re-sent record of an object already seen keeps its number.
            obj.shown = match self.by_id.get(&id) {
                Some(old) if old.shown.starts_with('c') => old.shown.clone(),
                _ => {
                    self.child_made += 1;
                    format!("c{}", self.child_made)
                }
            };
        }
        self.by_id.insert(id, obj);
        if self.by_id.len() > MAX_OBJECTS {
            self.by_id.shift_remove_index(0);
        }
    }

    /// The label the viewer shows for `on`, a trace's name of an object (`Queue#1961230338` in a
    /// blocked state), when that object's label differs; `None` otherwise.
    pub fn shown_label(&self, on: &str) -> Option<String> {
        let (class, id) = on.rsplit_once('#')?;
        let obj = self.by_id.get(&id.parse::<u32>().ok()?)?;
        (obj.class == class && obj.shown != id).then(|| obj.label())
    }

    /// Records an operation (on an object not seen yet too: it may have been dropped or reordered).
    pub fn op(&mut self, id: u32, op: ObjectOp) {
        let at = match self.last {
            Some(at) if self.by_id.get_index(at).is_some_and(|(k, _)| *k == id) => at,
            _ => {
                let entry = self.by_id.entry(id);
                let at = entry.index();
                entry.or_insert_with(|| Object::new(id, "?", None, op.pid, op.lesson_ns));
                at
            }
        };
        self.last = Some(at);
        let obj = &mut self.by_id[at];
        let detail = op.detail.as_deref();
        let before = obj.value;
        match op.op {
            Op::Acquired => {
                obj.holders.push(op.pid);
                obj.value = if obj.is_lock() {
                    Some(0)
                } else {
                    detail_number(detail, "value").or(obj.value)
                };
            }
            Op::Released => {
                let mine = obj.holders.iter().position(|&p| p == op.pid);
                // Any process may release a Lock or a Semaphore it did not acquire: the permit of
                // a dead holder goes first (it was lost), else the oldest holder's.
                let dead = || {
                    let (pid, _) = *obj.dead_holders.first()?;
                    obj.holders.iter().position(|&p| p == pid)
                };
                if let Some(i) = mine
                    .or_else(dead)
                    .or((!obj.holders.is_empty()).then_some(0))
                {
                    let pid = obj.holders.remove(i);
                    if !obj.holders.contains(&pid) {
                        obj.dead_holders.retain(|(p, _)| *p != pid);
                    }
                }
                obj.value = match detail_number(detail, "value") {
                    Some(v) => Some(v),
                    // An RLock released to a lower level (`count=N`, N > 0) stays held.
                    None if obj.is_lock() && detail_number(detail, "count").unwrap_or(0) == 0 => {
                        Some(1)
                    }
                    None => obj.value,
                };
            }
            Op::Put | Op::Got => {
                obj.value = detail_number(detail, "size").or(obj.value);
                if obj.is_queue() {
                    obj.move_items(&op.op, detail);
                }
            }
            Op::Set => obj.value = Some(1),
            Op::Cleared => obj.value = Some(0),
            Op::Stored => obj.stored = detail.map(|d| d.strip_prefix("value=").unwrap_or(d).into()),
            Op::Closed => obj.closed.push((op.pid, op.lesson_ns)),
            _ => {}
        }
        if let Some(v) = obj.value.filter(|v| before != Some(*v)) {
            obj.history.push_back((op.lesson_ns, v));
            if obj.history.len() > MAX_HISTORY {
                obj.history.pop_front();
            }
        }
        obj.ops.push_back(op);
        if obj.ops.len() > MAX_OPS {
            obj.ops.pop_front();
            obj.folded += 1;
        }
    }

    /// `pid` ended (`ending`): every object it still holds is now held by a dead process.
    pub fn holder_ended(&mut self, pid: i32, ending: Ending) {
        for obj in self.by_id.values_mut() {
            if obj.holders.contains(&pid) && !obj.dead_holders.iter().any(|(p, _)| *p == pid) {
                obj.dead_holders.push((pid, ending));
            }
        }
    }

    /// Says that object `id` is a part of `owner` (a `Value`'s own lock) or plays `role`.
    pub fn describe(&mut self, id: u32, owner: Option<u32>, role: Option<&str>) {
        if let Some(obj) = self.by_id.get_mut(&id) {
            obj.owner = owner;
            obj.role = role.map(str::to_string);
        }
    }

    /// The objects the program made itself, oldest first, each with its parts (a `Value`'s own
    /// lock), which the trace made first but a learner looks for second.
    pub fn own(&self) -> Vec<(&Object, Vec<&Object>)> {
        let mut parts: std::collections::HashMap<u32, Vec<&Object>> = Default::default();
        for o in self.by_id.values() {
            if let Some(owner) = o.owner.filter(|id| self.by_id.contains_key(id)) {
                parts.entry(owner).or_default().push(o);
            }
        }
        self.by_id
            .values()
            .filter(|o| o.owner.is_none_or(|id| !self.by_id.contains_key(&id)))
            .map(|o| (o, parts.remove(&o.id).unwrap_or_default()))
            .collect()
    }

    /// An object by id.
    pub fn get(&self, id: u32) -> Option<&Object> {
        self.by_id.get(&id)
    }

    /// All objects, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Object> {
        self.by_id.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(pid: i32, what: Op) -> ObjectOp {
        ObjectOp {
            lesson_ns: 0,
            pid,
            op: what,
            detail: None,
        }
    }

    fn op_d(pid: i32, what: Op, detail: &str) -> ObjectOp {
        ObjectOp {
            detail: Some(detail.into()),
            ..op(pid, what)
        }
    }

    const KILLED: Ending = Ending::Signaled { signal: 9 };

    #[test]
    fn values_follow_the_operations() {
        let mut o = Objects::default();
        o.create(1, "Lock", Some(1), 10, 0);
        o.create(2, "Semaphore", Some(2), 10, 0);
        o.create(3, "Queue", Some(0), 10, 0);
        o.create(4, "Event", None, 10, 0);
        o.create(5, "RLock", Some(1), 10, 0);
        o.create(6, "Connection", None, 10, 0);
        let value = |o: &Objects, id| o.get(id).unwrap().value;
        assert_eq!(
            (1..=6).map(|id| value(&o, id)).collect::<Vec<_>>(),
            [Some(1), Some(2), Some(0), Some(0), Some(1), None]
        );
        o.op(1, op(11, Op::Acquired));
        assert_eq!(value(&o, 1), Some(0));
        o.op(1, op(11, Op::Released));
        assert_eq!(value(&o, 1), Some(1));
        o.op(2, op_d(11, Op::Acquired, "value=1"));
        o.op(2, op_d(12, Op::Acquired, "value=0"));
        assert_eq!(
            (value(&o, 2), &o.get(2).unwrap().holders),
            (Some(0), &vec![11, 12])
        );
        o.op(2, op_d(12, Op::Released, "value=1"));
        assert_eq!(
            (value(&o, 2), &o.get(2).unwrap().holders),
            (Some(1), &vec![11])
        );
        o.op(3, op_d(11, Op::Put, "size=1 item='a b'"));
        o.op(3, op_d(11, Op::Put, "size=2 item=2"));
        o.op(3, op_d(12, Op::Got, "size=1 item='a b'"));
        assert_eq!(value(&o, 3), Some(1));
        o.op(4, op(11, Op::Set));
        assert_eq!(value(&o, 4), Some(1));
        o.op(4, op_d(12, Op::Woke, "wait"));
        o.op(4, op(11, Op::Cleared));
        assert_eq!(value(&o, 4), Some(0));
        // An RLock stays held until its owner's last release.
        o.op(5, op(11, Op::Acquired));
        o.op(5, op_d(11, Op::Acquired, "count=2"));
        o.op(5, op_d(11, Op::Released, "count=1"));
        assert_eq!(
            (value(&o, 5), &o.get(5).unwrap().holders),
            (Some(0), &vec![11])
        );
        o.op(5, op(11, Op::Released));
        assert_eq!(
            (value(&o, 5), o.get(5).unwrap().holders.len()),
            (Some(1), 0)
        );
    }

    #[test]
    fn a_holder_that_dies_leaves_the_lock_held_by_a_dead_process() {
        let mut o = Objects::default();
        o.create(1, "Lock", Some(1), 10, 0);
        o.create(2, "Lock", Some(1), 10, 0);
        o.op(1, op(11, Op::Acquired));
        o.op(2, op(12, Op::Acquired));
        o.op(2, op(12, Op::Released));
        o.holder_ended(11, KILLED);
        o.holder_ended(12, KILLED);
        let lock = o.get(1).unwrap();
        assert!(lock.held_by_dead());
        assert_eq!(lock.holders, vec![11], "the token is lost with its holder");
        assert_eq!(lock.dead_holders, vec![(11, KILLED)]);
        assert_eq!(lock.value, Some(0));
        assert!(!o.get(2).unwrap().held_by_dead(), "12 had released it");
        // Ending twice (an exit record, then the reaping) marks it once.
        o.holder_ended(11, KILLED);
        assert_eq!(o.get(1).unwrap().dead_holders.len(), 1);
        // Another process may still release a Lock: the lost token comes back.
        o.op(1, op(13, Op::Released));
        let lock = o.get(1).unwrap();
        assert!(!lock.held_by_dead());
        assert!(lock.holders.is_empty());
        assert_eq!(lock.value, Some(1));
    }

    #[test]
    fn a_release_by_another_process_gives_back_a_dead_holders_permit_first() {
        let mut o = Objects::default();
        o.create(1, "Semaphore", Some(2), 10, 0);
        o.op(1, op_d(11, Op::Acquired, "value=1"));
        o.op(1, op_d(12, Op::Acquired, "value=0"));
        o.holder_ended(12, Ending::Exited { code: 0 });
        o.op(1, op_d(10, Op::Released, "value=1"));
        let sem = o.get(1).unwrap();
        assert_eq!(sem.holders, vec![11]);
        assert!(!sem.held_by_dead());
        assert_eq!(sem.value, Some(1));
    }

    #[test]
    fn holders_follow_acquire_and_release() {
        let mut o = Objects::default();
        o.create(1, "Lock", None, 10, 0);
        o.op(1, op(11, Op::Acquired));
        assert_eq!(o.get(1).unwrap().holders, vec![11]);
        assert_eq!(o.get(1).unwrap().label(), "Lock#1");
        o.op(1, op(12, Op::Released)); // a Lock has no owner
        assert!(o.get(1).unwrap().holders.is_empty());
        for _ in 0..1000 {
            o.op(1, op(11, Op::Put));
        }
        assert_eq!(o.get(1).unwrap().ops.len(), MAX_OPS);
    }
}
