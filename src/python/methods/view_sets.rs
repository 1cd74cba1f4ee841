//! `dict.keys()` and `dict.items()` are set-like, as in CPython: they compare with sets and other
//! such views (`d.keys() == {'a', 'b'}`, `<=`, `<`...), combine with any iterable into a set
//! (`d.keys() & {'a'}`, `|`, `-`, `^`, reflected too) and answer `isdisjoint`. `dict.values()` is
//! not set-like. Every view can be reversed (`reversed(d.items())`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::ast::{BinOp, CmpOp};
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, NativeFn, PyStr, Set, Value};

/// The methods that make a keys or items view set-like.
pub const SET_METHODS: &[(&str, NativeFn)] = &[
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__and__", and),
    ("__or__", or),
    ("__sub__", sub),
    ("__xor__", xor),
    ("__rand__", rand),
    ("__ror__", ror),
    ("__rsub__", rsub),
    ("__rxor__", rxor),
    ("isdisjoint", isdisjoint),
];

fn as_set(it: &mut Interp, vals: Vec<Value>) -> Result<Value, Exc> {
    let mut s = Set::default();
    for v in vals {
        it.set_insert(&mut s, v)?;
    }
    Ok(Value::Set(Rc::new(RefCell::new(s))))
}

/// `self` and the other operand, both as sets; `None` for the other when it is not set-like
/// (a set, a frozenset, a keys or items view), where a comparison is not defined.
fn operands(it: &mut Interp, a: &Args, any_iterable: bool) -> Result<(Value, Option<Value>), Exc> {
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let mine = as_set(it, super::views::values_of(&this))?;
    let theirs = match &other {
        Value::Set(_) | Value::FrozenSet(_) => Some(other.clone()),
        v if super::views::is_set_like(v) => Some(as_set(it, super::views::values_of(v))?),
        v if any_iterable => {
            let vals = it.collect(v)?;
            Some(as_set(it, vals)?)
        }
        _ => None,
    };
    Ok((mine, theirs))
}

fn compare(it: &mut Interp, a: Args, op: CmpOp, sym: &str) -> Result<Value, Exc> {
    let (mine, theirs) = operands(it, &a, false)?;
    match theirs {
        Some(t) => Ok(Value::Bool(it.compare(op, &mine, &t)?)),
        // As CPython: == with a non-set is False (identity), != True, ordering a TypeError.
        None => match op {
            CmpOp::Eq => Ok(Value::Bool(false)),
            CmpOp::NotEq => Ok(Value::Bool(true)),
            _ => Err(type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                a.pos[0].type_name(),
                a.pos
                    .get(1)
                    .map(|v| v.type_name())
                    .unwrap_or_else(|| PyStr::from(""))
            ))),
        },
    }
}

fn combine(it: &mut Interp, a: Args, op: BinOp, reflected: bool) -> Result<Value, Exc> {
    let (mine, theirs) = operands(it, &a, true)?;
    let theirs = theirs.expect("any iterable is accepted");
    if reflected {
        it.binop(op, &theirs, &mine)
    } else {
        it.binop(op, &mine, &theirs)
    }
}

fn eq(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    compare(it, a, CmpOp::Eq, "==")
}
fn ne(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    compare(it, a, CmpOp::NotEq, "!=")
}
fn lt(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    compare(it, a, CmpOp::Lt, "<")
}
fn le(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    compare(it, a, CmpOp::LtE, "<=")
}
fn gt(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    compare(it, a, CmpOp::Gt, ">")
}
fn ge(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    compare(it, a, CmpOp::GtE, ">=")
}
fn and(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::BitAnd, false)
}
fn or(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::BitOr, false)
}
fn sub(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::Sub, false)
}
fn xor(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::BitXor, false)
}
fn rand(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::BitAnd, true)
}
fn ror(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::BitOr, true)
}
fn rsub(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::Sub, true)
}
fn rxor(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    combine(it, a, BinOp::BitXor, true)
}

/// `view.isdisjoint(iterable)`: no element in common.
fn isdisjoint(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    let mine = as_set(it, super::views::values_of(&this))?;
    let Some(other) = a.pos.get(1) else {
        return Err(type_error(
            "isdisjoint() takes exactly one argument (0 given)",
        ));
    };
    for v in it.collect(other)? {
        if it.contains(&mine, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `reversed(view)`: the view's elements, last first.
pub fn reversed(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    Ok(super::views::iterator(&a, true))
}
