//! The builtin functions and types (`print`, `len`, `int`, `isinstance`, ...). Builtin types are
//! classes (so `isinstance(x, int)` and `type(x) is str` work) whose `__new__` is native.

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Signed;

use super::bigint;
use super::bind::Sig;
use super::exceptions::{Exc, not_available, type_error, value_error};
use super::interp::{Interp, bind};
use super::iter_kind::IterKind;
use super::value::*;

mod async_iter;
mod sort_plain;
use crate::runtime::output;
use crate::trace::Stream;

/// Builtin type classes by the name `type(x).__name__` gives.
const TYPES: &[&str] = &[
    "int",
    "float",
    "str",
    "bool",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "bytes",
    "range",
    "type",
    "NoneType",
    "function",
    "builtin_function_or_method",
    "wrapper_descriptor",
    "method_descriptor",
    "method",
    "module",
    "iterator",
    "generator",
    "coroutine",
    "async_generator",
    "async_generator_asend",
    "coroutine_wrapper",
    "slice",
    "staticmethod",
    "classmethod",
    "property",
    "super",
    "ellipsis",
];

pub fn install(it: &mut Interp) {
    let classes = it.classes.clone();
    let object = classes.object.clone();
    for name in TYPES {
        let new: Option<NativeFn> = match *name {
            "int" => Some(new_int),
            "float" => Some(new_float),
            "str" => Some(new_str),
            "bool" => Some(new_bool),
            "list" => Some(new_list),
            "tuple" => Some(new_tuple),
            "dict" => Some(new_dict),
            "set" => Some(new_set),
            "frozenset" => Some(new_frozenset),
            "bytes" => Some(new_bytes),
            "range" => Some(new_range),
            "type" => Some(new_type),
            "super" => Some(new_super),
            "slice" => Some(super::methods::slice_new),
            _ => None,
        };
        let mut attrs = Namespace::default();
        if let Some(f) = new {
            attrs.insert(PyStr::from("__new__"), Value::builtin(name, f));
        }
        let base = if *name == "bool" {
            classes.type_named("int").expect("int is made before bool")
        } else {
            object.clone()
        };
        let native = if matches!(*name, "staticmethod" | "classmethod" | "property") {
            None
        } else {
            Some(NativeKind::Other)
        };
        let cls = classes.define_type(name, base, attrs, native);
        if !matches!(
            *name,
            "NoneType"
                | "function"
                | "builtin_function_or_method"
                | "wrapper_descriptor"
                | "method_descriptor"
                | "method"
                | "module"
                | "iterator"
                | "generator"
                | "coroutine"
                | "async_generator"
                | "async_generator_asend"
                | "coroutine_wrapper"
                | "ellipsis"
        ) {
            it.builtins.insert(PyStr::from(*name), Value::Class(cls));
        }
    }
    // The builtin iterators' types (`list_iterator`, `dict_keyiterator`, `zip`...): `type(it)`
    // finds them by name. The ones CPython lets a class extend (`enumerate`, `zip`, `map`,
    // `filter`, `reversed`) are builtin names too: calling the class makes the iterator through
    // its `__new__` (subclass.rs keeps it as the type's constructor).
    for kind in super::iter_kind::IterKind::ALL {
        let name = kind.name();
        if name == "iterator" {
            continue;
        }
        // The slots on the class too, as CPython's: `collections.abc.Iterator` checks for them
        // there, and `operator.length_hint` looks `__length_hint__` up on the type.
        let mut attrs = Namespace::default();
        attrs.insert(
            PyStr::from("__iter__"),
            Value::builtin("__iter__", iter_self),
        );
        attrs.insert(
            PyStr::from("__next__"),
            Value::builtin("__next__", iter_next),
        );
        if kind.has_length_hint() {
            attrs.insert(
                PyStr::from("__length_hint__"),
                Value::builtin("__length_hint__", iter_length_hint),
            );
        }
        let new: Option<NativeFn> = match kind {
            IterKind::Enumerate => Some(new_enumerate),
            IterKind::Zip => Some(new_zip),
            IterKind::Map => Some(new_map),
            IterKind::Filter => Some(new_filter),
            IterKind::Reversed => Some(new_reversed),
            _ => None,
        };
        if let Some(f) = new {
            attrs.insert(PyStr::from("__new__"), Value::builtin(name, f));
        }
        let cls = classes.define_type(name, object.clone(), attrs, Some(NativeKind::Other));
        if new.is_some() {
            it.builtins.insert(PyStr::from(name), Value::Class(cls));
        }
    }
    // staticmethod/classmethod/property: instances hold the function in `__func__` / `fget`.
    for (cls, f) in [
        (&classes.staticmethod, wrap_func as NativeFn),
        (&classes.classmethod, wrap_func),
    ] {
        let name: &str = &cls.name;
        cls.attrs
            .borrow_mut()
            .insert(PyStr::from("__init__"), Value::builtin(name, f));
    }
    super::interp::install_property(&classes.property);
    it.builtins
        .insert(PyStr::from("object"), Value::Class(object));
    let fns: &[(&str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("any", any),
        ("all", all),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("aiter", async_iter::aiter),
        ("anext", async_iter::anext),
        ("callable", callable),
        ("format", format),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("input", input),
        ("open", open),
        ("exec", exec),
        ("eval", exec),
        ("__import__", exec),
        ("breakpoint", exec),
        ("exit", exit),
        ("quit", exit),
    ];
    for (name, f) in fns {
        it.builtins
            .insert(PyStr::from(*name), Value::builtin(name, *f));
    }
    it.builtins.insert(
        PyStr::from("NotImplemented"),
        Value::builtin("NotImplemented", not_implemented),
    );
    it.builtins.insert(PyStr::from("Ellipsis"), Value::Ellipsis);
    it.builtins.insert(
        PyStr::from("complex"),
        Value::Class(super::complex::class()),
    );
    super::methods::bytearray::install(it);
    super::methods::memoryview::install(it);
    it.builtins
        .insert(PyStr::from("__name__"), Value::str("builtins"));
    super::subclass::install();
}

/// `enumerate(iterable, start=0)` and the others called as classes: the class (`a.pos[0]`),
/// then the arguments their functions take.
fn new_enumerate(it: &mut Interp, a: Args) -> PyResult {
    enumerate(it, without_class(a))
}

fn new_zip(it: &mut Interp, a: Args) -> PyResult {
    zip(it, without_class(a))
}

fn new_map(it: &mut Interp, a: Args) -> PyResult {
    map(it, without_class(a))
}

fn new_filter(it: &mut Interp, a: Args) -> PyResult {
    filter(it, without_class(a))
}

fn new_reversed(it: &mut Interp, a: Args) -> PyResult {
    reversed(it, without_class(a))
}

fn without_class(mut a: Args) -> Args {
    if !a.pos.is_empty() {
        a.pos.remove(0);
    }
    a
}

/// `list_iterator.__iter__(it)`: an iterator is its own (an instance of a class derived from
/// `zip` too, not the iterator it carries).
fn iter_self(_: &mut Interp, a: Args) -> PyResult {
    one_iterator(&a, "__iter__")?;
    Ok(a.pos[0].clone())
}

/// `list_iterator.__next__(it)`.
fn iter_next(it: &mut Interp, a: Args) -> PyResult {
    let v = one_iterator(&a, "__next__")?;
    match it.next(&v)? {
        Some(x) => Ok(x),
        None => Err(Exc::with_args(ExcKind::StopIteration, vec![])),
    }
}

/// `list_iterator.__length_hint__(it)`: the items left.
fn iter_length_hint(_: &mut Interp, a: Args) -> PyResult {
    let v = one_iterator(&a, "__length_hint__")?;
    let Value::Iterator(i) = &v else {
        unreachable!("one_iterator checked")
    };
    let left = i.borrow().length_hint().unwrap_or(0);
    Ok(Value::Int(left.min(i64::MAX as usize) as i64))
}

/// The builtin iterator a slot of an iterator type was called on.
fn one_iterator(a: &Args, slot: &str) -> PyResult {
    // An instance of a class derived from `zip`, `map`...: the iterator it carries.
    match a.pos.first().map(super::subclass::unwrap).as_ref() {
        Some(v @ Value::Iterator(_)) => Ok(v.clone()),
        Some(other) => Err(type_error(format!(
            "descriptor '{slot}' requires an iterator object but received a '{}'",
            other.type_name()
        ))),
        None => Err(type_error(format!("descriptor '{slot}' needs an argument"))),
    }
}

fn not_implemented(_: &mut Interp, _: Args) -> PyResult {
    Err(type_error("'NotImplementedType' object is not callable"))
}

/// The class of any value.
pub fn type_of(v: &Value) -> Rc<Class> {
    match v {
        Value::Instance(i) => i.class.clone(),
        Value::Class(c) => super::interp::meta_of(c),
        other => super::builtin_classes::builtin_type(&other.type_name()),
    }
}

fn kw(a: &Args, name: &str) -> Option<Value> {
    a.kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

pub fn print(it: &mut Interp, a: Args) -> PyResult {
    // `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
    let [sep, end, file, flush] = Sig::c("print", &["sep", "end", "file", "flush"], 0)
        .kwonly(4)
        .varargs()
        .bind(&a)?;
    let text = |v: Option<&Value>, name: &str, default: &str| match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(type_error(format!(
            "{name} must be None or a string, not {}",
            other.type_name()
        ))),
    };
    let sep = text(sep, "sep", " ")?;
    let end = text(end, "end", "\n")?;
    let file = file.filter(|f| !matches!(f, Value::None)).cloned();
    let flush = match flush {
        Some(v) => it.truthy(v)?,
        None => false,
    };
    let mut stream = Stream::Stdout;
    // `file=`, or what `sys.stdout` holds now: a program (or `contextlib.redirect_stdout`) may
    // have put an `io.StringIO` there.
    if let Some(target) = file.or_else(|| super::modules::sys_stream(it, "stdout")) {
        match super::modules::stream_of(&target) {
            Some(s) => stream = s,
            None => return print_to_object(it, &target, &a.pos, &sep, &end, flush),
        }
    }
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&it.str_of(v)?);
    }
    out.push_str(&end);
    output::write(stream, &out);
    if flush {
        output::flush(stream);
    }
    Ok(Value::None)
}

