//! The special methods CPython's builtin types have beyond their operators: the in-place ones
//! (`l.__iadd__(x)` extends `l` and returns it), `__reversed__`, `__divmod__`, `__getnewargs__`,
//! `__bytes__`, and those every object inherits from `object` (`__getattribute__`, `__format__`,
//! `__dir__`...), `__sizeof__` with CPython 3.11's figures (python/sizeof.rs).

use crate::python::bind::Sig;
use std::rc::Rc;

use super::super::ast::BinOp;
use super::super::exceptions::{Exc, attribute_error, type_error, value_error};
use super::super::interp::Interp;
use super::super::value::{Args, NativeFn, PyStr, Value};

type R = Result<Value, Exc>;

/// A special method of the builtin value `obj` that the per-type tables do not have.
pub fn lookup(obj: &Value, name: &str) -> Option<NativeFn> {
    let own: Option<NativeFn> = match (obj, name) {
        (Value::List(_), "__iadd__") => Some(list_iadd),
        (Value::List(_), "__imul__") => Some(list_imul),
        (Value::List(_) | Value::Dict(_) | Value::Range(_), "__reversed__") => Some(reversed),
        (Value::Dict(_), "__ior__") => Some(dict_ior),
        (Value::Set(_), "__iand__") => Some(set_iand),
        (Value::Set(_), "__ior__") => Some(set_ior),
        (Value::Set(_), "__isub__") => Some(set_isub),
        (Value::Set(_), "__ixor__") => Some(set_ixor),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_), "__divmod__") => {
            Some(divmod)
        }
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_), "__rdivmod__") => {
            Some(rdivmod)
        }
        (
            Value::Int(_)
            | Value::Bool(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Tuple(_),
            "__getnewargs__",
        ) => Some(getnewargs),
        (Value::Float(_), "__getformat__") => Some(getformat_bound),
        (Value::Bytes(_), "__bytes__") => Some(bytes_bytes),
        (
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::FrozenSet(_) | Value::Tuple(_),
            "__class_getitem__",
        ) => Some(class_getitem_bound),
        _ => None,
    };
    own
}

/// What a builtin value inherits from `object` (`[].__format__`, `{}.__hash__`, `[].__doc__`).
/// Not reached through a derived class's instance, whose `object` methods act on it rather than
/// on its base value (`super().__setattr__(k, v)` in a dict subclass sets an attribute).
pub fn object_attr(obj: &Value, name: &str) -> Option<Value> {
    if let Some(f) = object_method(obj, name)
        .or_else(|| super::reduce::method(obj, name))
        .or_else(|| any_object_method(obj, name))
    {
        return Some(Value::BoundMethod(Rc::new(
            super::super::value::BoundMethod {
                this: obj.clone(),
                func: Value::builtin(name, f),
            },
        )));
    }
    value_attr(obj, name)
}

/// What an instance of any class (the program's, or a native type's: `{}.keys()`, `1j`) has from
/// `object` where its class defines nothing of that name: `object`'s methods bound to it
/// (`A().__eq__`, `A().__format__`, `A().__dir__`), `__init_subclass__` bound to its class, and a
/// `__doc__` (None for a type without one).
pub fn instance_object_attr(
    cls: &Rc<super::super::value::Class>,
    obj: &Value,
    name: &str,
) -> Option<Value> {
    let func = match name {
        "__doc__" => {
            let doc = (&*cls.module == "builtins")
                .then(|| super::type_docs::of(&cls.name))
                .flatten();
            return Some(doc.map_or(Value::None, Value::str));
        }
        // (The reductions are `reduce::method`'s, for the objects it knows how to reduce: a
        // native object, a Lock, refuses pickling its own way.)
        "__new__" | "__reduce__" | "__reduce_ex__" | "__getstate__" => return None,
        "__init_subclass__" => {
            let f = super::super::interp::builtin_attr("object", name)?;
            return Some(Value::BoundMethod(Rc::new(
                super::super::value::BoundMethod {
                    this: Value::Class(cls.clone()),
                    func: f,
                },
            )));
        }
        "__dir__" => Value::builtin("__dir__", instance_dir),
        // No weak reference to it exists in forkyard: its slot holds None.
        "__weakref__" if super::super::subclass::dict_and_weakref(cls).1 => {
            return Some(Value::None);
        }
        _ if OBJECT_ONLY.contains(&name) => on_type("object", name)?,
        _ => super::super::interp::builtin_attr("object", name)?,
    };
    Some(Value::BoundMethod(Rc::new(
        super::super::value::BoundMethod {
            this: obj.clone(),
            func,
        },
    )))
}

