//! Iterators crossing processes, as CPython 3.11 pickles them: each keeps its position. A list
//! iterator is its list and index (`list_iterator.__reduce__` is `iter, (list,), index`, so the
//! list arrives whole, shared with the rest of the message), a range iterator its next value, stop
//! and step, a str, tuple, dict, set or bytes iterator what it has left; `enumerate`, `zip`, `map`
//! and `filter` are their function and the iterators they read from, written in turn; a
//! `iter(callable, sentinel)` its two arguments. An exhausted iterator arrives exhausted. Those
//! kept as their remaining items carry their kind, so a `dict_keyiterator` arrives as one.
//!
//! The message holds an iterator as a kind, its values (written as any value, so memo and
//! refusals apply: a generator or a lambda inside fails as pickle fails) and its integers.

use std::cell::RefCell;
use std::rc::Rc;

use super::unpickling_error;
use crate::python::exceptions::Exc;
use crate::python::iter_kind::IterKind;
use crate::python::value::{Iter, ThinRc, Value};

const SEQ: u8 = 0;
const LIST: u8 = 1;
const RANGE: u8 = 2;
const STR: u8 = 3;
const OBJECT: u8 = 4;
const CALL: u8 = 5;
const ZIP: u8 = 6;
const MAP: u8 = 7;
const ENUMERATE: u8 = 8;
const FILTER: u8 = 9;

/// What an iterator is made of: its kind, the values and the integers the reader needs.
pub(super) struct Parts {
    pub kind: u8,
    pub values: Vec<Value>,
    pub ints: Vec<i64>,
}

fn parts(kind: u8, values: Vec<Value>, ints: Vec<i64>) -> Parts {
    Parts { kind, values, ints }
}

/// The parts of an iterator at its current position.
pub(super) fn parts_of(state: &Iter) -> Parts {
    match state {
        Iter::Seq { items, pos, kind } => {
            let rest = items[(*pos).min(items.len())..].to_vec();
            parts(SEQ, vec![Value::tuple(rest)], vec![kind.code()])
        }
        Iter::List { list, pos } => parts(
            LIST,
            vec![Value::List(list.clone())],
            vec![(*pos).min(i64::MAX as usize) as i64],
        ),
        Iter::Range { next, stop, step } => parts(RANGE, vec![], vec![*next, *stop, *step]),
        Iter::Str { s, pos } => parts(STR, vec![Value::str(&s[(*pos).min(s.len())..])], vec![]),
        Iter::Object(obj) => parts(OBJECT, vec![obj.clone()], vec![]),
        Iter::Call { func, sentinel } => parts(CALL, vec![func.clone(), sentinel.clone()], vec![]),
        Iter::Zip(its) => parts(ZIP, vec![Value::tuple(its.to_vec())], vec![]),
        Iter::Map(func, its) => parts(MAP, vec![func.clone(), Value::tuple(its.to_vec())], vec![]),
        Iter::Enumerate(inner, n) => parts(ENUMERATE, vec![inner.clone()], vec![*n]),
        Iter::Filter(func, inner) => parts(FILTER, vec![func.clone(), inner.clone()], vec![]),
        Iter::Dict(d) => parts(
            SEQ,
            vec![Value::tuple(d.remaining())],
            vec![d.kind().code()],
        ),
        Iter::Set(s) => parts(
            SEQ,
            vec![Value::tuple(s.remaining())],
            vec![IterKind::Set.code()],
        ),
        Iter::Done(kind) => parts(SEQ, vec![Value::tuple(vec![])], vec![kind.code()]),
    }
}

fn forged() -> Exc {
    unpickling_error("an iterator in the pickle data is malformed")
}

fn items_of(v: &Value) -> Result<ThinRc<Value>, Exc> {
    match v {
        Value::Tuple(t) => Ok(t.clone()),
        _ => Err(forged()),
    }
}

/// The iterator the parts describe; anything that does not fit is forged data.
pub(super) fn rebuild(p: Parts) -> Result<Value, Exc> {
    let v = |i: usize| p.values.get(i).cloned().ok_or_else(forged);
    let n = |i: usize| p.ints.get(i).copied().ok_or_else(forged);
    let state = match p.kind {
        SEQ => Iter::Seq {
            items: items_of(&v(0)?)?,
            pos: 0,
            // A message from before kinds travelled names no kind: a plain iterator.
            kind: match p.ints.first() {
                Some(code) => IterKind::from_code(*code).ok_or_else(forged)?,
                None => IterKind::Plain,
            },
        },
        LIST => match &v(0)? {
            Value::List(list) => Iter::List {
                list: list.clone(),
                pos: usize::try_from(n(0)?).map_err(|_| forged())?,
            },
            _ => return Err(forged()),
        },
        RANGE => {
            let step = n(2)?;
            if step == 0 {
                return Err(forged());
            }
            Iter::Range {
                next: n(0)?,
                stop: n(1)?,
                step,
            }
        }
        STR => match &v(0)? {
            Value::Str(s) => Iter::Str {
                s: s.clone(),
                pos: 0,
            },
            _ => return Err(forged()),
        },
        OBJECT => Iter::Object(v(0)?),
        CALL => Iter::Call {
            func: v(0)?,
            sentinel: v(1)?,
        },
        ZIP => Iter::Zip(items_of(&v(0)?)?),
        MAP => Iter::Map(v(0)?, items_of(&v(1)?)?),
        ENUMERATE => Iter::Enumerate(v(0)?, n(0)?),
        FILTER => Iter::Filter(v(0)?, v(1)?),
        _ => return Err(forged()),
    };
    Ok(Value::Iterator(Rc::new(RefCell::new(state))))
}
