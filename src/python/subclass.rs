//! Classes derived from builtin types: `class Counter(dict)`, `class Point(tuple)`,
//! `class Color(int)`. An instance of such a class is an `Instance` (its own class, its own
//! attributes) that carries a value of the builtin type, its *base value*, in `Instance::native`.
//!
//! As in CPython, the builtin classes have slot methods (`dict.__getitem__`, `int.__add__`,
//! `list.__init__`...) found through the MRO like any method, so a subclass's own `__getitem__`
//! wins, `super().__init__(...)` and `dict.__setitem__(self, k, v)` reach the builtin one, and
//! every protocol the interpreter already dispatches on instances (`len`, `in`, `[]`, iteration,
//! `repr`, comparisons, arithmetic, truth) works without special cases. A slot method applies the
//! builtin operation to the base value. Named methods without a slot (`d.items()`, `xs.append`)
//! are found on the base value when the class and its instance have no attribute of that name.

use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};
use super::exceptions::{self, Exc, type_error};
use super::interp::Interp;
use super::value::{Args, Builtin, Class, Instance, NativeFn, PyStr, Value};

type R<T> = Result<T, Exc>;

/// What an instance of a builtin-derived class carries: the builtin value it is.
pub struct BaseValue(pub Value);

impl crate::python::native_object::NativeObject for BaseValue {}

/// The builtin types a class may derive from.
const SUBCLASSABLE: &[&str] = &[
    "dict",
    "list",
    "set",
    "frozenset",
    "tuple",
    "int",
    "float",
    "str",
    "bytes",
];

/// The builtin iterator types a class may derive from (CPython's classes `zip`, `map`...): an
/// instance carries the iterator the type makes of its arguments, and its `__next__` (the
/// type's, unless the class has its own) takes the next item from it.
const ITERATORS: &[&str] = &["enumerate", "zip", "map", "filter", "reversed"];

fn derivable(name: &str) -> bool {
    SUBCLASSABLE.contains(&name) || ITERATORS.contains(&name)
}

/// The builtin types a Python class may not derive from (CPython's `type 'bool' is not an
/// acceptable base type`).
const FINAL: &[&str] = &[
    "bool",
    "range",
    "slice",
    "memoryview",
    "NoneType",
    "function",
    "builtin_function_or_method",
    "wrapper_descriptor",
    "method_descriptor",
    "method",
    "generator",
    "coroutine",
    "async_generator",
    "async_generator_asend",
    "coroutine_wrapper",
    "ellipsis",
    "iterator",
    "module",
];

/// Whether `c` is a builtin type a Python class may not derive from (the iterator types too:
/// `list_iterator`, `dict_keyiterator`... but not `zip`, `map`, `enumerate`, `filter` and
/// `reversed`, which CPython lets a class extend).
pub fn refuses_subclassing(c: &Class) -> bool {
    &*c.module == "builtins"
        && (FINAL.contains(&&*c.name)
            || super::iter_kind::IterKind::ALL
                .iter()
                .any(|k| k.name() == &*c.name && !k.extensible()))
}

/// The builtin type `c` derives from (`dict` for `class Counter(dict)`), if any; `None` for the
/// builtin types themselves.
pub fn builtin_base(c: &Rc<Class>) -> Option<Rc<Class>> {
    first_builtin_base(c, derivable)
}

/// Whether instances of the program's class `c` have a `__dict__` and a `__weakref__` slot of
/// their own (CPython adds them to a class without `__slots__`; `__weakref__` only where the
/// builtin base has none and holds no variable-size items: not for `int`, `tuple`, `bytes`,
/// nor the sets, which have their own).
pub fn dict_and_weakref(c: &Rc<Class>) -> (bool, bool) {
    if &*c.module == "builtins" {
        return (false, false);
    }
    let slotted = c
        .mro
        .borrow()
        .iter()
        .filter(|k| &*k.module != "builtins")
        .all(|k| k.attrs.borrow().contains_key("__slots__"));
    if slotted {
        // (An exception keeps the `__dict__` BaseException has.)
        return (c.is_subclass(&ExcKind::BaseException.class()), false);
    }
    let weakref = builtin_base(c)
        .is_none_or(|b| !matches!(&*b.name, "int" | "tuple" | "bytes" | "set" | "frozenset"));
    (true, weakref)
}

