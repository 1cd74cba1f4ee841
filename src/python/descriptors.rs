//! The methods of the builtin types reached through their type (`int.__repr__`, `str.upper`,
//! `dict.keys`): CPython's slot wrappers and method descriptors. Called unbound, each checks that
//! its first argument is an instance of its type (or of a class derived from it) before it runs:
//! `int.__repr__("x")` is CPython's `descriptor '__repr__' requires a 'int' object but received a
//! 'str'`, never the repr of the string. The check is made here, where the unbound method is
//! called, so a method called on its object (bound, or a derived class's instance dispatched
//! through its base's slot) pays nothing for it.
//!
//! Each (type, name) has one descriptor per interpreter, as in CPython, where `dict.__repr__ is
//! dict.__repr__` (pprint asks exactly that of a class's `__repr__`).

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::builtin_classes::{InterpSlot, per_interp};
use super::exceptions::{Exc, type_error};
use super::interp::Interp;
use super::value::{Args, Builtin, Class, NativeFn, PyStr, Value};

/// The builtin types whose methods check their object when reached through the type.
const CHECKED: &[&str] = &[
    "int",
    "bool",
    "float",
    "complex",
    "str",
    "bytes",
    "bytearray",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "range",
    "slice",
    "memoryview",
];

/// Names a type's lookup finds but that are not methods of its instances: constructors and class
/// methods (`dict.fromkeys`, `int.from_bytes`), `__new__`, and the number attributes (getsets).
const NOT_INSTANCE_METHODS: &[&str] = &[
    "__new__",
    "__init_subclass__",
    "__subclasshook__",
    "__class_getitem__",
    "__getformat__",
    "fromkeys",
    "maketrans",
    "fromhex",
    "from_bytes",
    "real",
    "imag",
    "numerator",
    "denominator",
];

/// Whether `name` is a method every type inherits from `object`: `dir(object)`'s names
/// (`dir_names`) but its attributes, class method and static method.
fn is_object_method(name: &str) -> bool {
    !matches!(
        name,
        "__class__" | "__doc__" | "__init_subclass__" | "__new__" | "__subclasshook__"
    ) && super::dir_names::object_names().contains(&name)
}

const COMPARISONS: &[&str] = &["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];

/// The methods of `object` that `type_name` defines again (CPython 3.11's `vars(T)`), besides the
/// six comparisons, `__getattribute__`, `__hash__` and `__repr__` that every checked type but
/// `bool` has.
fn own_object_methods(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "int" => &["__format__", "__sizeof__"],
        "float" | "complex" => &["__format__"],
        "str" => &["__format__", "__sizeof__", "__str__"],
        "bytes" => &["__str__"],
        "bytearray" => &[
            "__init__",
            "__reduce__",
            "__reduce_ex__",
            "__sizeof__",
            "__str__",
        ],
        "list" | "dict" => &["__init__", "__sizeof__"],
        "set" => &["__init__", "__reduce__", "__sizeof__"],
        "frozenset" => &["__reduce__", "__sizeof__"],
        "range" | "slice" => &["__reduce__"],
        _ => &[],
    }
}

/// `bool`'s own methods; the rest of what `bool.name` finds is `int`'s.
const BOOL_OWN: &[&str] = &[
    "__repr__", "__and__", "__or__", "__xor__", "__rand__", "__ror__", "__rxor__",
];

/// CPython's slot wrappers (`<slot wrapper '__add__' of 'int' objects>`): the special methods
/// filled from a type's slots, which word their refusal "requires a 'T' object". Every other
/// method is a method descriptor ("for 'T' objects doesn't apply to a 'U' object").
const SLOT_WRAPPERS: &[&str] = &[
    "__abs__",
    "__add__",
    "__and__",
    "__bool__",
    "__contains__",
    "__delattr__",
    "__delitem__",
    "__divmod__",
    "__eq__",
    "__float__",
    "__floordiv__",
    "__ge__",
    "__getattribute__",
    "__getitem__",
    "__gt__",
    "__hash__",
    "__iadd__",
    "__iand__",
    "__imul__",
    "__index__",
    "__init__",
    "__int__",
    "__invert__",
    "__ior__",
    "__isub__",
    "__iter__",
    "__ixor__",
    "__le__",
    "__len__",
    "__lshift__",
    "__lt__",
    "__mod__",
    "__mul__",
    "__ne__",
    "__neg__",
    "__next__",
    "__or__",
    "__pos__",
    "__pow__",
    "__radd__",
    "__rand__",
    "__rdivmod__",
    "__repr__",
    "__rfloordiv__",
    "__rlshift__",
    "__rmod__",
    "__rmul__",
    "__ror__",
    "__rpow__",
    "__rrshift__",
    "__rshift__",
    "__rsub__",
    "__rtruediv__",
    "__rxor__",
    "__setattr__",
    "__setitem__",
    "__str__",
    "__sub__",
    "__truediv__",
    "__xor__",
];

