//! `_itertools`: the per-item step (`__next__`) of `itertools`' iterators
//! (`src/python/lib/itertools.py`), run natively. The iterators stay Python classes whose state is
//! plain attributes, so they pickle at their position as CPython's do; only the step that reads
//! and writes those attributes is here, as an interpreted `__next__` cost 10 to 40 times CPython's
//! per item (perf: the time went to running its statements, not to the work).
//!
//! Each function is a class's `__next__`: `self` first, its attributes named as `itertools.py`
//! sets them in `__init__`.

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::rc::Rc;

use crate::python::ast::BinOp;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, Value};

use super::make_module;

type R = Result<Value, Exc>;

pub fn module() -> Value {
    make_module(
        "_itertools",
        &[
            ("count_next", count_next),
            ("repeat_next", repeat_next),
            ("cycle_next", cycle_next),
            ("accumulate_next", accumulate_next),
            ("chain_next", chain_next),
            ("islice_next", islice_next),
            ("zip_longest_next", zip_longest_next),
            ("product_next", product_next),
            ("permutations_next", permutations_next),
            ("combinations_next", combinations_next),
            ("groupby_next", groupby_next),
            ("grouper_next", grouper_next),
        ],
        vec![],
    )
}

fn stop() -> Exc {
    Exc::with_args(ExcKind::StopIteration, vec![])
}

/// The instance a `__next__` was called on.
fn this(a: &Args) -> Result<Rc<Instance>, Exc> {
    match a.pos.first() {
        Some(Value::Instance(i)) => Ok(i.clone()),
        _ => Err(type_error("an itertools step needs its iterator")),
    }
}

/// `self.<name>`; a missing attribute reads as None (an instance made by `__new__` alone).
fn get(i: &Instance, name: &str) -> Value {
    i.attrs.borrow().get(name).cloned().unwrap_or(Value::None)
}

/// `self.<name> = v`, without a new key when the attribute is there (the usual case).
fn set(i: &Instance, name: &str, v: Value) {
    let mut attrs = i.attrs.borrow_mut();
    match attrs.get_mut(name) {
        Some(slot) => *slot = v,
        None => {
            attrs.insert(PyStr::from(name), v);
        }
    }
}

fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// `a + b`, ints without the general dispatch.
fn add(it: &mut Interp, a: &Value, b: &Value) -> R {
    if let (Value::Int(x), Value::Int(y)) = (a, b)
        && let Some(s) = x.checked_add(*y)
    {
        return Ok(Value::Int(s));
    }
    it.binop(BinOp::Add, a, b)
}

/// The items of a list attribute (indices, saved items).
fn list_of(v: &Value) -> Option<Rc<std::cell::RefCell<Vec<Value>>>> {
    match v {
        Value::List(l) => Some(l.clone()),
        _ => None,
    }
}

fn count_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    let n = get(&s, "_n");
    let next = add(it, &n, &get(&s, "_step"))?;
    set(&s, "_n", next);
    Ok(n)
}

fn repeat_next(_: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    match get(&s, "_times") {
        Value::None => Ok(get(&s, "_object")),
        t => {
            let left = int_of(&t).unwrap_or(0);
            if left <= 0 {
                return Err(stop());
            }
            set(&s, "_times", Value::Int(left - 1));
            Ok(get(&s, "_object"))
        }
    }
}

fn cycle_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    let saved = list_of(&get(&s, "_saved")).ok_or_else(|| type_error("cycle state"))?;
    let source = get(&s, "_it");
    if !matches!(source, Value::None) {
        if let Some(x) = it.next(&source)? {
            saved.borrow_mut().push(x.clone());
            return Ok(x);
        }
        set(&s, "_it", Value::None);
    }
    let saved = saved.borrow();
    if saved.is_empty() {
        return Err(stop());
    }
    let index = int_of(&get(&s, "_index")).unwrap_or(0).max(0) as usize % saved.len();
    let x = saved[index].clone();
    set(&s, "_index", Value::Int(((index + 1) % saved.len()) as i64));
    Ok(x)
}

fn accumulate_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    if it.truthy(&get(&s, "_initial"))? {
        set(&s, "_initial", Value::Bool(false));
        set(&s, "_started", Value::Bool(true));
        return Ok(get(&s, "_total"));
    }
    let Some(x) = it.next(&get(&s, "_it"))? else {
        return Err(stop());
    };
    let total = if !it.truthy(&get(&s, "_started"))? {
        set(&s, "_started", Value::Bool(true));
        x
    } else {
        let (total, func) = (get(&s, "_total"), get(&s, "_func"));
        match func {
            Value::None => add(it, &total, &x)?,
            f => it.call(&f, Args::new(vec![total, x]))?,
        }
    };
    set(&s, "_total", total.clone());
    Ok(total)
}

