//! Exceptions from a worker, as the parent re-raises them: the task's exception with a
//! `RemoteTraceback` cause holding the worker's traceback text (`remote_exception`), and
//! `MaybeEncodingError` for a result the worker could not send.
//!
//! `worker.rs` sends the exception (or the `MAYBE_ENCODING` tag); `scheduler.rs` (`take_result`)
//! rebuilds it here.

use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use super::{R, class, pool_obj};
use crate::python::exceptions::{self, Exc};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, PyStr, Value};

/// `RemoteTraceback`, the cause of an exception re-raised from a worker.
pub fn remote_traceback_class() -> Rc<Class> {
    class(
        "RemoteTraceback",
        "multiprocessing.pool",
        &[("__str__", remote_traceback_str)],
        Some(ExcKind::Exception.class()),
    )
}

/// Tags a result that could not be sent: `(MAYBE_ENCODING, repr(error), repr(value))`.
pub(super) const MAYBE_ENCODING: &str = "__forkyard_maybe_encoding_error__";

/// `multiprocessing.pool.MaybeEncodingError(exc, value)`: a result the worker could not send.
pub fn maybe_encoding_error_class() -> Rc<Class> {
    class(
        "MaybeEncodingError",
        "multiprocessing.pool",
        &[
            ("__str__", maybe_encoding_str),
            ("__repr__", maybe_encoding_repr),
        ],
        Some(ExcKind::Exception.class()),
    )
}

/// `Error sending result: 'VALUE'. Reason: 'EXC'`.
fn maybe_encoding_str(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    let exc = it.getattr(&me, "exc")?;
    let value = it.getattr(&me, "value")?;
    let (exc, value) = (it.str_of(&exc)?, it.str_of(&value)?);
    Ok(Value::str(&format!(
        "Error sending result: '{value}'. Reason: '{exc}'"
    )))
}

fn maybe_encoding_repr(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    let text = maybe_encoding_str(it, a)?;
    let text = it.str_of(&text)?;
    let _ = me;
    Ok(Value::str(&format!("<MaybeEncodingError: {text}>")))
}

/// The exception a worker raised, with its traceback text as a `RemoteTraceback` cause.
pub(super) fn remote_exception(it: &mut Interp, exc: &Value, tb: &Value) -> Exc {
    if let Value::Tuple(t) = exc
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == MAYBE_ENCODING)
    {
        // CPython pickles it as (class, args, __dict__): unpickling runs __init__ again on the
        // reprs, so its args end up repr'd twice while exc and value come back from __dict__.
        let args = [t[1].clone(), t[2].clone()]
            .iter()
            .map(|v| it.repr(v).map(|r| Value::str(&r)))
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_default();
        let inst = exceptions::instance(maybe_encoding_error_class(), args);
        let mut attrs = inst.attrs.borrow_mut();
        attrs.insert(PyStr::from("exc"), t[1].clone());
        attrs.insert(PyStr::from("value"), t[2].clone());
        drop(attrs);
        return match it.to_exception(Value::Instance(inst)) {
            Ok(e) | Err(e) => e,
        };
    }
    let e = match it.to_exception(exc.clone()) {
        Ok(e) => e,
        Err(e) => e,
    };
    let text = match tb {
        Value::Str(s) => format!("\n\"\"\"\n{}\"\"\"", s),
        _ => String::new(),
    };
    let cause = exceptions::instance(remote_traceback_class(), vec![Value::str(&text)]);
    cause
        .attrs
        .borrow_mut()
        .insert(PyStr::from("tb"), Value::str(&text));
    e.value
        .attrs
        .borrow_mut()
        .insert(PyStr::from("__cause__"), Value::Instance(cause));
    e
}

/// `str(RemoteTraceback)` is its `tb`, the worker's traceback text.
fn remote_traceback_str(it: &mut Interp, a: Args) -> R {
    let me = pool_obj(&a);
    it.getattr(&me, "tb")
}