/// The first builtin type in a program's class `c`'s MRO whose name `pick` accepts; `None` for
/// the builtin types themselves (`bool` derives from `int` but is a builtin type of its own,
/// made by its own constructor).
fn first_builtin_base(c: &Rc<Class>, pick: impl Fn(&str) -> bool) -> Option<Rc<Class>> {
    if &*c.module == "builtins" {
        return None;
    }
    c.mro
        .borrow()
        .iter()
        .find(|k| &*k.module == "builtins" && pick(&k.name))
        .cloned()
}

/// The builtin types whose instances keep their own native state (`bytearray`'s buffer): an
/// instance of a class derived from one carries that state itself rather than a base value, so
/// the base's methods, which read the state, serve it as they serve the base's own instances.
const NATIVE_STATE: &[&str] = &["bytearray"];

/// The builtin type with native state (`bytearray`) a program's class `c` derives from, if any.
pub fn native_base(c: &Rc<Class>) -> Option<Rc<Class>> {
    first_builtin_base(c, |name| NATIVE_STATE.contains(&name))
}

/// `Cls(*args)` for a class derived from `base` (see `native_base`), without a `__new__` of its
/// own: the base's `__new__` makes an empty instance of `cls`, then `cls.__init__` fills it (the
/// base's own `__init__` unless the class has one), as CPython's `type.__call__` does.
pub fn instantiate_native(
    it: &mut Interp,
    cls: &Rc<Class>,
    base: &Rc<Class>,
    args: Args,
) -> R<Value> {
    let Some(new) = base.attrs.borrow().get("__new__").cloned() else {
        return Err(type_error(format!("cannot make a '{}'", base.name)));
    };
    let obj = it.call(&new, Args::new(vec![Value::Class(cls.clone())]))?;
    init(it, cls, &obj, args)?;
    Ok(obj)
}

/// The builtin type `c` is or derives from.
pub fn builtin_base_or_self(c: &Rc<Class>) -> Option<Rc<Class>> {
    if &*c.module == "builtins" && derivable(&c.name) {
        return Some(c.clone());
    }
    builtin_base(c)
}

/// The base value of an instance of a builtin-derived class.
pub fn base_of(v: &Value) -> Option<Value> {
    let Value::Instance(i) = v else { return None };
    base_of_instance(i)
}

pub fn base_of_instance(i: &Instance) -> Option<Value> {
    let native = i.native.borrow();
    native
        .as_ref()?
        .downcast_ref::<BaseValue>()
        .map(|b| b.0.clone())
}

/// `v` itself, or its base value when it is an instance of a builtin-derived class: what a
/// builtin operation works on.
pub fn unwrap(v: &Value) -> Value {
    base_of(v).unwrap_or_else(|| v.clone())
}

/// Whether the base type's values can change in place (their base value is made empty and
/// filled by `__init__`), as opposed to being made whole by `__new__`.
fn is_mutable(base: &Class) -> bool {
    matches!(&*base.name, "dict" | "list" | "set")
}

/// An instance of `cls` (derived from `base`) carrying `value`.
pub fn wrap(cls: &Rc<Class>, value: Value) -> Value {
    Value::Instance(Rc::new(Instance {
        class: cls.clone(),
        attrs: Default::default(),
        native: std::cell::RefCell::new(Some(Box::new(BaseValue(value)))),
    }))
}