/// `print(..., file=obj)` to an object of the program's (an `io.StringIO`): each piece goes to
/// `obj.write` in its own call, as CPython's print writes them.
fn print_to_object(
    it: &mut Interp,
    target: &Value,
    pos: &[Value],
    sep: &str,
    end: &str,
    flush: bool,
) -> PyResult {
    for (i, v) in pos.iter().enumerate() {
        if i > 0 {
            it.call_method(target, "write", vec![Value::str(sep)])?;
        }
        let text = it.str_of(v)?;
        it.call_method(target, "write", vec![Value::str(&text)])?;
    }
    it.call_method(target, "write", vec![Value::str(end)])?;
    if flush {
        it.call_method(target, "flush", vec![])?;
    }
    Ok(Value::None)
}

fn len(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("len", "", &["obj"], 1).bind::<1>(&a)?;
    Ok(Value::Int(it.len_of(&a.pos[0])?))
}

fn repr(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("repr", "", &["obj"], 1).bind::<1>(&a)?;
    // A call of a one-argument builtin is a level in CPython (`CALL_NO_KW_BUILTIN_O` checks it),
    // which `repr(self)` inside `__repr__` meets before PyObject_Repr's own.
    let r = it.nested("while calling a Python object", |it| it.repr(&a.pos[0]))?;
    Ok(Value::Str(PyStr::from(r)))
}

