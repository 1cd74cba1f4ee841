//! `Builtins`: the builtin classes of one interpreter (`object`, `type`, `property`, the exception
//! types...), made once when the interpreter is made. The interpreter tells its own builtins from a
//! program's classes by identity (`Rc::ptr_eq` against these), never by name: a program's own class
//! named `property` or `ValueError` is just a class.
//!
//! `Builtins` also keeps the modules' own per-interpreter state (`queue.Empty`, the `Lock` class,
//! the context objects...): each module names its part with a plain `static` [`InterpSlot`] and
//! reads it through [`per_interp`], which makes it the first time this interpreter asks.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::exc_kind::ExcKind;
use super::exceptions::{self, make_class};
use super::value::{Class, Namespace, NativeKind};

/// The builtin classes one interpreter compares against.
pub struct Builtins {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none_type: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    /// One class per `ExcKind`, at `kind.index()`.
    exceptions: Vec<Rc<Class>>,
    /// Every builtin type by `__name__` (`int`, `dict`, `memoryview`...): `type(x)` of a value that
    /// is not an instance finds its class from the value's type name.
    types: RefCell<HashMap<&'static str, Rc<Class>>>,
    /// The modules' own state, by the address of its [`InterpSlot`]; each value is that slot's
    /// `T`. A spawned child's fresh interpreter has fresh `Builtins`, so it starts empty.
    module_state: RefCell<FxHashMap<usize, Box<dyn Any>>>,
}

impl Builtins {
    /// `object`, the types compared by identity, and the exception hierarchy. The other builtin
    /// types are added by `define_type` as `builtins::install` makes them.
    pub fn new() -> Builtins {
        let object = make_class(
            "object",
            "builtins",
            vec![],
            Namespace::default(),
            Some(NativeKind::Object),
        )
        .expect("object has a trivial MRO");
        let plain = |name: &str, native: Option<NativeKind>| {
            make_class(
                name,
                "builtins",
                vec![object.clone()],
                Namespace::default(),
                native,
            )
            .expect("single base")
        };
        // `property`, `staticmethod` and `classmethod` objects keep their function in attributes
        // (`fget`, `__func__`), as instances of a Python class do.
        let type_ = plain("type", Some(NativeKind::Other));
        let none_type = plain("NoneType", Some(NativeKind::Other));
        let property = plain("property", None);
        let staticmethod = plain("staticmethod", None);
        let classmethod = plain("classmethod", None);
        let mut made: Vec<Rc<Class>> = Vec::with_capacity(ExcKind::ALL.len());
        for kind in ExcKind::ALL {
            let parent = match kind.parent() {
                Some(p) => made[p.index()].clone(),
                None => object.clone(),
            };
            let base = *kind == ExcKind::BaseException;
            let attrs = if base {
                exceptions::base_exception_attrs()
            } else if matches!(
                kind,
                ExcKind::UnicodeDecodeError | ExcKind::UnicodeEncodeError
            ) {
                super::exceptions_unicode::class_attrs()
            } else if *kind == ExcKind::OSError {
                super::exceptions_os::class_attrs()
            } else if *kind == ExcKind::BaseExceptionGroup {
                super::exceptions_group::class_attrs()
            } else {
                Namespace::default()
            };
            let native = base.then_some(NativeKind::BaseException);
            let mut bases = vec![parent];
            if *kind == ExcKind::ExceptionGroup {
                bases.push(made[ExcKind::Exception.index()].clone());
            }
            let c = make_class(kind.name(), "builtins", bases, attrs, native)
                .expect("a consistent MRO");
            made.push(c);
        }
        let types = [
            &object,
            &type_,
            &none_type,
            &property,
            &staticmethod,
            &classmethod,
        ]
        .into_iter()
        .map(|c| (leak_name(&c.name), c.clone()))
        .collect();
        Builtins {
            object,
            type_,
            none_type,
            property,
            staticmethod,
            classmethod,
            exceptions: made,
            types: RefCell::new(types),
            module_state: RefCell::default(),
        }
    }

    /// The class of a builtin exception type.
    pub fn exc(&self, kind: ExcKind) -> &Rc<Class> {
        &self.exceptions[kind.index()]
    }

    /// Every builtin exception class, for the `builtins` namespace.
    pub fn exception_classes(&self) -> &[Rc<Class>] {
        &self.exceptions
    }