fn is_slot_wrapper(owner: &str, name: &str) -> bool {
    // `list.__getitem__`, `dict.__getitem__` and the sets' and dict's `__contains__` are methods
    // of their own in CPython (defined beside the slot, which they win over).
    let method = match name {
        "__getitem__" => matches!(owner, "list" | "dict"),
        "__contains__" => matches!(owner, "dict" | "set" | "frozenset"),
        _ => false,
    };
    !method && SLOT_WRAPPERS.contains(&name)
}

/// The type whose own method `name` is, when `type_name.name` is found: `None` when it is
/// `object`'s (which applies to any object, so checks nothing).
fn owner_of(type_name: &str, name: &str) -> Option<&'static str> {
    let t = CHECKED.iter().copied().find(|t| *t == type_name)?;
    if t == "bool" && !BOOL_OWN.contains(&name) {
        return owner_of("int", name);
    }
    let everyones =
        COMPARISONS.contains(&name) || matches!(name, "__getattribute__" | "__hash__" | "__repr__");
    if is_object_method(name) && !everyones && !own_object_methods(t).contains(&name) {
        return None;
    }
    Some(t)
}

/// The descriptors made so far, by their type's address and their name.
type Cache = Rc<RefCell<FxHashMap<usize, FxHashMap<String, Value>>>>;

static CACHE: InterpSlot<Cache> = InterpSlot::new();

/// `C.name` found as `v` in the attributes of a builtin class of C's MRO (C itself, a builtin base
/// of a class derived from it): the checking descriptor when `v` is a method of the instances of
/// C's nearest checked builtin type as CPython has it, else `v`.
pub fn unbound(c: &Class, name: &str, v: Value) -> Value {
    describe(c, name, v, false)
}

/// `C.name` that no class of C's MRO holds but the builtin class `k` of it answers natively
/// (`int.__hash__`, `str.upper`, `object.__reduce_ex__`): as [`unbound`], and `object`'s own
/// methods made once too, so that `A.__lt__ is object.__lt__` as in CPython
/// (`functools.total_ordering` asks exactly that).
pub fn native(c: &Class, k: &Class, name: &str, v: Value) -> Value {
    let objects = super::builtin_classes::is(k, |b| &b.object);
    describe(c, name, v, objects)
}

/// The checking descriptor `C.name` already made, if any: asked before the native method is
/// looked up and made again (`str.lower` in a loop: `sorted(words, key=str.lower)`).
pub fn made(c: &Class, name: &str) -> Option<Value> {
    let owner = owner_in(c, name)?;
    let key = Rc::as_ptr(&owner) as usize;
    let cache = per_interp(&CACHE, Cache::default);
    cache.borrow().get(&key).and_then(|m| m.get(name)).cloned()
}

/// The builtin class of C's MRO whose own method `name` is, as CPython's types have them.
fn owner_in(c: &Class, name: &str) -> Option<Rc<Class>> {
    let mro = c.mro.borrow();
    let base = mro
        .iter()
        .find(|k| &*k.module == "builtins" && CHECKED.contains(&&*k.name))?;
    let owner = owner_of(&base.name, name)?;
    mro.iter()
        .find(|k| &*k.module == "builtins" && &*k.name == owner)
        .cloned()
}

fn describe(c: &Class, name: &str, v: Value, objects_too: bool) -> Value {
    // (A getset, `memoryview.ndim`, is no method: it has its own repr and is not callable.)
    let method = matches!(&v, Value::Builtin(b) if super::methods::getset_repr(b).is_none());
    if !method || NOT_INSTANCE_METHODS.contains(&name) {
        return v;
    }
    let owner = owner_in(c, name);
    let (key, data) = match owner {
        Some(owner) => (
            Rc::as_ptr(&owner) as usize,
            Value::tuple(vec![Value::Class(owner), v]),
        ),
        // `object`'s: the same object from every class, checking nothing.
        None if objects_too => (Rc::as_ptr(&super::builtin_classes::object()) as usize, v),
        None => return v,
    };
    let cache = per_interp(&CACHE, Cache::default);
    if let Some(d) = cache.borrow().get(&key).and_then(|m| m.get(name)) {
        return d.clone();
    }
    let d = match data {
        Value::Tuple(_) => Value::Builtin(Rc::new(Builtin {
            name: PyStr::from(name),
            f: checked,
            data: Some(data),
            alone: None,
        })),
        plain => plain,
    };
    cache
        .borrow_mut()
        .entry(key)
        .or_default()
        .insert(name.to_string(), d.clone());
    d
}

/// `(owner, method)` of a checking descriptor.
fn parts(b: &Builtin) -> Option<(&Rc<Class>, &Value)> {
    if !std::ptr::fn_addr_eq(b.f, checked as NativeFn) {
        return None;
    }
    match &b.data {
        Some(Value::Tuple(t)) if t.len() == 2 => match &t[0] {
            Value::Class(c) => Some((c, &t[1])),
            _ => None,
        },
        _ => None,
    }
}

