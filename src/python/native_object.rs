//! The payload of a native instance (a Process's state, a Lock's semaphore, a shared Value's
//! memory, a frame object...) behind one trait, so that the instance answers for itself.
//!
//! [`Instance::native`] holds a `Box<dyn NativeObject>`. The trait gives two things:
//! - [`NativeObject::slots`]: the kind's [`Slots`], a static table of the hooks the evaluator calls
//!   when the class itself has no answer: a property-like attribute (`p.pid`, `v.value`), an
//!   assignment the kind manages (`p.daemon = True`), `repr`, `len`, indexing, item assignment,
//!   iteration. Like CPython's type slots (`tp_getattro`, `tp_repr`, `mp_subscript`...), an absent
//!   hook is `None` and the evaluator falls back to ordinary Python rules. A lookup is one virtual
//!   call to find the table and one call through it: no walk over the kinds, each downcasting.
//! - what a primitive that passes by inheritance is (`shared_kind`, `trace_id`), answered by the
//!   payload itself (these only read it).
//! - `is`/`downcast_ref`/`downcast_mut` on `dyn NativeObject`, for the kind's own methods, which
//!   still reach their concrete state (every `NativeObject` is an `Any`).
//!
//! Why a table rather than `&self` methods: a hook runs with the instance's payload cell released.
//! Hooks call back into Python (`p.daemon = x` asks `x.__bool__`, `arr[:] = gen` iterates the
//! program's generator), and some re-borrow their payload mutably (a Process's `exitcode` reaps
//! the child into its state); a `&self` method would run with the payload borrowed, and such a
//! re-entry would panic. The table is `'static`, so [`slots_of`] copies the reference out of the
//! cell before the hook is called. A kind with no hooks implements the trait with an empty body.

use std::any::Any;
use std::rc::Rc;

use super::exceptions::Exc;
use super::interp::Interp;
use super::value::{Instance, Value};

type R<T> = Result<T, Exc>;

/// `obj.name`, for a name found in neither the instance's `__dict__` nor its class.
pub type AttrFn = fn(&mut Interp, &Rc<Instance>, &str) -> R<Option<Value>>;
/// `obj.name = v`; `true` when the kind took it.
pub type SetAttrFn = fn(&mut Interp, &Rc<Instance>, &str, &Value) -> R<bool>;
/// `repr(obj)` when the class defines no `__repr__`.
pub type ReprFn = fn(&mut Interp, &Rc<Instance>) -> R<Option<String>>;
/// `len(obj)`.
pub type LenFn = fn(&mut Interp, &Rc<Instance>) -> R<Option<i64>>;
/// `obj[idx]`.
pub type ItemFn = fn(&mut Interp, &Rc<Instance>, &Value) -> R<Option<Value>>;
/// `obj[idx] = v`; `true` when the kind took it.
pub type SetItemFn = fn(&mut Interp, &Rc<Instance>, &Value, &Value) -> R<bool>;
/// The items `iter(obj)` walks.
pub type IterFn = fn(&mut Interp, &Rc<Instance>) -> R<Option<Vec<Value>>>;

/// The hooks of a native kind; each gets the interpreter and the instance (whose payload is of
/// the kind). `None`: the kind has no such behaviour.
pub struct Slots {
    pub attr: Option<AttrFn>,
    pub set_attr: Option<SetAttrFn>,
    pub repr: Option<ReprFn>,
    pub len: Option<LenFn>,
    pub item: Option<ItemFn>,
    pub set_item: Option<SetItemFn>,
    pub iter: Option<IterFn>,
}

impl Slots {
    /// No hooks: the kind behaves as a plain object (its methods are in its class).
    pub const NONE: Slots = Slots {
        attr: None,
        set_attr: None,
        repr: None,
        len: None,
        item: None,
        set_item: None,
        iter: None,
    };
}

/// The payload of a native instance.
pub trait NativeObject: Any {
    /// The hooks of this payload's kind.
    fn slots(&self) -> &'static Slots {
        &Slots::NONE
    }

    /// For a primitive that passes between processes only by inheritance (a Lock, a Queue, a
    /// shared Value...): the CPython class name in "... objects should only be shared between
    /// processes through inheritance".
    fn shared_kind(&self) -> Option<&'static str> {
        None
    }

    /// A primitive's id in the trace (`sync::new_id`).
    fn trace_id(&self) -> Option<u32> {
        None
    }
}

impl dyn NativeObject {
    /// Whether the payload is a `T`.
    #[inline]
    pub fn is<T: Any>(&self) -> bool {
        (self as &dyn Any).is::<T>()
    }

    /// The payload as a `T`, if it is one.
    #[inline]
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        (self as &dyn Any).downcast_ref::<T>()
    }

    /// The payload as a mutable `T`, if it is one.
    #[inline]
    pub fn downcast_mut<T: Any>(&mut self) -> Option<&mut T> {
        (self as &mut dyn Any).downcast_mut::<T>()
    }
}

/// The hooks of `inst`'s payload; `None` for an instance without one. The payload cell is
/// released on return, so the hook may borrow it again.
#[inline]
pub fn slots_of(inst: &Instance) -> Option<&'static Slots> {
    inst.native.borrow().as_ref().map(|n| n.slots())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain(u8);
    impl NativeObject for Plain {}

    #[test]
    fn a_plain_payload_has_no_hooks_and_downcasts_to_itself() {
        let mut b: Box<dyn NativeObject> = Box::new(Plain(7));
        assert!(b.slots().attr.is_none() && b.slots().repr.is_none());
        assert!(b.is::<Plain>() && !b.is::<u8>());
        assert_eq!(b.downcast_ref::<Plain>().map(|p| p.0), Some(7));
        b.downcast_mut::<Plain>().expect("a Plain").0 = 9;
        assert_eq!(b.downcast_ref::<Plain>().map(|p| p.0), Some(9));
        assert!(b.downcast_ref::<u8>().is_none());
    }
}