thread_local! {
    /// The builtin types' own constructors (what `dict(...)` runs), kept when `install` puts the
    /// `__new__` slot in their place.
    static CONSTRUCTORS: std::cell::RefCell<Vec<(&'static str, NativeFn)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The constructor of the builtin type `c`, when `c` is one of the subclassable builtin types.
pub fn constructor(c: &Class) -> Option<NativeFn> {
    if &*c.module != "builtins" {
        return None;
    }
    CONSTRUCTORS.with(|m| {
        m.borrow()
            .iter()
            .find(|(n, _)| **n == *c.name)
            .map(|(_, f)| *f)
    })
}

/// `base(*args)`: a value of the builtin type `base`.
fn construct(it: &mut Interp, base: &Rc<Class>, args: Args) -> R<Value> {
    let f =
        constructor(base).ok_or_else(|| type_error(format!("cannot make a '{}'", base.name)))?;
    let mut a = args;
    a.pos.insert(0, Value::Class(base.clone()));
    f(it, a)
}

/// `Cls(*args)` for a class derived from the builtin type `base`, when no class on the way
/// defines its own `__new__`: the base value is made by the builtin type (empty for a mutable
/// container, which its `__init__` then fills), then `__init__` runs.
pub fn instantiate(it: &mut Interp, cls: &Rc<Class>, base: &Rc<Class>, args: Args) -> R<Value> {
    let value = if is_mutable(base) {
        construct(it, base, Args::default())?
    } else {
        construct(it, base, args.clone())?
    };
    if not_of_its_type(base, &value) {
        return Ok(value);
    }
    let obj = wrap(cls, value);
    init(it, cls, &obj, args)?;
    Ok(obj)
}

/// The arguments that make again, from where it stands, the iterator an instance of a class
/// derived from `zip`, `map`, `enumerate`, `filter` or `reversed` carries: what CPython's
/// `__reduce__` of those types gives with the class (`(Z, (it_a, it_b))`), so the instance
/// crosses to another process as `Z(it_a, it_b)`. `None` for any other value.
pub fn iterator_args(base: &Value) -> Option<Value> {
    let Value::Iterator(i) = base else {
        return None;
    };
    use super::iter_kind::IterKind;
    use super::value::Iter;
    Some(match &*i.borrow() {
        Iter::Zip(its) => Value::tuple(its.iter().cloned().collect()),
        Iter::Map(f, its) => Value::tuple(
            std::iter::once(f.clone())
                .chain(its.iter().cloned())
                .collect(),
        ),
        Iter::Enumerate(inner, n) => Value::tuple(vec![inner.clone(), Value::Int(*n)]),
        Iter::Filter(f, inner) => Value::tuple(vec![f.clone(), inner.clone()]),
        // The items left, in the order a sequence reversed again gives them.
        Iter::Seq {
            items,
            pos,
            kind: IterKind::Reversed,
        } => {
            let left: Vec<Value> = items[*pos..].iter().rev().cloned().collect();
            Value::tuple(vec![Value::tuple(left)])
        }
        _ => return None,
    })
}

/// Whether `reversed.__new__` handed back what the sequence's own `__reversed__` made (a list's
/// `list_reverseiterator`), which CPython returns as it is even to a class derived from
/// `reversed`: no instance of the class, and no `__init__`.
fn not_of_its_type(base: &Class, value: &Value) -> bool {
    &*base.name == "reversed" && value.type_name() != "reversed"
}

/// Run `cls.__init__` on a new instance.
pub fn init(it: &mut Interp, cls: &Rc<Class>, obj: &Value, args: Args) -> R<()> {
    if let Some(init) = cls.lookup("__init__") {
        let r = it.call(&super::interp::bind(init, obj), args)?;
        if !matches!(r, Value::None) {
            return Err(type_error(format!(
                "__init__() should return None, not '{}'",
                r.type_name()
            )));
        }
    }
    Ok(())
}

/// `tuple.__new__(cls, iterable)`, `int.__new__(cls, x)`, `object.__new__(cls)` called from a
/// class's own `__new__`: the builtin value for `cls`, wrapped when `cls` derives from it.
fn slot_new(it: &mut Interp, mut a: Args) -> R<Value> {
    let base_name = match a.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(type_error("__new__ slot without its type")),
    };
    a.pos.remove(0);
    let Some(Value::Class(ref cls)) = a.pos.first().cloned() else {
        return Err(type_error(format!(
            "{base_name}.__new__(X): X is not a type object"
        )));
    };
    if let Some(kind) = ExcKind::from_name(&base_name) {
        let base = kind.class();
        if !cls.is_subclass(&base) {
            return Err(type_error(format!(
                "{base_name}.__new__({}): {} is not a subtype of {base_name}",
                cls.name, cls.name
            )));
        }
        a.pos.remove(0);
        return Ok(Value::Instance(exceptions::instance(cls.clone(), a.pos)));
    }
    if &*base_name == "object" {
        if let Some(own) = made_by_a_builtin_new(cls) {
            // CPython refuses what its `object.__new__` cannot make whole: an `int`, a `list`, an
            // exception would hold no value of its type (and the slot methods, finding none,
            // would recurse on the instance itself).
            return Err(type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                cls.name, own.name
            )));
        }
        return Ok(Value::Instance(Rc::new(Instance {
            class: cls.clone(),
            attrs: Default::default(),
            native: Default::default(),
        })));
    }
    let base = crate::python::builtin_classes::builtin_type(&base_name);
    if !cls.is_subclass(&base) {
        return Err(type_error(format!(
            "{base_name}.__new__({}): {} is not a subtype of {base_name}",
            cls.name, cls.name
        )));
    }
    a.pos.remove(0);
    let value = if is_mutable(&base) {
        construct(it, &base, Args::default())?
    } else {
        construct(it, &base, a)?
    };
    if Rc::ptr_eq(cls, &base) || not_of_its_type(&base, &value) {
        return Ok(value);
    }
    Ok(wrap(cls, value))
}

