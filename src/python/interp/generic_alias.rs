//! `list[int]`, `dict[str, int]`, `tuple[int, ...]`: subscripting a class. Builtin containers
//! give a `types.GenericAlias` (it prints as written and calls its origin); a class of the
//! program answers through its `__class_getitem__`, which is implicitly a classmethod.

use crate::python::value::PyStr;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::exceptions::{self, type_error};
use super::super::value::*;
use super::{Interp, bind};

/// The builtin classes whose subscription makes a `GenericAlias`.
const GENERIC_BUILTINS: [&str; 6] = ["list", "dict", "tuple", "set", "frozenset", "type"];

// Made once per interpreter (`per_interp`): a spawned child's derive from its own `object`.
static ALIAS_CLASS: crate::python::builtin_classes::InterpSlot<Rc<Class>> =
    crate::python::builtin_classes::InterpSlot::new();
static UNION_CLASS: crate::python::builtin_classes::InterpSlot<Rc<Class>> =
    crate::python::builtin_classes::InterpSlot::new();

/// `types.UnionType`: what `int | None` makes (PEP 604), printed as written.
fn union_class() -> Rc<Class> {
    crate::python::builtin_classes::per_interp(&UNION_CLASS, || {
        let mut ns = Namespace::default();
        ns.insert(
            PyStr::from("__repr__"),
            Value::builtin("__repr__", union_repr),
        );
        ns.insert(PyStr::from("__eq__"), Value::builtin("__eq__", union_eq));
        ns.insert(
            PyStr::from("__hash__"),
            Value::builtin("__hash__", union_hash),
        );
        exceptions::make_class(
            "UnionType",
            "types",
            vec![crate::python::builtin_classes::object()],
            ns,
            None,
        )
        .expect("one base")
    })
}

/// Whether `v` can stand on either side of `|` in a type union: a class, `None`, a generic alias
/// or another union.
fn is_type_operand(v: &Value) -> bool {
    match v {
        Value::Class(_) | Value::None => true,
        Value::Instance(i) => {
            Rc::ptr_eq(&i.class, &alias_class()) || Rc::ptr_eq(&i.class, &union_class())
        }
        _ => false,
    }
}

/// The members of a union operand: a union's own members, else the operand itself (`None` is
/// kept as `type(None)`, as CPython keeps it).
fn union_members(v: &Value) -> Vec<Value> {
    match v {
        Value::Instance(i) if Rc::ptr_eq(&i.class, &union_class()) => {
            match i.attrs.borrow().get("__args__") {
                Some(Value::Tuple(t)) => t.to_vec(),
                _ => vec![],
            }
        }
        Value::None => vec![Value::Class(crate::python::builtin_classes::with(|b| {
            b.none_type.clone()
        }))],
        other => vec![other.clone()],
    }
}

impl Interp {
    /// `a | b` between types (`int | None`), or `None` when `a | b` is not a type union.
    pub(crate) fn type_union(&mut self, a: &Value, b: &Value) -> Option<Value> {
        let classy = |v: &Value| matches!(v, Value::Class(_)) || !matches!(v, Value::None);
        if !(is_type_operand(a) && is_type_operand(b)) || !(classy(a) || classy(b)) {
            return None;
        }
        let mut members: Vec<Value> = Vec::new();
        for m in union_members(a).into_iter().chain(union_members(b)) {
            if !members.iter().any(|x| x.is(&m)) {
                members.push(m);
            }
        }
        // `int | int` is `int` itself.
        if let [only] = &members[..] {
            return Some(only.clone());
        }
        let mut attrs = Namespace::default();
        attrs.insert(PyStr::from("__args__"), Value::tuple(members));
        Some(Value::Instance(Rc::new(Instance {
            class: union_class(),
            attrs: RefCell::new(attrs),
            native: RefCell::new(None),
        })))
    }
}

fn union_repr(it: &mut Interp, a: Args) -> PyResult {
    let mut parts = Vec::new();
    if let Value::Tuple(ref t) = attr(&a, "__args__") {
        for v in t.iter() {
            parts.push(match v {
                Value::Class(c) if crate::python::builtin_classes::is(c, |b| &b.none_type) => {
                    "None".to_string()
                }
                other => arg_repr(it, other)?,
            });
        }
    }
    Ok(Value::str(&parts.join(" | ")))
}

fn union_eq(it: &mut Interp, a: Args) -> PyResult {
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let Value::Instance(o) = &other else {
        return Ok(Value::Bool(false));
    };
    if !Rc::ptr_eq(&o.class, &union_class()) {
        return Ok(Value::Bool(false));
    }
    let mine = union_members(&a.pos[0]);
    let theirs = union_members(&other);
    let same = mine.len() == theirs.len() && mine.iter().all(|m| theirs.iter().any(|t| t.is(m)));
    let _ = it;
    Ok(Value::Bool(same))
}

fn union_hash(_: &mut Interp, a: Args) -> PyResult {
    let mut h: i64 = 0x5f3759df;
    for m in union_members(&a.pos[0]) {
        h ^= m.ptr().unwrap_or(0) as i64;
    }
    Ok(Value::Int(h))
}

