//! The names a function is known by for pickling (its module, and the `__qualname__`
//! `functools.wraps` may have set on it), and the rules for setting them. Attributes set on a
//! function live in `Function::attrs` and win over those its definition gives.

use std::rc::Rc;

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
