//! What kind of multiprocessing object an `object` record's `class` names.
//!
//! The record keeps the class as the Python class name it is ("Lock", "JoinableQueue", a manager's
//! typeid such as "Namespace"): it is also the learner's label ("Lock#1") and a manager may register
//! any typeid. The readers that act on the kind (the `Run` model's values and holders, the objects
//! inspector's facts, the exports' hand-overs) ask [`ObjectKind::of`] here instead of each matching
//! the class names.

/// The kinds of object the readers tell apart; any other class is [`ObjectKind::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectKind {
    Lock,
    RLock,
    Semaphore,
    BoundedSemaphore,
    Condition,
    Event,
    Barrier,
    Queue,
    JoinableQueue,
    SimpleQueue,
    /// One end of a Pipe.
    Connection,
    Value,
    Array,
    Pool,
    SharedMemory,
    /// A class the readers do not act on (a manager's `dict`, `Namespace`, a registered typeid).
    Other,
}

impl ObjectKind {
    /// The kind of class `class`.
    pub fn of(class: &str) -> ObjectKind {
        match class {
            "Lock" => ObjectKind::Lock,
            "RLock" => ObjectKind::RLock,
            "Semaphore" => ObjectKind::Semaphore,
            "BoundedSemaphore" => ObjectKind::BoundedSemaphore,
            "Condition" => ObjectKind::Condition,
            "Event" => ObjectKind::Event,
            "Barrier" => ObjectKind::Barrier,
            "Queue" => ObjectKind::Queue,
            "JoinableQueue" => ObjectKind::JoinableQueue,
            "SimpleQueue" => ObjectKind::SimpleQueue,
            "Connection" => ObjectKind::Connection,
            "Value" => ObjectKind::Value,
            "Array" => ObjectKind::Array,
            "Pool" => ObjectKind::Pool,
            "SharedMemory" => ObjectKind::SharedMemory,
            _ => ObjectKind::Other,
        }
    }

    /// A Lock or an RLock: one permit, held or free.
    pub fn is_lock(self) -> bool {
        matches!(self, ObjectKind::Lock | ObjectKind::RLock)
    }

    /// A Semaphore or a BoundedSemaphore: a counter of permits.
    pub fn is_semaphore(self) -> bool {
        matches!(self, ObjectKind::Semaphore | ObjectKind::BoundedSemaphore)
    }

    /// Any of the queues: their puts and gets carry items.
    pub fn is_queue(self) -> bool {
        matches!(
            self,
            ObjectKind::Queue | ObjectKind::JoinableQueue | ObjectKind::SimpleQueue
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modules_class_names_have_their_kinds_and_others_are_other() {
        for (class, kind) in [
            ("Lock", ObjectKind::Lock),
            ("RLock", ObjectKind::RLock),
            ("BoundedSemaphore", ObjectKind::BoundedSemaphore),
            ("JoinableQueue", ObjectKind::JoinableQueue),
            ("SimpleQueue", ObjectKind::SimpleQueue),
            ("Connection", ObjectKind::Connection),
            ("SharedMemory", ObjectKind::SharedMemory),
            ("Namespace", ObjectKind::Other),
            ("lock", ObjectKind::Other),
            ("?", ObjectKind::Other),
        ] {
            assert_eq!(ObjectKind::of(class), kind, "{class}");
        }
        assert!(ObjectKind::RLock.is_lock() && !ObjectKind::Semaphore.is_lock());
        assert!(ObjectKind::BoundedSemaphore.is_semaphore());
        assert!(ObjectKind::SimpleQueue.is_queue() && !ObjectKind::Other.is_queue());
    }
}
