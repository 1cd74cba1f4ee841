//! The special methods of `bytearray` beyond its operators, as CPython 3.11's `dir(bytearray)`
//! lists them: `__imul__`, `__rmod__`, the pickling ones (`__reduce__`, `__reduce_ex__`,
//! `__getstate__`), `object`'s `__format__`, `__dir__`, `__subclasshook__`, `maketrans`, and
//! `__alloc__`/`__sizeof__`, refused as `sys.getsizeof` is (they report CPython's allocation).

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::value::{Class, Instance, PyStr, ThinRc};

use super::super::exceptions::{Exc, ExcKind, type_error};
use super::super::interp::Interp;
use super::super::value::{Args, Namespace, NativeFn, Value};

type R = Result<Value, Exc>;

/// Puts the methods into the class namespace `attrs`.
pub fn install(it: &Interp, attrs: &mut Namespace) {
    let own: &[(&str, NativeFn)] = &[
        ("__imul__", imul),
        ("__rmod__", not_implemented),
        ("__subclasshook__", not_implemented),
        ("__reduce__", reduce),
        ("__reduce_ex__", reduce_ex),
        ("__getstate__", getstate),
        ("__format__", format),
        ("__dir__", dir),
        ("__alloc__", alloc),
        ("__sizeof__", sizeof),
    ];
    for (name, f) in own {
        attrs.insert(PyStr::from(*name), Value::builtin(name, *f));
    }
    // As CPython's: `maketrans` a staticmethod, `fromhex` a classmethod, so reached from an
    // instance neither takes the instance as an argument.
    let wrap = |kind: &Rc<Class>, f: Value| {
        let mut ns = Namespace::default();
        ns.insert(PyStr::from("__func__"), f);
        Value::Instance(Rc::new(Instance {
            class: kind.clone(),
            attrs: RefCell::new(ns),
            native: RefCell::new(None),
        }))
    };
    let maketrans = Value::builtin("maketrans", super::bytes::maketrans);
    let fromhex = Value::builtin("fromhex", fromhex);
    attrs.insert(
        PyStr::from("maketrans"),
        wrap(&it.classes.staticmethod, maketrans),
    );
    attrs.insert(
        PyStr::from("fromhex"),
        wrap(&it.classes.classmethod, fromhex),
    );
    if let Some(doc) = super::type_docs::of("bytearray") {
        attrs.insert(PyStr::from("__doc__"), Value::str(doc));
    }
}

/// `cls.fromhex(string)`: a bytearray, handed to `cls` when `cls` derives from bytearray.
fn fromhex(it: &mut Interp, mut a: Args) -> R {
    let cls = a.pos.remove(0);
    let made = super::bytearray::new_value(super::bytes::hex_text(&a, "bytearray")?);
    match &cls {
        Value::Class(c) if &*c.module != "builtins" => it.call(&cls, Args::new(vec![made])),
        _ => Ok(made),
    }
}

fn given(a: &Args) -> usize {
    a.pos.len().saturating_sub(1) + a.kw.len()
}

/// `ba.__imul__(n)`: `ba` repeated in place.
fn imul(it: &mut Interp, a: Args) -> R {
    if given(&a) != 1 {
        return Err(type_error(format!(
            "expected 1 argument, got {}",
            given(&a)
        )));
    }
    let n = match &a.pos[1] {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        v => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            )));
        }
    };
    let data = super::bytearray::contents(&a.pos[0]).unwrap_or_default();
    let repeated = super::super::alloc::repeat_bytes(&data, n.max(0) as usize)?;
    let clear = it.getattr(&a.pos[0], "clear")?;
    it.call(&clear, Args::default())?;
    let extend = it.getattr(&a.pos[0], "extend")?;
    it.call(
        &extend,
        Args::new(vec![Value::Bytes(ThinRc::from(repeated))]),
    )?;
    Ok(a.pos[0].clone())
}

