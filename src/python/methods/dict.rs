//! `dict` and `set` methods. Views (`keys()`, `items()`) are snapshots as lists: enough for
//! iterating, `len` and `in`, which is what lesson programs do with them.

use std::cell::RefCell;
use std::rc::Rc;

use super::{opt, req};
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
        _ => return None,
    })
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
    if a.pos.len() < 2 {
        let n = a.pos.len().saturating_sub(1);
        return Err(type_error(format!(
            "get expected at least 1 argument, got {n}"
        )));
    }
    let k = it.hash_key(&req(&a, 0, "get")?)?;
    Ok(this(&a)
        .borrow()
        .get(&k)
        .cloned()
        .unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
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
    if a.pos.len() > 1 {
        let n = a.pos.len() - 1;
        return Err(type_error(format!(
            "dict.{m}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

/// `dict.fromkeys(iterable, value=None)` (`self` is ignored: it is a class method).
pub fn fromkeys(it: &mut Interp, a: Args) -> R {
    let keys = it.collect(&req(&a, 0, "fromkeys")?)?;
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    let mut d = Dict::default();
    for k in keys {
        let hk = it.hash_key(&k)?;
        d.insert(hk, k, v.clone());
    }
    Ok(Value::dict(d))
}

fn pop(it: &mut Interp, a: Args) -> R {
    let key = req(&a, 0, "pop")?;
    let k = it.hash_key(&key)?;
    match this(&a).borrow_mut().map.shift_remove(&k) {
        Some((_, v)) => Ok(v),
        None => match a.pos.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(Exc::with_args("KeyError", vec![key])),
        },
    }
}

fn popitem(_: &mut Interp, a: Args) -> R {
    match this(&a).borrow_mut().map.pop() {
        Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
        None => Err(Exc::new("KeyError", "popitem(): dictionary is empty")),
    }
}

fn setdefault(it: &mut Interp, a: Args) -> R {
    let key = req(&a, 0, "setdefault")?;
    let k = it.hash_key(&key)?;
    let d = this(&a);
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
    let v = req(&a, 0, "add")?;
    let k = it.hash_key(&v)?;
    set_of(&a)?.borrow_mut().map.entry(k).or_insert(v);
    Ok(Value::None)
}

fn set_remove(it: &mut Interp, a: Args) -> R {
    let v = req(&a, 0, "remove")?;
    let k = it.hash_key(&v)?;
    match set_of(&a)?.borrow_mut().map.shift_remove(&k) {
        Some(_) => Ok(Value::None),
        None => Err(Exc::with_args("KeyError", vec![v])),
    }
}

fn set_discard(it: &mut Interp, a: Args) -> R {
    let v = req(&a, 0, "discard")?;
    let k = it.hash_key(&v)?;
    set_of(&a)?.borrow_mut().map.shift_remove(&k);
    Ok(Value::None)
}

fn set_pop(_: &mut Interp, a: Args) -> R {
    match set_of(&a)?.borrow_mut().map.shift_remove_index(0) {
        Some((_, v)) => Ok(v),
        None => Err(Exc::new("KeyError", "pop from an empty set")),
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
            let k = it.hash_key(&v)?;
            s.borrow_mut().map.entry(k).or_insert(v);
        }
    }
    Ok(Value::None)
}

fn combine(it: &mut Interp, a: &Args, f: fn(&Set, &Set) -> Set) -> R {
    let mut acc = snapshot(&a.pos[0]);
    for src in &a.pos[1..] {
        let mut other = Set::default();
        for v in it.collect(src)? {
            let k = it.hash_key(&v)?;
            other.map.entry(k).or_insert(v);
        }
        acc = f(&acc, &other);
    }
    Ok(match &a.pos[0] {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(acc)),
        _ => Value::Set(Rc::new(RefCell::new(acc))),
    })
}

fn set_union(it: &mut Interp, a: Args) -> R {
    combine(it, &a, |x, y| {
        let mut out = x.clone();
        for (k, v) in &y.map {
            out.map.entry(k.clone()).or_insert(v.clone());
        }
        out
    })
}

fn set_intersection(it: &mut Interp, a: Args) -> R {
    combine(it, &a, |x, y| Set {
        map: x
            .map
            .iter()
            .filter(|(k, _)| y.map.contains_key(*k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    })
}

fn set_difference(it: &mut Interp, a: Args) -> R {
    combine(it, &a, |x, y| Set {
        map: x
            .map
            .iter()
            .filter(|(k, _)| !y.map.contains_key(*k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    })
}

fn set_issubset(it: &mut Interp, a: Args) -> R {
    let x = snapshot(&a.pos[0]);
    let other = req(&a, 0, "issubset")?;
    let mut keys = Vec::new();
    for v in it.collect(&other)? {
        keys.push(it.hash_key(&v)?);
    }
    Ok(Value::Bool(x.map.keys().all(|k| keys.contains(k))))
}

fn set_issuperset(it: &mut Interp, a: Args) -> R {
    let x = snapshot(&a.pos[0]);
    let other = req(&a, 0, "issuperset")?;
    for v in it.collect(&other)? {
        if !x.map.contains_key(&it.hash_key(&v)?) {
            return Ok(Value::Bool(false));
        }
    }
    let _ = opt(&a, 5, "");
    Ok(Value::Bool(true))
}

fn set_isdisjoint(it: &mut Interp, a: Args) -> R {
    let x = snapshot(&a.pos[0]);
    for v in it.collect(&req(&a, 0, "isdisjoint")?)? {
        if x.map.contains_key(&it.hash_key(&v)?) {
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