/// The method a checking descriptor calls (`str.upper` as pickle names it), or `v` itself.
pub fn inner(v: &Value) -> &Value {
    match v {
        Value::Builtin(b) => parts(b).map_or(v, |(_, m)| m),
        _ => v,
    }
}

/// The descriptor's own attributes: `__qualname__` (`str.upper`) and `__objclass__` (`str`).
pub fn attr(b: &Builtin, name: &str) -> Option<Value> {
    let (owner, _) = parts(b)?;
    match name {
        "__qualname__" => Some(Value::str(&format!("{}.{}", owner.name, b.name))),
        "__objclass__" => Some(Value::Class(owner.clone())),
        _ => None,
    }
}

/// The descriptor's type: `wrapper_descriptor` for a slot wrapper, `method_descriptor` else.
pub fn type_name(b: &Builtin) -> Option<&'static str> {
    let (owner, _) = parts(b)?;
    Some(if is_slot_wrapper(&owner.name, &b.name) {
        "wrapper_descriptor"
    } else {
        "method_descriptor"
    })
}

/// CPython's repr of the descriptor: `<slot wrapper '__repr__' of 'int' objects>`,
/// `<method 'upper' of 'str' objects>`.
pub fn repr(b: &Builtin) -> Option<String> {
    let (owner, _) = parts(b)?;
    let kind = if is_slot_wrapper(&owner.name, &b.name) {
        "slot wrapper"
    } else {
        "method"
    };
    Some(format!("<{kind} '{}' of '{}' objects>", b.name, owner.name))
}

/// Whether `obj` is an instance of `owner` or of a class derived from it (without making the
/// name of a builtin value's type for the common case).
fn fits(owner: &Class, obj: &Value) -> bool {
    match obj {
        Value::Instance(i) => i.class.is_subclass(owner),
        Value::Bool(_) => matches!(&*owner.name, "bool" | "int"),
        _ => match obj.data_type_name() {
            Some(plain) => &*owner.name == plain,
            None => super::builtins::type_of(obj).is_subclass(owner),
        },
    }
}

/// The call: the object (the first argument) checked against the owner, then the method.
fn checked(it: &mut Interp, mut a: Args) -> Result<Value, Exc> {
    let data = a.pos.remove(0);
    let Value::Tuple(t) = &data else {
        return Err(type_error("descriptor without its type"));
    };
    let (Value::Class(owner), method) = (&t[0], &t[1]) else {
        return Err(type_error("descriptor without its type"));
    };
    let name = match method {
        Value::Builtin(b) => b.name.clone(),
        _ => PyStr::from("?"),
    };
    let slot = is_slot_wrapper(&owner.name, &name);
    let Some(obj) = a.pos.first() else {
        return Err(type_error(if slot {
            format!(
                "descriptor '{name}' of '{}' object needs an argument",
                owner.name
            )
        } else {
            format!("unbound method {}.{name}() needs an argument", owner.name)
        }));
    };
    if !fits(owner, obj) {
        let of = super::builtins::type_of(obj);
        return Err(type_error(if slot {
            format!(
                "descriptor '{name}' requires a '{}' object but received a '{}'",
                owner.name, of.name
            )
        } else {
            format!(
                "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                owner.name, of.name
            )
        }));
    }
    // The type's own hash and repr of the value it carries, where forkyard's found method is
    // `object`'s or the value's own type's: `int.__hash__(I(3))` is 3, `int.__repr__(True)` '1'.
    match (&*name, super::subclass::unwrap(obj)) {
        ("__hash__", v) => super::builtins::hash(it, Args::new(vec![v])),
        ("__repr__", Value::Bool(b)) if &*owner.name == "int" => {
            Ok(Value::str(&format!("{}", b as i64)))
        }
        _ => it.call(method, a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_is_the_type_that_defines_the_method_again() {
        assert_eq!(owner_of("int", "__repr__"), Some("int"));
        assert_eq!(owner_of("int", "__reduce_ex__"), None);
        assert_eq!(owner_of("list", "__init__"), Some("list"));
        assert_eq!(owner_of("tuple", "__init__"), None);
        assert_eq!(owner_of("bool", "__add__"), Some("int"));
        assert_eq!(owner_of("bool", "__and__"), Some("bool"));
        assert_eq!(owner_of("bool", "__eq__"), Some("int"));
        assert_eq!(owner_of("str", "upper"), Some("str"));
        assert_eq!(owner_of("function", "__repr__"), None);
    }

    #[test]
    fn slot_wrappers_and_methods_are_told_apart_as_cpython_does() {
        assert!(is_slot_wrapper("int", "__add__"));
        assert!(is_slot_wrapper("tuple", "__getitem__"));
        assert!(!is_slot_wrapper("list", "__getitem__"));
        assert!(!is_slot_wrapper("dict", "__contains__"));
        assert!(!is_slot_wrapper("int", "__format__"));
        assert!(!is_slot_wrapper("str", "upper"));
    }
}