fn chain_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    loop {
        let source = get(&s, "_source");
        if matches!(source, Value::None) {
            return Err(stop());
        }
        let mut active = get(&s, "_active");
        if matches!(active, Value::None) {
            let Some(following) = it.next(&source)? else {
                set(&s, "_source", Value::None);
                return Err(stop());
            };
            active = it.iter(&following)?;
            set(&s, "_active", active.clone());
        }
        if let Some(x) = it.next(&active)? {
            return Ok(x);
        }
        set(&s, "_active", Value::None);
    }
}

/// CPython's islice_next: skip to the next index, stop at stop (consuming up to it).
fn islice_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    let source = get(&s, "_it");
    if matches!(source, Value::None) {
        return Err(stop());
    }
    let stop_at = int_of(&get(&s, "_stop"));
    let mut count = int_of(&get(&s, "_count")).unwrap_or(0);
    let mut next = int_of(&get(&s, "_next")).unwrap_or(0);
    let step = int_of(&get(&s, "_step")).unwrap_or(1);
    if stop_at.is_some_and(|st| count >= st) {
        return Err(stop());
    }
    while count < next {
        if it.next(&source)?.is_none() {
            set(&s, "_it", Value::None);
            set(&s, "_count", Value::Int(count));
            return Err(stop());
        }
        count += 1;
    }
    if stop_at.is_some_and(|st| count >= st) {
        set(&s, "_count", Value::Int(count));
        return Err(stop());
    }
    let Some(item) = it.next(&source)? else {
        set(&s, "_it", Value::None);
        set(&s, "_count", Value::Int(count));
        return Err(stop());
    };
    count += 1;
    next = next.saturating_add(step);
    if let Some(st) = stop_at
        && next > st
    {
        next = st;
    }
    set(&s, "_count", Value::Int(count));
    set(&s, "_next", Value::Int(next));
    Ok(item)
}

/// An ended iterator's place in `_iterators` holds None: it gives the fill value from then on.
fn zip_longest_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    let mut active = int_of(&get(&s, "_active")).unwrap_or(0);
    if active <= 0 {
        return Err(stop());
    }
    let iterators = list_of(&get(&s, "_iterators")).ok_or_else(|| type_error("zip state"))?;
    let fill = get(&s, "_fillvalue");
    let n = iterators.borrow().len();
    let mut row = Vec::with_capacity(n);
    for k in 0..n {
        let source = iterators.borrow()[k].clone();
        let value = match source {
            Value::None => fill.clone(),
            src => match it.next(&src)? {
                Some(v) => v,
                None => {
                    active -= 1;
                    set(&s, "_active", Value::Int(active));
                    if active == 0 {
                        return Err(stop());
                    }
                    iterators.borrow_mut()[k] = Value::None;
                    fill.clone()
                }
            },
        };
        row.push(value);
    }
    Ok(Value::tuple(row))
}

/// The indices attribute as numbers.
fn indices_of(v: &Value) -> Option<Vec<usize>> {
    let l = list_of(v)?;
    let l = l.borrow();
    l.iter()
        .map(|x| int_of(x).and_then(|n| usize::try_from(n).ok()))
        .collect()
}

/// `self.<name>` = the indices: the list the instance holds, updated in place (no new list per
/// item), or a new one.
fn store_indices(s: &Instance, name: &str, idx: &[usize]) {
    let ints = idx.iter().map(|i| Value::Int(*i as i64));
    match list_of(&get(s, name)) {
        Some(l) => {
            let mut l = l.borrow_mut();
            l.clear();
            l.extend(ints);
        }
        None => set(s, name, Value::list(ints.collect())),
    }
}

/// The tuple of `pool[i]` for each index.
fn pick(pool: &[Value], idx: &[usize]) -> Value {
    Value::tuple(idx.iter().map(|i| pool[*i].clone()).collect())
}

fn pool_of(v: &Value) -> Option<ThinRc<Value>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        _ => None,
    }
}

fn state_error() -> Exc {
    type_error("itertools iterator state is not what it set")
}

fn product_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    if it.truthy(&get(&s, "_done"))? {
        return Err(stop());
    }
    let pools: Vec<ThinRc<Value>> = {
        let l = list_of(&get(&s, "_pools")).ok_or_else(state_error)?;
        let l = l.borrow();
        l.iter()
            .map(pool_of)
            .collect::<Option<_>>()
            .ok_or_else(state_error)?
    };
    let idx = match get(&s, "_indices") {
        Value::None => vec![0; pools.len()],
        v => {
            // An odometer: the rightmost pool advances fastest.
            let mut idx = indices_of(&v).ok_or_else(state_error)?;
            let mut i = pools.len();
            loop {
                if i == 0 {
                    set(&s, "_done", Value::Bool(true));
                    return Err(stop());
                }
                i -= 1;
                idx[i] += 1;
                if idx[i] < pools[i].len() {
                    break;
                }
                idx[i] = 0;
            }
            idx
        }
    };
    if idx.iter().zip(&pools).any(|(k, p)| *k >= p.len()) {
        return Err(state_error());
    }
    let row = Value::tuple(idx.iter().zip(&pools).map(|(k, p)| p[*k].clone()).collect());
    store_indices(&s, "_indices", &idx);
    Ok(row)
}