/// The mapping protocol (`dict(m)`, `f(**m)`, `{**m}`): the key-value pairs of a dict, of an
/// instance of a dict subclass (its own items, as CPython's dict fast path takes them), or of
/// any object with `keys()` and `[]`; `None` for anything else.
pub fn mapping_items(it: &mut Interp, v: &Value) -> R<Option<Vec<(Value, Value)>>> {
    if let Value::Dict(ref d) = unwrap(v) {
        return Ok(Some(d.borrow().map.values().cloned().collect()));
    }
    let Value::Instance(_) = v else {
        return Ok(None);
    };
    let Some(keys) = it.getattr_opt(v, "keys")? else {
        return Ok(None);
    };
    let keys = it.call(&keys, Args::default())?;
    let mut out = Vec::new();
    for k in it.collect(&keys)? {
        let val = it.getitem(v, &k)?;
        out.push((k, val));
    }
    Ok(Some(out))
}

// ---- the slot methods of the builtin types ----------------------------------------------------

fn this(a: &Args) -> R<Value> {
    a.pos
        .first()
        .map(unwrap)
        .ok_or_else(|| type_error("a slot method needs its object"))
}

/// Argument `i` (counting the object as 0) of the slot `name`, unwrapped.
fn other(a: &Args, i: usize, name: &str) -> R<Value> {
    a.pos.get(i).map(unwrap).ok_or_else(|| {
        type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        ))
    })
}

fn s_len(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    Ok(Value::Int(it.len_of(&s)?))
}

fn s_iter(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    it.iter(&s)
}

fn s_contains(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    let x = other(&a, 1, "__contains__")?;
    Ok(Value::Bool(it.contains(&s, &x)?))
}

fn s_getitem(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    let k = a
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    // A dict subclass's `__missing__` answers for an absent key, as CPython's dict does.
    if let (Value::Dict(_), Some(Value::Instance(obj))) = (&s, a.pos.first())
        && let Some(missing) = obj.class.lookup("__missing__")
    {
        if it.contains(&s, &k)? {
            return it.getitem(&s, &k);
        }
        let this = a.pos[0].clone();
        return it.call(&super::interp::bind(missing, &this), Args::new(vec![k]));
    }
    it.getitem(&s, &k)
}

