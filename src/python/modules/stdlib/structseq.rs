//! CPython's "struct sequences" (`sys.version_info`, `time.struct_time`, `sys.float_info`): a
//! tuple whose items are also attributes, shown as `sys.version_info(major=3, minor=11, ...)`.
//! Here an instance holding the tuple: indexing, slicing, `len`, iteration, unpacking and ordered
//! comparison go to the tuple, the fields are plain attributes.

use std::rc::Rc;

use crate::python::ast::CmpOp;
use crate::python::exceptions::{self, Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Instance, Namespace, NativeKind, Value};

type R = Result<Value, Exc>;

/// What an instance holds: the name its repr shows, the field names, the tuple.
struct Seq {
    shown: Rc<str>,
    fields: Rc<[&'static str]>,
    items: Rc<[Value]>,
}

fn items_of(v: &Value) -> Option<Rc<[Value]>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        Value::Instance(i) => i
            .native
            .borrow()
            .as_ref()
            .and_then(|b| b.downcast_ref::<Seq>())
            .map(|s| s.items.clone()),
        _ => None,
    }
}

fn this(a: &Args) -> Result<Rc<[Value]>, Exc> {
    a.pos
        .first()
        .and_then(items_of)
        .ok_or_else(|| type_error("a struct sequence method needs its instance"))
}

fn getitem(it: &mut Interp, a: Args) -> R {
    let items = this(&a)?;
    it.getitem(&Value::Tuple(items), a.pos.get(1).unwrap_or(&Value::None))
}

fn len(_: &mut Interp, a: Args) -> R {
    Ok(Value::Int(this(&a)?.len() as i64))
}

fn iter(it: &mut Interp, a: Args) -> R {
    let items = this(&a)?;
    it.iter(&Value::Tuple(items))
}

fn contains(it: &mut Interp, a: Args) -> R {
    let items = this(&a)?;
    Ok(Value::Bool(it.contains(
        &Value::Tuple(items),
        a.pos.get(1).unwrap_or(&Value::None),
    )?))
}

fn hash(it: &mut Interp, a: Args) -> R {
    let items = this(&a)?;
    let f = it.builtins.get("hash").cloned().expect("builtin hash");
    it.call(&f, Args::new(vec![Value::Tuple(items)]))
}

fn repr(it: &mut Interp, a: Args) -> R {
    let Some(Value::Instance(inst)) = a.pos.first() else {
        return Err(type_error("a struct sequence method needs its instance"));
    };
    let (shown, fields, items) = {
        let n = inst.native.borrow();
        let s = n
            .as_ref()
            .and_then(|b| b.downcast_ref::<Seq>())
            .ok_or_else(|| type_error("a struct sequence method needs its instance"))?;
        (s.shown.clone(), s.fields.clone(), s.items.clone())
    };
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(items.iter()) {
        parts.push(format!("{f}={}", it.repr(v)?));
    }
    Ok(Value::str(&format!("{shown}({})", parts.join(", "))))
}

fn compare(it: &mut Interp, a: &Args, op: CmpOp) -> R {
    let mine = this(a)?;
    match a.pos.get(1).and_then(items_of) {
        Some(other) => Ok(Value::Bool(it.compare(
            op,
            &Value::Tuple(mine),
            &Value::Tuple(other),
        )?)),
        None => Ok(it
            .builtins
            .get("NotImplemented")
            .cloned()
            .unwrap_or(Value::None)),
    }
}

fn eq(it: &mut Interp, a: Args) -> R {
    compare(it, &a, CmpOp::Eq)
}
fn ne(it: &mut Interp, a: Args) -> R {
    compare(it, &a, CmpOp::NotEq)
}
fn lt(it: &mut Interp, a: Args) -> R {
    compare(it, &a, CmpOp::Lt)
}
fn le(it: &mut Interp, a: Args) -> R {
    compare(it, &a, CmpOp::LtE)
}
fn gt(it: &mut Interp, a: Args) -> R {
    compare(it, &a, CmpOp::Gt)
}
fn ge(it: &mut Interp, a: Args) -> R {
    compare(it, &a, CmpOp::GtE)
}

/// A struct sequence type: `name` is the type's `__name__`, `module` its module.
pub fn class(name: &str, module: &str) -> Rc<Class> {
    let mut attrs = Namespace::default();
    for (n, f) in [
        ("__getitem__", getitem as crate::python::value::NativeFn),
        ("__len__", len),
        ("__iter__", iter),
        ("__contains__", contains),
        ("__hash__", hash),
        ("__repr__", repr),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
    ] {
        attrs.insert(Rc::from(n), Value::builtin(n, f));
    }
    exceptions::make_class(
        name,
        module,
        vec![crate::python::builtin_classes::object()],
        attrs,
        Some(NativeKind::Other),
    )
    .expect("one base")
}

/// An instance of `cls` (from `class`) shown as `shown(field=value, ...)`; `extra` are attributes
/// outside the tuple (`struct_time.tm_zone`).
pub fn make(
    cls: &Rc<Class>,
    shown: &str,
    fields: &[&'static str],
    items: Vec<Value>,
    extra: Vec<(&str, Value)>,
) -> Value {
    let mut attrs = Namespace::default();
    for (f, v) in fields.iter().zip(items.iter()) {
        attrs.insert(Rc::from(*f), v.clone());
    }
    for (f, v) in extra {
        attrs.insert(Rc::from(f), v);
    }
    Value::Instance(Rc::new(Instance {
        class: cls.clone(),
        attrs: std::cell::RefCell::new(attrs),
        native: std::cell::RefCell::new(Some(Box::new(Seq {
            shown: Rc::from(shown),
            fields: Rc::from(fields.to_vec()),
            items: Rc::from(items),
        }))),
    }))
}

/// The tuple inside a struct sequence (or a plain tuple), for functions that take either.
pub fn items(v: &Value) -> Option<Rc<[Value]>> {
    items_of(v)
}