fn permutations_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    if it.truthy(&get(&s, "_done"))? {
        return Err(stop());
    }
    let pool = pool_of(&get(&s, "_pool")).ok_or_else(state_error)?;
    let r = int_of(&get(&s, "_r")).ok_or_else(state_error)? as usize;
    let mut indices = indices_of(&get(&s, "_indices")).ok_or_else(state_error)?;
    let mut cycles = indices_of(&get(&s, "_cycles")).ok_or_else(state_error)?;
    let n = pool.len();
    if r > indices.len() || r > cycles.len() || indices.iter().any(|i| *i >= n) {
        return Err(state_error());
    }
    if it.truthy(&get(&s, "_first"))? {
        set(&s, "_first", Value::Bool(false));
        return Ok(pick(&pool, &indices[..r]));
    }
    if n > 0 {
        for i in (0..r).rev() {
            cycles[i] = cycles[i].wrapping_sub(1);
            if cycles[i] == 0 {
                indices[i..].rotate_left(1);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                if j > n {
                    return Err(state_error());
                }
                indices.swap(i, n - j);
                store_indices(&s, "_indices", &indices);
                store_indices(&s, "_cycles", &cycles);
                return Ok(pick(&pool, &indices[..r]));
            }
        }
    }
    set(&s, "_done", Value::Bool(true));
    Err(stop())
}

fn combinations_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    if it.truthy(&get(&s, "_done"))? {
        return Err(stop());
    }
    let pool = pool_of(&get(&s, "_pool")).ok_or_else(state_error)?;
    let r = int_of(&get(&s, "_r")).ok_or_else(state_error)? as usize;
    let mut indices = indices_of(&get(&s, "_indices")).ok_or_else(state_error)?;
    let n = pool.len();
    if indices.len() != r || r > n || indices.iter().any(|i| *i >= n) {
        return Err(state_error());
    }
    if it.truthy(&get(&s, "_first"))? {
        set(&s, "_first", Value::Bool(false));
        return Ok(pick(&pool, &indices));
    }
    let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
        set(&s, "_done", Value::Bool(true));
        return Err(stop());
    };
    indices[i] += 1;
    for j in i + 1..r {
        indices[j] = indices[j - 1] + 1;
    }
    store_indices(&s, "_indices", &indices);
    Ok(pick(&pool, &indices))
}

/// Read the next item ahead and its key (`_currvalue`, `_currkey`).
fn step(it: &mut Interp, s: &Instance) -> Result<(), Exc> {
    let Some(value) = it.next(&get(s, "_it"))? else {
        return Err(stop());
    };
    let key = match get(s, "_keyfunc") {
        Value::None => value.clone(),
        f => it.call(&f, Args::new(vec![value.clone()]))?,
    };
    set(s, "_currvalue", value);
    set(s, "_has_currvalue", Value::Bool(true));
    set(s, "_currkey", key);
    set(s, "_has_currkey", Value::Bool(true));
    Ok(())
}

/// `groupby.__next__`: skip what is left of the current group, then the next key and its group
/// (the class's `_grouper_class`, made with the parent, the key and the new generation).
fn groupby_next(it: &mut Interp, a: Args) -> R {
    let s = this(&a)?;
    // The previous group ends here, whatever happens next.
    let generation = add(it, &get(&s, "_generation"), &Value::Int(1))?;
    set(&s, "_generation", generation.clone());
    loop {
        if it.truthy(&get(&s, "_has_currkey"))?
            && (!it.truthy(&get(&s, "_has_tgtkey"))?
                || !it.eq(&get(&s, "_tgtkey"), &get(&s, "_currkey"))?)
        {
            break;
        }
        step(it, &s)?;
    }
    let key = get(&s, "_currkey");
    set(&s, "_tgtkey", key.clone());
    set(&s, "_has_tgtkey", Value::Bool(true));
    let grouper = s.class.lookup("_grouper_class").ok_or_else(state_error)?;
    let group = it.call(
        &grouper,
        Args::new(vec![Value::Instance(s.clone()), key.clone(), generation]),
    )?;
    Ok(Value::tuple(vec![key, group]))
}

/// `_grouper.__next__`: the group's next item while its groupby has not moved on.
fn grouper_next(it: &mut Interp, a: Args) -> R {
    let g = this(&a)?;
    let parent = match &get(&g, "_parent") {
        Value::Instance(p) => p.clone(),
        _ => return Err(state_error()),
    };
    if !it.eq(&get(&parent, "_generation"), &get(&g, "_generation"))? {
        return Err(stop());
    }
    if !it.truthy(&get(&parent, "_has_currvalue"))? {
        step(it, &parent)?;
    }
    if !it.eq(&get(&g, "_tgtkey"), &get(&parent, "_currkey"))? {
        return Err(stop());
    }
    let value = get(&parent, "_currvalue");
    set(&parent, "_currvalue", Value::None);
    set(&parent, "_has_currvalue", Value::Bool(false));
    Ok(value)
}