fn class_matches(v: &Value, spec: &Value) -> Result<bool, Exc> {
    match spec {
        Value::Class(c) => Ok(type_of(v).is_subclass(c)
            || super::builtin_classes::is(c, |b| &b.object)
            || (&*c.module == "builtins"
                && &*c.name == "dict"
                && super::interp::is_instance_dict(v))),
        Value::Tuple(t) => {
            for s in t.iter() {
                if class_matches(v, s)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

/// `ascii(x)`: `repr(x)` with every non-ASCII character escaped (`'é'` is `'\\xe9'`).
fn ascii(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("ascii", "", &["obj"], 1).bind::<1>(&a)?;
    let text = it.repr(&a.pos[0])?;
    Ok(Value::Str(PyStr::from(super::format::ascii_of(&text))))
}

/// A metaclass's `__instancecheck__` / `__subclasscheck__` (ABCMeta's, for virtual
/// subclasses), when `spec` is a class whose metaclass defines one: its answer, as a bool.
/// An object standing in for a class (`typing.Iterable`) answers through its own class's hook.
fn meta_check(it: &mut Interp, spec: &Value, hook: &str, arg: &Value) -> Option<PyResult> {
    let f = match spec {
        Value::Class(c) => super::interp::meta_method(c, hook)?,
        Value::Instance(i) => i.class.lookup(hook)?,
        _ => return None,
    };
    Some(
        it.call(&f, Args::new(vec![spec.clone(), arg.clone()]))
            .and_then(|v| it.truthy(&v).map(Value::Bool)),
    )
}

fn isinstance(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("isinstance", "", &["obj", "class_or_tuple"], 2).bind::<2>(&a)?;
    // The exact type matches without asking the metaclass, as CPython's fast path does.
    let exact = matches!(&a.pos[1], Value::Class(c) if Rc::ptr_eq(&type_of(&a.pos[0]), c));
    if !exact && let Some(r) = meta_check(it, &a.pos[1], "__instancecheck__", &a.pos[0]) {
        return r;
    }
    if let Value::Tuple(t) = &a.pos[1] {
        for spec in t.iter() {
            if let Some(r) = meta_check(it, spec, "__instancecheck__", &a.pos[0]) {
                if matches!(r?, Value::Bool(true)) {
                    return Ok(Value::Bool(true));
                }
            } else if class_matches(&a.pos[0], spec)? {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(class_matches(&a.pos[0], &a.pos[1])?))
}

fn issubclass(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("issubclass", "", &["cls", "class_or_tuple"], 2).bind::<2>(&a)?;
    if let Some(r) = meta_check(it, &a.pos[1], "__subclasscheck__", &a.pos[0]) {
        return r;
    }
    let Value::Class(c) = &a.pos[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let check = |s: &Value| -> Result<bool, Exc> {
        match s {
            Value::Class(k) => Ok(c.is_subclass(k)),
            _ => Err(type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    };
    Ok(Value::Bool(match &a.pos[1] {
        // As CPython: the first class that matches ends the check.
        Value::Tuple(t) => {
            let mut any = false;
            for s in t.iter() {
                let hooked = match meta_check(it, s, "__subclasscheck__", &a.pos[0]) {
                    Some(r) => matches!(r?, Value::Bool(true)),
                    None => check(s)?,
                };
                if hooked {
                    any = true;
                    break;
                }
            }
            any
        }
        s => check(s)?,
    }))
}

fn attr_name(v: &Value) -> Result<PyStr, Exc> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            other.type_name()
        ))),
    }
}

fn hasattr(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("hasattr", "", &["obj", "name"], 2).bind::<2>(&a)?;
    let name = attr_name(&a.pos[1])?;
    match it.getattr_opt(&a.pos[0], &name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("getattr", "", &["object", "name", "default"], 2).bind::<3>(&a)?;
    let name = attr_name(&a.pos[1])?;
    match (it.getattr(&a.pos[0], &name), a.pos.get(2)) {
        (Ok(v), _) => Ok(v),
        (Err(e), Some(d)) if e.is(ExcKind::AttributeError) => Ok(d.clone()),
        (Err(e), _) => Err(e),
    }
}

fn setattr(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("setattr", "", &["obj", "name", "value"], 3).bind::<3>(&a)?;
    let name = attr_name(&a.pos[1])?;
    it.setattr(&a.pos[0], &name, a.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("delattr", "", &["obj", "name"], 2).bind::<2>(&a)?;
    let name = attr_name(&a.pos[1])?;
    it.delattr(&a.pos[0], &name)?;
    Ok(Value::None)
}

fn abs(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("abs", "", &["x"], 1).bind::<1>(&a)?;
    match &a.pos[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => bigint::norm(BigInt::from(*i).abs()),
        }),
        Value::BigInt(b) => Ok(bigint::norm(b.abs())),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v @ Value::Instance(i) => match i.class.lookup("__abs__") {
            Some(m) => it.call(&bind(m, v), Args::default()),
            None => Err(type_error(format!(
                "bad operand type for abs(): '{}'",
                v.type_name()
            ))),
        },
        v => Err(type_error(format!(
            "bad operand type for abs(): '{}'",
            v.type_name()
        ))),
    }
}

fn extreme(it: &mut Interp, a: Args, want_max: bool) -> PyResult {
    let fname = if want_max { "max" } else { "min" };
    let key = kw(&a, "key").filter(|k| !matches!(k, Value::None));
    let default = kw(&a, "default");
    if a.pos.is_empty() {
        return Err(type_error(format!(
            "{fname} expected at least 1 argument, got 0"
        )));
    }
    let mut items = if a.pos.len() == 1 {
        it.collect(&a.pos[0])?
    } else {
        a.pos.clone()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{fname}() arg is an empty sequence"))),
        };
    }
    let op = if want_max {
        super::ast::CmpOp::Gt
    } else {
        super::ast::CmpOp::Lt
    };
    // Without a key function the items are compared where they are and the best is known by
    // its index: no copy and no drop per item.
    let Some(kf) = &key else {
        let mut best = 0;
        for i in 1..items.len() {
            if better(it, op, &items[i], &items[best])? {
                best = i;
            }
        }
        return Ok(items.swap_remove(best));
    };
    let mut best = items[0].clone();
    let mut best_key = it.call(kf, Args::new(vec![best.clone()]))?;
    for x in items.into_iter().skip(1) {
        let k = it.call(kf, Args::new(vec![x.clone()]))?;
        if better(it, op, &k, &best_key)? {
            best = x;
            best_key = k;
        }
    }
    Ok(best)
}

/// Whether `k` beats `best` for `max` (`op` is `>`) or `min` (`<`). Two ints or two floats
/// compare here as `<`/`>` compares them (NaN included), with no trip through the generic
/// comparison: that was most of `max(xs)`'s time.
#[inline]
fn better(it: &mut Interp, op: super::ast::CmpOp, k: &Value, best: &Value) -> PyResult<bool> {
    let want_max = matches!(op, super::ast::CmpOp::Gt);
    Ok(match (k, best) {
        (Value::Int(x), Value::Int(y)) => {
            if want_max {
                x > y
            } else {
                x < y
            }
        }
        (Value::Float(x), Value::Float(y)) => {
            if want_max {
                x > y
            } else {
                x < y
            }
        }
        _ => it.compare(op, k, best)?,
    })
}

fn min(it: &mut Interp, a: Args) -> PyResult {
    extreme(it, a, false)
}

fn max(it: &mut Interp, a: Args) -> PyResult {
    extreme(it, a, true)
}

fn sum(it: &mut Interp, a: Args) -> PyResult {
    let [src, start] = Sig::c("sum", &["iterable", "start"], 1)
        .posonly(1)
        .bind(&a)?;
    let src = src.cloned().unwrap_or(Value::None);
    // Made before `start` is checked, as in CPython (`sum(5, '')` is about the 5).
    enum Items {
        List(Rc<RefCell<Vec<Value>>>),
        Iter(Value),
    }
    let items = match &src {
        Value::List(l) => Items::List(l.clone()),
        _ => Items::Iter(it.iter(&src)?),
    };
    let mut total = start.cloned().unwrap_or(Value::Int(0));
    if matches!(total, Value::Str(_)) {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    // Item by item as CPython's sum (a generator's items are not gathered first); a list's items
    // are read afresh at each step, since an `__add__` may change the list.
    let items = match items {
        Items::Iter(items) => items,
        Items::List(l) => {
            let mut i = 0;
            loop {
                let x = {
                    let l = l.borrow();
                    // A run of ints added to an int here, in place (no Python can run).
                    if let Value::Int(mut t) = total {
                        while let Some(Value::Int(x)) = l.get(i)
                            && let Some(n) = t.checked_add(*x)
                        {
                            t = n;
                            i += 1;
                        }
                        total = Value::Int(t);
                    }
                    match l.get(i) {
                        Some(x) => x.clone(),
                        None => break,
                    }
                };
                i += 1;
                total = add(it, total, x)?;
            }
            return Ok(total);
        }
    };
    while let Some(x) = it.next(&items)? {
        total = add(it, total, x)?;
    }
    Ok(total)
}

/// `total + x` for `sum`: two ints (without overflow) or two floats added here, as `+` adds them,
/// anything else through `+`.
#[inline]
fn add(it: &mut Interp, total: Value, x: Value) -> PyResult {
    match (&total, &x) {
        (Value::Int(a), Value::Int(b)) if let Some(n) = a.checked_add(*b) => Ok(Value::Int(n)),
        (Value::Float(a), Value::Float(b)) => Ok(Value::Float(a + b)),
        _ => it.binop(super::ast::BinOp::Add, &total, &x),
    }
}

/// Sort values in place with an optional key, stably, as `list.sort` does.
pub fn sort_values(
    it: &mut Interp,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> Result<(), Exc> {
    let keys: Vec<Value> = match key {
        Some(k) => items
            .iter()
            .map(|x| it.call(k, Args::new(vec![x.clone()])))
            .collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    // Without a key function the items are their own keys (read in place, not copied).
    let keys: &[Value] = if key.is_some() { &keys } else { items };
    let idx = match sort_plain::order(keys, reverse) {
        Some(idx) => idx,
        None => {
            let mut idx: Vec<usize> = (0..items.len()).collect();
            let mut err = None;
            // Merge sort through a fallible comparison: collect the first error and stop
            // comparing. The sort asks only whether one is less than the other, so `<` is
            // called once a comparison, as CPython's sort calls it.
            idx.sort_by(|&x, &y| {
                if err.is_some() {
                    return std::cmp::Ordering::Equal;
                }
                let (a, b) = if reverse {
                    (&keys[y], &keys[x])
                } else {
                    (&keys[x], &keys[y])
                };
                match it.compare(super::ast::CmpOp::Lt, a, b) {
                    Ok(true) => std::cmp::Ordering::Less,
                    Ok(false) => std::cmp::Ordering::Greater,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                }
            });
            if let Some(e) = err {
                return Err(e);
            }
            idx
        }
    };
    // Each item moved once to its place (no clone, no count change).
    let mut old = std::mem::take(items);
    *items = idx
        .into_iter()
        .map(|i| std::mem::replace(&mut old[i], Value::None))
        .collect();
    Ok(())
}

fn sorted(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("sorted", "", &["iterable"], 1)
        .varkw()
        .bind::<1>(&a)?;
    // Its keywords are `list.sort`'s, refused in that method's words.
    let [key, reverse] = Sig::c("sort", &["key", "reverse"], 0)
        .kwonly(2)
        .method()
        .bind(&a)?;
    let plan = super::sizeof::list_plan(&a.pos[0]);
    let mut items = it.collect(&a.pos[0])?;
    let key = key.filter(|k| !matches!(k, Value::None)).cloned();
    let reverse = match reverse {
        Some(r) => it.truthy(r)?,
        None => false,
    };
    sort_values(it, &mut items, key.as_ref(), reverse)?;
    // Allocated as `list(iterable)` is: CPython's `sorted` makes one (python/sizeof.rs).
    Ok(Value::list(super::sizeof::list_from(plan, items)?))
}

fn seq_iter(items: Vec<Value>, kind: IterKind) -> Value {
    Value::Iterator(Rc::new(RefCell::new(Iter::Seq {
        items: items.into(),
        pos: 0,
        kind,
    })))
}

/// `reversed(range(...))` is a range iterator counting down, as in CPython; `None` when its
/// bounds would leave 64 bits (the items are then listed instead).
fn reversed_range(r: &Range) -> Option<Value> {
    if r.big.is_some() {
        return Some(super::methods::range::long_iter(r, true));
    }
    let len = r.len_exact();
    if len == 0 {
        return Some(lazy(Iter::Range {
            next: 0,
            stop: 0,
            step: 1,
        }));
    }
    let last = r.start as i128 + (len - 1) * r.step as i128;
    let stop = i64::try_from(r.start as i128 - r.step as i128).ok()?;
    let step = r.step.checked_neg()?;
    Some(lazy(Iter::Range {
        next: i64::try_from(last).ok()?,
        stop,
        step,
    }))
}

pub(crate) fn reversed(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("reversed", "", &["sequence"], 1)
        .counted()
        .bind::<1>(&a)?;
    if let v @ Value::Instance(i) = &a.pos[0]
        && let Some(m) = i.class.lookup("__reversed__")
    {
        return it.call(&bind(m, v), Args::default());
    }
    if matches!(
        a.pos[0],
        Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Iterator(_)
            | Value::Generator(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Bool(_)
            | Value::Float(_)
            | Value::None
    ) {
        return Err(type_error(format!(
            "'{}' object is not reversible",
            a.pos[0].type_name()
        )));
    }
    // A dict, or the dict under a subclass's instance (Counter, defaultdict: dict's own
    // `__reversed__`), read as it goes with CPython's size check (python/dict_iter.rs).
    if let Value::Dict(d) = &super::subclass::unwrap(&a.pos[0]) {
        use super::dict_iter::{DictIter, Yields};
        return Ok(lazy(Iter::Dict(DictIter::new(
            d.clone(),
            Yields::Keys,
            true,
        ))));
    }
    let kind = match &a.pos[0] {
        Value::List(_) => IterKind::ListReverse,
        Value::Range(r) => match reversed_range(r) {
            Some(v) => return Ok(v),
            None => IterKind::Range,
        },
        _ => IterKind::Reversed,
    };
    let mut items = it.collect(&a.pos[0])?;
    items.reverse();
    Ok(seq_iter(items, kind))
}

fn enumerate(it: &mut Interp, a: Args) -> PyResult {
    // CPython's enumerate checks a call without the iterable by hand: no "(pos 1)", and a
    // keyword alone is refused (`enumerate(start=1)`).
    if a.pos.is_empty() {
        return Err(type_error(match a.kw.first() {
            Some((k, _)) => format!("'{k}' is an invalid keyword argument for enumerate()"),
            None => "enumerate() missing required argument 'iterable'".into(),
        }));
    }
    let [_, start] = Sig::c("enumerate", &["iterable", "start"], 1)
        .posonly(1)
        .bind(&a)?;
    let inner = it.iter(&a.pos[0])?;
    let start = match start {
        Some(Value::Int(i)) => *i,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
        None => 0,
    };
    Ok(lazy(Iter::Enumerate(inner, start)))
}

/// `zip`, `map`, `enumerate` and `filter` are lazy, as in CPython: they take an item from their
/// iterables only when asked, so they work on endless generators.
fn lazy(i: Iter) -> Value {
    Value::Iterator(Rc::new(RefCell::new(i)))
}

fn iters(it: &mut Interp, vs: &[Value]) -> Result<ThinRc<Value>, Exc> {
    vs.iter().map(|v| it.iter(v)).collect()
}

fn zip(it: &mut Interp, a: Args) -> PyResult {
    let [strict] = Sig::c("zip", &["strict"], 0).kwonly(1).varargs().bind(&a)?;
    let strict = match strict {
        Some(v) => it.truthy(v)?,
        None => false,
    };
    if strict {
        return zip_strict(it, &a.pos);
    }
    Ok(lazy(Iter::Zip(iters(it, &a.pos)?)))
}

/// `zip(..., strict=True)`: the iterables are read to their ends first, so a length mismatch is
/// CPython's ValueError (CPython raises it when the shorter one runs out, after the tuples before;
/// here it comes before the first tuple).
fn zip_strict(it: &mut Interp, sources: &[Value]) -> PyResult {
    let mut all = Vec::with_capacity(sources.len());
    for s in sources {
        all.push(it.collect(s)?);
    }
    if let Some(first) = all.first() {
        for (i, other) in all.iter().enumerate().skip(1) {
            if other.len() != first.len() {
                let (how, n) = if other.len() < first.len() {
                    ("shorter", i + 1)
                } else {
                    ("longer", i + 1)
                };
                let which = if i == 1 {
                    "argument 1".to_string()
                } else {
                    format!("arguments 1-{i}")
                };
                return Err(value_error(format!(
                    "zip() argument {n} is {how} than {which}"
                )));
            }
        }
    }
    let n = all.first().map_or(0, Vec::len);
    let rows = (0..n)
        .map(|k| Value::tuple(all.iter().map(|col| col[k].clone()).collect()))
        .collect();
    Ok(seq_iter(rows, IterKind::Zip))
}

fn map(it: &mut Interp, a: Args) -> PyResult {
    // `map(func, *iterables)`: CPython's own check, by hand.
    if a.pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    Sig::c_pos("map", "", &["func"], 1)
        .varargs()
        .bind::<1>(&a)?;
    Ok(lazy(Iter::Map(a.pos[0].clone(), iters(it, &a.pos[1..])?)))
}

fn filter(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("filter", "", &["function", "iterable"], 2).bind::<2>(&a)?;
    let inner = it.iter(&a.pos[1])?;
    Ok(lazy(Iter::Filter(a.pos[0].clone(), inner)))
}

fn any(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("any", "", &["iterable"], 1).bind::<1>(&a)?;
    let i = it.iter(&a.pos[0])?;
    while let Some(x) = it.next(&i)? {
        if it.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("all", "", &["iterable"], 1).bind::<1>(&a)?;
    let i = it.iter(&a.pos[0])?;
    while let Some(x) = it.next(&i)? {
        if !it.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Round half to even, as Python 3 does.
fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `round(i, n)` for an int: exact, in integers (a float would lose digits past 2**53), half to
/// even, at any size.
fn round_int(i: &BigInt, n: i64) -> Value {
    if n >= 0 {
        return bigint::norm(i.clone());
    }
    // 10**k > 2**k: with k past the int's bit count, |i| < 10**k / 2 and everything rounds to 0.
    let k = n.unsigned_abs();
    if k > i.bits() {
        return Value::Int(0);
    }
    let p = num_traits::Pow::pow(BigInt::from(10), k as u32);
    let (q, r) = num_integer::Integer::div_mod_floor(i, &p);
    let twice: BigInt = r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
        _ => q,
    };
    bigint::norm(q * p)
}

/// `round(f, n)` for a float, as CPython: through the decimal text (so round(2.675, 2) == 2.67);
/// past the digits a double has, `f` itself; far to the left, a signed zero.
fn round_float(f: f64, n: i64) -> Result<f64, Exc> {
    // CPython's NDIGITS_MAX and NDIGITS_MIN for IEEE doubles.
    if n > 323 || !f.is_finite() || f == 0.0 {
        return Ok(f);
    }
    if n < -308 {
        return Ok(0.0 * f);
    }
    let r = if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        s.parse().unwrap_or(f)
    } else {
        // Through the decimal text too: the digits before the 10**-n place, correctly rounded
        // (Rust's formatter settles exact ties to even, as CPython's dtoa does).
        let sci = format!("{f:e}");
        let e10: i64 = sci
            .split_once('e')
            .and_then(|(_, e)| e.parse().ok())
            .unwrap_or(0);
        let keep = e10 + n;
        if keep >= 0 {
            let s = format!("{:.*e}", keep as usize, f);
            s.parse().unwrap_or(f)
        } else if keep == -1 {
            // One digit short of the place: 0 or one unit of it, by comparing with half a unit.
            let unit: f64 = format!("1e{}", -n).parse().unwrap_or(f64::INFINITY);
            let half = format!("5e{}", -n - 1)
                .parse::<f64>()
                .unwrap_or(f64::INFINITY);
            if f.abs() > half {
                unit.copysign(f)
            } else {
                0.0 * f
            }
        } else {
            0.0 * f
        }
    };
    if r.is_finite() {
        Ok(r)
    } else {
        Err(Exc::new(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        ))
    }
}

fn round(it: &mut Interp, a: Args) -> PyResult {
    let [x, nd] = Sig::c("round", &["number", "ndigits"], 1).bind(&a)?;
    let x = x.cloned().unwrap_or(Value::None);
    let nd = nd.cloned().unwrap_or(Value::None);
    match (&x, &nd) {
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::None) => {
            Ok(bigint::norm(bigint::to_big(&x).unwrap_or_default()))
        }
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::Int(n)) => {
            Ok(round_int(&bigint::to_big(&x).unwrap_or_default(), *n))
        }
        // A number of digits past 64 bits: everything rounds to 0, or stays as it is.
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::BigInt(n)) => Ok(round_int(
            &bigint::to_big(&x).unwrap_or_default(),
            if n.is_negative() { i64::MIN } else { 0 },
        )),
        (Value::Float(f), Value::None) => super::ops::float_to_int(round_half_even(*f)),
        (Value::Float(f), Value::Int(n)) => round_float(*f, *n).map(Value::Float),
        (Value::Float(f), Value::Bool(n)) => round_float(*f, *n as i64).map(Value::Float),
        (Value::Float(f), Value::BigInt(n)) => {
            round_float(*f, if n.is_negative() { i64::MIN } else { i64::MAX }).map(Value::Float)
        }
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_), other) => {
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
        (v @ Value::Instance(i), _) => match i.class.lookup("__round__") {
            Some(m) => it.call(&bind(m, v), Args::new(a.pos[1..].to_vec())),
            None => Err(type_error(format!(
                "type {} doesn't define __round__ method",
                v.type_name()
            ))),
        },
        _ => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            x.type_name()
        ))),
    }
}

pub(crate) fn divmod(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("divmod", "", &["x", "y"], 2).bind::<2>(&a)?;
    let number = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
        )
    };
    let (x, y) = (&a.pos[0], &a.pos[1]);
    if number(x) && number(y) {
        let float = matches!(x, Value::Float(_)) || matches!(y, Value::Float(_));
        let zero = match y {
            Value::Float(f) => *f == 0.0,
            Value::Int(i) => *i == 0,
            Value::Bool(b) => !*b,
            _ => false,
        };
        if float && zero {
            return Err(Exc::new(ExcKind::ZeroDivisionError, "float divmod()"));
        }
    } else if !matches!(x, Value::Instance(_)) && !matches!(y, Value::Instance(_))
        || super::complex::get(x).is_some()
        || super::complex::get(y).is_some()
    {
        // A complex number has no floor division (3.11 removed `complex.__divmod__`).
        return Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            x.type_name(),
            y.type_name()
        )));
    }
    let q = it.binop(super::ast::BinOp::FloorDiv, &a.pos[0], &a.pos[1])?;
    let r = it.binop(super::ast::BinOp::Mod, &a.pos[0], &a.pos[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(it: &mut Interp, a: Args) -> PyResult {
    let [b, e, m] = Sig::c("pow", &["base", "exp", "mod"], 2).bind(&a)?;
    let b = b.cloned().unwrap_or(Value::None);
    let e = e.cloned().unwrap_or(Value::None);
    if let Some(m) = m {
        // `complex.__pow__` is what refuses a modulus when a complex takes part.
        if [&b, &e, m].iter().any(|v| super::complex::get(v).is_some()) && !matches!(m, Value::None)
        {
            return Err(value_error("complex modulo"));
        }
        let (Some(b), Some(e), Some(m)) =
            (bigint::to_big(&b), bigint::to_big(&e), bigint::to_big(m))
        else {
            return Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        };
        return bigint::pow_mod(&b, &e, &m);
    }
    it.binop(super::ast::BinOp::Pow, &b, &e)
}

fn int_arg(v: &Value) -> Result<i64, Exc> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(bigint::ssize_overflow()),
        // An int subclass (an IntEnum member) is the int it carries.
        Value::Instance(_) if matches!(super::subclass::base_of(v), Some(Value::Int(_))) => {
            int_arg(&super::subclass::unwrap(v))
        }
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

fn chr(_: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("chr", "", &["i"], 1).bind::<1>(&a)?;
    let i = match &a.pos[0] {
        Value::BigInt(_) => i64::MAX,
        v => int_arg(v)?,
    };
    if i32::try_from(i).is_err() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| value_error("chr() arg not in range(0x110000)"))?;
    Ok(Value::Str(PyStr::from(c.to_string())))
}

fn ord(_: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("ord", "", &["c"], 1).bind::<1>(&a)?;
    match &a.pos[0] {
        Value::Str(s) if s.chars().count() == 1 => {
            Ok(Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0)))
        }
        Value::Str(s) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

fn radix(a: &Args, fname: &str, prefix: &str, f: fn(u64) -> String) -> PyResult {
    Sig::c_pos(fname, "", &["number"], 1).bind::<1>(a)?;
    if let Value::BigInt(b) = &a.pos[0] {
        let digits = bigint::radix_digits(b, prefix_radix(prefix), false);
        let sign = if b.is_negative() { "-" } else { "" };
        return Ok(Value::Str(PyStr::from(format!("{sign}{prefix}{digits}"))));
    }
    let i = int_arg(&a.pos[0])?;
    let s = if i < 0 {
        format!("-{prefix}{}", f(i.unsigned_abs()))
    } else {
        format!("{prefix}{}", f(i as u64))
    };
    Ok(Value::Str(PyStr::from(s)))
}

/// The base a `bin`/`oct`/`hex` prefix names.
fn prefix_radix(prefix: &str) -> u32 {
    match prefix {
        "0b" => 2,
        "0o" => 8,
        _ => 16,
    }
}

fn hex(_: &mut Interp, a: Args) -> PyResult {
    radix(&a, "hex", "0x", |u| format!("{u:x}"))
}
fn bin(_: &mut Interp, a: Args) -> PyResult {
    radix(&a, "bin", "0b", |u| format!("{u:b}"))
}
fn oct(_: &mut Interp, a: Args) -> PyResult {
    radix(&a, "oct", "0o", |u| format!("{u:o}"))
}

fn id(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("id", "", &["obj"], 1).bind::<1>(&a)?;
    // A call of a one-argument builtin is a level in CPython (`cfunction_vectorcall_O`): a
    // recursion through `copy.deepcopy` meets the limit at its `id(x)`.
    it.nested("while calling a Python object", |_| Ok(()))?;
    Ok(Value::Int(a.pos[0].ptr().unwrap_or(match &a.pos[0] {
        Value::Int(i) => *i as usize,
        _ => 0,
    }) as i64))
}

pub(crate) fn hash(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("hash", "", &["obj"], 1).bind::<1>(&a)?;
    // A class's own `__hash__` gives the hash itself (CPython's slot_tp_hash): a word-sized
    // result as it is (-1, reserved for errors, becomes -2), a bigger one reduced as its int.
    if let Value::Instance(i) = &a.pos[0]
        && let Some(f @ Value::Function(_)) = i.class.lookup("__hash__")
    {
        return match it.call(&super::interp::bind(f, &a.pos[0]), Args::default())? {
            Value::Int(-1) => Ok(Value::Int(-2)),
            Value::Int(n) => Ok(Value::Int(n)),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            Value::BigInt(ref b) => Ok(Value::Int(bigint::hash_big(b))),
            _ => Err(type_error("__hash__ method should return an integer")),
        };
    }
    // A range hashes as CPython's: as the tuple that says which items it has.
    if let Value::Range(r) = &a.pos[0] {
        let t = super::methods::range::hash_tuple(r);
        return hash(it, Args::new(vec![t]));
    }
    use std::hash::{Hash, Hasher};
    let k = it.hash_key(&a.pos[0])?;
    // Numbers, `__hash__` results and tuples and frozensets of them: CPython's own number
    // (python/cpython_hash.rs).
    if let Some(h) = super::cpython_hash::of_key(&k) {
        return Ok(Value::Int(h));
    }
    Ok(Value::Int(match &k {
        // A NaN: CPython hashes it by address; `_Py_HashDouble` keeps the number stable here.
        HashKey::Float(bits) => super::float_hash::hash_double(f64::from_bits(*bits)),
        // By identity, as `object.__hash__` (src/python/interp/classes.rs) computes it.
        HashKey::Ptr(p) => (*p >> 4) as i64,
        other => {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            other.hash(&mut h);
            h.finish() as i64
        }
    }))
}

fn iter(it: &mut Interp, a: Args) -> PyResult {
    let [object, sentinel] = Sig::c_pos("iter", "", &["object", "sentinel"], 1).bind(&a)?;
    match (object, sentinel) {
        // iter(callable, sentinel): each step calls, until the sentinel comes back (the common
        // `for item in iter(q.get, None)` reads a queue item by item, as it arrives).
        (Some(func), Some(sentinel)) => Ok(Value::Iterator(Rc::new(RefCell::new(Iter::Call {
            func: func.clone(),
            sentinel: sentinel.clone(),
        })))),
        _ => it.iter(&a.pos[0]),
    }
}

fn next(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("next", "", &["iterator", "default"], 1).bind::<2>(&a)?;
    let i = a.pos[0].clone();
    // A generator's StopIteration carries its return value.
    if let (Value::Generator(g), None) = (&i, a.pos.get(1))
        && g.kind.iterable()
    {
        return it.gen_step(g, super::interp::generator::Resume::Send(Value::None));
    }
    match it.next(&i)? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(Exc::with_args(ExcKind::StopIteration, vec![])),
        },
    }
}

