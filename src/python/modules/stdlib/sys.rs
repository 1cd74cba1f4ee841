//! `sys`: argv, exit, the standard streams, version and limits.

use super::super::make_module;
use super::R;
use crate::python::exceptions::{self, Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, Namespace, NativeKind, Value};
use crate::runtime;
use crate::trace::Stream;
use std::rc::Rc;

/// Instances standing for `sys.stdout` / `sys.stderr`.
struct StreamTag(Stream);

pub fn sys(it: &mut Interp) -> Value {
    let stream_cls = exceptions::make_class(
        "TextIOWrapper",
        "io",
        vec![exceptions::class("object")],
        Namespace::default(),
        Some(NativeKind::Other),
    )
    .expect("one base");
    {
        let mut attrs = stream_cls.attrs.borrow_mut();
        attrs.insert(Rc::from("write"), Value::builtin("write", stream_write));
        attrs.insert(Rc::from("flush"), Value::builtin("flush", stream_flush));
    }
    let mk = |s: Stream| {
        Value::Instance(Rc::new(Instance {
            class: stream_cls.clone(),
            attrs: Default::default(),
            native: std::cell::RefCell::new(Some(Box::new(StreamTag(s)))),
        }))
    };
    let argv = Value::list(vec![Value::Str(it.file.clone())]);
    make_module(
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", recursion_limit),
            ("setrecursionlimit", set_recursion_limit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
        ],
        vec![
            ("stdout", mk(Stream::Stdout)),
            ("stderr", mk(Stream::Stderr)),
            ("argv", argv),
            ("platform", Value::str("linux")),
            ("maxsize", Value::Int(i64::MAX)),
            ("version", Value::str("3.11 (forkyard)")),
            (
                "version_info",
                Value::tuple(vec![Value::Int(3), Value::Int(11), Value::Int(0)]),
            ),
        ],
    )
}

pub fn stream_of(v: &Value) -> Option<Stream> {
    let Value::Instance(i) = v else { return None };
    let n = i.native.borrow();
    n.as_ref()
        .and_then(|b| b.downcast_ref::<StreamTag>())
        .map(|t| t.0)
}

fn stream_write(it: &mut Interp, a: Args) -> R {
    let stream = a.pos.first().and_then(stream_of).unwrap_or(Stream::Stdout);
    let text = match a.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "write() argument must be str, not {}",
                other.type_name()
            )));
        }
        None => return Err(type_error("write() takes exactly one argument (0 given)")),
    };
    let _ = it;
    runtime::output::write(stream, &text);
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(_: &mut Interp, a: Args) -> R {
    let stream = a.pos.first().and_then(stream_of).unwrap_or(Stream::Stdout);
    runtime::output::flush(stream);
    Ok(Value::None)
}

fn sys_exit(_: &mut Interp, a: Args) -> R {
    // CPython raises SystemExit with the argument as the exception's value, and a tuple value
    // becomes the args themselves: `sys.exit(())` is `SystemExit()` (code None, status 0),
    // `sys.exit((5,))` is `SystemExit(5)`.
    let args = match a.pos.into_iter().next() {
        Some(Value::Tuple(t)) => t.to_vec(),
        Some(v) => vec![v],
        None => vec![],
    };
    Err(Exc::with_args("SystemExit", args))
}

fn recursion_limit(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(crate::python::interp::RECURSION_LIMIT as i64))
}

fn set_recursion_limit(_: &mut Interp, _: Args) -> R {
    Ok(Value::None)
}

fn get_int_max_str_digits(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(crate::python::bigint::max_str_digits() as i64))
}

fn set_int_max_str_digits(_: &mut Interp, a: Args) -> R {
    let n = a
        .pos
        .first()
        .or_else(|| {
            a.kw.iter()
                .find(|(k, _)| &**k == "maxdigits")
                .map(|(_, v)| v)
        })
        .ok_or_else(|| {
            type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
        })?;
    crate::python::bigint::set_max_str_digits(n)?;
    Ok(Value::None)
}
