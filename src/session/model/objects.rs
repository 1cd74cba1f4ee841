//! The run's multiprocessing objects (Lock, Queue, ...) as the trace reports them: what they are,
//! who made them, and their recent operations. Holders are derived from `acquired`/`released`
//! operations; waiters are the lanes blocked on an object's name (see `Run::waiters`).

use std::collections::VecDeque;

use indexmap::IndexMap;

/// How many operations an object keeps; older ones are folded into a count.
pub const MAX_OPS: usize = 256;
/// How many objects the model keeps; the oldest are dropped past that.
pub const MAX_OBJECTS: usize = 4096;

/// One operation on an object.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectOp {
    /// When, lesson ns.
    pub lesson_ns: u64,
    /// By which process.
    pub pid: i32,
    /// What ("acquired", "released", "put", "got", "set", ...).
    pub op: String,
    /// More about it (a value's repr, a size).
    pub detail: Option<String>,
}

/// A multiprocessing object.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// Its id in the trace.
    pub id: u32,
    /// Its class (`Lock`, `Queue`).
    pub class: String,
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
    /// Processes holding it now (one entry per held permit).
    pub holders: Vec<i32>,
}

impl Object {
    /// How the trace names it in `blocked` states (`Lock#65537`): pass it to `Run::waiters`.
    pub fn label(&self) -> String {
        format!("{}#{}", self.class, self.id)
    }
}

/// Every object of the run, in creation order.
#[derive(Default)]
pub struct Objects {
    by_id: IndexMap<u32, Object>,
}

impl Objects {
    /// Records a new object.
    pub fn create(&mut self, id: u32, class: &str, capacity: Option<i64>, pid: i32, at_ns: u64) {
        self.by_id.insert(
            id,
            Object {
                id,
                class: class.to_string(),
                capacity,
                created_by: pid,
                created_ns: at_ns,
                ops: VecDeque::new(),
                folded: 0,
                holders: Vec::new(),
            },
        );
        if self.by_id.len() > MAX_OBJECTS {
            self.by_id.shift_remove_index(0);
        }
    }

    /// Records an operation (on an object not seen yet too: it may have been dropped or reordered).
    pub fn op(&mut self, id: u32, op: ObjectOp) {
        let obj = self.by_id.entry(id).or_insert_with(|| Object {
            id,
            class: String::from("?"),
            capacity: None,
            created_by: op.pid,
            created_ns: op.lesson_ns,
            ops: VecDeque::new(),
            folded: 0,
            holders: Vec::new(),
        });
        match op.op.as_str() {
            "acquired" => obj.holders.push(op.pid),
            "released" => {
                if let Some(i) = obj.holders.iter().position(|&p| p == op.pid).or(
                    // Any process may release a Lock it did not acquire: drop the oldest holder.
                    (!obj.holders.is_empty()).then_some(0),
                ) {
                    obj.holders.remove(i);
                }
            }
            _ => {}
        }
        obj.ops.push_back(op);
        if obj.ops.len() > MAX_OPS {
            obj.ops.pop_front();
            obj.folded += 1;
        }
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

    fn op(pid: i32, what: &str) -> ObjectOp {
        ObjectOp {
            lesson_ns: 0,
            pid,
            op: what.into(),
            detail: None,
        }
    }

    #[test]
    fn holders_follow_acquire_and_release() {
        let mut o = Objects::default();
        o.create(1, "Lock", None, 10, 0);
        o.op(1, op(11, "acquired"));
        assert_eq!(o.get(1).unwrap().holders, vec![11]);
        assert_eq!(o.get(1).unwrap().label(), "Lock#1");
        o.op(1, op(12, "released")); // a Lock has no owner
        assert!(o.get(1).unwrap().holders.is_empty());
        for _ in 0..1000 {
            o.op(1, op(11, "put"));
        }
        assert_eq!(o.get(1).unwrap().ops.len(), MAX_OPS);
    }
}