/// `obj.__dir__()` of an instance: the names `dir(obj)` lists.
fn instance_dir(it: &mut Interp, a: Args) -> R {
    args_of(&a, 0, "__dir__", Some("object"))?;
    let dir = it.builtins.get("dir").cloned().unwrap_or(Value::None);
    it.call(&dir, Args::new(vec![a.pos[0].clone()]))
}

/// `object.__sizeof__` as an instance of the program's classes has it (`A().__sizeof__()`).
pub fn instance_sizeof(name: &str) -> Option<NativeFn> {
    (name == "__sizeof__").then_some(sizeof as NativeFn)
}

/// What every builtin value inherits from `object`.
fn object_method(obj: &Value, name: &str) -> Option<NativeFn> {
    type_name_of(obj)?;
    Some(match name {
        "__getattribute__" => getattribute,
        "__setattr__" => setattr,
        "__delattr__" => delattr,
        "__dir__" => dir,
        "__format__" => format,
        "__str__" => str_,
        "__init_subclass__" => init_subclass,
        "__subclasshook__" => subclasshook,
        "__getstate__" => getstate,
        "__sizeof__" => sizeof,
        "__hash__" if hashable(obj) => hash,
        _ => return None,
    })
}

/// What a value of any other builtin type (an iterator, a generator, a range, None) has from
/// `object`: the value's own repr and hash, identity for `==`, the orderings declined.
fn any_object_method(obj: &Value, name: &str) -> Option<NativeFn> {
    if matches!(obj, Value::Instance(_)) {
        return None;
    }
    Some(match name {
        "__getattribute__" => getattribute,
        "__setattr__" => setattr,
        "__delattr__" => delattr,
        "__dir__" => dir,
        "__format__" => format,
        "__str__" => str_,
        "__repr__" => repr_,
        "__init__" => init,
        "__init_subclass__" => init_subclass,
        "__subclasshook__" => subclasshook,
        "__getstate__" => getstate,
        "__sizeof__" => sizeof,
        "__hash__" if hashable(obj) => hash,
        "__eq__" => eq_identity,
        "__ne__" => ne_identity,
        "__lt__" | "__le__" | "__gt__" | "__ge__" => declines,
        _ => return None,
    })
}

fn repr_(it: &mut Interp, a: Args) -> R {
    args(&a, 0, "__repr__")?;
    Ok(Value::str(&it.repr(&a.pos[0])?))
}

/// `object.__init__` of a value made whole by its type: nothing to do.
fn init(_: &mut Interp, _: Args) -> R {
    Ok(Value::None)
}

/// `object.__eq__`: True for the object itself, NotImplemented (the other side's turn) else.
fn eq_identity(_: &mut Interp, a: Args) -> R {
    args(&a, 1, "__eq__")?;
    Ok(if a.pos[0].is(&a.pos[1]) {
        Value::Bool(true)
    } else {
        not_implemented()
    })
}

fn ne_identity(_: &mut Interp, a: Args) -> R {
    args(&a, 1, "__ne__")?;
    Ok(if a.pos[0].is(&a.pos[1]) {
        Value::Bool(false)
    } else {
        not_implemented()
    })
}

