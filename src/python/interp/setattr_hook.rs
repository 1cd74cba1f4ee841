//! A class's own `__setattr__` / `__delattr__`: `obj.name = v` and `del obj.name` call them when a
//! class of the instance's MRO defines one in Python (frozen dataclasses refuse stores this way),
//! and `object.__setattr__` / `object.__delattr__` are the plain store and delete they fall back on
//! (`object.__setattr__(self, 'x', 1)`, `super().__setattr__(name, value)`).

use std::rc::Rc;

use super::super::exceptions::{Exc, type_error};
use super::super::value::{Args, Class, Value};
use super::Interp;

/// The Python-level `__setattr__` (or `__delattr__`) a class's MRO defines, if any. `object`'s
/// builtin is not one: the plain store needs no call.
pub fn user_hook(class: &Rc<Class>, name: &str) -> Option<Value> {
    match class.lookup(name) {
        Some(f @ Value::Function(_)) => Some(f),
        _ => None,
    }
}

fn target_and_name(a: &Args, what: &str, n: usize) -> Result<(Value, Rc<str>), Exc> {
    if a.pos.len() != n {
        return Err(type_error(format!(
            "expected {} arguments, got {}",
            n,
            a.pos.len()
        )));
    }
    match &a.pos[1] {
        Value::Str(s) => Ok((a.pos[0].clone(), s.clone())),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}' ({what})",
            other.type_name()
        ))),
    }
}

/// `object.__setattr__(obj, name, value)`: the store without the class's own hook.
pub fn object_setattr(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let (obj, name) = target_and_name(&a, "object.__setattr__", 3)?;
    it.setattr_plain(&obj, &name, a.pos[2].clone())?;
    Ok(Value::None)
}

/// `object.__delattr__(obj, name)`: the delete without the class's own hook.
pub fn object_delattr(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let (obj, name) = target_and_name(&a, "object.__delattr__", 2)?;
    it.delattr_plain(&obj, &name)?;
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use crate::runtime::capture::capture;

    fn out(src: &str) -> String {
        let (code, got) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "program failed:\n{}", got.stderr);
        got.stdout
    }

    #[test]
    fn a_class_setattr_and_delattr_take_every_store_and_delete() {
        let src = "class C:\n    def __setattr__(self, k, v):\n        if k == 'x':\n            raise AttributeError('no ' + k)\n        super().__setattr__(k, v * 2)\n    def __delattr__(self, k):\n        raise TypeError('nodel ' + k)\nc = C()\ntry:\n    c.x = 1\nexcept AttributeError as e:\n    print(e)\nfor i in range(3):\n    c.y = i\nprint(c.y)\nobject.__setattr__(c, 'x', 5)\nprint(c.x)\ntry:\n    del c.y\nexcept TypeError as e:\n    print(e)\nobject.__delattr__(c, 'y')\nprint(hasattr(c, 'y'))\n";
        assert_eq!(out(src), "no x\n4\n5\nnodel y\nFalse\n");
    }

    #[test]
    fn class_annotations_are_recorded_in_order() {
        let src = "class A:\n    b: int = 3\n    a: 'list'\n    c = 1\nprint(A.__annotations__, A.b, hasattr(A, 'a'))\n";
        assert_eq!(out(src), "{'b': <class 'int'>, 'a': 'list'} 3 False\n");
    }
}
