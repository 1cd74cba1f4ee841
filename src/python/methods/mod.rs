//! Methods of the builtin types (`"a b".split()`, `xs.append(1)`, `d.items()`), one file per type.
//! A method receives its object as `args.pos[0]`.

pub mod bytearray;
mod bytearray_dunders;
mod bytes;
mod bytes_format;
mod codecs;
mod derived_constructors;
mod dict;
mod dict_proxy;
mod dunders;
mod float;
mod int;
mod list;
pub mod memoryview;
mod memoryview_items;
pub mod range;
mod reduce;
mod slice;
mod str;
#[cfg(test)]
mod tests;
mod text;
mod type_docs;
#[rustfmt::skip]
mod unicode_db;
mod view_sets;
mod views;

pub use bytes::bytes_like;
pub use bytes_format::bytes_percent;
pub use codecs::{decode, encode as str_encode};
pub use derived_constructors::{on_class, on_instance as constructor_on_instance};
pub use dict::fromkeys;
pub use dunders::{getset_repr, object_attr, read_only as setattr_refusal};
pub use dunders::{instance_object_attr, instance_sizeof};
pub use float::number_attr;
pub use range::attr as range_attr;
pub use reduce::method as reduce_method;
pub use slice::{attr as slice_attr, new as slice_new};
pub use text::{decimal_value, is_printable};

use super::exceptions::{Exc, type_error};
use super::value::{Args, NativeFn, PyStr, Value};
use crate::python::exceptions::ExcKind;
use crate::python::value::ThinRc;

/// A method of a builtin type looked up on the type (`str.upper`, `dict.fromkeys`): unbound, so
/// the object comes as the first argument.
pub fn on_type(type_name: &str, name: &str) -> Option<Value> {
    if (name.starts_with("__") || matches!(name, "real" | "imag" | "numerator" | "denominator"))
        && let Some(v) = dunders::on_type(type_name, name)
    {
        return Some(v);
    }
    if type_name == "dict" && name == "fromkeys" {
        return Some(Value::builtin("fromkeys", fromkeys_unbound));
    }
    if type_name == "str" && name == "maketrans" {
        return Some(Value::builtin("maketrans", text::maketrans));
    }
    match (type_name, name) {
        ("bytes", "fromhex") => return Some(Value::builtin("fromhex", bytes::fromhex)),
        ("bytes", "maketrans") => return Some(Value::builtin("maketrans", bytes::maketrans)),
        ("float", "fromhex") => return Some(Value::builtin("fromhex", float::fromhex)),
        _ => {}
    }
    if type_name == "int" && name == "from_bytes" {
        return Some(Value::builtin("from_bytes", int::from_bytes));
    }
    let sample = match type_name {
        "str" => Value::str(""),
        "list" => Value::list(vec![]),
        "tuple" => Value::tuple(vec![]),
        "dict" => Value::dict(Default::default()),
        "set" => Value::Set(Default::default()),
        "frozenset" => Value::FrozenSet(Default::default()),
        "range" => Value::Range(std::rc::Rc::new(super::value::Range::small(0, 0, 1))),
        "slice" => Value::Slice(std::rc::Rc::new([Value::None, Value::None, Value::None])),
        "bytes" => Value::Bytes(ThinRc::from(&b""[..])),
        "int" => Value::Int(0),
        "float" => Value::Float(0.0),
        _ => return None,
    };
    lookup(&sample, name)?;
    // Unbound (`dict.update(self, x)`): the object may be an instance of a class derived from
    // the type, whose base value the method works on.
    Some(Value::Builtin(std::rc::Rc::new(super::value::Builtin {
        name: PyStr::from(name),
        f: unbound_method,
        data: Some(Value::tuple(vec![Value::str(type_name), Value::str(name)])),
        alone: None,
    })))
}

