//! `dict` and `set` methods. Views (`keys()`, `items()`) are snapshots as lists: enough for
//! iterating, `len` and `in`, which is what lesson programs do with them.

use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Dict, HashKey, NativeFn, Set, Value};

type R = Result<Value, Exc>;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "get" => get,
        "keys" => keys,
        "values" => values,
        "items" => items,
        "pop" => pop,
        "popitem" => popitem,
        "setdefault" => setdefault,
        "update" => update,
        "clear" => clear,
        "copy" => copy,
        // A classmethod, reached from an instance too (`{}.fromkeys(ks)`); `self` is ignored.
        "fromkeys" => fromkeys,
        _ => return None,
    })
}

/// A frozenset has the methods of a set that do not change it.
pub fn frozenset_lookup(name: &str) -> Option<NativeFn> {
    match name {
        "copy"
        | "difference"
        | "intersection"
        | "isdisjoint"
        | "issubset"
        | "issuperset"
        | "symmetric_difference"
        | "union" => set_lookup(name),
        _ => None,
    }
}

pub fn set_lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "add" => set_add,
        "remove" => set_remove,
        "discard" => set_discard,
        "pop" => set_pop,
        "clear" => set_clear,
        "update" => set_update,
        "union" => set_union,
        "intersection" => set_intersection,
        "difference" => set_difference,
        "issubset" => set_issubset,
        "issuperset" => set_issuperset,
        "isdisjoint" => set_isdisjoint,
        "copy" => set_copy,
        "symmetric_difference" => set_symmetric_difference,
        "difference_update" => set_difference_update,
        "intersection_update" => set_intersection_update,
        "symmetric_difference_update" => set_symmetric_difference_update,
        _ => return None,
    })
}

fn this(a: &Args) -> Rc<RefCell<Dict>> {
    match &a.pos[0] {
        Value::Dict(d) => d.clone(),
        _ => Rc::new(RefCell::new(Dict::default())),
    }
}

fn get(it: &mut Interp, a: Args) -> R {
    const GET: Sig = Sig::c_pos("get", "dict", &["key", "default"], 1).method();
    let [key, default] = GET.bind(&a)?;
    let d = this(&a);
    let k = it.key_in(key.unwrap_or(&Value::None), |k| d.borrow().same_hash(k))?;
    Ok(d.borrow()
        .get(&k)
        .cloned()
        .unwrap_or_else(|| default.cloned().unwrap_or(Value::None)))
}

fn keys(_: &mut Interp, a: Args) -> R {
    noargs(&a, "keys")?;
    Ok(super::views::make("dict_keys", this(&a)))
}

fn values(_: &mut Interp, a: Args) -> R {
    noargs(&a, "values")?;
    Ok(super::views::make("dict_values", this(&a)))
}

fn items(_: &mut Interp, a: Args) -> R {
    noargs(&a, "items")?;
    Ok(super::views::make("dict_items", this(&a)))
}

fn noargs(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, "dict", &[], 0)
        .method()
        .bind::<0>(a)
        .map(|_| ())
}

/// `dict.fromkeys(iterable, value=None)` (`self` is ignored: it is a class method).
pub fn fromkeys(it: &mut Interp, a: Args) -> R {
    let [keys, v] = Sig::c_pos("fromkeys", "dict", &["iterable", "value"], 1)
        .method()
        .bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let keys = it.collect(keys.unwrap_or(&Value::None))?;
    let mut d = Dict::default();
    for k in keys {
        it.dict_insert(&mut d, k, v.clone())?;
    }
    Ok(Value::dict(d))
}

fn pop(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("pop", "dict", &["key", "default"], 1)
        .method()
        .bind::<2>(&a)?;
    let key = a.pos[1].clone();
    let d = this(&a);
    let k = it.key_in(&key, |k| d.borrow().same_hash(k))?;
    match d.borrow_mut().map.shift_remove(&k) {
        Some((_, v)) => Ok(v),
        None => match a.pos.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(Exc::with_args(ExcKind::KeyError, vec![key])),
        },
    }
}

