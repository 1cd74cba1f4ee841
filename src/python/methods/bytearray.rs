//! `bytearray`: mutable bytes. A native class whose instances carry their bytes (a `Vec<u8>` in the
//! instance's native slot) and answer Python's protocols through dunder methods on the class
//! (`ba[i] = 65`, `ba[1:3] = b'xy'`, `len`, `in`, `+`, `==`, iteration), plus the list-like
//! mutators (`append`, `extend`, `pop`, `insert`, `remove`, `clear`, `reverse`, `copy`) and every
//! `bytes` method, which returns a bytearray where bytes would return bytes.

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use super::{given, ssize};
use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, index_error, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::ops::{norm_index, slice_bounds, slice_indices};
use crate::python::value::{Args, Class, Instance, Namespace, NativeFn, NativeKind, PyStr, Value};

type R = Result<Value, Exc>;

/// The `bytes` methods a bytearray has too.
const BYTES_METHODS: &[&str] = &[
    "decode",
    "hex",
    "upper",
    "lower",
    "swapcase",
    "title",
    "capitalize",
    "split",
    "rsplit",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "startswith",
    "endswith",
    "partition",
    "rpartition",
    "splitlines",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "istitle",
    "isascii",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "expandtabs",
    "removeprefix",
    "removesuffix",
    "translate",
];

/// Makes the `bytearray` class and puts it among the builtins.
pub fn install(it: &mut Interp) {
    let mut attrs = Namespace::default();
    let own: &[(&str, NativeFn)] = &[
        ("__new__", new),
        ("__init__", init),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__str__", repr),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__contains__", contains),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__mod__", percent),
        ("__rmul__", mul),
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("clear", clear),
        ("reverse", reverse),
        ("copy", copy),
        ("fromhex", fromhex),
    ];
    for (name, f) in own {
        attrs.insert(PyStr::from(*name), Value::builtin(name, *f));
    }
    for name in BYTES_METHODS {
        if let Some(f) = super::bytes::lookup(name) {
            attrs.insert(PyStr::from(*name), Value::builtin(name, f));
        }
    }
    attrs.insert(PyStr::from("__hash__"), Value::None);
    super::bytearray_dunders::install(it, &mut attrs);
    let cls = it.classes.define_type(
        "bytearray",
        it.classes.object.clone(),
        attrs,
        Some(NativeKind::Other),
    );
    it.builtins
        .insert(PyStr::from("bytearray"), Value::Class(cls));
}

/// The bytes of `v` if it is a bytearray.
pub fn contents(v: &Value) -> Option<Vec<u8>> {
    with(v, |b| b.clone())
}

/// A bytearray's bytes, and how many memoryviews export them: while any does, the size is fixed
/// (CPython's `BufferError`), since a view's indices point into these bytes.
struct Buf {
    data: Vec<u8>,
    exports: usize,
}

impl crate::python::native_object::NativeObject for RefCell<Buf> {}

fn with_buf<T>(v: &Value, f: impl FnOnce(&mut Buf) -> T) -> Option<T> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let mut native = inst.native.borrow_mut();
    let buf = native.as_mut()?.downcast_mut::<RefCell<Buf>>()?;
    Some(f(&mut buf.borrow_mut()))
}

fn with<T>(v: &Value, f: impl FnOnce(&mut Vec<u8>) -> T) -> Option<T> {
    with_buf(v, |b| f(&mut b.data))
}

/// A memoryview starts (`+1`) or stops (`-1`) exporting `v`'s bytes; nothing for bytes.
pub fn export(v: &Value, delta: isize) {
    with_buf(v, |b| b.exports = b.exports.saturating_add_signed(delta));
}

