//! Inline caches for `obj.name` sites: what the site found on the object's class last time, valid
//! while no class namespace has changed since.
//!
//! Any store into any class's namespace bumps one epoch, so a cache cannot miss a change made to a
//! parent class (a subclass's lookup depends on every class of its MRO, and classes do not know
//! their subclasses). Stores into class namespaces are rare after the classes are built, so one
//! epoch for all of them costs the common program nothing. A site remembers its class by a `Weak`
//! pointer: the class's memory cannot be reused for another class while the site holds it.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU64, Ordering};

use super::value::{Class, Instance, Value};

/// Bumped on every store into a class namespace. Starts at 1: a fresh cache (epoch 0) never hits.
static CLASS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// A class namespace changed (an attribute set, a method replaced): every cache is stale.
pub fn classes_changed() {
    CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
}

fn epoch() -> u64 {
    CLASS_EPOCH.load(Ordering::Relaxed)
}

/// The cache of one attribute site (`obj.name`, `obj.name(...)`, `obj.name = v`).
#[derive(Default)]
pub struct AttrCache {
    class: RefCell<Weak<Class>>,
    /// The class epoch the entry was made at (0: no entry).
    epoch: Cell<u64>,
    /// At a method-call site: the plain function the class's MRO gives for the name.
    method: RefCell<Option<Value>>,
    /// At an attribute site: the index of the name in the instance's namespace last time.
    slot: Cell<u32>,
}

impl fmt::Debug for AttrCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AttrCache")
    }
}

impl AttrCache {
    /// Whether the entry was made for `class` and no class changed since.
    #[inline]
    fn holds(&self, class: &Rc<Class>) -> bool {
        self.epoch.get() == epoch() && std::ptr::eq(self.class.borrow().as_ptr(), Rc::as_ptr(class))
    }

    fn remember(&self, class: &Rc<Class>) {
        *self.class.borrow_mut() = Rc::downgrade(class);
        self.epoch.set(epoch());
    }

    /// The plain function (or native method) `inst`'s class gives for `name`, to be called with
    /// `inst` first; `None` when the instance shadows it or the class holds something else.
    pub fn method(&self, inst: &Instance, class: &Rc<Class>, name: &str) -> Option<Value> {
        {
            let attrs = inst.attrs.borrow();
            if !attrs.is_empty() && attrs.contains_key(name) {
                return None;
            }
        }
        if self.holds(class) {
            return self.method.borrow().clone();
        }
        let m = match class.lookup(name) {
            Some(m @ Value::Function(_)) => Some(m),
            Some(Value::Builtin(b)) if b.data.is_none() => Some(Value::Builtin(b)),
            _ => None,
        };
        *self.method.borrow_mut() = m.clone();
        self.remember(class);
        m
    }

    /// Whether no class of `class`'s MRO holds a property `name` (a property wins over the
    /// instance's own attribute, for reads and for stores).
    #[inline]
    fn no_property(&self, class: &Rc<Class>, name: &str) -> bool {
        if self.holds(class) {
            return true;
        }
        if class.property(name).is_some() {
            return false;
        }
        self.remember(class);
        true
    }

    /// `inst.name` when the instance's own namespace holds it and no property is in the way.
    #[inline]
    pub fn read(&self, inst: &Instance, name: &Rc<str>) -> Option<Value> {
        if !self.no_property(&inst.class, name) {
            return None;
        }
        let attrs = inst.attrs.borrow();
        if let Some((k, v)) = attrs.get_index(self.slot.get() as usize)
            && (Rc::ptr_eq(k, name) || **k == **name)
        {
            return Some(v.clone());
        }
        let (i, _, v) = attrs.get_full(&**name)?;
        self.slot.set(i as u32);
        Some(v.clone())
    }

    /// `inst.name = value` into the instance's own namespace, when no property or native
    /// attribute takes the store; gives the value back otherwise.
    #[inline]
    pub fn write(&self, inst: &Instance, name: &Rc<str>, value: Value) -> Result<(), Value> {
        if inst.native.borrow().is_some() || !self.no_property(&inst.class, name) {
            return Err(value);
        }
        let mut attrs = inst.attrs.borrow_mut();
        if let Some((k, v)) = attrs.get_index_mut(self.slot.get() as usize)
            && (Rc::ptr_eq(k, name) || **k == **name)
        {
            *v = value;
            return Ok(());
        }
        let (i, _) = attrs.insert_full(name.clone(), value);
        self.slot.set(i as u32);
        Ok(())
    }
}