fn callable(_: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("callable", "", &["obj"], 1).bind::<1>(&a)?;
    Ok(Value::Bool(match &a.pos[0] {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        // A staticmethod object is callable (since 3.10); a classmethod object is not.
        Value::Instance(i) => {
            i.class.lookup("__call__").is_some()
                || super::builtin_classes::is(&i.class, |b| &b.staticmethod)
        }
        _ => false,
    }))
}

fn format(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("format", "", &["value", "format_spec"], 1).bind::<2>(&a)?;
    let v = a.pos[0].clone();
    let spec = match a.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )));
        }
        None => String::new(),
    };
    Ok(Value::Str(PyStr::from(it.format_value(&v, &spec)?)))
}

/// `vars(obj)`: the object's `__dict__`, the live namespace (src/python/interp/namespace_view.rs).
fn vars(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("vars", "", &["object"], 0).bind::<1>(&a)?;
    match a.pos.first() {
        Some(v @ (Value::Instance(_) | Value::Class(_) | Value::Function(_))) => {
            match it.getattr_opt(v, "__dict__") {
                Ok(Some(d)) => Ok(d),
                _ => Err(type_error("vars() argument must have __dict__ attribute")),
            }
        }
        Some(Value::Module(m)) => {
            let mut d = Dict::default();
            for (k, v) in m.attrs.borrow().iter() {
                d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
            }
            Ok(Value::dict(d))
        }
        Some(_) => Err(type_error("vars() argument must have __dict__ attribute")),
        None => Err(Exc::new(
            ExcKind::NotImplementedError,
            "vars() without an argument (the caller's local variables) is not supported by forkyard yet: name the object, as vars(obj)",
        )),
    }
}