/// A change of size, refused while a memoryview exports the bytes.
fn resize<T>(a: &Args, f: impl FnOnce(&mut Vec<u8>) -> T) -> Result<T, Exc> {
    let exported = with_buf(&a.pos[0], |b| b.exports > 0).unwrap_or(false);
    if exported {
        return Err(Exc::new(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    mutate(a, f)
}

/// A new bytearray holding `b`.
pub fn new_value(b: Vec<u8>) -> Value {
    of_class(crate::python::builtin_classes::builtin_type("bytearray"), b)
}

/// A new instance of `class` (`bytearray` or a class derived from it) holding `b`.
fn of_class(class: Rc<Class>, b: Vec<u8>) -> Value {
    Value::Instance(Rc::new(Instance {
        class,
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(Some(Box::new(RefCell::new(Buf {
            data: b,
            exports: 0,
        })))),
    }))
}

/// A special method called directly (`ba.__getitem__(0)`): CPython's slot wrappers take exactly
/// `n` positional arguments. `unpacked`: the wrappers that read them with `PyArg_UnpackTuple`
/// and an empty name (`__setitem__`, `__mul__`), whose message starts with a space.
pub(super) fn slot(a: &Args, m: &str, n: usize, unpacked: bool) -> Result<(), Exc> {
    if !a.kw.is_empty() {
        return Err(type_error(format!(
            "wrapper {m}() takes no keyword arguments"
        )));
    }
    let got = a.pos.len().saturating_sub(1);
    if got == n {
        return Ok(());
    }
    Err(type_error(format!(
        "{}expected {n} argument{}, got {got}",
        if unpacked { " " } else { "" },
        if n == 1 { "" } else { "s" }
    )))
}

/// A bytearray method's own arguments, all positional-only (`insert(index, item, /)`).
fn bind_pos<'a, const N: usize>(
    a: &'a Args,
    m: &str,
    params: &'static [&'static str],
    required: usize,
) -> Result<[Option<&'a Value>; N], Exc> {
    Sig::c_pos(m, "bytearray", params, required)
        .method()
        .bind(a)
}

fn this(a: &Args) -> Vec<u8> {
    contents(&a.pos[0]).unwrap_or_default()
}

fn mutate<T>(a: &Args, f: impl FnOnce(&mut Vec<u8>) -> T) -> Result<T, Exc> {
    with(&a.pos[0], f).ok_or_else(|| type_error("descriptor requires a 'bytearray' object"))
}

/// An int that must be a byte.
fn byte(v: &Value) -> Result<u8, Exc> {
    match v {
        Value::Int(i) => u8::try_from(*i).map_err(|_| value_error("byte must be in range(0, 256)")),
        Value::Bool(b) => Ok(*b as u8),
        Value::BigInt(_) => Err(value_error("byte must be in range(0, 256)")),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// The bytes `bytes(x)` or `bytearray(x)` makes of an iterable of ints or a bytes-like value.
fn bytes_of(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    if let Some(b) = super::bytes::bytes_like(v) {
        return Ok(b.to_vec());
    }
    if let Value::Str(_) = v {
        return Err(type_error("string argument without an encoding"));
    }
    let items = it.collect(v)?;
    items.iter().map(byte).collect()
}

/// `bytearray.__new__(cls, ...)`: for `bytearray` itself the whole value (`bytearray(b'xy')`); for
/// a class derived from it an empty one of that class, which `__init__` fills, as CPython's
/// (a derived class's `__init__` may take other arguments).
fn new(it: &mut Interp, a: Args) -> R {
    match a.pos.first() {
        Some(Value::Class(c)) if !is_bytearray(c) => {
            let base = crate::python::builtin_classes::builtin_type("bytearray");
            if !c.is_subclass(&base) {
                return Err(type_error(format!(
                    "bytearray.__new__({}): {} is not a subtype of bytearray",
                    c.name, c.name
                )));
            }
            Ok(of_class(c.clone(), Vec::new()))
        }
        _ => Ok(new_value(source(it, &a)?)),
    }
}

fn is_bytearray(c: &Class) -> bool {
    &*c.module == "builtins" && &*c.name == "bytearray"
}

/// `bytearray.__init__(self, source=b'', encoding, errors)`: the bytes refilled from the
/// arguments, as `super().__init__(...)` in a derived class's `__init__` does.
fn init(it: &mut Interp, a: Args) -> R {
    if with(&a.pos[0], |_| ()).is_none() {
        return Err(type_error(format!(
            "descriptor '__init__' requires a 'bytearray' object but received a '{}'",
            a.pos[0].type_name()
        )));
    }
    let b = source(it, &a)?;
    resize(&a, |d| *d = b)?;
    Ok(Value::None)
}

/// The bytes of `bytearray()`, `bytearray(n)`, `bytearray(iterable_of_ints)`, `bytearray(b)`,
/// `bytearray(s, encoding)`: the arguments after the class or instance in `a.pos[0]`.
fn source(it: &mut Interp, a: &Args) -> Result<Vec<u8>, Exc> {
    let src = a.pos.get(1).cloned();
    let encoding = a.pos.get(2).cloned().or_else(|| {
        a.kw.iter()
            .find(|(k, _)| &**k == "encoding")
            .map(|(_, v)| v.clone())
    });
    let b = match (src, encoding) {
        (None, _) => Vec::new(),
        (Some(s @ Value::Str(_)), Some(enc)) => {
            let mut args = Args::new(vec![s, enc]);
            args.kw =
                a.kw.iter()
                    .filter(|(k, _)| &**k == "errors")
                    .cloned()
                    .collect();
            match super::codecs::encode(it, args)? {
                Value::Bytes(ref b) => b.to_vec(),
                _ => Vec::new(),
            }
        }
        (Some(Value::Str(_)), None) => {
            return Err(type_error("string argument without an encoding"));
        }
        (Some(_), Some(_)) => return Err(type_error("encoding without a string argument")),
        (Some(Value::Int(n)), None) => {
            if n < 0 {
                return Err(value_error("negative count"));
            }
            crate::python::alloc::repeat_bytes(&[0], n as usize)?
        }
        (Some(v), None) => bytes_of(it, &v)?,
    };
    Ok(b)
}

fn len(_: &mut Interp, a: Args) -> R {
    slot(&a, "__len__", 0, false)?;
    Ok(Value::Int(this(&a).len() as i64))
}

fn getitem(_: &mut Interp, a: Args) -> R {
    slot(&a, "__getitem__", 1, false)?;
    let b = this(&a);
    match a.pos[1].clone() {
        Value::Int(i) => norm_index(i, b.len())
            .map(|i| Value::Int(b[i] as i64))
            .ok_or_else(|| index_error("bytearray index out of range")),
        Value::Bool(x) => norm_index(x as i64, b.len())
            .map(|i| Value::Int(b[i] as i64))
            .ok_or_else(|| index_error("bytearray index out of range")),
        Value::Slice(ref s) => Ok(new_value(
            slice_indices(s, b.len())?.map(|i| b[i]).collect(),
        )),
        other => Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            other.type_name()
        ))),
    }
}

