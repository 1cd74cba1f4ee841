//! `dict.keys()`, `dict.values()`, `dict.items()`: live views of their dict (a key added later shows
//! in a view made earlier), printed as CPython prints them (`dict_keys(['a', 'b'])`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::dict_iter::{DictIter, Yields};
use crate::python::exceptions::{self, Exc};
use crate::python::interp::Interp;
use crate::python::iter_kind::IterKind;
use crate::python::value::{
    Args, Class, Dict, Instance, Iter, Namespace, NativeKind, PyStr, Value,
};

/// The dict a view looks at.
struct Viewed(Rc<RefCell<Dict>>);

impl crate::python::native_object::NativeObject for Viewed {
    fn slots(&self) -> &'static crate::python::native_object::Slots {
        static SLOTS: crate::python::native_object::Slots = crate::python::native_object::Slots {
            attr: Some(view_attr),
            ..crate::python::native_object::Slots::NONE
        };
        &SLOTS
    }
}

/// `view.mapping`: a read-only proxy of the dict it views.
fn view_attr(_: &mut Interp, inst: &Rc<Instance>, name: &str) -> Result<Option<Value>, Exc> {
    let native = inst.native.borrow();
    Ok(
        match native.as_ref().and_then(|b| b.downcast_ref::<Viewed>()) {
            Some(Viewed(d)) if name == "mapping" => Some(super::dict_proxy::make(d.clone())),
            _ => None,
        },
    )
}

/// The view classes by kind, made once per interpreter (`per_interp`): a spawned child's derive
/// from its own `object`.
static CLASSES: crate::python::builtin_classes::InterpSlot<Classes> =
    crate::python::builtin_classes::InterpSlot::new();

/// One interpreter's view classes.
type Classes = Rc<RefCell<Vec<Rc<Class>>>>;

fn class(kind: &str) -> Rc<Class> {
    let classes = crate::python::builtin_classes::per_interp(&CLASSES, Classes::default);
    let mut c = classes.borrow_mut();
    if let Some(k) = c.iter().find(|k| &*k.name == kind) {
        return k.clone();
    }
    let mut attrs = Namespace::default();
    attrs.insert(
        PyStr::from("__iter__"),
        Value::builtin("__iter__", view_iter),
    );
    attrs.insert(PyStr::from("__len__"), Value::builtin("__len__", view_len));
    attrs.insert(
        PyStr::from("__repr__"),
        Value::builtin("__repr__", view_repr),
    );
    attrs.insert(
        PyStr::from("__contains__"),
        Value::builtin("__contains__", view_contains),
    );
    attrs.insert(
        PyStr::from("__reversed__"),
        Value::builtin("__reversed__", super::view_sets::reversed),
    );
    if kind != "dict_values" {
        for (n, f) in super::view_sets::SET_METHODS {
            attrs.insert(PyStr::from(*n), Value::builtin(n, *f));
        }
        attrs.insert(PyStr::from("__hash__"), Value::None);
    }
    let k = exceptions::make_class(
        kind,
        "builtins",
        vec![crate::python::builtin_classes::object()],
        attrs,
        Some(NativeKind::Other),
    )
    .expect("one base");
    c.push(k.clone());
    k
}

/// A view of kind `dict_keys`, `dict_values` or `dict_items` over `dict`.
pub fn make(kind: &str, dict: Rc<RefCell<Dict>>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: class(kind),
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(Some(Box::new(Viewed(dict)))),
    }))
}

/// Whether `v` is a keys or items view (the set-like ones).
pub fn is_set_like(v: &Value) -> bool {
    matches!(v, Value::Instance(i)
        if matches!(&*i.class.name, "dict_keys" | "dict_items")
            && i.native.borrow().as_ref().is_some_and(|b| b.is::<Viewed>()))
}

/// The elements of a view (empty for anything else).
pub fn values_of(v: &Value) -> Vec<Value> {
    let Value::Instance(i) = v else {
        return Vec::new();
    };
    elements(i)
}

fn items(a: &Args) -> Vec<Value> {
    let Some(Value::Instance(i)) = a.pos.first() else {
        return Vec::new();
    };
    elements(i)
}

fn elements(i: &Instance) -> Vec<Value> {
    let native = i.native.borrow();
    let Some(Viewed(d)) = native.as_ref().and_then(|b| b.downcast_ref::<Viewed>()) else {
        return Vec::new();
    };
    let d = d.borrow();
    match &*i.class.name {
        "dict_keys" => d.map.values().map(|(k, _)| k.clone()).collect(),
        "dict_values" => d.map.values().map(|(_, v)| v.clone()).collect(),
        _ => d
            .map
            .values()
            .map(|(k, v)| crate::python::interp::pair(k.clone(), v.clone()))
            .collect(),
    }
}

fn view_iter(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    Ok(iterator(&a, false))
}

/// The dict under a view, and what the view shows.
fn viewed(a: &Args) -> Option<(Rc<RefCell<Dict>>, Yields)> {
    let Some(Value::Instance(i)) = a.pos.first() else {
        return None;
    };
    let native = i.native.borrow();
    let Viewed(d) = native.as_ref()?.downcast_ref::<Viewed>()?;
    let yields = match &*i.class.name {
        "dict_keys" => Yields::Keys,
        "dict_values" => Yields::Values,
        _ => Yields::Items,
    };
    Some((d.clone(), yields))
}

/// An iterator over a view's elements, of CPython's kind (`dict_keyiterator`,
/// `dict_reverseitemiterator`...): it reads the dict as it goes, as CPython's does
/// (src/python/dict_iter.rs).
pub fn iterator(a: &Args, reverse: bool) -> Value {
    let it = match viewed(a) {
        Some((d, yields)) => Iter::Dict(DictIter::new(d, yields, reverse)),
        None => Iter::Done(IterKind::Plain),
    };
    Value::Iterator(Rc::new(RefCell::new(it)))
}

fn view_len(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    let n = viewed(&a).map_or(0, |(d, _)| d.borrow().len());
    Ok(Value::Int(n as i64))
}

fn view_repr(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let name = match a.pos.first() {
        Some(Value::Instance(i)) => i.class.name.clone(),
        _ => PyStr::from("dict_view"),
    };
    let inner = it.repr(&Value::list(items(&a)))?;
    Ok(Value::Str(PyStr::from(format!("{name}({inner})"))))
}

fn view_contains(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let needle = a.pos.get(1).cloned().unwrap_or(Value::None);
    let found = match viewed(&a) {
        // A key is looked up, as CPython's `dictkeys_contains` does, rather than searched for.
        Some((d, Yields::Keys)) => it.contains(&Value::Dict(d), &needle)?,
        // A pair: its key looked up, then its value compared with the one found.
        Some((d, Yields::Items)) => match &needle {
            Value::Tuple(t) if t.len() == 2 => {
                let pairs = Value::Dict(d.clone());
                if it.contains(&pairs, &t[0])? {
                    let v = it.getitem(&pairs, &t[0])?;
                    v.is(&t[1]) || it.eq(&v, &t[1])?
                } else {
                    false
                }
            }
            _ => false,
        },
        _ => it.contains(&Value::list(items(&a)), &needle)?,
    };
    Ok(Value::Bool(found))
}