fn popitem(_: &mut Interp, a: Args) -> R {
    match this(&a).borrow_mut().map.pop() {
        Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
        None => Err(Exc::new(
            ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn setdefault(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("setdefault", "dict", &["key", "default"], 1)
        .method()
        .bind::<2>(&a)?;
    let key = a.pos[1].clone();
    let d = this(&a);
    let k = it.key_in(&key, |k| d.borrow().same_hash(k))?;
    if let Some(v) = d.borrow().get(&k) {
        return Ok(v.clone());
    }
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    d.borrow_mut().insert(k, key, v.clone());
    Ok(v)
}

fn update(it: &mut Interp, a: Args) -> R {
    let mut d = this(&a).borrow().clone();
    if let Some(src) = a.pos.get(1) {
        crate::python::builtins::dict_from(it, src, &mut d)?;
    }
    for (k, v) in &a.kw {
        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
    }
    *this(&a).borrow_mut() = d;
    Ok(Value::None)
}

fn clear(_: &mut Interp, a: Args) -> R {
    this(&a).borrow_mut().map.clear();
    Ok(Value::None)
}

fn copy(_: &mut Interp, a: Args) -> R {
    Ok(Value::dict(this(&a).borrow().clone()))
}

fn set_of(a: &Args) -> Result<Rc<RefCell<Set>>, Exc> {
    match &a.pos[0] {
        Value::Set(s) => Ok(s.clone()),
        Value::FrozenSet(_) => Err(type_error("'frozenset' object does not support mutation")),
        _ => Err(type_error("set method on a non-set")),
    }
}

fn snapshot(v: &Value) -> Set {
    match v {
        Value::Set(s) => s.borrow().clone(),
        Value::FrozenSet(s) => (**s).clone(),
        _ => Set::default(),
    }
}

fn set_add(it: &mut Interp, a: Args) -> R {
    let [v] = Sig::c_pos("add", "set", &["object"], 1).method().bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let s = set_of(&a)?;
    let k = it.key_in(&v, |k| s.borrow().same_hash(k))?;
    s.borrow_mut().map.entry(k).or_insert(v);
    Ok(Value::None)
}

fn set_remove(it: &mut Interp, a: Args) -> R {
    let [v] = Sig::c_pos("remove", "set", &["object"], 1)
        .method()
        .bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let s = set_of(&a)?;
    let k = it.key_in(&v, |k| s.borrow().same_hash(k))?;
    match s.borrow_mut().map.shift_remove(&k) {
        Some(_) => Ok(Value::None),
        None => Err(Exc::with_args(ExcKind::KeyError, vec![v])),
    }
}

fn set_discard(it: &mut Interp, a: Args) -> R {
    let [v] = Sig::c_pos("discard", "set", &["object"], 1)
        .method()
        .bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let s = set_of(&a)?;
    let k = it.key_in(&v, |k| s.borrow().same_hash(k))?;
    s.borrow_mut().map.shift_remove(&k);
    Ok(Value::None)
}

fn set_pop(_: &mut Interp, a: Args) -> R {
    match set_of(&a)?.borrow_mut().map.shift_remove_index(0) {
        Some((_, v)) => Ok(v),
        None => Err(Exc::new(ExcKind::KeyError, "pop from an empty set")),
    }
}

fn set_clear(_: &mut Interp, a: Args) -> R {
    set_of(&a)?.borrow_mut().map.clear();
    Ok(Value::None)
}

fn set_update(it: &mut Interp, a: Args) -> R {
    let s = set_of(&a)?;
    for src in &a.pos[1..] {
        for v in it.collect(src)? {
            let k = it.key_in(&v, |k| s.borrow().same_hash(k))?;
            s.borrow_mut().map.entry(k).or_insert(v);
        }
    }
    Ok(Value::None)
}

type SetOp = fn(&mut Interp, &Set, &Set) -> Result<Set, Exc>;

fn combine(it: &mut Interp, a: &Args, f: SetOp) -> R {
    let mut acc = snapshot(&a.pos[0]);
    for src in &a.pos[1..] {
        let mut other = Set::default();
        for v in it.collect(src)? {
            it.set_insert(&mut other, v)?;
        }
        acc = f(it, &acc, &other)?;
    }
    Ok(match &a.pos[0] {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(acc)),
        _ => Value::Set(Rc::new(RefCell::new(acc))),
    })
}

fn set_union(it: &mut Interp, a: Args) -> R {
    combine(it, &a, |it, x, y| {
        let mut out = x.clone();
        for v in y.map.values() {
            it.set_insert(&mut out, v.clone())?;
        }
        Ok(out)
    })
}

fn set_intersection(it: &mut Interp, a: Args) -> R {
    combine(it, &a, |it, x, y| {
        let mut out = Set::default();
        for (k, v) in &x.map {
            if y.map.contains_key(&it.key_in_set(y, k, v)?) {
                out.map.insert(k.clone(), v.clone());
            }
        }
        Ok(out)
    })
}

fn set_difference(it: &mut Interp, a: Args) -> R {
    combine(it, &a, |it, x, y| {
        let mut out = Set::default();
        for (k, v) in &x.map {
            if !y.map.contains_key(&it.key_in_set(y, k, v)?) {
                out.map.insert(k.clone(), v.clone());
            }
        }
        Ok(out)
    })
}

/// `x ^ y`: the elements in exactly one of them, `x`'s first.
fn symmetric(it: &mut Interp, x: &Set, y: &Set) -> Result<Set, Exc> {
    let mut out = Set::default();
    for (k, v) in &x.map {
        if !y.map.contains_key(&it.key_in_set(y, k, v)?) {
            out.map.insert(k.clone(), v.clone());
        }
    }
    for (k, v) in &y.map {
        if !x.map.contains_key(&it.key_in_set(x, k, v)?) {
            it.set_insert(&mut out, v.clone())?;
        }
    }
    Ok(out)
}

fn set_symmetric_difference(it: &mut Interp, a: Args) -> R {
    one_other(&a, "symmetric_difference")?;
    combine(it, &a, symmetric)
}

/// `symmetric_difference` and its `_update` take exactly one other iterable.
fn one_other(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, "set", &["other"], 1)
        .method()
        .bind::<1>(a)
        .map(|_| ())
}

/// The `_update` form of a set operation: the set itself becomes the result.
fn in_place(it: &mut Interp, a: Args, op: fn(&mut Interp, Args) -> R) -> R {
    let s = set_of(&a)?;
    if let Value::Set(ref result) = op(it, a)? {
        let result = result.borrow().clone();
        *s.borrow_mut() = result;
    }
    Ok(Value::None)
}

fn set_difference_update(it: &mut Interp, a: Args) -> R {
    in_place(it, a, set_difference)
}

fn set_intersection_update(it: &mut Interp, a: Args) -> R {
    in_place(it, a, set_intersection)
}

fn set_symmetric_difference_update(it: &mut Interp, a: Args) -> R {
    one_other(&a, "symmetric_difference_update")?;
    in_place(it, a, set_symmetric_difference)
}

fn set_issubset(it: &mut Interp, a: Args) -> R {
    let x = snapshot(&a.pos[0]);
    let [other] = Sig::c_pos("issubset", "set", &["other"], 1)
        .method()
        .bind(&a)?;
    let other = other.cloned().unwrap_or(Value::None);
    let mut y = Set::default();
    for v in it.collect(&other)? {
        it.set_insert(&mut y, v)?;
    }
    Ok(Value::Bool(it.is_subset(&x, &y)?))
}

fn set_issuperset(it: &mut Interp, a: Args) -> R {
    let x = snapshot(&a.pos[0]);
    let [other] = Sig::c_pos("issuperset", "set", &["other"], 1)
        .method()
        .bind(&a)?;
    let other = other.cloned().unwrap_or(Value::None);
    for v in it.collect(&other)? {
        if !x.map.contains_key(&it.key_in(&v, |k| x.same_hash(k))?) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_isdisjoint(it: &mut Interp, a: Args) -> R {
    let x = snapshot(&a.pos[0]);
    let [other] = Sig::c_pos("isdisjoint", "set", &["other"], 1)
        .method()
        .bind(&a)?;
    for v in it.collect(other.unwrap_or(&Value::None))? {
        if x.map.contains_key(&it.key_in(&v, |k| x.same_hash(k))?) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_copy(_: &mut Interp, a: Args) -> R {
    Ok(match &a.pos[0] {
        Value::FrozenSet(s) => Value::FrozenSet(s.clone()),
        v => Value::Set(Rc::new(RefCell::new(snapshot(v)))),
    })
}
