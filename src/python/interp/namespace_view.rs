//! `obj.__dict__` and `C.__dict__`: views of the namespace itself, not copies. An instance's is a
//! dict-like object whose stores are the instance's attributes (`obj.__dict__['x'] = 1` then
//! `obj.x`), as CPython's instance dict is; a class's is a read-only `mappingproxy`, whose
//! changes would go around the attribute caches' epoch (src/python/inline_cache.rs).

use crate::python::exceptions::ExcKind;
use crate::python::value::PyStr;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::exceptions::{self, Exc, type_error};
use super::super::value::*;
use super::Interp;

/// Whose namespace a view shows.
#[derive(Clone)]
enum Target {
    Instance(Rc<Instance>),
    Class(Rc<Class>),
    Function(Rc<Function>),
}

impl crate::python::native_object::NativeObject for Target {}

impl Target {
    fn attrs(&self) -> &RefCell<Namespace> {
        match self {
            Target::Instance(i) => &i.attrs,
            Target::Class(c) => &c.attrs,
            Target::Function(f) => &f.attrs,
        }
    }
}

/// The names a function keeps outside its `__dict__` (`f.__name__ = ...` renames it).
const FUNCTION_OWN: [&str; 5] = [
    "__name__",
    "__qualname__",
    "__doc__",
    "__module__",
    "__annotations__",
];

