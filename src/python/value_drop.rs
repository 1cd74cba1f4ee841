//! Dropping a value without recursing as deep as the value is.
//!
//! Freeing a list frees its items, which free theirs: left to Rust's drop glue, a list nested
//! 200 000 deep (`x = [x]` in a loop) is freed by 200 000 nested calls, which overflows a
//! generator's small stack (and, 10^7 deep, the interpreter's big one). CPython meets the same
//! problem with its "trashcan": past a fixed nesting of deallocations, objects are put on a list
//! and freed by the outermost deallocation instead.
//!
//! forkyard does the same. `Drop for Value` looks only at values that hold other values and whose
//! last reference is going (the common case costs one count comparison); those are freed here with
//! a thread-local depth counter raised. Past [`UNWIND_LEVEL`] nested frees, a value is moved onto
//! a thread-local worklist instead of freed, and the outermost free empties the worklist, one
//! value at a time, each again at most [`UNWIND_LEVEL`] deep. Whatever the shape (lists, tuples,
//! dicts, instances and their `__dict__`, closures' cells, bound methods, iterators), every step
//! of a recursive free passes through a `Value`, so this one place bounds them all.
//!
//! Must not live here: anything that runs Python (a drop has no interpreter to run it with).

use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;
use std::rc::Rc;

use super::value::{HashKey, ThinRc, Value};

/// Nested frees done in place before values go to the worklist: CPython's trashcan unwinds at 50
/// too. A level costs a few hundred bytes of native stack in a debug build, so 50 levels fit on a
/// generator's stack with room to spare.
const UNWIND_LEVEL: usize = 50;

thread_local! {
    /// How many container frees are under way on this thread, one inside the other.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Whether a free was put off since the outermost free began: only then is the worklist
    /// looked at (a plain `Cell` costs less to reach than the worklist's `RefCell<Vec>`).
    static DEFERRED: Cell<bool> = const { Cell::new(false) };
    /// Values whose free was put off because it came too deep, for the outermost free to do.
    static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    /// The same for dict keys made of tuples.
    static PENDING_KEYS: RefCell<Vec<HashKey>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if last_owner_of_values(self) {
            free_container(self);
        }
    }
}

/// Drop `v` where it is: a number, a bool or `None` holds nothing to free, and forgetting it saves
/// the call into `Value`'s drop glue (out of line, a jump on the tag), which the interpreter's hot
/// paths made for every int they replaced (9% of a loop of calls' samples).
#[inline(always)]
pub fn discard(v: Value) {
    if matches!(
        v,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Ellipsis
    ) {
        std::mem::forget(v);
    } else {
        drop(v);
    }
}

/// `*slot = Some(v)`, the old value dropped through [`discard`].
#[inline(always)]
pub fn replace_slot(slot: &mut Option<Value>, v: Value) {
    if let Some(old) = slot.replace(v) {
        discard(old);
    }
}

/// Whether `v` holds other values and is their last strong owner (so dropping `v` frees them).
#[inline(always)]
fn last_owner_of_values(v: &Value) -> bool {
    match v {
        Value::List(l) => Rc::strong_count(l) == 1,
        Value::Tuple(t) => ThinRc::strong_count(t) == 1 && !t.is_empty(),
        Value::Dict(d) => Rc::strong_count(d) == 1,
        Value::Set(s) => Rc::strong_count(s) == 1,
        Value::FrozenSet(s) => Rc::strong_count(s) == 1,
        Value::Slice(s) => Rc::strong_count(s) == 1,
        Value::Function(f) => Rc::strong_count(f) == 1,
        Value::Builtin(b) => Rc::strong_count(b) == 1 && b.data.is_some(),
        Value::BoundMethod(m) => Rc::strong_count(m) == 1,
        Value::Class(c) => Rc::strong_count(c) == 1,
        Value::Instance(i) => Rc::strong_count(i) == 1,
        Value::Module(m) => Rc::strong_count(m) == 1,
        Value::Iterator(i) => Rc::strong_count(i) == 1,
        Value::Generator(g) => Rc::strong_count(g) == 1,
        Value::Super(s) => Rc::strong_count(s) == 1,
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Range(_)
        | Value::Ellipsis => false,
    }
}

