//! `Builtins`: the builtin classes of one interpreter (`object`, `type`, `property`, the exception
//! types...), made once when the interpreter is made. The interpreter tells its own builtins from a
//! program's classes by identity (`Rc::ptr_eq` against these), never by name: a program's own class
//! named `property` or `ValueError` is just a class.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::thread::LocalKey;

use super::exc_kind::ExcKind;
use super::exceptions::{self, make_class};
use super::value::{Class, Namespace, NativeKind};

/// The builtin classes one interpreter compares against.
pub struct Builtins {
    /// Which interpreter of this process these are (see `per_interp`).
    id: u64,
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
}

impl Builtins {
    /// `object`, the types compared by identity, and the exception hierarchy. The other builtin
    /// types are added by `define_type` as `builtins::install` makes them.
    pub fn new() -> Builtins {
        thread_local! {
            static NEXT_ID: Cell<u64> = const { Cell::new(0) };
        }
        let id = NEXT_ID.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
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
            id,
            object,
            type_,
            none_type,
            property,
            staticmethod,
            classmethod,
            exceptions: made,
            types: RefCell::new(types),
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

/// A module's own classes (`queue.Empty`, `struct.error`, `multiprocessing.TimeoutError`), made the
/// first time this interpreter asks and kept in the module's `slot`; a spawned child's fresh
/// interpreter makes its own, derived from its own `Exception`.
pub fn per_interp<T: Clone + 'static>(
    slot: &'static LocalKey<RefCell<Option<(u64, T)>>>,
    make: impl FnOnce() -> T,
) -> T {
    let id = with(|b| b.id);
    if let Some(v) = slot.with(|s| {
        s.borrow()
            .as_ref()
            .filter(|(made_for, _)| *made_for == id)
            .map(|(_, v)| v.clone())
    }) {
        return v;
    }
    let v = make();
    slot.with(|s| *s.borrow_mut() = Some((id, v.clone())));
    v
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
        thread_local! {
            static SLOT: RefCell<Option<(u64, Rc<Class>)>> = const { RefCell::new(None) };
        }
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
}
