//! CPython's "struct sequences" (`sys.version_info`, `time.struct_time`, `sys.float_info`): a
//! tuple whose items are also attributes, shown as `sys.version_info(major=3, minor=11, ...)`.
//! As in CPython the type derives from `tuple` (`isinstance(time.localtime(), tuple)`): an
//! instance carries its tuple as a builtin-derived instance carries its base value, so indexing,
//! slicing, `len`, iteration, unpacking, hashing, comparison and tuple's methods are tuple's; the
//! fields are attributes of the instance, and the type has CPython's `n_sequence_fields`,
//! `n_fields` and `n_unnamed_fields`.

use crate::python::value::{PyStr, ThinRc};
use std::rc::Rc;

use crate::python::builtin_classes;
use crate::python::exceptions::{self, Exc, type_error};
use crate::python::interp::Interp;
use crate::python::subclass;
use crate::python::value::{Args, Class, Namespace, Value};

type R = Result<Value, Exc>;

/// `time.struct_time(tm_year=2026, ...)`: the type's dotted name and the sequence fields, in
/// order (the attributes past them, such as `tm_zone`, are not shown, as in CPython).
fn repr(it: &mut Interp, a: Args) -> R {
    let Some(Value::Instance(inst)) = a.pos.first() else {
        return Err(type_error("a struct sequence method needs its instance"));
    };
    let shown = n_sequence_fields(&inst.class);
    let fields: Vec<(PyStr, Value)> = inst
        .attrs
        .borrow()
        .iter()
        .take(shown)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut parts = Vec::new();
    for (f, v) in fields {
        parts.push(format!("{f}={}", it.repr(&v)?));
    }
    Ok(Value::str(&format!(
        "{}.{}({})",
        inst.class.module,
        inst.class.name,
        parts.join(", ")
    )))
}

fn n_sequence_fields(cls: &Class) -> usize {
    match cls.attrs.borrow().get("n_sequence_fields") {
        Some(Value::Int(n)) => *n as usize,
        _ => 0,
    }
}

/// A struct sequence type: `name` is the type's `__name__`, `module` its module; `fields` are
/// its sequence fields and `extra` how many attributes come after them.
pub fn class(name: &str, module: &str, fields: usize, extra: usize) -> Rc<Class> {
    let mut attrs = Namespace::default();
    attrs.insert(PyStr::from("__repr__"), Value::builtin("__repr__", repr));
    attrs.insert(PyStr::from("n_sequence_fields"), Value::Int(fields as i64));
    attrs.insert(PyStr::from("n_fields"), Value::Int((fields + extra) as i64));
    attrs.insert(PyStr::from("n_unnamed_fields"), Value::Int(0));
    exceptions::make_class(
        name,
        module,
        vec![builtin_classes::builtin_type("tuple")],
        attrs,
        None,
    )
    .expect("one base")
}

/// An instance of `cls` (from `class`): the tuple of `items`, each also the attribute named by
/// `fields`; `extra` are attributes outside the tuple (`struct_time.tm_zone`).
pub fn make(
    cls: &Rc<Class>,
    fields: &[&'static str],
    items: Vec<Value>,
    extra: Vec<(&str, Value)>,
) -> Value {
    let v = subclass::wrap(cls, Value::Tuple(ThinRc::from(items.clone())));
    if let Value::Instance(inst) = &v {
        let mut attrs = inst.attrs.borrow_mut();
        for (f, item) in fields.iter().zip(items) {
            attrs.insert(PyStr::from(*f), item);
        }
        for (f, x) in extra {
            attrs.insert(PyStr::from(f), x);
        }
    }
    v
}

/// The tuple inside a struct sequence (or a plain tuple), for functions that take either.
pub fn items(v: &Value) -> Option<ThinRc<Value>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        Value::Instance(i) => match &subclass::base_of_instance(i) {
            Some(Value::Tuple(t)) => Some(t.clone()),
            _ => None,
        },
        _ => None,
    }
}