fn dir(it: &mut Interp, a: Args) -> PyResult {
    let mut names: Vec<PyStr> = match a.pos.first() {
        Some(v @ Value::Instance(i)) => {
            let mut n: Vec<PyStr> = i.attrs.borrow().keys().cloned().collect();
            let mro = i.class.mro.borrow().clone();
            for c in &mro {
                // What every object has from `object` (`__eq__`, `__reduce_ex__`...).
                if super::builtin_classes::is(c, |b| &b.object) {
                    n.extend(super::dir_names::builtin_names(it, v, "object"));
                } else if !super::dir_names::is_builtin_type(c) {
                    n.extend(c.attrs.borrow().keys().cloned());
                } else {
                    // A native builtin type (`bytearray`): the names its instance answers.
                    n.extend(super::dir_names::builtin_names(it, v, &c.name));
                }
            }
            let (dict, weakref) = super::subclass::dict_and_weakref(&i.class);
            if dict {
                n.push(PyStr::from("__dict__"));
            }
            if weakref {
                n.push(PyStr::from("__weakref__"));
            }
            // An instance of a class derived from a builtin type has the base value's methods:
            // those the instance answers (so that `dir` and `hasattr` agree on it).
            if let Some(base) = super::subclass::base_of(v) {
                n.extend(super::dir_names::builtin_names(it, v, &base.type_name()));
            }
            n
        }
        Some(Value::Module(m)) => m.attrs.borrow().keys().cloned().collect(),
        Some(Value::Class(c)) => {
            let mro = c.mro.borrow().clone();
            let mut n = Vec::new();
            for k in &mro {
                // A builtin type's methods are not among its attrs: they are looked up by name.
                if super::builtin_classes::is(k, |b| &b.object) {
                    let object = Value::Class(k.clone());
                    n.extend(super::dir_names::builtin_names(it, &object, "object"));
                } else if !super::dir_names::is_builtin_type(k) {
                    n.extend(k.attrs.borrow().keys().cloned());
                } else {
                    let name = k.name.clone();
                    n.extend(super::dir_names::builtin_names(
                        it,
                        &Value::Class(k.clone()),
                        &name,
                    ));
                }
            }
            n
        }
        Some(v) => super::dir_names::builtin_names(it, v, &v.type_name()),
        None => it.globals.borrow().keys().cloned().collect(),
    };
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

fn globals(it: &mut Interp, _: Args) -> PyResult {
    let mut d = Dict::default();
    for (k, v) in it.globals.borrow().iter() {
        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
    }
    Ok(Value::dict(d))
}

fn input(_: &mut Interp, _: Args) -> PyResult {
    Err(not_available("input() (a lesson process has no keyboard)"))
}

fn open(_: &mut Interp, _: Args) -> PyResult {
    Err(not_available("open() (files)"))
}

fn exec(_: &mut Interp, _: Args) -> PyResult {
    Err(Exc::new(
        ExcKind::NotImplementedError,
        "exec(), eval(), __import__() and breakpoint() are not supported by forkyard",
    ))
}

fn exit(_: &mut Interp, a: Args) -> PyResult {
    Err(Exc::with_args(ExcKind::SystemExit, a.pos))
}

fn wrap_func(it: &mut Interp, a: Args) -> PyResult {
    let [this, f] = Sig::c_pos("wrap", "", &["wrapper", "func"], 2).bind(&a)?;
    let (this, f) = (this.cloned(), f.cloned());
    it.setattr(
        &this.unwrap_or(Value::None),
        "__func__",
        f.unwrap_or(Value::None),
    )?;
    Ok(Value::None)
}

// ---- constructors of builtin types ------------------------------------------------------------

/// Why a string is not an int: not one at all, or more digits than CPython converts.
#[derive(Debug)]
enum IntText {
    Invalid,
    Limit(Exc),
}

/// CPython's `int(s, base)`: surrounding whitespace, one sign, a prefix matching the base (or any
/// prefix for base 0), digits with single underscores between them; base 0 refuses leading zeros.
fn parse_int(s: &str, base: u32) -> Result<Value, IntText> {
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix = t.get(..2).map(|p| p.to_ascii_lowercase());
    let (base, digits, prefixed) = match (base, prefix.as_deref()) {
        (16 | 0, Some("0x")) => (16, &t[2..], true),
        (8 | 0, Some("0o")) => (8, &t[2..], true),
        (2 | 0, Some("0b")) => (2, &t[2..], true),
        (0, _) => {
            // Base 0 reads like source code: "010" is not an int, "000" is.
            if t.len() > 1 && t.starts_with('0') && t.bytes().any(|c| !matches!(c, b'0' | b'_')) {
                return Err(IntText::Invalid);
            }
            (10, t, false)
        }
        (b, _) => (b, t, false),
    };
    // After a prefix one underscore may come first ("0x_ff"); elsewhere only between digits.
    let digits = if prefixed {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(IntText::Invalid);
    }
    let mut magnitude: u64 = 0;
    let mut too_large = false;
    for c in digits.chars().filter(|c| *c != '_') {
        let d = c.to_digit(base).ok_or(IntText::Invalid)?;
        match magnitude
            .checked_mul(base as u64)
            .and_then(|m| m.checked_add(d as u64))
        {
            Some(m) => magnitude = m,
            None => too_large = true,
        }
    }
    if !too_large {
        // -2**63 fits although 2**63 does not.
        let small = if neg {
            0i64.checked_sub_unsigned(magnitude)
        } else {
            i64::try_from(magnitude).ok()
        };
        if let Some(i) = small {
            return Ok(Value::Int(i));
        }
    }
    let plain: String = digits.chars().filter(|c| *c != '_').collect();
    bigint::parse_digits(&plain, base, neg).map_err(IntText::Limit)
}

fn new_int(it: &mut Interp, a: Args) -> PyResult {
    let v = a.pos.get(1).cloned();
    let base = a.pos.get(2).cloned().or_else(|| kw(&a, "base"));
    Ok(match (v, base) {
        (None, _) => Value::Int(0),
        (Some(Value::Str(ref s)), b) => {
            let base = match b {
                Some(Value::Int(b)) if b == 0 || (2..=36).contains(&b) => b as u32,
                Some(Value::Int(_) | Value::BigInt(_)) => {
                    return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
                }
                Some(other) => {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    )));
                }
                None => 10,
            };
            match parse_int(s, base) {
                Ok(i) => i,
                Err(IntText::Limit(e)) => return Err(e),
                Err(IntText::Invalid) => {
                    return Err(value_error(format!(
                        "invalid literal for int() with base {base}: {}",
                        super::format::str_repr(s)
                    )));
                }
            }
        }
        (Some(_), Some(_)) => {
            return Err(type_error(
                "int() can't convert non-string with explicit base",
            ));
        }
        (Some(v @ (Value::Int(_) | Value::BigInt(_))), _) => v,
        (Some(Value::Bool(b)), _) => Value::Int(b as i64),
        (Some(Value::Float(f)), _) => super::ops::float_to_int(f)?,
        (Some(v @ Value::Instance(_)), _) => {
            let m = it.special_method(&v, "__int__").map_err(|_| {
                type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", v.type_name()))
            })?;
            return it.call(&m, Args::default());
        }
        (Some(other), _) => {
            return Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            )));
        }
    })
}