/// `(type name, method name)` of a method looked up on a builtin type (`str.upper`), which is
/// how pickle names it.
pub fn unbound_method_of(v: &Value) -> Option<(PyStr, PyStr)> {
    let Value::Builtin(b) = crate::python::descriptors::inner(v) else {
        return None;
    };
    if !std::ptr::fn_addr_eq(b.f, unbound_method as NativeFn) {
        return None;
    }
    match &b.data {
        Some(Value::Tuple(t)) => match (&t[0], &t[1]) {
            (Value::Str(tn), Value::Str(n)) => Some((tn.clone(), n.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// `str.upper(s)`, `dict.update(d, x)`: the method of the object's (base) value.
fn unbound_method(it: &mut super::interp::Interp, mut a: Args) -> Result<Value, Exc> {
    let (owner, name) = match a.pos.remove(0) {
        Value::Tuple(ref t) if t.len() == 2 => match (&t[0], &t[1]) {
            (Value::Str(o), Value::Str(n)) => (o.clone(), n.clone()),
            _ => return Err(type_error("unbound method without its name")),
        },
        _ => return Err(type_error("unbound method without its name")),
    };
    let Some(obj) = a.pos.first().map(super::subclass::unwrap) else {
        return Err(type_error(format!(
            "unbound method {owner}.{name}() needs an argument"
        )));
    };
    let Some(f) = lookup(&obj, &name) else {
        return Err(type_error(format!(
            "descriptor '{name}' for this type doesn't apply to a '{}' object",
            obj.type_name()
        )));
    };
    a.pos[0] = obj;
    f(it, a)
}

/// `dict.fromkeys` called on the class: there is no `self` to skip.
fn fromkeys_unbound(it: &mut super::interp::Interp, mut a: Args) -> Result<Value, Exc> {
    a.pos.insert(0, Value::None);
    fromkeys(it, a)
}

/// The native method `name` of a builtin value, if it has one.
pub fn lookup(obj: &Value, name: &str) -> Option<NativeFn> {
    let own = own_method(obj, name);
    if own.is_none() && name.starts_with("__") {
        return dunders::lookup(obj, name);
    }
    own
}

/// The method `name` of the value's own type's table.
fn own_method(obj: &Value, name: &str) -> Option<NativeFn> {
    match obj {
        Value::Str(_) => str::lookup(name),
        Value::List(_) => list::lookup(name),
        Value::Tuple(_) => list::tuple_lookup(name),
        Value::Dict(_) => dict::lookup(name),
        Value::Set(_) => dict::set_lookup(name),
        Value::FrozenSet(_) => dict::frozenset_lookup(name),
        Value::Bytes(_) => bytes::lookup(name),
        Value::Slice(_) => slice::lookup(name),
        Value::Range(_) => range::lookup(name),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match name {
            "bit_length" => Some(int_bit_length),
            "to_bytes" => Some(int::to_bytes),
            "bit_count" => Some(float::bit_count),
            "as_integer_ratio" => Some(int_as_integer_ratio),
            "conjugate" => Some(int_conjugate),
            "from_bytes" => Some(int_from_bytes_bound),
            _ => None,
        },
        Value::Float(_) => float::lookup(name),
        Value::Generator(g) if g.kind == super::interp::generator::GenKind::AsyncGenerator => {
            super::interp::generator::async_gen_lookup(name)
        }
        Value::Generator(g) if g.is_coroutine() => super::interp::generator::coroutine_lookup(name),
        Value::Generator(_) => super::interp::generator::lookup(name),
        Value::Iterator(_) => match name {
            "__next__" => Some(iterator_next),
            "__iter__" => Some(iterator_iter),
            "__length_hint__" if iterator_kind(obj).is_some_and(|k| k.has_length_hint()) => {
                Some(iterator_length_hint)
            }
            _ => None,
        },
        _ => None,
    }
}

/// `it.__next__()` of a builtin iterator (`iter(xs).__next__` is a common `iter(f, sentinel)`).
fn iterator_next(it: &mut super::interp::Interp, a: Args) -> Result<Value, Exc> {
    match it.next(&a.pos[0])? {
        Some(v) => Ok(v),
        None => Err(Exc::with_args(ExcKind::StopIteration, vec![])),
    }
}

fn iterator_kind(v: &Value) -> Option<crate::python::iter_kind::IterKind> {
    match v {
        Value::Iterator(i) => i.try_borrow().ok().map(|i| i.kind()),
        _ => None,
    }
}

/// `it.__length_hint__()`: the items left (`operator.length_hint`, `list()` presizing).
fn iterator_length_hint(_: &mut super::interp::Interp, a: Args) -> Result<Value, Exc> {
    let left = match &a.pos[0] {
        Value::Iterator(i) => i.borrow().length_hint().unwrap_or(0),
        _ => 0,
    };
    Ok(Value::Int(left.min(i64::MAX as usize) as i64))
}

fn iterator_iter(_: &mut super::interp::Interp, a: Args) -> Result<Value, Exc> {
    Ok(a.pos[0].clone())
}

fn int_bit_length(_: &mut super::interp::Interp, a: Args) -> Result<Value, Exc> {
    match a.pos[0] {
        Value::Int(i) => Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64)),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::BigInt(ref b) => Ok(Value::Int(b.bits() as i64)),
        _ => Err(type_error("bit_length")),
    }
}

/// The int itself (a bool's as an int): what `conjugate()`, and the numerator of
/// `as_integer_ratio()`, are.
fn int_value(a: &Args, m: &str) -> Result<Value, Exc> {
    crate::python::bind::Sig::c_pos(m, "int", &[], 0)
        .method()
        .bind::<0>(a)?;
    Ok(match &a.pos[0] {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

fn int_as_integer_ratio(_: &mut super::interp::Interp, a: Args) -> Result<Value, Exc> {
    Ok(Value::tuple(vec![
        int_value(&a, "as_integer_ratio")?,
        Value::Int(1),
    ]))
}

/// `(5).from_bytes(...)`: the classmethod reached from an instance, which it ignores.
/// `n.from_bytes(...)`: a class method, so the instance only picks the class (`True.from_bytes`
/// is `bool.from_bytes`, a bool).
fn int_from_bytes_bound(it: &mut super::interp::Interp, mut a: Args) -> Result<Value, Exc> {
    let this = a.pos.remove(0);
    let made = int::from_bytes(it, a)?;
    Ok(match (this, &made) {
        (Value::Bool(_), Value::Int(n)) => Value::Bool(*n != 0),
        (Value::Bool(_), Value::BigInt(_)) => Value::Bool(true),
        _ => made,
    })
}

fn int_conjugate(_: &mut super::interp::Interp, a: Args) -> Result<Value, Exc> {
    int_value(&a, "conjugate")
}

/// A required argument once `Sig` has bound it: always there (a refusal, never a panic, if not).
pub(crate) fn given(v: Option<&Value>) -> Result<&Value, Exc> {
    v.ok_or_else(|| type_error("missing required argument"))
}

/// An argument CPython reads as a `Py_ssize_t` (a width, a count, `maxsplit`): an int or a bool,
/// in CPython's words otherwise.
pub(crate) fn ssize(v: &Value) -> Result<i64, Exc> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(crate::python::bigint::ssize_overflow()),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}