    /// The builtin type `name`: made now, or (for the types made by `new`) given `attrs`.
    pub fn define_type(
        &self,
        name: &'static str,
        base: Rc<Class>,
        attrs: Namespace,
        native: Option<NativeKind>,
    ) -> Rc<Class> {
        if let Some(c) = self.types.borrow().get(name) {
            c.attrs.borrow_mut().extend(attrs);
            return c.clone();
        }
        let c = make_class(name, "builtins", vec![base], attrs, native).expect("single base");
        self.types.borrow_mut().insert(name, c.clone());
        c
    }

    /// The builtin type whose `__name__` is `name`.
    pub fn type_named(&self, name: &str) -> Option<Rc<Class>> {
        self.types.borrow().get(name).cloned()
    }
}

impl Default for Builtins {
    fn default() -> Builtins {
        Builtins::new()
    }
}

/// The names of the few types `new` makes, as the `'static` keys of `types`.
fn leak_name(name: &str) -> &'static str {
    [
        "object",
        "type",
        "NoneType",
        "property",
        "staticmethod",
        "classmethod",
    ]
    .into_iter()
    .find(|n| *n == name)
    .expect("one of the types Builtins::new makes")
}

// The interpreter owns its `Builtins` (`Interp::classes`); this handle to the same value is for the
// hundreds of natives that raise (`type_error(..)`, `Exc::new(ExcKind::KeyError, ..)`) or check a
// class (`is_property`) with no `&Interp` at hand. There is one interpreter per process at a time:
// `Interp::new` sets the handle, and a spawned child's fresh interpreter replaces it.
thread_local! {
    static CURRENT: RefCell<Option<Rc<Builtins>>> = const { RefCell::new(None) };
}

/// Make `b` the builtins natives of this process raise and compare with.
pub fn set_current(b: Rc<Builtins>) {
    CURRENT.with(|c| *c.borrow_mut() = Some(b));
}

/// The builtins of this process's interpreter.
pub fn current() -> Rc<Builtins> {
    with(|b| b.clone())
}

/// `object`, the root of every class.
pub fn object() -> Rc<Class> {
    with(|b| b.object.clone())
}

/// The builtin type named `name` (`int`, `dict`, `memoryview`...).
pub fn builtin_type(name: &str) -> Rc<Class> {
    with(|b| b.type_named(name)).unwrap_or_else(|| panic!("builtin type {name} is installed"))
}

/// Run `f` with the builtins of this process's interpreter.
pub fn with<R>(f: impl FnOnce(&Rc<Builtins>) -> R) -> R {
    CURRENT.with(|c| f(c.borrow().as_ref().expect("an interpreter was made")))
}

/// Whether `cls` is the builtin class `pick` chooses; false before any interpreter exists (nothing
/// is a builtin yet while `Builtins::new` makes the first classes).
pub fn is(cls: &Class, pick: impl FnOnce(&Builtins) -> &Rc<Class>) -> bool {
    CURRENT.with(|c| {
        c.borrow()
            .as_ref()
            .is_some_and(|b| std::ptr::eq(cls, Rc::as_ptr(pick(b))))
    })
}

/// The key of one part of a module's per-interpreter state (its classes, its singletons), whose
/// value is a `T`: declared as a plain `static` (`static CLASSES: InterpSlot<Classes> =
/// InterpSlot::new();`) and read through [`per_interp`].
pub struct InterpSlot<T> {
    /// The slot's address is its key in `Builtins::module_state`. A zero-sized static need not
    /// have an address of its own (two of them may share one), so this byte gives each slot its
    /// own address, and two slots of the same `T` never read each other's value.
    _unique: u8,
    /// Ties the slot to its value's type without holding one: `fn() -> T` keeps the slot `Sync`
    /// (a `static` must be) whatever `T` is.
    _of: PhantomData<fn() -> T>,
}

impl<T> InterpSlot<T> {
    /// A slot, for a `static`. No `Default`: a slot is only ever a `static`, which needs a `const`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> InterpSlot<T> {
        InterpSlot {
            _unique: 0,
            _of: PhantomData,
        }
    }

    fn key(&'static self) -> usize {
        self as *const InterpSlot<T> as usize
    }
}

