//! Pickling names a class or function of a library module (`dataclasses.FrozenInstanceError`,
//! `enum.Enum`, a `functools.partial`'s function) by its module and qualified name, as CPython's
//! pickle does, so the receiving process finds it by importing that module: the wire form is
//! `module:qualname` where the program's own globals are written as a bare `qualname`.

use std::rc::Rc;

use super::library;
use crate::python::exceptions::Exc;
use crate::python::interp::Interp;
use crate::python::value::Value;

/// The library module a class or function belongs to, if it is not the program's own.
pub fn module_of(v: &Value) -> Option<Rc<str>> {
    let name: Rc<str> = match v {
        Value::Class(c) => c.module.clone(),
        Value::Function(f) => match f.globals.borrow().get("__name__") {
            Some(Value::Str(s)) => s.clone(),
            _ => return None,
        },
        _ => return None,
    };
    library::has(&name).then_some(name)
}

/// The wire name of a library object, checked to find that same object again.
pub fn wire_name(it: &mut Interp, v: &Value, module: &str, qualname: &str) -> Result<String, Exc> {
    let r = it.repr(v)?;
    let err = |why: String| Exc::new("PicklingError", format!("Can't pickle {r}: {why}"));
    if qualname.contains("<locals>") {
        return Err(Exc::new(
            "AttributeError",
            format!("Can't pickle local object '{qualname}'"),
        ));
    }
    match lookup(it, module, qualname) {
        Ok(found) if found.is(v) => Ok(format!("{module}:{qualname}")),
        Ok(_) => Err(err(format!(
            "it's not the same object as {module}.{qualname}"
        ))),
        Err(_) => {
            let last = qualname.rsplit('.').next().unwrap_or(qualname);
            Err(err(format!("attribute lookup {last} on {module} failed")))
        }
    }
}

/// Find `module:qualname` (as `wire_name` writes it) by importing the module.
/// Only library modules are imported this way (what the encoder writes); anything else in a
/// frame is an AttributeError, as a failed lookup is.
pub fn find(it: &mut Interp, wire: &str) -> Option<Result<Value, Exc>> {
    let (module, qualname) = wire.split_once(':')?;
    if !library::has(module) {
        return Some(Err(Exc::new(
            "AttributeError",
            format!("Can't get attribute '{qualname}' on <module '{module}'>"),
        )));
    }
    Some(lookup(it, module, qualname).map_err(|e| {
        if e.is("AttributeError") {
            e
        } else {
            Exc::new(
                "AttributeError",
                format!("Can't get attribute '{qualname}' on <module '{module}'>"),
            )
        }
    }))
}

fn lookup(it: &mut Interp, module: &str, qualname: &str) -> Result<Value, Exc> {
    let mut cur = super::import(it, module)?;
    for part in qualname.split('.') {
        cur = match it.getattr_opt(&cur, part)? {
            Some(v) => v,
            None => {
                return Err(Exc::new(
                    "AttributeError",
                    format!("Can't get attribute '{qualname}' on <module '{module}'>"),
                ));
            }
        };
    }
    Ok(cur)
}

#[cfg(test)]
mod tests {
    use crate::runtime::capture::capture;

    #[test]
    fn library_classes_round_trip_by_module_and_qualname() {
        let src = "from multiprocessing import Pipe\nfrom dataclasses import FrozenInstanceError, field\nimport dataclasses\na, b = Pipe()\na.send([FrozenInstanceError, field, dataclasses.MISSING.__class__])\ngot = b.recv()\nprint(got[0] is FrozenInstanceError, got[1] is field, got[2].__name__)\n";
        let (code, out) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "{}", out.stderr);
        assert_eq!(out.stdout, "True True _MISSING_TYPE\n");
    }

    #[test]
    fn objects_with_reduce_are_remade_by_their_class() {
        let src = "from multiprocessing import Pipe\nfrom enum import Enum\nclass C(Enum):\n    R = 1\nclass Plain:\n    def __init__(self, v):\n        self.v = v\n    def __reduce__(self):\n        return (Plain, (self.v + 1,))\na, b = Pipe()\na.send([C.R, Plain(1)])\ngot = b.recv()\nprint(got[0] is C.R, got[1].v)\n";
        let (code, out) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "{}", out.stderr);
        assert_eq!(out.stdout, "True 2\n");
    }
}