fn declines(_: &mut Interp, a: Args) -> R {
    args(&a, 1, "__lt__")?;
    Ok(not_implemented())
}

/// The attributes of a builtin value that are not methods: `__doc__`, and the `__hash__` that
/// is None for the mutable containers.
fn value_attr(obj: &Value, name: &str) -> Option<Value> {
    let Some(t) = type_name_of(obj) else {
        if matches!(obj, Value::Instance(_)) {
            return None;
        }
        // Any other value has a `__doc__` (its type's text where the table has one), and
        // `object.__new__` as its type's (a static method: not bound).
        return match name {
            "__doc__" => {
                Some(super::type_docs::of(&obj.type_name()).map_or(Value::None, Value::str))
            }
            "__new__" => super::super::builtin_classes::object().lookup("__new__"),
            _ => None,
        };
    };
    match name {
        "__doc__" => super::type_docs::of(t).map(Value::str),
        "__hash__" if !hashable(obj) => Some(Value::None),
        _ => None,
    }
}

/// A special attribute looked up on the builtin type `type_name` itself that is not an unbound
/// method: `list.__doc__`, `dict.__hash__` (None), `float.__getformat__`, `list.__class_getitem__`.
pub fn on_type(type_name: &str, name: &str) -> Option<Value> {
    match (type_name, name) {
        (_, "__doc__") => super::type_docs::of(type_name).map(Value::str),
        ("list" | "dict" | "set", "__hash__") => Some(Value::None),
        ("float", "__getformat__") => Some(Value::builtin("__getformat__", getformat)),
        // The number attributes, descriptors on the type (`int.real`); `dir(int)` lists them.
        ("int" | "bool" | "float", "real" | "imag")
        | ("int" | "bool", "numerator" | "denominator") => {
            Some(Value::Builtin(Rc::new(super::super::value::Builtin {
                name: PyStr::from(name),
                f: getset_call,
                data: Some(Value::str(&format!(
                    "<attribute '{name}' of '{}' objects>",
                    if type_name == "float" { "float" } else { "int" }
                ))),
                alone: None,
            })))
        }
        ("list" | "dict" | "set" | "frozenset" | "tuple", "__class_getitem__") => {
            Some(Value::Builtin(Rc::new(super::super::value::Builtin {
                name: PyStr::from(name),
                f: class_getitem_bound,
                data: Some(Value::Class(super::super::builtin_classes::builtin_type(
                    type_name,
                ))),
                alone: None,
            })))
        }
        (
            "list" | "tuple" | "dict" | "set" | "frozenset" | "str" | "bytes" | "int" | "float",
            _,
        ) if matches!(
            name,
            "__dir__" | "__format__" | "__getstate__" | "__sizeof__" | "__subclasshook__"
        ) =>
        {
            Some(Value::Builtin(Rc::new(super::super::value::Builtin {
                name: PyStr::from(name),
                f: object_unbound,
                data: Some(Value::str(name)),
                alone: None,
            })))
        }
        // What every class finds on `object` (`object.__reduce_ex__`, `A.__sizeof__`), for any
        // object passed to it.
        ("object", _) if OBJECT_ONLY.contains(&name) => {
            Some(Value::Builtin(Rc::new(super::super::value::Builtin {
                name: PyStr::from(name),
                f: object_unbound,
                data: Some(Value::str(name)),
                alone: None,
            })))
        }
        _ => None,
    }
}

/// `object`'s methods that its class attributes (interp/classes.rs) do not hold.
const OBJECT_ONLY: &[&str] = &[
    "__dir__",
    "__format__",
    "__getstate__",
    "__sizeof__",
    "__subclasshook__",
    "__reduce__",
    "__reduce_ex__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
];

