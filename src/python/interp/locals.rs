//! `locals()` and `vars()` without an argument: a dict of the running frame's variables, as
//! CPython 3.11 builds it. In a function: the variables bound so far (unbound ones are left out),
//! its cells and the variables it closes over; in a class body: the namespace being built; at
//! module level: the globals. The dict is a snapshot: assigning into it changes no variable.

use crate::python::value::PyStr;

use super::super::ast::NameRef;
use super::super::value::*;
use super::{Frame, Interp, PyResult};

impl Interp {
    pub(crate) fn locals_of(&mut self, f: &Frame) -> PyResult {
        let mut d = Dict::default();
        let mut put = |k: &PyStr, v: Value| {
            d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v);
        };
        if let Some(ns) = &f.class_ns {
            for (k, v) in ns.borrow().iter() {
                put(k, v.clone());
            }
        } else if let Some(func) = &f.func {
            for (name, at) in &func.def.frame.names {
                let v = match at {
                    NameRef::Local(i) => f.locals.get(*i as usize).cloned().flatten(),
                    NameRef::Cell(i) => f.cells.get(*i as usize).and_then(|c| c.borrow().clone()),
                    _ => None,
                };
                if let Some(v) = v {
                    put(name, v);
                }
            }
        } else {
            for (k, v) in f.globals.borrow().iter() {
                put(k, v.clone());
            }
        }
        Ok(Value::dict(d))
    }
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn locals_lists_bound_variables_cells_and_free_ones() {
        let src = "def f(a, *r):\n    before = sorted(locals())\n    c = 1\n    def g():\n        return c\n    return before, sorted(vars())\n\
                   print(f(1, 2))\n\
                   def outer():\n    x = 5\n    def inner():\n        y = x\n        return locals()\n    return inner()\n\
                   print(outer())\n";
        assert_eq!(
            out(src),
            "(['a', 'r'], ['a', 'before', 'c', 'g', 'r'])\n{'y': 5, 'x': 5}\n"
        );
    }

    #[test]
    fn locals_at_module_level_and_in_a_class_body() {
        let src = "z = 3\nprint(locals()['z'], vars() == globals())\n\
                   class K:\n    a = 1\n    seen = sorted(k for k in list(locals()) if not k.startswith('_'))\n\
                   print(K.seen)\n\
                   def vars_shadowed():\n    vars = lambda: 'own'\n    return vars()\n\
                   print(vars_shadowed())\n";
        assert_eq!(out(src), "3 True\n['a']\nown\n");
    }
}