fn setitem(it: &mut Interp, a: Args) -> R {
    slot(&a, "__setitem__", 2, true)?;
    let (idx, v) = (&a.pos[1], &a.pos[2]);
    match idx.clone() {
        Value::Int(i) => {
            let x = byte(v)?;
            mutate(&a, |b| match norm_index(i, b.len()) {
                Some(i) => {
                    b[i] = x;
                    Ok(Value::None)
                }
                None => Err(index_error("bytearray index out of range")),
            })?
        }
        Value::Slice(ref s) => {
            if let Value::Int(_) = v {
                return Err(type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            let items = bytes_of(it, v)?;
            let n = this(&a).len();
            let (start, stop, step) = slice_bounds(s, n)?;
            let same_size = step != 1 || (stop.max(start) - start) as usize == items.len();
            let change = |b: &mut Vec<u8>| {
                if step == 1 {
                    let stop = stop.max(start);
                    b.splice(start as usize..stop as usize, items);
                    return Ok(Value::None);
                }
                let idx = slice_indices(s, n)?;
                if idx.len() != items.len() {
                    return Err(value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        items.len(),
                        idx.len()
                    )));
                }
                for (i, x) in idx.zip(items) {
                    b[i] = x;
                }
                Ok(Value::None)
            };
            if same_size {
                mutate(&a, change)?
            } else {
                resize(&a, change)?
            }
        }
        other => Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            other.type_name()
        ))),
    }
}