/// Free the container `v` is the last owner of, in place or, too deep, later (see the module doc).
/// `v` is left as `None`, so the drop glue that runs after `Drop::drop` has nothing left to free.
#[inline(never)]
fn free_container(v: &mut Value) {
    // A `Cell` without a destructor is never torn down: `with` cannot fail here.
    let depth = DEPTH.with(Cell::get);
    let owned = std::mem::replace(v, Value::None);
    if depth >= UNWIND_LEVEL {
        DEFERRED.with(|d| d.set(true));
        // Pushing moves the value; nothing is dropped while the list is borrowed.
        let mut slot = Some(owned);
        let _ = PENDING.try_with(|p| {
            if let Some(v) = slot.take() {
                p.borrow_mut().push(v);
            }
        });
        if let Some(v) = slot {
            // No worklist any more (the thread is ending): free in place.
            free_now(v);
        }
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    free_now(owned);
    if depth == 0 && DEFERRED.with(|d| d.replace(false)) {
        drain();
    }
    DEPTH.with(|d| d.set(depth));
}

/// The outermost free: what was put off (values and keys) is freed here, each at most
/// UNWIND_LEVEL deep, until nothing is left.
fn drain() {
    loop {
        if let Some(next) = PENDING.with(|p| p.borrow_mut().pop()) {
            free_now(next);
        } else if let Some(next) = PENDING_KEYS.with(|p| p.borrow_mut().pop()) {
            free_key_now(next);
        } else {
            break;
        }
    }
    DEFERRED.with(|d| d.set(false));
}

/// Drop the `Rc` inside `v` directly, without running `Drop for Value` on `v` again (it would
/// find the same last owner and come back here forever).
fn free_now(v: Value) {
    let v = ManuallyDrop::new(v);
    // SAFETY: `v` is never dropped as a whole (ManuallyDrop), so each arm reads the one field it
    // owns exactly once and drops it; nothing else can reach that field afterwards.
    unsafe {
        match &*v {
            Value::List(x) => match Rc::try_unwrap(std::ptr::read(x)) {
                Ok(items) => free_items(items.into_inner()),
                Err(shared) => drop(shared),
            },
            Value::Tuple(x) => drop(std::ptr::read(x)),
            Value::Dict(x) => drop(std::ptr::read(x)),
            Value::Set(x) => drop(std::ptr::read(x)),
            Value::FrozenSet(x) => drop(std::ptr::read(x)),
            Value::Slice(x) => drop(std::ptr::read(x)),
            Value::Function(x) => drop(std::ptr::read(x)),
            Value::Builtin(x) => drop(std::ptr::read(x)),
            Value::BoundMethod(x) => drop(std::ptr::read(x)),
            Value::Class(x) => drop(std::ptr::read(x)),
            Value::Instance(x) => drop(std::ptr::read(x)),
            Value::Module(x) => drop(std::ptr::read(x)),
            Value::Iterator(x) => drop(std::ptr::read(x)),
            Value::Generator(x) => drop(std::ptr::read(x)),
            Value::Super(x) => drop(std::ptr::read(x)),
            Value::BigInt(x) => drop(std::ptr::read(x)),
            Value::Str(x) => drop(std::ptr::read(x)),
            Value::Bytes(x) => drop(std::ptr::read(x)),
            Value::Range(x) => drop(std::ptr::read(x)),
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Ellipsis => {}
        }
    }
}

/// Free a list's items: numbers, bools and `None` are forgotten where they lie ([`discard`]),
/// so only shared items reach the drop glue. Left to the glue, every item was an out-of-line
/// call: a third of the time of a loop that makes and drops lists of 100 000 ints.
fn free_items(mut items: Vec<Value>) {
    for item in items.drain(..) {
        discard(item);
    }
}

impl Drop for HashKey {
    #[inline]
    fn drop(&mut self) {
        // A tuple key holds the keys of its items: `hash()` of a tuple nested 100 000 deep makes
        // a key as deep, freed here as values are.
        if let HashKey::Tuple(k) | HashKey::FrozenSet(k) = self
            && Rc::strong_count(k) == 1
        {
            free_key(self);
        }
    }
}

#[inline(never)]
fn free_key(k: &mut HashKey) {
    let depth = DEPTH.with(Cell::get);
    let owned = std::mem::replace(k, HashKey::None);
    if depth >= UNWIND_LEVEL {
        DEFERRED.with(|d| d.set(true));
        let mut slot = Some(owned);
        let _ = PENDING_KEYS.try_with(|p| {
            if let Some(k) = slot.take() {
                p.borrow_mut().push(k);
            }
        });
        if let Some(k) = slot {
            free_key_now(k);
        }
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    free_key_now(owned);
    if depth == 0 && DEFERRED.with(|d| d.replace(false)) {
        drain();
    }
    DEPTH.with(|d| d.set(depth));
}

/// As [`free_now`], for a tuple's or frozenset's key.
fn free_key_now(k: HashKey) {
    let k = ManuallyDrop::new(k);
    // SAFETY: as in `free_now`: the one owned field is read once and dropped; `k` never is.
    unsafe {
        if let HashKey::Tuple(x) | HashKey::FrozenSet(x) = &*k {
            drop(std::ptr::read(x));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    fn list_chain(n: usize) -> Value {
        let mut x = Value::list(vec![]);
        for _ in 0..n {
            x = Value::list(vec![x]);
        }
        x
    }

    /// Runs `f` on a thread whose whole stack is 256 KiB, as small as a generator's.
    fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .expect("spawn a thread")
            .join()
            .expect("the thread ended without a panic or overflow");
    }

    #[test]
    fn a_million_deep_list_is_freed_on_a_small_stack() {
        on_small_stack(|| drop(list_chain(1_000_000)));
    }

    #[test]
    fn deep_tuples_dicts_and_mixed_shapes_are_freed_on_a_small_stack() {
        on_small_stack(|| {
            let mut x = Value::tuple(vec![Value::Int(1)]);
            for i in 0..300_000 {
                x = match i % 3 {
                    0 => Value::tuple(vec![x, Value::Int(i)]),
                    1 => {
                        let mut d = super::super::value::Dict::default();
                        d.insert(super::super::value::HashKey::Int(i), Value::Int(i), x);
                        Value::dict(d)
                    }
                    _ => Value::list(vec![Value::None, x]),
                };
            }
            drop(x);
        });
    }

    #[test]
    fn a_deep_tuple_key_is_hashed_compared_and_freed_on_a_small_stack() {
        on_small_stack(|| {
            let deep = || {
                let mut k = HashKey::Tuple(Rc::from(vec![]));
                for _ in 0..200_000 {
                    k = HashKey::Tuple(Rc::from(vec![k]));
                }
                k
            };
            let (a, b) = (deep(), deep());
            let hash = |k: &HashKey| {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                k.hash(&mut h);
                h.finish()
            };
            assert_eq!(hash(&a), hash(&b));
            assert!(a == b);
            drop((a, b));
        });
    }

    #[test]
    fn a_shared_part_survives_and_everything_else_is_freed() {
        let shared = Value::list(vec![Value::Int(7)]);
        let mut x = shared.clone();
        for _ in 0..10_000 {
            x = Value::list(vec![x]);
        }
        let Value::List(inner) = &shared else {
            unreachable!()
        };
        let weak = Rc::downgrade(inner);
        assert_eq!(Rc::strong_count(inner), 2);
        drop(x);
        assert_eq!(
            Rc::strong_count(inner),
            1,
            "the chain let go of the shared list"
        );
        assert_eq!(inner.borrow().len(), 1, "and left its items alone");
        drop(shared);
        assert!(weak.upgrade().is_none());
        assert!(PENDING.with(|p| p.borrow().is_empty()));
        assert_eq!(DEPTH.with(Cell::get), 0);
    }

    #[test]
    fn a_wide_and_deep_tree_frees_every_node() {
        // Each node counts itself out through a weak reference: all must be gone after the drop.
        let weaks: RefCell<Vec<std::rc::Weak<RefCell<Vec<Value>>>>> = RefCell::new(Vec::new());
        let mut x = Value::list(vec![]);
        for _ in 0..2_000 {
            let mut items = vec![x];
            for _ in 0..3 {
                let leaf = Rc::new(RefCell::new(vec![Value::Int(1)]));
                weaks.borrow_mut().push(Rc::downgrade(&leaf));
                items.push(Value::List(leaf));
            }
            let node = Rc::new(RefCell::new(items));
            weaks.borrow_mut().push(Rc::downgrade(&node));
            x = Value::List(node);
        }
        drop(x);
        assert!(weaks.borrow().iter().all(|w| w.upgrade().is_none()));
    }
}
