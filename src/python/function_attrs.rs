//! The attributes a function object has from its definition (`__name__`, `__qualname__`,
//! `__module__`, `__doc__`), and the rules for setting them: what `functools.wraps` and a learner's
//! `f.calls = 0` need. Attributes set on a function live in `Function::attrs` and win over these.

use std::rc::Rc;

use super::ast::{ExprKind, StmtKind};
use super::exceptions::Exc;
use super::value::{Function, Value};

/// The module a function belongs to: the library module whose source defined it, else the
/// learner's `__main__`.
pub fn module_of(f: &Function) -> Rc<str> {
    match f.globals.borrow().get("__name__") {
        Some(Value::Str(m)) if super::modules::library::has(m) => m.clone(),
        _ => Rc::from("__main__"),
    }
}

/// `f.name` for a name the definition gives, or `None`.
pub fn defined(f: &Rc<Function>, name: &str) -> Option<Value> {
    Some(match name {
        "__name__" => Value::Str(f.def.name.clone()),
        "__qualname__" => Value::Str(f.qualname.clone()),
        "__module__" => Value::Str(module_of(f)),
        "__doc__" => docstring(f).unwrap_or(Value::None),
        _ => return None,
    })
}

/// The string a function's body starts with, if it does (a lambda has none).
fn docstring(f: &Function) -> Option<Value> {
    if f.def.is_lambda {
        return None;
    }
    match &f.def.body.first()?.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Const(v @ Value::Str(_)) => Some(v.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `f.name = value` is allowed, with CPython's error when it is not.
pub fn check_set(name: &str, value: &Value) -> Result<(), Exc> {
    if matches!(name, "__name__" | "__qualname__") && !matches!(value, Value::Str(_)) {
        return Err(Exc::new(
            "TypeError",
            format!("{name} must be set to a string object"),
        ));
    }
    Ok(())
}

/// The qualified name a function's repr shows: the one set on it, else its definition's.
pub fn qualname(f: &Function) -> Rc<str> {
    match f.attrs.borrow().get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => f.qualname.clone(),
    }
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
    fn attributes_set_on_a_function_are_kept_and_win() {
        let src = "def f():\n    \"Doc.\"\n    return 1\n\
                   f.calls = 3\n\
                   print(f.calls, f.__doc__, f.__module__, f.__name__)\n\
                   f.__name__ = 'g'\n\
                   f.__qualname__ = 'G.g'\n\
                   print(f.__name__, repr(f).startswith('<function G.g at'), (lambda: 0).__doc__)\n\
                   try:\n    f.__name__ = 5\nexcept TypeError as e:\n    print(e)\n";
        assert_eq!(
            out(src),
            "3 Doc. __main__ f\ng True None\n__name__ must be set to a string object\n"
        );
    }
}