fn delitem(_: &mut Interp, a: Args) -> R {
    slot(&a, "__delitem__", 1, false)?;
    resize(&a, |b| match a.pos[1].clone() {
        Value::Int(i) => match norm_index(i, b.len()) {
            Some(i) => {
                b.remove(i);
                Ok(Value::None)
            }
            None => Err(index_error("bytearray index out of range")),
        },
        Value::Slice(ref s) => {
            let mut drop: Vec<usize> = slice_indices(s, b.len())?.collect();
            drop.sort_unstable();
            for i in drop.into_iter().rev() {
                b.remove(i);
            }
            Ok(Value::None)
        }
        other => Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            other.type_name()
        ))),
    })?
}

fn iter(it: &mut Interp, a: Args) -> R {
    slot(&a, "__iter__", 0, false)?;
    let ints = this(&a).into_iter().map(|x| Value::Int(x as i64)).collect();
    it.iter(&Value::list(ints))
}

/// `bytearray(b'...')`. Unlike `bytes`, CPython escapes a `'` even inside double quotes
/// (`bytearray(b"it\'s")`).
fn repr(_: &mut Interp, a: Args) -> R {
    slot(&a, "__repr__", 0, false)?;
    let b = this(&a);
    let inner = crate::python::format::bytes_repr(&b);
    let inner = if inner.starts_with("b\"") {
        inner.replace('\'', "\\'")
    } else {
        inner
    };
    // A derived class's instance shows its class's name (`BA(b'xy')`), as CPython's.
    Ok(Value::Str(PyStr::from(format!(
        "{}({inner})",
        a.pos[0].type_name()
    ))))
}

fn other_bytes(a: &Args) -> Option<Vec<u8>> {
    a.pos
        .get(1)
        .and_then(super::bytes::bytes_like)
        .map(|b| b.to_vec())
}

fn eq(_: &mut Interp, a: Args) -> R {
    slot(&a, "__eq__", 1, false)?;
    Ok(match other_bytes(&a) {
        Some(o) => Value::Bool(this(&a) == o),
        None => Value::builtin("NotImplemented", not_implemented),
    })
}

fn ne(_: &mut Interp, a: Args) -> R {
    slot(&a, "__ne__", 1, false)?;
    Ok(match other_bytes(&a) {
        Some(o) => Value::Bool(this(&a) != o),
        None => Value::builtin("NotImplemented", not_implemented),
    })
}

/// `<`, `<=`, `>`, `>=` against bytes-like values, byte by byte as bytes compare.
fn order(a: &Args, m: &str, test: fn(std::cmp::Ordering) -> bool) -> R {
    slot(a, m, 1, false)?;
    Ok(match other_bytes(a) {
        Some(o) => Value::Bool(test(this(a).as_slice().cmp(o.as_slice()))),
        None => Value::builtin("NotImplemented", not_implemented),
    })
}
fn lt(_: &mut Interp, a: Args) -> R {
    order(&a, "__lt__", |o| o.is_lt())
}
fn le(_: &mut Interp, a: Args) -> R {
    order(&a, "__le__", |o| o.is_le())
}
fn gt(_: &mut Interp, a: Args) -> R {
    order(&a, "__gt__", |o| o.is_gt())
}
fn ge(_: &mut Interp, a: Args) -> R {
    order(&a, "__ge__", |o| o.is_ge())
}

fn not_implemented(_: &mut Interp, _: Args) -> R {
    Err(type_error("'NotImplementedType' object is not callable"))
}

fn contains(_: &mut Interp, a: Args) -> R {
    slot(&a, "__contains__", 1, false)?;
    let b = this(&a);
    let x = &a.pos[1];
    if let Value::Int(_) | Value::Bool(_) = x {
        return Ok(Value::Bool(b.contains(&byte(x)?)));
    }
    let Some(sub) = super::bytes::bytes_like(x) else {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            x.type_name()
        )));
    };
    Ok(Value::Bool(
        sub.is_empty() || b.windows(sub.len()).any(|w| w == &*sub),
    ))
}

fn add(_: &mut Interp, a: Args) -> R {
    slot(&a, "__add__", 1, false)?;
    let x = &a.pos[1];
    let Some(o) = super::bytes::bytes_like(x) else {
        return Err(type_error(format!(
            "can't concat {} to bytearray",
            x.type_name()
        )));
    };
    let mut b = this(&a);
    b.extend_from_slice(&o);
    Ok(new_value(b))
}

