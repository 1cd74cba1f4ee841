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

use super::value::{Builtin, Class, Function, Instance, Namespace, PyStr, Value};

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
        if shadows(inst, name) {
            return None;
        }
        if self.holds(class) {
            return self.method.borrow().clone();
        }
        // A `__getattribute__` of the class's own must see every lookup.
        let m = match class.lookup(name).filter(|_| !class.has_hooks()) {
            Some(m @ Value::Function(_)) => Some(m),
            Some(Value::Builtin(ref b)) if b.data.is_none() => Some(Value::Builtin(b.clone())),
            _ => None,
        };
        *self.method.borrow_mut() = m.clone();
        self.remember(class);
        m
    }

    /// The user function `inst`'s class gives for `name` when the entry holds one and `inst` does
    /// not shadow it: the common `obj.method(...)`, without the `Value` that `method` clones (an
    /// out-of-line clone and drop per call) and returns through memory.
    #[inline]
    pub fn function(&self, inst: &Instance, name: &str) -> Option<Rc<Function>> {
        if !self.holds(&inst.class) || shadows(inst, name) {
            return None;
        }
        match &*self.method.borrow() {
            Some(Value::Function(f)) => Some(f.clone()),
            _ => None,
        }
    }

    /// The native method (`lock.acquire`) `inst`'s class gives for `name` when the entry holds one
    /// and `inst` does not shadow it, to be called with `inst` first.
    #[inline]
    pub fn native(&self, inst: &Instance, name: &str) -> Option<Rc<Builtin>> {
        if !self.holds(&inst.class) || shadows(inst, name) {
            return None;
        }
        match &*self.method.borrow() {
            Some(Value::Builtin(b)) => Some(b.clone()),
            _ => None,
        }
    }

    /// Whether no class of `class`'s MRO holds a property `name` (a property wins over the
    /// instance's own attribute, for reads and for stores).
    #[inline]
    fn no_property(&self, class: &Rc<Class>, name: &str) -> bool {
        if self.holds(class) {
            return true;
        }
        if class.has_hooks() || class.data_descriptor(name).is_some() {
            return false;
        }
        self.remember(class);
        true
    }

    /// `inst.name` when the instance's own namespace holds it and no property is in the way.
    #[inline]
    pub fn read(&self, inst: &Instance, name: &PyStr) -> Option<Value> {
        if !self.no_property(&inst.class, name) {
            return None;
        }
        let attrs = inst.attrs.borrow();
        if let Some((k, v)) = attrs.get_index(self.slot.get() as usize)
            && (PyStr::ptr_eq(k, name) || **k == **name)
        {
            return Some(v.clone());
        }
        self.read_moved(&attrs, name)
    }

    /// `read` of an int at the remembered index, `None` for anything else (then `read` decides):
    /// two words, returned in registers, for the arithmetic that reads it (`self.n + k`).
    #[inline(always)]
    pub fn read_int(&self, inst: &Instance, name: &PyStr) -> Option<i64> {
        if !self.holds(&inst.class) {
            return None;
        }
        let attrs = inst.attrs.borrow();
        match attrs.get_index(self.slot.get() as usize) {
            Some((k, Value::Int(n))) if PyStr::ptr_eq(k, name) => Some(*n),
            _ => None,
        }
    }

    /// `read` when the name is not at the remembered index: looked up by hash.
    #[inline(never)]
    fn read_moved(&self, attrs: &Namespace, name: &str) -> Option<Value> {
        let (i, _, v) = attrs.get_full(name)?;
        self.slot.set(i as u32);
        Some(v.clone())
    }

    /// `inst.name = value` into the instance's own namespace, when no property or native
    /// attribute takes the store; gives the value back otherwise. A native payload whose kind
    /// manages no assignment (an exception's, a dict subclass's) does not stand in the way.
    #[inline]
    pub fn write(&self, inst: &Instance, name: &PyStr, value: Value) -> Result<(), Value> {
        let native_store =
            super::native_object::slots_of(inst).is_some_and(|s| s.set_attr.is_some());
        if native_store || !self.no_property(&inst.class, name) {
            return Err(value);
        }
        let mut attrs = inst.attrs.borrow_mut();
        if let Some((k, v)) = attrs.get_index_mut(self.slot.get() as usize)
            && (PyStr::ptr_eq(k, name) || **k == **name)
        {
            // The old value is most often a number: forgotten, not dropped through the glue.
            super::value_drop::discard(std::mem::replace(v, value));
            return Ok(());
        }
        // `obj.__class__ = C` is not an attribute of the instance: setattr answers it.
        if name.len() == 9 && &**name == "__class__" {
            return Err(value);
        }
        let (i, _) = attrs.insert_full(name.clone(), value);
        self.slot.set(i as u32);
        Ok(())
    }
}