/// The repr of a number attribute looked up on its type (`<attribute 'real' of 'int' objects>`).
pub fn getset_repr(b: &super::super::value::Builtin) -> Option<PyStr> {
    if !std::ptr::fn_addr_eq(b.f, getset_call as NativeFn) {
        return None;
    }
    match &b.data {
        Some(Value::Str(s)) => Some(s.clone()),
        _ => None,
    }
}

/// `int.real(5)`: a getset descriptor is not callable.
pub(super) fn getset_call(_: &mut Interp, _: Args) -> R {
    Err(type_error("'getset_descriptor' object is not callable"))
}

/// `list.__dir__(xs)`, `list.__subclasshook__()`: an `object` method looked up on a builtin
/// type, the object (if the method takes one) passed first.
fn object_unbound(it: &mut Interp, mut a: Args) -> R {
    let name = match a.pos.remove(0) {
        Value::Str(ref n) => n.clone(),
        _ => return Err(type_error("unbound method without its name")),
    };
    if &*name == "__subclasshook__" {
        return Ok(not_implemented());
    }
    let Some(obj) = a.pos.first() else {
        return Err(type_error(
            if name.starts_with("__") && &*name != "__dir__" {
                format!("descriptor '{name}' of 'object' object needs an argument")
            } else {
                format!("unbound method object.{name}() needs an argument")
            },
        ));
    };
    // `object.__lt__(a, b)`: object's comparisons other than `==` and `!=` decline.
    if matches!(&*name, "__lt__" | "__le__" | "__gt__" | "__ge__") {
        args(&a, 1, &name)?;
        return Ok(not_implemented());
    }
    // Any object: the reductions every value has, `object`'s format and size.
    let any: Option<NativeFn> = match &*name {
        "__format__" => Some(format),
        "__sizeof__" if matches!(obj, Value::Instance(_)) => Some(sizeof),
        "__getstate__" if !matches!(obj, Value::Instance(_)) => Some(getstate),
        _ => None,
    };
    match super::reduce::method(obj, &name)
        .or_else(|| object_method(obj, &name))
        .or(any)
    {
        Some(f) => f(it, a),
        None => Err(type_error(format!(
            "descriptor '{name}' for 'object' objects doesn't apply to a '{}' object",
            obj.type_name()
        ))),
    }
}

/// The builtin type names these special methods are for (a function or None has `object`'s
/// only, which the interpreter answers elsewhere).
fn type_name_of(obj: &Value) -> Option<&'static str> {
    Some(match obj {
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        Value::FrozenSet(_) => "frozenset",
        Value::Str(_) => "str",
        Value::Bytes(_) => "bytes",
        Value::Int(_) | Value::BigInt(_) => "int",
        Value::Bool(_) => "bool",
        Value::Float(_) => "float",
        _ => return None,
    })
}

fn hashable(obj: &Value) -> bool {
    !matches!(obj, Value::List(_) | Value::Dict(_) | Value::Set(_))
}

fn not_implemented() -> Value {
    Value::builtin("NotImplemented", super::super::subclass::not_implemented)
}

/// Exactly `n` arguments after self, refused in the words of CPython's method of `owner`
/// (`list.__reversed__() takes no arguments (1 given)`); `owner` None is the object's type.
fn args_of(a: &Args, n: usize, m: &str, owner: Option<&str>) -> Result<(), Exc> {
    let own;
    let owner = match owner {
        Some(o) => o,
        None => {
            own = a.pos.first().map_or(PyStr::from(""), |v| v.type_name());
            &own
        }
    };
    match n {
        0 => Sig::c_pos(m, owner, &[], 0)
            .method()
            .bind::<0>(a)
            .map(|_| ()),
        _ => Sig::c_pos(m, owner, &["arg"], 1)
            .method()
            .bind::<1>(a)
            .map(|_| ()),
    }
}