/// The entries a view shows, in order.
fn entries(t: &Target) -> Vec<(PyStr, Value)> {
    let hidden = |k: &str| matches!(t, Target::Function(_)) && FUNCTION_OWN.contains(&k);
    t.attrs()
        .borrow()
        .iter()
        .filter(|(k, _)| !hidden(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// An interpreter's two view classes: `dict` and `mappingproxy`.
type ViewClasses = (Rc<Class>, Rc<Class>);

static CLASSES: crate::python::builtin_classes::InterpSlot<ViewClasses> =
    crate::python::builtin_classes::InterpSlot::new();

/// The two view classes: `dict` (an instance's namespace) and `mappingproxy` (a class's), made
/// once per interpreter (`per_interp`): a spawned child's derive from its own `object`.
fn view_classes() -> ViewClasses {
    crate::python::builtin_classes::per_interp(&CLASSES, || {
        (make("dict", true), make("mappingproxy", false))
    })
}

fn make(name: &str, writable: bool) -> Rc<Class> {
    let mut ns = Namespace::default();
    let mut methods: Vec<(&str, NativeFn)> = vec![
        ("__getitem__", getitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__len__", len),
        ("__repr__", repr),
        ("__eq__", eq),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("copy", copy),
    ];
    if writable {
        methods.extend([
            ("__setitem__", setitem as NativeFn),
            ("__delitem__", delitem),
            ("update", update),
            ("clear", clear),
            ("pop", pop),
            ("setdefault", setdefault),
        ]);
    }
    for (m, f) in methods {
        ns.insert(PyStr::from(m), Value::builtin(m, f));
    }
    ns.insert(PyStr::from("__hash__"), Value::None);
    exceptions::make_class(
        name,
        "builtins",
        vec![crate::python::builtin_classes::object()],
        ns,
        Some(NativeKind::Other),
    )
    .expect("one base")
}

fn view(class: Rc<Class>, target: Target) -> Value {
    Value::Instance(Rc::new(Instance {
        class,
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(Some(Box::new(target))),
    }))
}

/// Whether `v` is an instance's `__dict__` view, which stands for a `dict` (`isinstance(vars(o),
/// dict)` is True, so `json.dumps(vars(o))` and `dict`-checking code take it as one).
pub fn is_instance_dict(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if Rc::ptr_eq(&i.class, &view_classes().0))
}

/// A plain dict copy of an instance's or function's `__dict__` view, for the operations CPython's
/// real dict gives it that the view has no method for (`{'a': 1} | obj.__dict__`).
pub fn plain_dict(v: &Value) -> Option<Value> {
    if !is_instance_dict(v) {
        return None;
    }
    let t = target(&Args::new(vec![v.clone()])).ok()?;
    Some(Value::dict(snapshot(&t)))
}

/// `obj.__dict__`.
pub fn instance_dict(inst: &Rc<Instance>) -> Value {
    view(view_classes().0, Target::Instance(inst.clone()))
}

/// `f.__dict__`: the attributes the program set on a function.
pub fn function_dict(f: &Rc<Function>) -> Value {
    view(view_classes().0, Target::Function(f.clone()))
}

/// `C.__dict__`.
pub fn class_dict(c: &Rc<Class>) -> Value {
    view(view_classes().1, Target::Class(c.clone()))
}

/// The namespace behind the view a method was called on.
fn target(a: &Args) -> PyResult<Target> {
    if let Some(Value::Instance(i)) = a.pos.first()
        && let Some(t) = i
            .native
            .borrow()
            .as_ref()
            .and_then(|n| n.downcast_ref::<Target>())
    {
        return Ok(t.clone());
    }
    Err(type_error("descriptor needs a namespace view"))
}

fn key(a: &Args, i: usize) -> PyResult<PyStr> {
    match a.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        // Attribute names are strings; another key is simply not there.
        Some(other) => Err(Exc::with_args(ExcKind::KeyError, vec![other.clone()])),
        None => Err(type_error("expected an argument")),
    }
}

/// The namespace as a plain dict (a snapshot), for repr, comparison and `copy()`.
fn snapshot(t: &Target) -> Dict {
    let mut d = Dict::default();
    for (k, v) in entries(t) {
        d.insert(HashKey::Str(k.clone()), Value::Str(k), v);
    }
    d
}

fn getitem(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let k = key(&a, 1)?;
    let got = t.attrs().borrow().get(&k).cloned();
    got.ok_or_else(|| Exc::with_args(ExcKind::KeyError, vec![Value::Str(k)]))
}

fn get(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let dflt = a.pos.get(2).cloned().unwrap_or(Value::None);
    Ok(match a.pos.get(1) {
        Some(Value::Str(k)) => t.attrs().borrow().get(k).cloned().unwrap_or(dflt),
        _ => dflt,
    })
}

fn contains(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    Ok(Value::Bool(match a.pos.get(1) {
        Some(Value::Str(k)) => t.attrs().borrow().contains_key(k),
        _ => false,
    }))
}

fn keys_of(t: &Target) -> Vec<Value> {
    entries(t).into_iter().map(|(k, _)| Value::Str(k)).collect()
}

fn iter(it: &mut Interp, a: Args) -> PyResult {
    let keys = Value::list(keys_of(&target(&a)?));
    it.iter(&keys)
}

fn keys(_: &mut Interp, a: Args) -> PyResult {
    Ok(Value::list(keys_of(&target(&a)?)))
}

fn values(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    Ok(Value::list(
        entries(&t).into_iter().map(|(_, v)| v).collect(),
    ))
}

fn items(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let pairs = entries(&t)
        .into_iter()
        .map(|(k, v)| Value::tuple(vec![Value::Str(k), v]))
        .collect();
    Ok(Value::list(pairs))
}

fn len(_: &mut Interp, a: Args) -> PyResult {
    Ok(Value::Int(entries(&target(&a)?).len() as i64))
}

fn repr(it: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let inner = it.repr(&Value::dict(snapshot(&t)))?;
    Ok(Value::str(&match t {
        Target::Instance(_) | Target::Function(_) => inner,
        Target::Class(_) => format!("mappingproxy({inner})"),
    }))
}

fn eq(it: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let mine = Value::dict(snapshot(&t));
    Ok(Value::Bool(it.eq(&mine, &other)?))
}

fn copy(_: &mut Interp, a: Args) -> PyResult {
    Ok(Value::dict(snapshot(&target(&a)?)))
}

/// A store into a namespace: for a class, every attribute cache must look again.
fn store(t: &Target, k: PyStr, v: Value) {
    t.attrs().borrow_mut().insert(k, v);
}

fn setitem(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let Some(Value::Str(ref k)) = a.pos.get(1).cloned() else {
        return Err(type_error("attribute name must be string"));
    };
    store(&t, k.clone(), a.pos.get(2).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

fn delitem(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let k = key(&a, 1)?;
    match t.attrs().borrow_mut().shift_remove(&k) {
        Some(_) => Ok(Value::None),
        None => Err(Exc::with_args(ExcKind::KeyError, vec![Value::Str(k)])),
    }
}

fn pop(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let k = key(&a, 1)?;
    let got = t.attrs().borrow_mut().shift_remove(&k);
    match (got, a.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(Exc::with_args(ExcKind::KeyError, vec![Value::Str(k)])),
    }
}

fn setdefault(_: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    let k = key(&a, 1)?;
    let dflt = a.pos.get(2).cloned().unwrap_or(Value::None);
    let mut attrs = t.attrs().borrow_mut();
    Ok(attrs.entry(k).or_insert(dflt).clone())
}

fn clear(_: &mut Interp, a: Args) -> PyResult {
    target(&a)?.attrs().borrow_mut().clear();
    Ok(Value::None)
}

/// `update(mapping_or_pairs, **kw)`.
fn update(it: &mut Interp, a: Args) -> PyResult {
    let t = target(&a)?;
    if let Some(src) = a.pos.get(1) {
        let pairs: Vec<(Value, Value)> = match src {
            Value::Dict(d) => d.borrow().map.values().cloned().collect(),
            other => {
                let mut pairs = Vec::new();
                for item in it.collect(other)? {
                    let kv = it.collect(&item)?;
                    if kv.len() != 2 {
                        return Err(Exc::new(
                            ExcKind::ValueError,
                            format!(
                                "dictionary update sequence element #{} has length {}; 2 is required",
                                pairs.len(),
                                kv.len()
                            ),
                        ));
                    }
                    pairs.push((kv[0].clone(), kv[1].clone()));
                }
                pairs
            }
        };
        for (k, v) in pairs {
            let Value::Str(ref k) = k else {
                return Err(type_error("attribute name must be string"));
            };
            store(&t, k.clone(), v);
        }
    }
    for (k, v) in a.kw {
        store(&t, k, v);
    }
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_through_the_view_is_the_instance_attribute() {
        exceptions::install();
        let cls = exceptions::make_class(
            "P",
            "__main__",
            vec![crate::python::builtin_classes::object()],
            Namespace::default(),
            None,
        )
        .expect("one base");
        let inst = Rc::new(Instance {
            class: cls,
            attrs: RefCell::new(Namespace::default()),
            native: RefCell::new(None),
        });
        let d = instance_dict(&inst);
        let t = target(&Args::new(vec![d])).expect("a view");
        store(&t, PyStr::from("x"), Value::Int(1));
        assert!(matches!(inst.attrs.borrow().get("x"), Some(Value::Int(1))));
        inst.attrs.borrow_mut().clear();
        assert!(keys_of(&t).is_empty());
    }
}
