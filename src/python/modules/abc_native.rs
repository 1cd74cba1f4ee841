//! `_abc`: the part of `abc` that lives in the interpreter. `abc.abstractmethod` marks a function
//! here, and making an instance of a class that derives from `abc.ABC` (or says
//! `metaclass=abc.ABCMeta`) checks that no method it resolves to is still marked, raising
//! CPython's `Can't instantiate abstract class Shape with abstract method area`.
//!
//! Native because forkyard's functions carry no attribute dict (CPython keeps
//! `__isabstractmethod__` on the function) and classes have no metaclass hook at creation (CPython's
//! `ABCMeta.__new__` computes `__abstractmethods__`); the check is computed when an instance is
//! made, and costs nothing in a program that never marked a method abstract.

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::{Interp, class_hooks};
use crate::python::value::{Args, Class, Value};

/// The attribute that makes a class (and its subclasses) checked: `abc.ABC` has it, and a class
/// statement with `metaclass=abc.ABCMeta` is given it.
const MARKER: &str = "__forkyard_abc__";

thread_local! {
    /// Every function `abstractmethod` marked (kept alive, so an address names one function).
    static MARKED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

pub fn module() -> Value {
    super::make_module(
        "_abc",
        &[
            ("mark_abstract", mark_abstract),
            ("is_abstract", is_abstract),
        ],
        vec![(MARKER, Value::str(MARKER))],
    )
}

/// `_abc.mark_abstract(f)`: remember f as abstract; returns f.
fn mark_abstract(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    let [f] = &a.pos[..] else {
        return Err(type_error("abstractmethod() takes exactly one argument"));
    };
    MARKED.with(|m| m.borrow_mut().push(f.clone()));
    Ok(f.clone())
}

/// `_abc.is_abstract(f)`: whether f (or the function a property or classmethod holds) is marked.
fn is_abstract(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    let [f] = &a.pos[..] else {
        return Err(type_error("is_abstract() takes exactly one argument"));
    };
    Ok(Value::Bool(marked(f)))
}

fn marked(v: &Value) -> bool {
    let inner = match v {
        Value::Instance(i) => {
            let attrs = i.attrs.borrow();
            match attrs.get("fget").or_else(|| attrs.get("__func__")) {
                Some(f) => f.clone(),
                None => return false,
            }
        }
        other => other.clone(),
    };
    let Some(p) = inner.ptr() else {
        return false;
    };
    MARKED.with(|m| m.borrow().iter().any(|f| f.ptr() == Some(p)))
}

/// What a class statement's `metaclass=` adds to the class's namespace: `type` nothing; a Python
/// subclass of `type` is recorded as the class's metaclass (see interp/class_hooks.rs), and
/// `abc.ABCMeta` also makes the class checked like a subclass of `abc.ABC`. Anything else is
/// refused.
pub fn metaclass_marker(m: &Value, class: &str) -> Result<Vec<(Rc<str>, Value)>, Exc> {
    let type_class = crate::python::exceptions::class("type");
    match m {
        Value::Class(c) if Rc::ptr_eq(c, &type_class) => Ok(vec![]),
        Value::Class(c) if c.is_subclass(&type_class) => {
            class_hooks::metaclass_in_use();
            let mut adds = vec![(Rc::from(class_hooks::METACLASS), m.clone())];
            if c.lookup(MARKER).is_some() || (&*c.module == "abc" && &*c.name == "ABCMeta") {
                adds.push((Rc::from(MARKER), Value::Bool(true)));
            }
            Ok(adds)
        }
        other => Err(Exc::new(
            "NotImplementedError",
            format!(
                "class {class}: a metaclass must be a subclass of type in forkyard (got {})",
                match other {
                    Value::Class(c) => format!("<class '{}.{}'>", c.module, c.qualname),
                    v => format!("a '{}' object", v.type_name()),
                }
            ),
        )),
    }
}

/// Refuse to make an instance of a class that still has abstract methods.
pub fn check_instantiable(c: &Rc<Class>) -> Result<(), Exc> {
    if MARKED.with(|m| m.borrow().is_empty()) || c.lookup(MARKER).is_none() {
        return Ok(());
    }
    let mut names: Vec<Rc<str>> = Vec::new();
    for k in c.mro.borrow().iter() {
        for (name, _) in k.attrs.borrow().iter() {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    let mut abstract_names: Vec<Rc<str>> = names
        .into_iter()
        .filter(|n| c.lookup(n).is_some_and(|v| marked(&v)))
        .collect();
    if abstract_names.is_empty() {
        return Ok(());
    }
    abstract_names.sort();
    let s = if abstract_names.len() == 1 { "" } else { "s" };
    let listed: Vec<&str> = abstract_names.iter().map(|n| &**n).collect();
    Err(type_error(format!(
        "Can't instantiate abstract class {} with abstract method{s} {}",
        c.name,
        listed.join(", ")
    )))
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
    fn abstract_classes_refuse_instances_until_every_method_is_overridden() {
        let src = "from abc import ABC, ABCMeta, abstractmethod\nclass S(ABC):\n    @abstractmethod\n    def b(self): pass\n    @abstractmethod\n    def a(self): pass\nclass T(S):\n    def a(self): return 1\nclass U(T):\n    def b(self): return 2\nclass M(metaclass=ABCMeta):\n    @abstractmethod\n    def f(self): pass\nfor c in (S, T, U, M):\n    try:\n        print(type(c()).__name__)\n    except TypeError as e:\n        print(e)\n";
        assert_eq!(
            out(src),
            "Can't instantiate abstract class S with abstract methods a, b\n\
             Can't instantiate abstract class T with abstract method b\n\
             U\n\
             Can't instantiate abstract class M with abstract method f\n"
        );
    }

    #[test]
    fn other_metaclasses_are_refused_with_a_sentence() {
        let (code, got) =
            capture(|| crate::python::run_main("class X(metaclass=len): pass\n", "main.py"));
        assert_eq!(code, 1);
        assert!(
            got.stderr
                .contains("a metaclass must be a subclass of type in forkyard"),
            "{}",
            got.stderr
        );
    }
}
