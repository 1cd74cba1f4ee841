//! `list` and `tuple` methods.

use crate::python::bind::Sig;
use std::cell::RefCell;
use std::rc::Rc;

use crate::python::exceptions::{Exc, index_error, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::ops::norm_index;
use crate::python::value::{Args, NativeFn, Value};

type R = Result<Value, Exc>;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "append" => append,
        "extend" => extend,
        "insert" => insert,
        "pop" => pop,
        "remove" => remove,
        "clear" => clear,
        "index" => index,
        "count" => count,
        "reverse" => reverse,
        "sort" => sort,
        "copy" => copy,
        _ => return None,
    })
}

pub fn tuple_lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "index" => index,
        "count" => count,
        _ => return None,
    })
}

fn this(a: &Args) -> Rc<RefCell<Vec<Value>>> {
    match &a.pos[0] {
        Value::List(l) => l.clone(),
        Value::Tuple(t) => Rc::new(RefCell::new(t.to_vec())),
        _ => Rc::new(RefCell::new(Vec::new())),
    }
}

fn append(_: &mut Interp, a: Args) -> R {
    let [v] = Sig::c_pos("append", "list", &["object"], 1)
        .method()
        .bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let l = this(&a);
    let mut l = l.borrow_mut();
    // Grown as CPython grows it, which `__sizeof__` reports (python/sizeof.rs).
    crate::python::sizeof::list_append(&mut l, v)?;
    Ok(Value::None)
}

fn extend(it: &mut Interp, a: Args) -> R {
    let [src] = Sig::c_pos("extend", "list", &["iterable"], 1)
        .method()
        .bind(&a)?;
    let src = src.cloned().unwrap_or(Value::None);
    let hint = crate::python::sizeof::length_hint(&src);
    let items = it.collect(&src)?;
    let l = this(&a);
    let mut l = l.borrow_mut();
    crate::python::sizeof::list_extend(&mut l, items, hint)?;
    Ok(Value::None)
}

fn insert(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("insert", "list", &["index", "object"], 2)
        .method()
        .bind::<2>(&a)?;
    let i = match a.pos[1].clone() {
        Value::Int(i) => i,
        Value::BigInt(_) => return Err(crate::python::bigint::ssize_overflow()),
        _ => return Err(type_error("'insert' index must be an integer")),
    };
    let v = a.pos[2].clone();
    let l = this(&a);
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    let grown = l.len() + 1;
    crate::python::sizeof::list_resize(&mut l, grown)?;
    l.insert(i as usize, v);
    Ok(Value::None)
}

fn pop(_: &mut Interp, a: Args) -> R {
    let [index] = Sig::c_pos("pop", "list", &["index"], 0).method().bind(&a)?;
    let l = this(&a);
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let i = match index {
        Some(Value::Int(i)) => {
            norm_index(*i, l.len()).ok_or_else(|| index_error("pop index out of range"))?
        }
        Some(Value::BigInt(_)) => return Err(crate::python::bigint::ssize_overflow()),
        Some(_) => return Err(type_error("pop index must be an integer")),
        None => l.len() - 1,
    };
    let x = l.remove(i);
    crate::python::sizeof::list_shrunk(&mut l);
    Ok(x)
}

fn position(it: &mut Interp, items: &[Value], v: &Value) -> Result<Option<usize>, Exc> {
    for (i, x) in items.iter().enumerate() {
        if x.is(v) || it.eq(x, v)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(it: &mut Interp, a: Args) -> R {
    let [v] = Sig::c_pos("remove", "list", &["value"], 1)
        .method()
        .bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let l = this(&a);
    let items = l.borrow().clone();
    match position(it, &items, &v)? {
        Some(i) => {
            let mut l = l.borrow_mut();
            l.remove(i);
            crate::python::sizeof::list_shrunk(&mut l);
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn clear(_: &mut Interp, a: Args) -> R {
    // CPython frees the slots too (`__sizeof__` is back to an empty list's).
    *this(&a).borrow_mut() = Vec::new();
    Ok(Value::None)
}

fn index(it: &mut Interp, a: Args) -> R {
    // Also tuple's, which says so where it names itself.
    let owner = if matches!(a.pos.first(), Some(Value::Tuple(_))) {
        "tuple"
    } else {
        "list"
    };
    let [v, _, _] = Sig::c_pos("index", owner, &["value", "start", "stop"], 1)
        .method()
        .bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let items = this(&a).borrow().clone();
    match position(it, &items, &v)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let what = if matches!(a.pos[0], Value::Tuple(_)) {
                "tuple.index(x): x not in tuple".to_string()
            } else {
                format!("{} is not in list", it.repr(&v)?)
            };
            Err(value_error(what))
        }
    }
}

fn count(it: &mut Interp, a: Args) -> R {
    let owner = if matches!(a.pos.first(), Some(Value::Tuple(_))) {
        "tuple"
    } else {
        "list"
    };
    let [v] = Sig::c_pos("count", owner, &["value"], 1)
        .method()
        .bind(&a)?;
    let v = v.cloned().unwrap_or(Value::None);
    let items = this(&a).borrow().clone();
    let mut n = 0;
    for x in &items {
        if x.is(&v) || it.eq(x, &v)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(_: &mut Interp, a: Args) -> R {
    this(&a).borrow_mut().reverse();
    Ok(Value::None)
}

fn sort(it: &mut Interp, a: Args) -> R {
    let l = this(&a);
    const SORT: Sig = Sig::c("sort", &["key", "reverse"], 0).kwonly(2).method();
    let [key, reverse] = SORT.bind(&a)?;
    let key = key.filter(|v| !matches!(v, Value::None)).cloned();
    let reverse = match reverse {
        Some(v) => it.truthy(v)?,
        None => false,
    };
    // As CPython's list.sort: the list is empty while it sorts (a key function or `__lt__` sees
    // it so), its items are not copied, and a list grown meanwhile (its buffer allocated again)
    // gets its sorted items back with `ValueError`.
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let slots = items.capacity();
    let sorted = crate::python::builtins::sort_values(it, &mut items, key.as_ref(), reverse);
    // Sorting keeps the list's allocation, as CPython's (`sys.getsizeof` reads it), also where
    // a key's sort rebuilt the vector.
    if items.capacity() < slots {
        items.reserve_exact(slots - items.len());
    }
    let meanwhile = std::mem::replace(&mut *l.borrow_mut(), items);
    let modified = meanwhile.capacity() != 0;
    // Freed after the list is whole again.
    drop(meanwhile);
    sorted?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn copy(_: &mut Interp, a: Args) -> R {
    Ok(Value::list(crate::python::ops::clone_run(
        &this(&a).borrow(),
    )))
}
