//! `sys.flags` and `sys.implementation`: what CPython 3.11 says about itself, since programs
//! branch on it (`sys.implementation.name == 'cpython'`) and forkyard runs them as CPython would.

use super::R;
use super::structseq;
use crate::python::exceptions::{self, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, Namespace, PyStr, Value};
use std::rc::Rc;

/// `sys.flags` of `python3 -u prog.py`, with the two forkyard answers truthfully:
/// `dont_write_bytecode` 1 (forkyard writes no `.pyc`) and `hash_randomization` 0 (its str hashes
/// are the same in every run, as CPython's are under `PYTHONHASHSEED=0`).
pub fn flags() -> Value {
    const FIELDS: [&str; 18] = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let values = FIELDS
        .iter()
        .map(|f| match *f {
            "dont_write_bytecode" => Value::Int(1),
            "dev_mode" | "safe_path" => Value::Bool(false),
            "int_max_str_digits" => Value::Int(-1),
            _ => Value::Int(0),
        })
        .collect();
    let cls = structseq::class("flags", "sys", FIELDS.len(), 0);
    structseq::make(&cls, &FIELDS, values, vec![])
}

/// `sys.implementation`: a `types.SimpleNamespace` as CPython's, `name='cpython'` (forkyard
/// answers for CPython 3.11: see README), its version the same `sys.version_info`.
pub fn implementation(version_info: Value, hexversion: i64) -> Value {
    let mut attrs = Namespace::default();
    attrs.insert(
        PyStr::from("__repr__"),
        Value::builtin("__repr__", namespace_repr),
    );
    let cls = exceptions::make_class(
        "SimpleNamespace",
        "types",
        vec![crate::python::builtin_classes::object()],
        attrs,
        None,
    )
    .expect("one base");
    let mut fields = Namespace::default();
    fields.insert(PyStr::from("name"), Value::str("cpython"));
    fields.insert(PyStr::from("cache_tag"), Value::str("cpython-311"));
    fields.insert(PyStr::from("version"), version_info);
    fields.insert(PyStr::from("hexversion"), Value::Int(hexversion));
    fields.insert(PyStr::from("_multiarch"), Value::str("x86_64-linux-gnu"));
    Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: std::cell::RefCell::new(fields),
        native: std::cell::RefCell::new(None),
    }))
}

/// `namespace(name='cpython', ...)`, as CPython's SimpleNamespace writes itself.
fn namespace_repr(it: &mut Interp, a: Args) -> R {
    let Some(Value::Instance(inst)) = a.pos.first() else {
        return Err(type_error("__repr__ needs its namespace"));
    };
    let fields: Vec<(PyStr, Value)> = inst
        .attrs
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut parts = Vec::new();
    for (k, v) in fields {
        parts.push(format!("{k}={}", it.repr(&v)?));
    }
    Ok(Value::str(&format!("namespace({})", parts.join(", "))))
}
