//! The alternate constructors of a builtin type reached from a class derived from it
//! (`D.fromkeys('ab')` for `class D(dict)`, `I.from_bytes(b'\x01', 'big')`): as CPython's, they
//! make an instance of the derived class, not of the builtin type.

use std::rc::Rc;

use super::super::exceptions::{Exc, type_error};
use super::super::interp::Interp;
use super::super::value::{Args, Builtin, Class, PyStr, Value};

/// `C.name` for a class `C` whose builtin base is `type_name`: the base's method, its alternate
/// constructors bound to `C`.
pub fn on_class(c: &Rc<Class>, type_name: &str, name: &str) -> Option<Value> {
    let own = &*c.module == "builtins" && &*c.name == type_name;
    let constructor = matches!(
        (type_name, name),
        ("dict", "fromkeys") | ("int", "from_bytes") | ("bytes" | "float", "fromhex")
    );
    if own || !constructor {
        return super::on_type(type_name, name);
    }
    Some(Value::Builtin(Rc::new(Builtin {
        name: PyStr::from(name),
        f: derived,
        data: Some(Value::tuple(vec![
            Value::Class(c.clone()),
            Value::str(type_name),
            Value::str(name),
        ])),
        alone: None,
    })))
}

/// `obj.name` for an instance `obj` of a class derived from a builtin type, when `name` is one
/// of the base's alternate constructors: bound to the instance's class as on the class itself
/// (`D().fromkeys('ab')` is a `D`).
pub fn on_instance(c: &Rc<Class>, name: &str) -> Option<Value> {
    if !matches!(name, "fromkeys" | "from_bytes" | "fromhex") {
        return None;
    }
    let base = c
        .mro
        .borrow()
        .iter()
        .find(|k| &*k.module == "builtins" && !Rc::ptr_eq(k, c))
        .map(|k| k.name.clone())?;
    on_class(c, &base, name)
}

/// The base type's constructor, then the class: `cls()` filled item by item for `fromkeys`
/// (through the class's own `__setitem__`, as CPython does), `cls(result)` for the others.
fn derived(it: &mut Interp, mut a: Args) -> Result<Value, Exc> {
    let data = a.pos.remove(0);
    let (cls, type_name, name) = match &data {
        Value::Tuple(t) if t.len() == 3 => match (&t[0], &t[1], &t[2]) {
            (Value::Class(c), Value::Str(tn), Value::Str(n)) => (c.clone(), tn.clone(), n.clone()),
            _ => return Err(type_error("constructor without its class")),
        },
        _ => return Err(type_error("constructor without its class")),
    };
    let cls = Value::Class(cls);
    if &*name == "fromkeys" {
        // Checked by the base's own fromkeys first, so its argument errors are CPython's.
        let base = super::on_type(&type_name, &name).expect("dict has fromkeys");
        let keys = it.call(&base, a.clone())?;
        let value = a.pos.get(1).cloned().unwrap_or(Value::None);
        let obj = it.call(&cls, Args::default())?;
        let keys = it.collect(&keys)?;
        for k in keys {
            it.setitem(&obj, k, value.clone())?;
        }
        return Ok(obj);
    }
    let base = super::on_type(&type_name, &name).expect("builtin constructor");
    let made = it.call(&base, a)?;
    it.call(&cls, Args::new(vec![made]))
}