fn s_setitem(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    let (Some(k), Some(v)) = (a.pos.get(1), a.pos.get(2)) else {
        return Err(type_error(format!(
            "expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    };
    it.setitem(&s, k.clone(), v.clone())?;
    Ok(Value::None)
}

fn s_delitem(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    let k = a
        .pos
        .get(1)
        .cloned()
        .ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    it.delitem(&s, &k)?;
    Ok(Value::None)
}

fn s_repr(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    // A set subclass names its class, as CPython's set repr does: `Tags({3})`, `Tags()`.
    if let (Value::Set(_) | Value::FrozenSet(_), Some(Value::Instance(obj))) = (&s, a.pos.first()) {
        let empty = it.len_of(&s)? == 0;
        let inner = if empty {
            String::new()
        } else {
            it.repr(&Value::Set(Rc::new(std::cell::RefCell::new(match &s {
                Value::Set(x) => x.borrow().clone(),
                Value::FrozenSet(x) => (**x).clone(),
                _ => unreachable!("matched above"),
            }))))?
        };
        return Ok(Value::Str(PyStr::from(format!(
            "{}({inner})",
            obj.class.name
        ))));
    }
    Ok(Value::Str(PyStr::from(it.repr(&s)?)))
}

fn s_str(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    Ok(Value::Str(PyStr::from(it.str_of(&s)?)))
}

fn s_format(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    let spec = match a.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        _ => PyStr::from(""),
    };
    // An empty spec is `str(self)` for int and float (CPython's `int.__format__`), so an
    // `f"{x}"` of a subclass shows what its own `__repr__`/`__str__` says.
    if spec.is_empty()
        && !matches!(s, Value::Str(_))
        && let Some(obj) = a.pos.first()
    {
        return Ok(Value::Str(PyStr::from(it.str_of(&obj.clone())?)));
    }
    Ok(Value::Str(PyStr::from(it.format_value(&s, &spec)?)))
}

fn s_bool(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    Ok(Value::Bool(it.truthy(&s)?))
}

fn s_int(_: &mut Interp, a: Args) -> R<Value> {
    match this(&a)? {
        Value::Float(f) => super::ops::float_to_int(f),
        v => Ok(v),
    }
}

fn s_float(_: &mut Interp, a: Args) -> R<Value> {
    match this(&a)? {
        Value::Int(i) => Ok(Value::Float(i as f64)),
        Value::BigInt(ref b) => Ok(Value::Float(super::bigint::to_f64(b)?)),
        v => Ok(v),
    }
}

fn s_abs(it: &mut Interp, a: Args) -> R<Value> {
    let s = this(&a)?;
    let neg = it.compare(CmpOp::Lt, &s, &Value::Int(0))?;
    if neg {
        it.unary(UnaryOp::Neg, &s)
    } else {
        Ok(s)
    }
}

/// `round(x)`, `math.trunc/floor/ceil(x)` of a number subclass: the builtin on the number.
fn s_rounding(it: &mut Interp, a: Args) -> R<Value> {
    let Some(Value::Str(which)) = a.pos.first() else {
        return Err(type_error("rounding slot without its name"));
    };
    let x = a.pos.get(1).map(unwrap).unwrap_or(Value::None);
    match &**which {
        "__round__" => {
            let round = it.builtins.get("round").cloned().unwrap_or(Value::None);
            let mut args = vec![x];
            args.extend(a.pos.iter().skip(2).cloned());
            it.call(&round, Args::new(args))
        }
        _ => match x {
            Value::Float(f) => super::ops::float_to_int(match &**which {
                "__floor__" => f.floor(),
                "__ceil__" => f.ceil(),
                _ => f.trunc(),
            }),
            other => Ok(other),
        },
    }
}

/// The method `__init__` of a mutable builtin: refill the base value as the constructor would.
fn s_init(it: &mut Interp, a: Args) -> R<Value> {
    let Some(obj) = a.pos.first().cloned() else {
        return Err(type_error("__init__ needs its object"));
    };
    let s = unwrap(&obj);
    let mut rest = a.clone();
    rest.pos.remove(0);
    match &s {
        Value::Dict(d) => {
            if rest.pos.len() > 1 {
                return Err(type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    rest.pos.len()
                )));
            }
            let made = it.call(
                &Value::Class(crate::python::builtin_classes::builtin_type("dict")),
                rest,
            )?;
            if let Value::Dict(ref m) = made {
                let m = m.borrow();
                let mut d = d.borrow_mut();
                for (k, v) in m.map.iter() {
                    d.insert(k.clone(), v.0.clone(), v.1.clone());
                }
            }
        }
        Value::List(l) => {
            if !rest.kw.is_empty() {
                return Err(type_error("list() takes no keyword arguments"));
            }
            if rest.pos.len() > 1 {
                return Err(type_error(format!(
                    "list expected at most 1 argument, got {}",
                    rest.pos.len()
                )));
            }
            let items = match rest.pos.first() {
                Some(src) => it.collect(src)?,
                None => Vec::new(),
            };
            *l.borrow_mut() = items;
        }
        Value::Set(set) => {
            if rest.pos.len() > 1 {
                return Err(type_error(format!(
                    "set expected at most 1 argument, got {}",
                    rest.pos.len()
                )));
            }
            set.borrow_mut().map.clear();
            if let Some(src) = rest.pos.first() {
                for v in it.collect(src)? {
                    let mut s = std::mem::take(&mut *set.borrow_mut());
                    let r = it.set_insert(&mut s, v);
                    *set.borrow_mut() = s;
                    r?;
                }
            }
        }
        // Immutable values were made whole by `__new__`; object's `__init__` takes the arguments
        // `__new__` took.
        _ => {}
    }
    Ok(Value::None)
}

const BINOPS: &[BinOp] = &[
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::BitAnd,
];

const CMPOPS: &[(&str, CmpOp)] = &[
    ("__eq__", CmpOp::Eq),
    ("__ne__", CmpOp::NotEq),
    ("__lt__", CmpOp::Lt),
    ("__le__", CmpOp::LtE),
    ("__gt__", CmpOp::Gt),
    ("__ge__", CmpOp::GtE),
];

/// `x.__add__(y)` and the rest: the data is the operator's index in `BINOPS`, negative for the
/// reflected form (`__radd__`).
fn s_binop(it: &mut Interp, a: Args) -> R<Value> {
    let Some(Value::Int(i)) = a.pos.first() else {
        return Err(type_error("binary slot without its operator"));
    };
    let (op, reflected) = (BINOPS[i.unsigned_abs() as usize - 1], *i < 0);
    let s = a.pos.get(1).map(unwrap).unwrap_or(Value::None);
    let o = other(&a, 2, super::ops::dunder(op))?;
    let r = if reflected {
        it.binop(op, &o, &s)
    } else {
        it.binop(op, &s, &o)
    };
    // A type error means "not for me": CPython's slot returns NotImplemented, so the other
    // operand's reflected method gets its turn and the final message names both types.
    match r {
        Err(e) if e.value.class.is_subclass(&ExcKind::TypeError.class()) => {
            Ok(Value::builtin("NotImplemented", not_implemented))
        }
        r => r,
    }
}

fn s_cmp(it: &mut Interp, a: Args) -> R<Value> {
    let Some(Value::Int(i)) = a.pos.first() else {
        return Err(type_error("comparison slot without its operator"));
    };
    let op = CMPOPS[*i as usize].1;
    let s = a.pos.get(1).map(unwrap).unwrap_or(Value::None);
    let o = other(&a, 2, CMPOPS[*i as usize].0)?;
    match it.compare(op, &s, &o) {
        Ok(b) => Ok(Value::Bool(b)),
        Err(e) if e.value.class.is_subclass(&ExcKind::TypeError.class()) => {
            Ok(Value::builtin("NotImplemented", not_implemented))
        }
        Err(e) => Err(e),
    }
}

fn s_unary(it: &mut Interp, a: Args) -> R<Value> {
    let Some(Value::Int(i)) = a.pos.first() else {
        return Err(type_error("unary slot without its operator"));
    };
    let op = match i {
        0 => UnaryOp::Neg,
        1 => UnaryOp::Pos,
        _ => UnaryOp::Invert,
    };
    let s = a.pos.get(1).map(unwrap).unwrap_or(Value::None);
    it.unary(op, &s)
}

/// Keeps the builtin type `name`'s own constructor (its class-call `__new__`) where `slot_new`
/// finds it, and puts `slot_new` in its place as the type's `__new__`.
fn take_constructor(name: &'static str, attrs: &mut crate::python::value::Namespace) {
    if let Some(Value::Builtin(ctor)) = attrs.get("__new__") {
        let f = ctor.f;
        CONSTRUCTORS.with(|m| m.borrow_mut().push((name, f)));
    }
    attrs.insert(
        PyStr::from("__new__"),
        slot("__new__", slot_new, Some(Value::str(name))),
    );
}

fn slot(name: &str, f: NativeFn, data: Option<Value>) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: PyStr::from(name),
        f,
        data,
        alone: None,
    }))
}