fn iadd(it: &mut Interp, a: Args) -> R {
    slot(&a, "__iadd__", 1, false)?;
    let x = &a.pos[1];
    let Some(o) = super::bytes::bytes_like(x) else {
        return Err(type_error(format!(
            "can't concat {} to bytearray",
            x.type_name()
        )));
    };
    let _ = it;
    resize(&a, |b| b.extend_from_slice(&o))?;
    Ok(a.pos[0].clone())
}

fn mul(_: &mut Interp, a: Args) -> R {
    slot(&a, "__mul__", 1, true)?;
    match a.pos[1].clone() {
        Value::Int(n) => Ok(new_value(crate::python::alloc::repeat_bytes(
            &this(&a),
            n.max(0) as usize,
        )?)),
        other => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            other.type_name()
        ))),
    }
}

/// `ba % args`: bytes formatting, as a bytearray.
fn percent(it: &mut Interp, a: Args) -> R {
    slot(&a, "__mod__", 1, false)?;
    Ok(new_value(super::bytes_format::bytes_percent(
        it,
        &this(&a),
        &a.pos[1],
    )?))
}

fn append(_: &mut Interp, a: Args) -> R {
    let [item] = bind_pos(&a, "append", &["item"], 1)?;
    let x = byte(given(item)?)?;
    resize(&a, |b| b.push(x))?;
    Ok(Value::None)
}

fn extend(it: &mut Interp, a: Args) -> R {
    let [src] = bind_pos(&a, "extend", &["iterable_of_ints"], 1)?;
    let src = given(src)?;
    let more = match super::bytes::bytes_like(src) {
        Some(b) => b.to_vec(),
        None => {
            // What cannot be iterated is refused in extend's words (CPython's
            // `bytearray_extend`); a str is iterated, each character refused as a byte.
            let items = it.iter(src).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    type_error(format!("can't extend bytearray with {}", src.type_name()))
                } else {
                    e
                }
            })?;
            it.collect(&items)?
                .iter()
                .map(byte)
                .collect::<Result<Vec<u8>, Exc>>()?
        }
    };
    resize(&a, |b| b.extend(more))?;
    Ok(Value::None)
}

fn pop(_: &mut Interp, a: Args) -> R {
    let [index] = bind_pos(&a, "pop", &["index"], 0)?;
    let i = index.map_or(Ok(-1), ssize)?;
    resize(&a, |b| {
        if b.is_empty() {
            return Err(index_error("pop from empty bytearray"));
        }
        match norm_index(i, b.len()) {
            Some(i) => Ok(Value::Int(b.remove(i) as i64)),
            None => Err(index_error("pop index out of range")),
        }
    })?
}

fn insert(_: &mut Interp, a: Args) -> R {
    let [index, item] = bind_pos(&a, "insert", &["index", "item"], 2)?;
    let i = ssize(given(index)?)?;
    let x = byte(given(item)?)?;
    resize(&a, |b| {
        let n = b.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        b.insert(at as usize, x);
    })?;
    Ok(Value::None)
}

fn remove(_: &mut Interp, a: Args) -> R {
    let [value] = bind_pos(&a, "remove", &["value"], 1)?;
    let x = byte(given(value)?)?;
    resize(&a, |b| match b.iter().position(|&y| y == x) {
        Some(i) => {
            b.remove(i);
            Ok(Value::None)
        }
        None => Err(value_error("value not found in bytearray")),
    })?
}

fn clear(_: &mut Interp, a: Args) -> R {
    bind_pos::<0>(&a, "clear", &[], 0)?;
    resize(&a, |b| b.clear())?;
    Ok(Value::None)
}

fn reverse(_: &mut Interp, a: Args) -> R {
    bind_pos::<0>(&a, "reverse", &[], 0)?;
    mutate(&a, |b| b.reverse())?;
    Ok(Value::None)
}

/// `bytearray.fromhex(text)`, called on the class.
fn fromhex(_: &mut Interp, a: Args) -> R {
    Ok(new_value(super::bytes::hex_text(&a, "bytearray")?))
}

fn copy(_: &mut Interp, a: Args) -> R {
    bind_pos::<0>(&a, "copy", &[], 0)?;
    Ok(new_value(this(&a)))
}