fn new_float(it: &mut Interp, a: Args) -> PyResult {
    one_optional("float").bind::<1>(&a)?;
    // An object converts through its `__float__`, else its `__index__`.
    if let Some(v @ Value::Instance(i)) = a.pos.get(1) {
        for name in ["__float__", "__index__"] {
            if let Some(m) = i.class.lookup(name) {
                return match it.call(&bind(m, v), Args::default())? {
                    Value::Float(f) => Ok(Value::Float(f)),
                    n @ (Value::Int(_) | Value::BigInt(_)) if name == "__index__" => {
                        new_float(it, Args::new(vec![Value::None, n]))
                    }
                    other => Err(type_error(format!(
                        "{}.{name} returned non-float (type {})",
                        v.type_name(),
                        other.type_name()
                    ))),
                };
            }
        }
    }
    Ok(Value::Float(match a.pos.get(1) {
        None => 0.0,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::BigInt(b)) => bigint::to_f64(b)?,
        Some(Value::Bool(b)) => *b as i64 as f64,
        Some(Value::Float(f)) => *f,
        Some(Value::Str(s)) => {
            let t = s.trim().to_ascii_lowercase();
            match t.as_str() {
                "inf" | "+inf" | "infinity" => f64::INFINITY,
                "-inf" | "-infinity" => f64::NEG_INFINITY,
                "nan" | "+nan" | "-nan" => f64::NAN,
                _ => t.replace('_', "").parse().map_err(|_| {
                    value_error(format!(
                        "could not convert string to float: {}",
                        super::format::str_repr(s)
                    ))
                })?,
            }
        }
        Some(other) => {
            return Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                other.type_name()
            )));
        }
    }))
}