/// Give the builtin types their slot methods and `__new__`-as-a-function (for a class's own
/// `__new__` calling `tuple.__new__(cls, ...)`). Called once per interpreter, after the builtin
/// classes exist.
pub fn install() {
    for name in SUBCLASSABLE {
        let cls = crate::python::builtin_classes::builtin_type(name);
        let mut attrs = cls.attrs.borrow_mut();
        let mut put = |n: &str, v: Value| {
            attrs.insert(PyStr::from(n), v);
        };
        let container = matches!(*name, "dict" | "list" | "set" | "frozenset" | "tuple");
        let sequence = container || matches!(*name, "str" | "bytes");
        let number = matches!(*name, "int" | "float");
        put("__init__", slot("__init__", s_init, None));
        put("__repr__", slot("__repr__", s_repr, None));
        for (i, (n, _)) in CMPOPS.iter().enumerate() {
            put(n, slot(n, s_cmp, Some(Value::Int(i as i64))));
        }
        if sequence {
            put("__len__", slot("__len__", s_len, None));
            put("__iter__", slot("__iter__", s_iter, None));
            put("__contains__", slot("__contains__", s_contains, None));
        }
        if sequence && *name != "set" && *name != "frozenset" {
            put("__getitem__", slot("__getitem__", s_getitem, None));
        }
        if matches!(*name, "dict" | "list") {
            put("__setitem__", slot("__setitem__", s_setitem, None));
            put("__delitem__", slot("__delitem__", s_delitem, None));
        }
        // str and bytes have a `__str__` of their own; int and float (like the containers) take
        // object's, which calls the class's `__repr__`: `print(I(3))` prints what
        // `I.__repr__` returns, as in CPython.
        if matches!(*name, "str" | "bytes") {
            put("__str__", slot("__str__", s_str, None));
        }
        if matches!(*name, "str" | "int" | "float") {
            put("__format__", slot("__format__", s_format, None));
        }
        if number {
            put("__bool__", slot("__bool__", s_bool, None));
            put("__int__", slot("__int__", s_int, None));
            put("__float__", slot("__float__", s_float, None));
            put("__abs__", slot("__abs__", s_abs, None));
            for (i, n) in ["__neg__", "__pos__", "__invert__"].iter().enumerate() {
                if *name == "float" && i == 2 {
                    continue;
                }
                put(n, slot(n, s_unary, Some(Value::Int(i as i64))));
            }
            if *name == "int" {
                put("__index__", slot("__index__", s_int, None));
            }
            for n in ["__round__", "__trunc__", "__floor__", "__ceil__"] {
                put(n, slot(n, s_rounding, Some(Value::str(n))));
            }
        }
        for (i, op) in BINOPS.iter().enumerate() {
            let applies = match op {
                BinOp::Add | BinOp::Mul => true,
                BinOp::Mod => number || matches!(*name, "str" | "bytes"),
                BinOp::BitOr => number || matches!(*name, "dict" | "set" | "frozenset"),
                BinOp::BitAnd | BinOp::BitXor | BinOp::Sub => {
                    number || matches!(*name, "set" | "frozenset")
                }
                _ => number,
            };
            if !applies
                || (*name == "float"
                    && matches!(
                        op,
                        BinOp::LShift
                            | BinOp::RShift
                            | BinOp::BitOr
                            | BinOp::BitAnd
                            | BinOp::BitXor
                    ))
            {
                continue;
            }
            let n = super::ops::dunder(*op);
            let r = format!("__r{}", &n[2..]);
            put(n, slot(n, s_binop, Some(Value::Int(i as i64 + 1))));
            put(&r, slot(&r, s_binop, Some(Value::Int(-(i as i64 + 1)))));
        }
        take_constructor(name, &mut attrs);
    }
    // `range` is no base a class may have, but its protocol is slots all the same
    // (`range.__len__(r)`, `range.__getitem__(r, 1)`).
    {
        let cls = crate::python::builtin_classes::builtin_type("range");
        let mut attrs = cls.attrs.borrow_mut();
        for (n, f) in [
            ("__len__", s_len as NativeFn),
            ("__iter__", s_iter),
            ("__contains__", s_contains),
            ("__getitem__", s_getitem),
            ("__bool__", s_bool),
            ("__repr__", s_repr),
        ] {
            attrs.insert(PyStr::from(n), slot(n, f, None));
        }
        for (i, (n, _)) in CMPOPS.iter().enumerate() {
            attrs.insert(PyStr::from(*n), slot(n, s_cmp, Some(Value::Int(i as i64))));
        }
    }
    for name in ITERATORS {
        let cls = crate::python::builtin_classes::builtin_type(name);
        let mut attrs = cls.attrs.borrow_mut();
        take_constructor(name, &mut attrs);
        attrs.insert(PyStr::from("__init__"), slot("__init__", s_init, None));
    }
    crate::python::builtin_classes::object()
        .attrs
        .borrow_mut()
        .insert(
            PyStr::from("__new__"),
            slot("__new__", slot_new, Some(Value::str("object"))),
        );
    // Each exception type's own `__new__` (CPython gives every one a wrapper of
    // `BaseException.__new__` naming it): what `ValueError.__new__(cls)` and an exception class's
    // `super().__new__(cls)` reach, where `object.__new__` refuses.
    crate::python::builtin_classes::with(|b| {
        for cls in b.exception_classes() {
            // (`BaseExceptionGroup` has a `__new__` of its own, which `ExceptionGroup` inherits.)
            if cls.lookup("__new__").is_some_and(|n| !is_slot_new(&n)) {
                continue;
            }
            cls.attrs.borrow_mut().insert(
                PyStr::from("__new__"),
                slot("__new__", slot_new, Some(Value::Str(cls.name.clone()))),
            );
        }
    });
}