/// Exactly `n` arguments after self for a slot's wrapper (`l.__iadd__`), in its words. The
/// wrappers CPython unpacks with an empty function name start theirs with a space.
fn args(a: &Args, n: usize, m: &str) -> Result<(), Exc> {
    let given = a.pos.len() - 1 + a.kw.len();
    if given == n && a.kw.is_empty() {
        return Ok(());
    }
    let s = if n == 1 { "" } else { "s" };
    let lead = if matches!(m, "__imul__" | "__setattr__" | "__getattribute__") {
        " "
    } else {
        ""
    };
    Err(type_error(format!(
        "{lead}expected {n} argument{s}, got {given}"
    )))
}

fn list_iadd(it: &mut Interp, a: Args) -> R {
    args(&a, 1, "__iadd__")?;
    let hint = super::super::sizeof::length_hint(&a.pos[1]);
    let items = it.collect(&a.pos[1])?;
    if let Value::List(l) = &a.pos[0] {
        super::super::sizeof::list_extend(&mut l.borrow_mut(), items, hint)?;
    }
    Ok(a.pos[0].clone())
}

/// `l.__imul__(n)`: `l` repeated in place (emptied for `n <= 0`).
fn list_imul(it: &mut Interp, a: Args) -> R {
    args(&a, 1, "__imul__")?;
    let n = match &a.pos[1] {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        v => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            )));
        }
    };
    let _ = it;
    if let Value::List(l) = &a.pos[0] {
        super::super::sizeof::list_repeat_in_place(&mut l.borrow_mut(), n)?;
    }
    Ok(a.pos[0].clone())
}

fn reversed(it: &mut Interp, a: Args) -> R {
    args_of(&a, 0, "__reversed__", None)?;
    super::super::builtins::reversed(it, Args::new(vec![a.pos[0].clone()]))
}

/// `d.__ior__(x)`: `d.update(x)`, and `d` itself.
fn dict_ior(it: &mut Interp, a: Args) -> R {
    args(&a, 1, "__ior__")?;
    let update = super::lookup(&a.pos[0], "update").expect("dict has update");
    update(it, Args::new(vec![a.pos[0].clone(), a.pos[1].clone()]))?;
    Ok(a.pos[0].clone())
}

/// `s op= t` for a set: the result of `s op t` put into `s`. CPython's in-place set operators
/// take only sets (NotImplemented for anything else).
fn set_inplace(it: &mut Interp, a: Args, op: BinOp, m: &str) -> R {
    args(&a, 1, m)?;
    if !matches!(a.pos[1], Value::Set(_) | Value::FrozenSet(_)) {
        return Ok(not_implemented());
    }
    let r = it.binop(op, &a.pos[0], &a.pos[1])?;
    if let (Value::Set(s), Value::Set(r)) = (&a.pos[0], &r) {
        let new = r.borrow().clone();
        *s.borrow_mut() = new;
    }
    Ok(a.pos[0].clone())
}

fn set_iand(it: &mut Interp, a: Args) -> R {
    set_inplace(it, a, BinOp::BitAnd, "__iand__")
}

fn set_ior(it: &mut Interp, a: Args) -> R {
    set_inplace(it, a, BinOp::BitOr, "__ior__")
}

fn set_isub(it: &mut Interp, a: Args) -> R {
    set_inplace(it, a, BinOp::Sub, "__isub__")
}

fn set_ixor(it: &mut Interp, a: Args) -> R {
    set_inplace(it, a, BinOp::BitXor, "__ixor__")
}

/// Whether `other` is an operand `self`'s own `__divmod__` takes: an int takes ints, a float
/// ints and floats; anything else is NotImplemented (so the other operand gets its turn).
fn divmod_operand(this: &Value, other: &Value) -> bool {
    let int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    int(other) || (matches!(this, Value::Float(_)) && matches!(other, Value::Float(_)))
}

fn divmod(it: &mut Interp, a: Args) -> R {
    args(&a, 1, "__divmod__")?;
    if !divmod_operand(&a.pos[0], &a.pos[1]) {
        return Ok(not_implemented());
    }
    super::super::builtins::divmod(it, Args::new(vec![a.pos[0].clone(), a.pos[1].clone()]))
}