/// `str()`, `str(x)`, and `str(b, encoding, errors)`, which decodes.
fn new_str(it: &mut Interp, a: Args) -> PyResult {
    Sig::c("str", &["object", "encoding", "errors"], 0)
        .method()
        .bind::<3>(&a)?;
    let decoding = a.pos.len() > 2 || !a.kw.is_empty();
    match a.pos.get(1) {
        None => Ok(Value::str("")),
        Some(v) if decoding => {
            for (i, name) in [(2, "encoding"), (3, "errors")] {
                let given = a.pos.get(i).cloned().or_else(|| kw(&a, name));
                if let Some(other) = given.filter(|g| !matches!(g, Value::Str(_))) {
                    return Err(type_error(format!(
                        "str() argument '{name}' must be str, not {}",
                        other.type_name()
                    )));
                }
            }
            match v {
                Value::Str(_) => Err(type_error("decoding str is not supported")),
                _ if super::methods::bytes_like(v).is_some() => {
                    let mut args = Args::new(a.pos[1..].to_vec());
                    args.kw = a.kw.clone();
                    super::methods::decode(it, args)
                }
                other => Err(type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    other.type_name()
                ))),
            }
        }
        Some(v) => Ok(Value::Str(PyStr::from(it.str_of(v)?))),
    }
}

/// A constructor's one optional argument (after the class), refused past it in CPython's words.
/// Keywords are left to the caller: a subclass's `__init__` may take them.
const fn one_optional(name: &'static str) -> Sig<'static> {
    Sig::c_pos(name, "", &["iterable"], 0).method().varkw()
}

fn new_bool(it: &mut Interp, a: Args) -> PyResult {
    one_optional("bool").bind::<1>(&a)?;
    match a.pos.get(1) {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(it.truthy(v)?)),
    }
}

fn new_list(it: &mut Interp, a: Args) -> PyResult {
    one_optional("list").bind::<1>(&a)?;
    match a.pos.get(1) {
        None => Ok(Value::list(vec![])),
        // Allocated as CPython's `list()` allocates (python/sizeof.rs).
        Some(v) => {
            let plan = super::sizeof::list_plan(v);
            // What collect sizes or refuses up front (a known length, a too-long str) goes
            // through it; an iterator is run item by item into the list.
            let known = matches!(
                v,
                Value::List(_)
                    | Value::Tuple(_)
                    | Value::Range(_)
                    | Value::Str(_)
                    | Value::Bytes(_)
            );
            if known || plan.1.is_none() {
                let items = it.collect(v)?;
                return Ok(Value::list(super::sizeof::list_from(plan, items)?));
            }
            let iter = it.iter(v)?;
            let items = super::sizeof::list_from_iter(plan, || it.next(&iter))?;
            Ok(Value::list(items))
        }
    }
}

fn new_tuple(it: &mut Interp, a: Args) -> PyResult {
    one_optional("tuple").bind::<1>(&a)?;
    match a.pos.get(1) {
        None => Ok(Value::tuple(vec![])),
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(it.collect(v)?)),
    }
}