/// For a class whose instances a builtin type's `__new__` makes (`int`, `list`, an exception, a
/// class deriving from one), the class CPython's refusal of `object.__new__(cls)` names: the
/// class itself, or the nearest base without a `__new__` of its own written in Python (CPython's
/// "most derived base that's not a heap type" in `tp_new_wrapper`). `None` for a class that
/// `object.__new__` makes whole.
pub(crate) fn made_by_a_builtin_new(cls: &Rc<Class>) -> Option<Rc<Class>> {
    let mro = cls.mro.borrow();
    if !mro
        .iter()
        .any(|k| &*k.module == "builtins" && &*k.name != "object")
    {
        return None;
    }
    let own_new =
        |k: &Rc<Class>| &*k.module != "builtins" && k.attrs.borrow().contains_key("__new__");
    mro.iter().find(|k| !own_new(k)).cloned()
}

/// Whether `v` is one of the `__new__` slots installed here (as opposed to a class's own).
pub fn is_slot_new(v: &Value) -> bool {
    matches!(v, Value::Builtin(b) if b.f as usize == slot_new as NativeFn as usize)
}

/// The `NotImplemented` a slot returns when the operation is not for its type (the builtin of
/// that name, as `ops::is_not_implemented` recognises it).
pub(crate) fn not_implemented(_: &mut Interp, _: Args) -> R<Value> {
    Err(type_error("'NotImplementedType' object is not callable"))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;
    use crate::runtime::capture::capture;

    #[test]
    fn an_instance_carries_its_base_value_through_the_slots() {
        assert_eq!(
            out(
                "class D(dict):\n    pass\nd = D(a=1)\nd['b'] = 2\nprint(d, len(d), 'a' in d, sorted(d))"
            ),
            "{'a': 1, 'b': 2} 2 True ['a', 'b']\n"
        );
        assert_eq!(
            out("class N(int):\n    pass\nprint(N(3) + 1, N(3) * N(2), -N(3), N(3) == 3)"),
            "4 6 -3 True\n"
        );
    }

    #[test]
    fn a_bytearray_subclass_instance_is_of_its_class_and_filled_by_init() {
        let src = "class B(bytearray):\n    def __init__(self, x, tag):\n        \
                   super().__init__(x)\n        self.tag = tag\n\
                   b = B(b'ab', 1)\nb += b'c'\nb.append(100)\n\
                   print(repr(b), b.tag, len(b), type(b[:1]).__name__, type(b).__name__)";
        assert_eq!(out(src), "B(b'abcd') 1 4 bytearray B\n");
    }

    #[test]
    fn the_iterator_types_are_classes_a_class_may_extend() {
        let src = "class Z(zip):\n    def __next__(self):\n        \
                   return sum(super().__next__())\n\
                   print(repr(zip), isinstance(zip(), zip), list(Z([1, 2], [10, 20])))\n\
                   class R(reversed):\n    pass\n\
                   print(type(R([1])).__name__, type(R((1,))).__name__)";
        assert_eq!(
            out(src),
            "<class 'zip'> True [11, 22]\nlist_reverseiterator R\n"
        );
    }

    #[test]
    fn a_plain_builtin_takes_its_turn_when_the_subclass_method_declines() {
        let src = "class C(dict):\n    def __eq__(self, o):\n        return NotImplemented\n    \
                   def __or__(self, o):\n        return NotImplemented\n\
                   c = C(a=1)\nprint(c == {'a': 1}, {'a': 1} == c, c == {'a': 2}, c | {'b': 2})";
        assert_eq!(out(src), "True True False {'a': 1, 'b': 2}\n");
    }

    #[test]
    fn own_methods_win_and_super_reaches_the_builtin() {
        assert_eq!(
            out(
                "class L(list):\n    def append(self, x):\n        super().append(x * 10)\nl = L()\nl.append(1)\nlist.append(l, 2)\nprint(l)"
            ),
            "[10, 2]\n"
        );
    }

    #[test]
    fn a_tuple_subclass_hashes_as_its_tuple_unless_it_defines_eq() {
        assert_eq!(
            out("class P(tuple):\n    pass\nprint({P((1, 2)): 'x'}[(1, 2)])"),
            "x\n"
        );
        let (code, got) = capture(|| {
            crate::python::run_main(
                "class P(tuple):\n    def __eq__(self, o):\n        return True\nhash(P())",
                "main.py",
            )
        });
        assert_eq!(code, 1);
        assert!(
            got.stderr.ends_with("TypeError: unhashable type: 'P'\n"),
            "{}",
            got.stderr
        );
    }
}