fn rdivmod(it: &mut Interp, a: Args) -> R {
    args(&a, 1, "__rdivmod__")?;
    if !divmod_operand(&a.pos[0], &a.pos[1]) {
        return Ok(not_implemented());
    }
    super::super::builtins::divmod(it, Args::new(vec![a.pos[1].clone(), a.pos[0].clone()]))
}

/// `x.__getnewargs__()`: the one argument that rebuilds `x` (a bool's as an int).
fn getnewargs(_: &mut Interp, a: Args) -> R {
    args_of(&a, 0, "__getnewargs__", None)?;
    let v = match &a.pos[0] {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    };
    Ok(Value::tuple(vec![v]))
}

/// `float.__getformat__(typestr)`: how this machine stores a C double or float.
fn getformat(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("__getformat__", "float", &["typestr"], 1).bind::<1>(&a)?;
    match &a.pos[0] {
        Value::Str(s) if &**s == "double" || &**s == "float" => {
            let order = if cfg!(target_endian = "little") {
                "little"
            } else {
                "big"
            };
            Ok(Value::str(&format!("IEEE, {order}-endian")))
        }
        Value::Str(_) => Err(value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
        v => Err(type_error(format!(
            "__getformat__() argument must be str, not {}",
            v.type_name()
        ))),
    }
}

/// `(1.5).__getformat__('double')`: the classmethod reached from an instance.
fn getformat_bound(it: &mut Interp, mut a: Args) -> R {
    a.pos.remove(0);
    getformat(it, a)
}

fn bytes_bytes(_: &mut Interp, a: Args) -> R {
    args_of(&a, 0, "__bytes__", None)?;
    Ok(a.pos[0].clone())
}

/// `list.__class_getitem__(int)` (also reached from an instance): the `list[int]` alias.
fn class_getitem_bound(it: &mut Interp, a: Args) -> R {
    args_of(&a, 1, "__class_getitem__", None)?;
    let cls = match &a.pos[0] {
        Value::Class(c) => c.clone(),
        v => super::super::builtins::type_of(v),
    };
    it.class_getitem(&cls, &a.pos[1])
}

fn getattribute(it: &mut Interp, a: Args) -> R {
    args(&a, 1, "__getattribute__")?;
    let name = attr_name(&a.pos[1])?;
    it.getattr(&a.pos[0], &name)
}

/// `x.__setattr__(name, v)` of a builtin value: always refused, with CPython's reason (a
/// number's `real` is a read-only descriptor, a method is read-only, anything else is missing).
fn setattr(it: &mut Interp, a: Args) -> R {
    args(&a, 2, "__setattr__")?;
    let name = attr_name(&a.pos[1])?;
    Err(read_only(it, &a.pos[0], &name)?)
}

fn delattr(it: &mut Interp, a: Args) -> R {
    args(&a, 1, "__delattr__")?;
    let name = attr_name(&a.pos[1])?;
    Err(read_only(it, &a.pos[0], &name)?)
}

/// The AttributeError for setting or deleting `name` on the builtin value `obj`, in CPython
/// 3.11's words.
pub fn read_only(it: &mut Interp, obj: &Value, name: &str) -> Result<Exc, Exc> {
    let t = obj.type_name();
    let number = matches!(
        obj,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
    );
    Ok(attribute_error(
        if number && matches!(name, "real" | "imag" | "numerator" | "denominator") {
            let owner = if matches!(obj, Value::Float(_)) {
                "float"
            } else {
                "int"
            };
            format!("attribute '{name}' of '{owner}' objects is not writable")
        } else if it.getattr_opt(obj, name)?.is_some() {
            format!("'{t}' object attribute '{name}' is read-only")
        } else {
            format!("'{t}' object has no attribute '{name}'")
        },
    ))
}

fn attr_name(v: &Value) -> Result<PyStr, Exc> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        v => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            v.type_name()
        ))),
    }
}