/// Build a dict from a mapping or an iterable of pairs.
pub fn dict_from(it: &mut Interp, src: &Value, d: &mut Dict) -> Result<(), Exc> {
    if let Value::Dict(s) = src {
        for (k, v) in s.borrow().map.iter() {
            d.insert(k.clone(), v.0.clone(), v.1.clone());
        }
        return Ok(());
    }
    if let Some(items) = super::subclass::mapping_items(it, src)? {
        for (k, v) in items {
            it.dict_insert(d, k, v)?;
        }
        return Ok(());
    }
    for (i, pair) in it.collect(src)?.into_iter().enumerate() {
        let kv = it.collect(&pair).map_err(|_| {
            type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if kv.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        it.dict_insert(d, kv[0].clone(), kv[1].clone())?;
    }
    Ok(())
}

fn new_dict(it: &mut Interp, a: Args) -> PyResult {
    one_optional("dict").bind::<1>(&a)?;
    let mut d = Dict::default();
    if let Some(src) = a.pos.get(1) {
        dict_from(it, src, &mut d)?;
    }
    for (k, v) in a.kw {
        d.insert(HashKey::Str(k.clone()), Value::Str(k), v);
    }
    Ok(Value::dict(d))
}

fn set_from(it: &mut Interp, a: &Args) -> Result<Set, Exc> {
    let mut s = Set::default();
    if let Some(src) = a.pos.get(1) {
        for v in it.collect(src)? {
            it.set_insert(&mut s, v)?;
        }
    }
    Ok(s)
}

fn new_set(it: &mut Interp, a: Args) -> PyResult {
    one_optional("set").bind::<1>(&a)?;
    Ok(Value::Set(Rc::new(RefCell::new(set_from(it, &a)?))))
}

fn new_frozenset(it: &mut Interp, a: Args) -> PyResult {
    one_optional("frozenset").bind::<1>(&a)?;
    Ok(Value::FrozenSet(Rc::new(set_from(it, &a)?)))
}

fn new_bytes(it: &mut Interp, a: Args) -> PyResult {
    Ok(Value::Bytes(ThinRc::from(match a.pos.get(1) {
        None => vec![],
        Some(Value::Str(_)) if a.pos.len() < 3 && a.kw.is_empty() => {
            return Err(type_error("string argument without an encoding"));
        }
        Some(s @ Value::Str(_)) => {
            let mut args = Args::new(vec![s.clone()]);
            args.pos.extend(a.pos[2..].iter().cloned());
            args.kw = a.kw.clone();
            match super::methods::str_encode(it, args)? {
                Value::Bytes(ref b) => b.to_vec(),
                _ => vec![],
            }
        }
        Some(Value::Int(n)) if *n < 0 => return Err(value_error("negative count")),
        Some(Value::Int(n)) => super::alloc::repeat_bytes(&[0], *n as usize)?,
        // A memoryview gives its bytes (buffer protocol), not its items (`cast('h')` has 2-byte
        // items).
        Some(v) if let Some(b) = super::methods::memoryview::contents(v) => b,
        Some(v) => {
            let mut out = Vec::new();
            for x in it.collect(v)? {
                match x {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    _ => return Err(value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    })))
}

fn new_range(_: &mut Interp, a: Args) -> PyResult {
    let args = &a.pos[1..];
    if args.is_empty() {
        return Err(type_error("range expected at least 1 argument, got 0"));
    }
    if args.len() > 3 {
        return Err(type_error(format!(
            "range expected at most 3 arguments, got {}",
            args.len()
        )));
    }
    if args.iter().any(|v| matches!(v, Value::BigInt(_))) {
        // Bounds past 64 bits: a range of big ints (its operations take a slower path).
        let nums: Vec<BigInt> = args
            .iter()
            .map(|v| match v {
                Value::BigInt(b) => Ok((**b).clone()),
                v => int_arg(v).map(BigInt::from),
            })
            .collect::<Result<_, _>>()?;
        let (start, stop, step) = match nums.as_slice() {
            [stop] => (BigInt::from(0), stop.clone(), BigInt::from(1)),
            [start, stop] => (start.clone(), stop.clone(), BigInt::from(1)),
            [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
            _ => unreachable!("one to three arguments, checked above"),
        };
        if step == BigInt::from(0) {
            return Err(value_error("range() arg 3 must not be zero"));
        }
        return Ok(Value::Range(Rc::new(Range::new(start, stop, step))));
    }
    let nums: Vec<i64> = args.iter().map(int_arg).collect::<Result<_, _>>()?;
    let (start, stop, step) = match nums.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!("one to three arguments, checked above"),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range::small(start, stop, step))))
}

/// `type.__new__(mcs, ...)` (and `type(...)`): `mcs` must be `type` or a metaclass derived from
/// it, in CPython's words.
fn new_type(it: &mut Interp, a: Args) -> PyResult {
    match a.pos.first() {
        None => Err(type_error("type.__new__(): not enough arguments")),
        Some(Value::Class(c)) if !c.is_subclass(&it.classes.type_) => Err(type_error(format!(
            "type.__new__({0}): {0} is not a subtype of type",
            c.name
        ))),
        Some(Value::Class(_)) => super::interp::type_new(it, a),
        Some(v) => Err(type_error(format!(
            "type.__new__(X): X is not a type object ({})",
            v.type_name()
        ))),
    }
}

/// `super(C, obj)` (and `super()`, which binds the function's first argument) needs obj to be
/// a C, or a class derived from C.
pub(crate) fn super_check(c: &Rc<Class>, this: &Value) -> Result<(), Exc> {
    let fits = match this {
        Value::Class(k) if k.is_subclass(c) => true,
        other => class_matches(other, &Value::Class(c.clone())).unwrap_or(true),
    };
    if fits {
        Ok(())
    } else {
        Err(type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ))
    }
}

fn new_super(_: &mut Interp, a: Args) -> PyResult {
    if !a.kw.is_empty() {
        return Err(type_error("super() takes no keyword arguments"));
    }
    if a.pos.len() > 3 {
        return Err(type_error(format!(
            "super() expected at most 2 arguments, got {}",
            a.pos.len() - 1
        )));
    }
    match (a.pos.get(1), a.pos.get(2)) {
        (Some(Value::Class(c)), Some(this)) => {
            super_check(c, this)?;
            Ok(Value::Super(Rc::new((c.clone(), this.clone()))))
        }
        // `super(C)`: an unbound super, whose object is CPython's NULL. `None` stands for it:
        // `super(C, None)` is refused above, so no bound super holds `None`.
        (Some(Value::Class(c)), None) => Ok(Value::Super(Rc::new((c.clone(), Value::None)))),
        (Some(other), _) if !matches!(other, Value::Class(_)) => Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            other.type_name()
        ))),
        _ => Err(Exc::new(
            ExcKind::RuntimeError,
            "super(): use super() inside a method, or super(Class, self)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn super_in_a_function_nested_in_a_method_binds_its_own_first_argument() {
        let got = crate::python::tests::out(
            "class B:\n    def m(self): return 'B'\n\
             class C(B):\n    def m(self): return 'C'\n\
             \x20   def a(self):\n        def inner(x): return super().m()\n\
             \x20       return inner(self)\n\
             \x20   def b(self):\n        def inner(x): return super().m()\n\
             \x20       return inner(5)\n\
             print(C().a(), (lambda: C().m())())\n\
             try: C().b()\n\
             except TypeError as e: print(e)\n",
        );
        assert_eq!(
            got,
            "B C\nsuper(type, obj): obj must be an instance or subtype of type\n"
        );
    }

    #[test]
    fn super_refuses_in_cpythons_words() {
        let got = crate::python::tests::out(
            "class B:\n    def m(self): return 'B'\n\
             class C(B):\n    def m(self): return super().m()\n\
             \x20   @staticmethod\n    def s(): return super()\n\
             def f(): return super()\n\
             for g in (lambda: super(), f, C.s, lambda: super(C, B()), lambda: super(1, C()),\n\
             \x20         lambda: super(C, C(), 1), lambda: super(C, C()).m(), lambda: C().m()):\n\
             \x20   try: print(g())\n\
             \x20   except Exception as e: print(type(e).__name__, e)\n",
        );
        assert_eq!(
            got,
            "RuntimeError super(): no arguments\n\
             RuntimeError super(): no arguments\n\
             RuntimeError super(): no arguments\n\
             TypeError super(type, obj): obj must be an instance or subtype of type\n\
             TypeError super() argument 1 must be a type, not int\n\
             TypeError super() expected at most 2 arguments, got 3\n\
             B\nB\n"
        );
    }

    #[test]
    fn super_through_a_class_gives_the_function_and_one_argument_is_unbound() {
        let got = crate::python::tests::out(
            "class A:\n    def m(self): return 'A'\n\
             class B(A): pass\n\
             print(super(B, B).m is A.m, super(B), super(B).__self__)\n\
             try: super(B).m\n\
             except AttributeError as e: print(e)\n",
        );
        assert_eq!(
            got,
            "True <super: <class 'B'>, NULL> None\n'super' object has no attribute 'm'\n"
        );
    }

    #[test]
    fn int_text_reads_what_cpython_reads_at_any_size() {
        crate::python::exceptions::install();
        let text = |s: &str, base: u32| match parse_int(s, base) {
            Ok(Value::Int(i)) => format!("int {i}"),
            Ok(Value::BigInt(ref b)) => format!("big {b}"),
            Ok(_) => "other".into(),
            Err(IntText::Invalid) => "invalid".into(),
            Err(IntText::Limit(_)) => "limit".into(),
        };
        assert_eq!(text("-9223372036854775808", 10), "int -9223372036854775808");
        assert_eq!(text(" +42\n", 10), "int 42");
        assert_eq!(text("0x_ff", 0), "int 255");
        assert_eq!(text("1_000", 10), "int 1000");
        assert_eq!(text("000", 0), "int 0");
        for bad in ["--5", "+-5", "1__0", "_1", "1_", "010", "", "0x", "12a"] {
            assert_eq!(text(bad, 0), "invalid", "{bad:?}");
        }
        assert_eq!(text("9223372036854775808", 10), "big 9223372036854775808");
        assert_eq!(text("-9223372036854775809", 10), "big -9223372036854775809");
        assert_eq!(text(&"9".repeat(40), 10), format!("big {}", "9".repeat(40)));
        assert_eq!(
            text(
                "0b_1_0000000000000000000000000000000000000000000000000000000000000000",
                0
            ),
            "big 18446744073709551616"
        );
        assert_eq!(text(&"1".repeat(4301), 10), "limit");
        assert_eq!(text(&"1".repeat(4301), 16).get(..3), Some("big"));
    }

    #[test]
    fn round_is_exact_for_ints_and_total_for_floats() {
        crate::python::exceptions::install();
        let r = |i: i64, n: i64| match round_int(&BigInt::from(i), n) {
            Value::Int(i) => i.to_string(),
            Value::BigInt(ref b) => b.to_string(),
            _ => "other".into(),
        };
        assert_eq!(r(25, -1), "20");
        assert_eq!(r(35, -1), "40");
        assert_eq!(r(-25, -1), "-20");
        assert_eq!(r(123456789012345678, -1), "123456789012345680");
        assert_eq!(r(i64::MAX, i64::MIN), "0");
        assert_eq!(r(i64::MAX, -1), "9223372036854775810");
        assert_eq!(round_float(1.0, 70000).unwrap(), 1.0);
        assert_eq!(round_float(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_float(1.5e300, i64::MIN).unwrap(), 0.0);
        assert!(round_float(1.7e308, -308).is_err());
    }
}