fn alias_class() -> Rc<Class> {
    crate::python::builtin_classes::per_interp(&ALIAS_CLASS, || {
        let mut ns = Namespace::default();
        ns.insert(
            PyStr::from("__repr__"),
            Value::builtin("__repr__", alias_repr),
        );
        ns.insert(
            PyStr::from("__call__"),
            Value::builtin("__call__", alias_call),
        );
        ns.insert(PyStr::from("__eq__"), Value::builtin("__eq__", alias_eq));
        ns.insert(
            PyStr::from("__hash__"),
            Value::builtin("__hash__", alias_hash),
        );
        exceptions::make_class(
            "GenericAlias",
            "types",
            vec![crate::python::builtin_classes::object()],
            ns,
            None,
        )
        .expect("one base")
    })
}

impl Interp {
    /// `C[item]` for a class `C`.
    pub(crate) fn class_getitem(&mut self, c: &Rc<Class>, item: &Value) -> PyResult {
        let cls = Value::Class(c.clone());
        // The metaclass's `__getitem__` comes before the class's `__class_getitem__`.
        if let Some(m) = super::classes::meta_method(c, "__getitem__") {
            return self.call(&bind(m, &cls), Args::new(vec![item.clone()]));
        }
        if let Some(f) = c.lookup("__class_getitem__") {
            let f = match f {
                Value::Function(_) => {
                    Value::BoundMethod(Rc::new(BoundMethod { this: cls, func: f }))
                }
                other => bind(other, &cls),
            };
            return self.call(&f, Args::new(vec![item.clone()]));
        }
        if &*c.module == "builtins" && GENERIC_BUILTINS.contains(&&*c.name) {
            let args = match item {
                Value::Tuple(t) => item_tuple(t),
                other => Value::tuple(vec![other.clone()]),
            };
            let mut attrs = Namespace::default();
            attrs.insert(PyStr::from("__origin__"), cls);
            attrs.insert(PyStr::from("__args__"), args);
            return Ok(Value::Instance(Rc::new(Instance {
                class: alias_class(),
                attrs: RefCell::new(attrs),
                native: RefCell::new(None),
            })));
        }
        Err(type_error(format!(
            "type '{}' is not subscriptable",
            c.name
        )))
    }
}

fn item_tuple(t: &ThinRc<Value>) -> Value {
    Value::Tuple(t.clone())
}

fn attr(a: &Args, name: &str) -> Value {
    match a.pos.first() {
        Some(Value::Instance(i)) => i.attrs.borrow().get(name).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// How a type argument prints inside `list[...]`: classes by name, `...` as written.
fn arg_repr(it: &mut Interp, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
        Value::Class(c) => format!("{}.{}", c.module, c.qualname),
        Value::Ellipsis => "...".to_string(),
        other => it.repr(other)?,
    })
}

fn alias_repr(it: &mut Interp, a: Args) -> PyResult {
    let origin = arg_repr(it, &attr(&a, "__origin__"))?;
    let mut parts = Vec::new();
    if let Value::Tuple(ref t) = attr(&a, "__args__") {
        for v in t.iter() {
            parts.push(arg_repr(it, v)?);
        }
    }
    // `tuple[()]` has no arguments and prints them as `()`.
    let inner = if parts.is_empty() {
        "()".to_string()
    } else {
        parts.join(", ")
    };
    Ok(Value::str(&format!("{origin}[{inner}]")))
}

/// `list[int] == list[int]`: the same origin and equal arguments.
fn alias_eq(it: &mut Interp, a: Args) -> PyResult {
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let Value::Instance(o) = &other else {
        return Ok(Value::Bool(false));
    };
    if !Rc::ptr_eq(&o.class, &alias_class()) {
        return Ok(Value::Bool(false));
    }
    let other_args = Args::new(vec![other.clone()]);
    let same_origin = attr(&a, "__origin__").is(&attr(&other_args, "__origin__"));
    let same_args = it.eq(&attr(&a, "__args__"), &attr(&other_args, "__args__"))?;
    Ok(Value::Bool(same_origin && same_args))
}

fn alias_hash(it: &mut Interp, a: Args) -> PyResult {
    let origin = attr(&a, "__origin__").ptr().unwrap_or(0) as i64;
    let args = Value::str(&it.repr(&attr(&a, "__args__"))?);
    let h = match &it.hash_key(&args)? {
        super::super::value::HashKey::Str(s) => s.len() as i64,
        _ => 0,
    };
    Ok(Value::Int(origin ^ h))
}

/// `list[int]()` is `list()`.
fn alias_call(it: &mut Interp, mut a: Args) -> PyResult {
    let origin = attr(&a, "__origin__");
    a.pos.remove(0);
    it.call(&origin, a)
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn builtin_containers_subscript_to_an_alias_that_prints_as_written() {
        assert_eq!(
            out("print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()])"),
            "list[int] dict[str, list[int]] tuple[int, ...] tuple[()]\n"
        );
        assert_eq!(
            out("print(list[int]('ab'), set[int]() == set())"),
            "['a', 'b'] True\n"
        );
    }

    #[test]
    fn a_metaclass_getitem_comes_before_class_getitem() {
        let src = "\
class M(type):
    def __getitem__(cls, k):
        return 'meta'
class A(metaclass=M):
    def __class_getitem__(cls, k):
        return 'class'
class B:
    def __class_getitem__(cls, k):
        return cls.__name__ + str(k)
print(A[1], B[2])
";
        assert_eq!(out(src), "meta B2\n");
    }
}