/// `x.__dir__()`: the names `dir(x)` lists.
fn dir(it: &mut Interp, a: Args) -> R {
    args_of(&a, 0, "__dir__", Some("object"))?;
    let t = a.pos[0].type_name();
    let names = super::super::dir_names::builtin_names(it, &a.pos[0], &t);
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

/// `object.__format__`: `str(x)` for an empty spec, refused for any other.
fn format(it: &mut Interp, a: Args) -> R {
    args_of(&a, 1, "__format__", Some("object"))?;
    match &a.pos[1] {
        Value::Str(s) if s.is_empty() => Ok(Value::str(&it.str_of(&a.pos[0])?)),
        Value::Str(_) => Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            a.pos[0].type_name()
        ))),
        v => Err(type_error(format!(
            "__format__() argument must be str, not {}",
            v.type_name()
        ))),
    }
}

fn str_(it: &mut Interp, a: Args) -> R {
    args(&a, 0, "__str__")?;
    Ok(Value::str(&it.str_of(&a.pos[0])?))
}

fn init_subclass(_: &mut Interp, a: Args) -> R {
    args_of(&a, 0, "__init_subclass__", None)?;
    Ok(Value::None)
}

fn subclasshook(_: &mut Interp, _: Args) -> R {
    Ok(not_implemented())
}

/// `object.__getstate__()` of a value with no instance attributes: None.
fn getstate(_: &mut Interp, a: Args) -> R {
    args_of(&a, 0, "__getstate__", Some("object"))?;
    Ok(Value::None)
}

/// `x.__sizeof__()`: the builtin `__sizeof__` of CPython 3.11 for the value (python/sizeof.rs),
/// without what `sys.getsizeof` adds (the GC header).
fn sizeof(it: &mut Interp, a: Args) -> R {
    args(&a, 0, "__sizeof__")?;
    let s = super::super::sizeof::size_of(it, &a.pos[0])?;
    Ok(Value::Int(s.own as i64))
}

fn hash(it: &mut Interp, a: Args) -> R {
    args(&a, 0, "__hash__")?;
    super::super::builtins::hash(it, Args::new(vec![a.pos[0].clone()]))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn in_place_methods_change_and_return_their_object() {
        let src = "l = [1]\nprint(l.__iadd__([2]) is l, l, l.__imul__(2) is l, l)\n\
                   s = {1, 2}\nprint(s.__isub__({1}) is s, s, s.__iand__([2]))\n\
                   d = {}\nprint(d.__ior__({'a': 1}) is d, d)";
        assert_eq!(
            out(src),
            "True [1, 2, 1, 2] True [1, 2, 1, 2]\nTrue {2} NotImplemented\nTrue {'a': 1}\n"
        );
    }

    #[test]
    fn object_attributes_of_builtin_values() {
        let src = "print({}.__hash__ is None, (1).__hash__() == 1, [].__format__(''), \
                   'a'.__getattribute__('upper')(), [].__getstate__())\n\
                   print([].__sizeof__(), (1, 2).__sizeof__())\n\
                   try:\n    [].__setattr__('append', 1)\nexcept AttributeError as e:\n    print(e)";
        assert_eq!(
            out(src),
            "True True [] A None\n40 40\n'list' object attribute 'append' is read-only\n"
        );
    }

    #[test]
    fn derived_classes_alternate_constructors_make_the_class() {
        let src = "class D(dict): pass\nclass I(int): pass\n\
                   print(type(D.fromkeys('ab')).__name__, D.fromkeys('ab', 1), \
                   type(I.from_bytes(b'\\x01', 'big')).__name__, type(dict.fromkeys('a')).__name__)";
        assert_eq!(out(src), "D {'a': 1, 'b': 1} I dict\n");
    }
}