/// `ba.__rmod__(x)` (a bytearray is never the format of `%` from the right) and
/// `bytearray.__subclasshook__()`.
fn not_implemented(_: &mut Interp, _: Args) -> R {
    Ok(Value::builtin(
        "NotImplemented",
        super::super::subclass::not_implemented,
    ))
}

/// The class, the arguments that rebuild the contents, and the instance's attributes: the text
/// decoded as latin-1 below protocol 3 (which has no bytes), the bytes from protocol 3 on.
fn reduction(it: &mut Interp, this: &Value, protocol: i64) -> R {
    let data = super::bytearray::contents(this).unwrap_or_default();
    let cls = match this {
        Value::Instance(i) => Value::Class(i.class.clone()),
        _ => return Err(type_error("descriptor requires a 'bytearray' object")),
    };
    let args = if data.is_empty() {
        vec![]
    } else if protocol < 3 {
        let text: String = data.iter().map(|&b| b as char).collect();
        vec![Value::str(&text), Value::str("latin-1")]
    } else {
        vec![Value::Bytes(ThinRc::from(data))]
    };
    let state = match it.getattr_opt(this, "__dict__")? {
        // A real dict, as CPython's reduction gives: the instance's `__dict__` view is not one
        // the pickler can save.
        Some(d) if it.truthy(&d)? => {
            super::super::interp::namespace_view::plain_dict(&d).unwrap_or(d)
        }
        _ => Value::None,
    };
    Ok(Value::tuple(vec![cls, Value::tuple(args), state]))
}

fn reduce(it: &mut Interp, a: Args) -> R {
    if given(&a) != 0 {
        return Err(type_error(format!(
            "bytearray.__reduce__() takes no arguments ({} given)",
            given(&a)
        )));
    }
    reduction(it, &a.pos[0], 2)
}

fn reduce_ex(it: &mut Interp, a: Args) -> R {
    let proto = match a.pos.get(1) {
        None => 0,
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(v) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            )));
        }
    };
    reduction(it, &a.pos[0], proto)
}

fn getstate(_: &mut Interp, _: Args) -> R {
    Ok(Value::None)
}

/// `object.__format__`: `str(ba)` for an empty spec.
fn format(it: &mut Interp, a: Args) -> R {
    match a.pos.get(1) {
        Some(Value::Str(s)) if s.is_empty() => Ok(Value::str(&it.str_of(&a.pos[0])?)),
        Some(Value::Str(_)) => Err(type_error(
            "unsupported format string passed to bytearray.__format__",
        )),
        Some(v) => Err(type_error(format!(
            "__format__() argument must be str, not {}",
            v.type_name()
        ))),
        None => Err(type_error(
            "object.__format__() takes exactly one argument (0 given)",
        )),
    }
}

fn dir(it: &mut Interp, a: Args) -> R {
    let names = super::super::dir_names::builtin_names(it, &a.pos[0], "bytearray");
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

fn refused(name: &str) -> Exc {
    Exc::new(
        ExcKind::NotImplementedError,
        format!(
            "{name} is not available in forkyard: its objects are not CPython's, so their sizes \
             in bytes would be made up"
        ),
    )
}

fn alloc(_: &mut Interp, _: Args) -> R {
    Err(refused("__alloc__"))
}

fn sizeof(_: &mut Interp, _: Args) -> R {
    Err(refused("__sizeof__"))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn fromhex_and_maketrans_take_no_instance() {
        // CPython's are a classmethod and a staticmethod: an instance reaching them is not an
        // argument (it was: "fromhex() takes exactly one argument (2 given)").
        assert_eq!(
            out("print(bytearray(b'x').fromhex('61 62'), bytearray().maketrans(b'a', b'b')[97])"),
            "bytearray(b'ab') 98\n"
        );
        assert_eq!(
            out("print(bytearray.fromhex('41'), bytearray.maketrans(b'a', b'c')[97])"),
            "bytearray(b'A') 99\n"
        );
        assert_eq!(
            out("try:\n    bytearray().fromhex()\nexcept TypeError as e:\n    print(e)"),
            "bytearray.fromhex() takes exactly one argument (0 given)\n"
        );
    }
}