/// Whether `inst`'s own namespace holds `name` (which then wins over the class's method). A small
/// namespace is scanned, comparing lengths first: hashing the name for the map's lookup at every
/// method call cost more than looking at a few keys.
#[inline]
fn shadows(inst: &Instance, name: &str) -> bool {
    let attrs = inst.attrs.borrow();
    if attrs.len() <= 8 {
        attrs.keys().any(|k| k.len() == name.len() && **k == *name)
    } else {
        attrs.contains_key(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::exceptions;
    use crate::python::value::Namespace;

    fn class_with(name: &str, attrs: &[(&str, Value)]) -> Rc<Class> {
        exceptions::install();
        let mut ns = Namespace::default();
        for (k, v) in attrs {
            ns.insert(PyStr::from(*k), v.clone());
        }
        exceptions::make_class(
            name,
            "__main__",
            vec![crate::python::builtin_classes::object()],
            ns,
            None,
        )
        .expect("one base")
    }

    fn instance(class: &Rc<Class>) -> Instance {
        Instance {
            class: class.clone(),
            attrs: Default::default(),
            native: RefCell::new(None),
        }
    }

    #[test]
    fn a_slot_read_follows_the_attribute_when_it_moves() {
        let cls = class_with("Point", &[]);
        let p = instance(&cls);
        let (x, y): (PyStr, PyStr) = (PyStr::from("x"), PyStr::from("y"));
        let site = AttrCache::default();
        p.attrs.borrow_mut().insert(x.clone(), Value::Int(1));
        p.attrs.borrow_mut().insert(y.clone(), Value::Int(2));
        assert!(matches!(site.read(&p, &y), Some(Value::Int(2))));
        // `y` moves from index 1 to index 0: the remembered index is past the end now.
        p.attrs.borrow_mut().shift_remove("x");
        assert!(matches!(site.read(&p, &y), Some(Value::Int(2))));
        p.attrs.borrow_mut().insert(x.clone(), Value::Int(3));
        assert!(matches!(site.read(&p, &x), Some(Value::Int(3))));
        assert!(matches!(site.read(&p, &y), Some(Value::Int(2))));
        p.attrs.borrow_mut().shift_remove("y");
        assert!(site.read(&p, &y).is_none());
    }

    #[test]
    fn a_method_site_sees_a_class_store_and_an_instance_shadow() {
        let first = Value::str("first");
        let cls = class_with("Greeter", &[]);
        let p = instance(&cls);
        let site = AttrCache::default();
        // The site remembers that the class has no such method...
        assert!(site.method(&p, &cls, "greet").is_none());
        // ...until a class store: the epoch tells the site to look again.
        cls.attrs
            .borrow_mut()
            .insert(PyStr::from("greet"), first.clone());
        classes_changed();
        // A str is not a method: the site says so (the general lookup takes over).
        assert!(site.method(&p, &cls, "greet").is_none());
        let f = Value::builtin("greet", |_, _| Ok(Value::None));
        cls.attrs.borrow_mut().insert(PyStr::from("greet"), f);
        classes_changed();
        assert!(matches!(
            site.method(&p, &cls, "greet"),
            Some(Value::Builtin(_))
        ));
        assert!(matches!(
            site.method(&p, &cls, "greet"),
            Some(Value::Builtin(_))
        ));
        p.attrs.borrow_mut().insert(PyStr::from("greet"), first);
        assert!(site.method(&p, &cls, "greet").is_none());
    }

    #[test]
    fn a_store_goes_to_a_property_added_after_the_site_cached() {
        let cls = class_with("Box", &[]);
        let p = instance(&cls);
        let n: PyStr = PyStr::from("n");
        let site = AttrCache::default();
        assert!(site.write(&p, &n, Value::Int(1)).is_ok());
        assert!(matches!(site.read(&p, &n), Some(Value::Int(1))));
        let prop = Instance {
            class: crate::python::builtin_classes::with(|b| b.property.clone()),
            attrs: Default::default(),
            native: RefCell::new(None),
        };
        cls.attrs
            .borrow_mut()
            .insert(n.clone(), Value::Instance(Rc::new(prop)));
        cls.has_property.set(true);
        classes_changed();
        assert!(site.read(&p, &n).is_none());
        assert!(site.write(&p, &n, Value::Int(2)).is_err());
    }
}
