//! The read-only `mappingproxy` of a dict that a dict view's `mapping` gives
//! (`{}.keys().mapping`): every read goes to the dict itself, so it shows later changes; nothing
//! can be stored through it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::exceptions::{self, Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Builtin, Class, Dict, Instance, Namespace, NativeFn, NativeKind};
use crate::python::value::{PyStr, Value};

/// The dict a proxy reads.
struct Proxied(Rc<RefCell<Dict>>);

impl crate::python::native_object::NativeObject for Proxied {}

/// The proxy class, made once per interpreter (`per_interp`).
static CLASS: crate::python::builtin_classes::InterpSlot<Rc<Class>> =
    crate::python::builtin_classes::InterpSlot::new();

/// The dict's methods a proxy passes on (those that only read it).
const READS: [&str; 10] = [
    "__getitem__",
    "__contains__",
    "__iter__",
    "__len__",
    "__reversed__",
    "__eq__",
    "get",
    "keys",
    "values",
    "items",
];

fn class() -> Rc<Class> {
    crate::python::builtin_classes::per_interp(&CLASS, || {
        let mut attrs = Namespace::default();
        for n in READS {
            // The method's name comes with each call, as its first argument.
            let f = Value::Builtin(Rc::new(Builtin {
                name: PyStr::from(n),
                f: pass_on,
                data: Some(Value::str(n)),
                alone: None,
            }));
            attrs.insert(PyStr::from(n), f);
        }
        let own: [(&str, NativeFn); 3] = [("__repr__", repr), ("__str__", str), ("copy", copy)];
        for (n, f) in own {
            attrs.insert(PyStr::from(n), Value::builtin(n, f));
        }
        attrs.insert(PyStr::from("__hash__"), Value::None);
        exceptions::make_class(
            "mappingproxy",
            "builtins",
            vec![crate::python::builtin_classes::object()],
            attrs,
            Some(NativeKind::Other),
        )
        .expect("one base")
    })
}

/// A read-only proxy of `dict`.
pub fn make(dict: Rc<RefCell<Dict>>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: class(),
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(Some(Box::new(Proxied(dict)))),
    }))
}

fn dict_of(a: &Args) -> Result<Value, Exc> {
    let Some(Value::Instance(i)) = a.pos.first() else {
        return Err(type_error("expected a mappingproxy"));
    };
    let native = i.native.borrow();
    match native.as_ref().and_then(|b| b.downcast_ref::<Proxied>()) {
        Some(Proxied(d)) => Ok(Value::Dict(d.clone())),
        None => Err(type_error("expected a mappingproxy")),
    }
}

/// A reading method: the dict's own, called on the dict.
fn pass_on(it: &mut Interp, mut a: Args) -> Result<Value, Exc> {
    let first = a.pos.remove(0);
    let Value::Str(name) = &first else {
        return Err(type_error("mappingproxy method without its name"));
    };
    let d = dict_of(&a)?;
    a.pos.remove(0);
    let m = it.getattr(&d, name)?;
    it.call(&m, a)
}

fn repr(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let d = dict_of(&a)?;
    Ok(Value::str(&format!("mappingproxy({})", it.repr(&d)?)))
}

/// `str(p)`: the dict's (`print(p)` shows the dict), as CPython's.
fn str(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let d = dict_of(&a)?;
    Ok(Value::str(&it.str_of(&d)?))
}

/// `p.copy()`: a copy of the dict (a dict, as CPython's).
fn copy(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let d = dict_of(&a)?;
    it.call_method(&d, "copy", vec![])
}