/// A module's own per-interpreter state (`queue.Empty`, `struct.error`, the context objects), made
/// by `make` the first time this interpreter asks for `slot` and kept in its `Builtins`; a spawned
/// child's fresh interpreter makes its own, derived from its own `Exception` and `object`.
pub fn per_interp<T: Clone + 'static>(slot: &'static InterpSlot<T>, make: impl FnOnce() -> T) -> T {
    let key = slot.key();
    // `&**v`, the boxed value: a `&Box<dyn Any>` would itself coerce to a `&dyn Any`, the box,
    // which is never a `T`.
    let found = with(|b| {
        let state = b.module_state.borrow();
        state.get(&key).map(|v| slot_value::<T>(&**v).clone())
    });
    if let Some(v) = found {
        return v;
    }
    // No borrow of the map is held while `make` runs: it may ask for other slots (the Pool's
    // classes derive from `BaseProcess`).
    let made = make();
    with(|b| {
        let mut state = b.module_state.borrow_mut();
        // Had `make` itself filled this slot (by another way in), the value stored first stays the
        // one everything else already holds.
        slot_value::<T>(&**state.entry(key).or_insert_with(|| Box::new(made))).clone()
    })
}

/// A slot's value as its `T`: only `per_interp` stores under a slot's key, and always a `T`.
fn slot_value<T: 'static>(v: &dyn Any) -> &T {
    v.downcast_ref::<T>().expect("an InterpSlot<T> holds a T")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::exceptions::{Exc, install, make_class};
    use crate::python::value::{Instance, is_property};

    #[test]
    fn a_class_named_like_a_builtin_is_not_it() {
        let b = install();
        let own = make_class(
            "property",
            "__main__",
            vec![b.object.clone()],
            Namespace::default(),
            None,
        )
        .expect("one base");
        let of = |cls: &Rc<Class>| Instance {
            class: cls.clone(),
            attrs: Default::default(),
            native: RefCell::new(None),
        };
        assert!(is_property(&of(&b.property)));
        assert!(!is_property(&of(&own)));
        assert!(is(&b.type_, |b| &b.type_));
        assert!(!is(&own, |b| &b.property));
    }

    #[test]
    fn exceptions_are_found_by_kind_and_match_by_subclass() {
        let b = install();
        for kind in ExcKind::ALL {
            let c = b.exc(*kind);
            assert_eq!(&*c.name, kind.name());
            if let Some(p) = kind.parent() {
                assert!(Rc::ptr_eq(&c.bases[0], b.exc(p)));
            }
        }
        let e = Exc::new(ExcKind::BrokenPipeError, "x");
        assert!(e.is(ExcKind::OSError) && e.is(ExcKind::ConnectionError));
        assert!(!e.is(ExcKind::ValueError));
    }

    #[test]
    fn a_fresh_interpreter_gets_fresh_module_classes() {
        static SLOT: InterpSlot<Rc<Class>> = InterpSlot::new();
        let make = || {
            make_class(
                "Empty",
                "_queue",
                vec![ExcKind::Exception.class()],
                Namespace::default(),
                None,
            )
            .expect("one base")
        };
        install();
        let first = per_interp(&SLOT, make);
        assert!(Rc::ptr_eq(&first, &per_interp(&SLOT, make)));
        let second_builtins = install();
        let second = per_interp(&SLOT, make);
        assert!(!Rc::ptr_eq(&first, &second));
        assert!(second.is_subclass(second_builtins.exc(ExcKind::Exception)));
    }

    #[test]
    fn two_slots_of_one_type_are_kept_apart() {
        static A: InterpSlot<Rc<Class>> = InterpSlot::new();
        static B: InterpSlot<Rc<Class>> = InterpSlot::new();
        let make = |name: &str| {
            make_class(name, "m", vec![object()], Namespace::default(), None).expect("one base")
        };
        install();
        let a = per_interp(&A, || make("A"));
        let b = per_interp(&B, || make("B"));
        assert!(!Rc::ptr_eq(&a, &b));
        assert_eq!(&*per_interp(&A, || make("other")).name, "A");
        assert_eq!(&*per_interp(&B, || make("other")).name, "B");
    }

    #[test]
    fn a_slot_made_from_another_slot() {
        static BASE: InterpSlot<Rc<Class>> = InterpSlot::new();
        static DERIVED: InterpSlot<Rc<Class>> = InterpSlot::new();
        let base = || {
            per_interp(&BASE, || {
                make_class("Base", "m", vec![object()], Namespace::default(), None)
                    .expect("one base")
            })
        };
        install();
        let derived = per_interp(&DERIVED, || {
            make_class("Derived", "m", vec![base()], Namespace::default(), None).expect("one base")
        });
        assert!(Rc::ptr_eq(&derived.bases[0], &base()));
        assert!(Rc::ptr_eq(
            &derived,
            &per_interp(&DERIVED, || unreachable!())
        ));
    }
}
