//! `aiter()` and `anext()`, the builtins of the async iteration protocol (Python 3.10): the
//! `async for` steps as functions, with CPython's errors.

use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, PyResult, Value};

/// The method `name` of `obj`'s type, bound to it, if it has one.
fn special(it: &mut Interp, obj: &Value, name: &str) -> Result<Option<Value>, Exc> {
    match obj {
        Value::Instance(i) => Ok(i
            .class
            .lookup(name)
            .map(|m| crate::python::interp::bind(m, obj))),
        // An async generator's own methods.
        Value::Generator(_) => it.getattr_opt(obj, name),
        _ => Ok(None),
    }
}

/// `aiter(async_iterable)`: `type(x).__aiter__(x)`, which must give an async iterator.
pub(super) fn aiter(it: &mut Interp, a: Args) -> PyResult {
    Sig::c_pos("aiter", "", &["async_iterable"], 1).bind::<1>(&a)?;
    let obj = &a.pos[0];
    let Some(get) = special(it, obj, "__aiter__")? else {
        return Err(type_error(format!(
            "'{}' object is not an async iterable",
            obj.type_name()
        )));
    };
    let ait = it.call(&get, Args::default())?;
    if special(it, &ait, "__anext__")?.is_none() {
        return Err(type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            ait.type_name()
        )));
    }
    Ok(ait)
}

/// `anext(async_iterator[, default])`: the awaitable of its next item; with a default, an
/// awaitable that gives the default where the iterator raises `StopAsyncIteration`.
pub(super) fn anext(it: &mut Interp, a: Args) -> PyResult {
    let (ait, default) = match &a.pos[..] {
        [ait] => (ait, None),
        [ait, d] => (ait, Some(d.clone())),
        [] => return Err(type_error("anext expected at least 1 argument, got 0")),
        more => {
            return Err(type_error(format!(
                "anext expected at most 2 arguments, got {}",
                more.len()
            )));
        }
    };
    let Some(next) = special(it, ait, "__anext__")? else {
        return Err(type_error(format!(
            "'{}' object is not an async iterator",
            ait.type_name()
        )));
    };
    let awaitable = it.call(&next, Args::default())?;
    let Some(default) = default else {
        return Ok(awaitable);
    };
    let helper = crate::python::modules::import(it, "_anext")?;
    let f = it.getattr(&helper, "anext_default")?;
    it.call(&f, Args::new(vec![awaitable, default]))
}
