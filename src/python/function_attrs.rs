//! The names a function is known by for pickling (its module, and the `__qualname__`
//! `functools.wraps` may have set on it), and the rules for setting them. Attributes set on a
//! function live in `Function::attrs` and win over those its definition gives. Also what a
//! function tells about itself: `__annotations__`, `__defaults__`, `__kwdefaults__` and a
//! `__code__` with the `co_*` facts `inspect.signature` reads.

use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use super::ast::{FunctionDef, NameRef};
use super::exceptions::{self, Exc};
use super::interp::{Frame, Interp};
use super::value::{Dict, Function, HashKey, Instance, Namespace, NativeKind, PyStr, Value};

impl Interp {
    /// A def's annotations evaluated where it stands, as the `__annotations__` dict.
    pub(crate) fn annotations_of(
        &mut self,
        def: &FunctionDef,
        f: &mut Frame,
    ) -> Result<Value, Exc> {
        let mut d = Dict::default();
        for (name, e) in &def.annotations {
            let v = self.eval(e, f)?;
            d.insert(HashKey::Str(name.clone()), Value::Str(name.clone()), v);
        }
        Ok(Value::dict(d))
    }
}

/// The attributes a function's definition gives it beyond its names and doc:
/// `__annotations__`, `__defaults__`, `__kwdefaults__`, `__code__`.
pub fn special(f: &Function, name: &str) -> Option<Value> {
    match name {
        "__annotations__" => Some(
            f.annotations
                .clone()
                .unwrap_or_else(|| Value::dict(Dict::default())),
        ),
        "__defaults__" if f.defaults.is_empty() => Some(Value::None),
        "__defaults__" => Some(Value::tuple(f.defaults.clone())),
        "__kwdefaults__" => {
            let mut d = Dict::default();
            for (p, v) in f.def.kwonly.iter().zip(&f.kw_defaults) {
                if let Some(v) = v {
                    d.insert(
                        HashKey::Str(p.name.clone()),
                        Value::Str(p.name.clone()),
                        v.clone(),
                    );
                }
            }
            Some(if d.is_empty() {
                Value::None
            } else {
                Value::dict(d)
            })
        }
        "__code__" => Some(code_of(&f.def, &file_of(&f.globals))),
        _ => None,
    }
}

/// CPython's code flags that `inspect` reads.
const CO_OPTIMIZED: i64 = 0x1;
const CO_NEWLOCALS: i64 = 0x2;
const CO_VARARGS: i64 = 0x4;
const CO_VARKEYWORDS: i64 = 0x8;
const CO_GENERATOR: i64 = 0x20;
const CO_COROUTINE: i64 = 0x80;

static CODE_CLASS: super::builtin_classes::InterpSlot<Rc<super::value::Class>> =
    super::builtin_classes::InterpSlot::new();

/// The `code` type, made once per interpreter (`per_interp`): a spawned child's derives from its
/// own `object`.
pub(crate) fn code_class() -> Rc<super::value::Class> {
    crate::python::builtin_classes::per_interp(&CODE_CLASS, || {
        exceptions::make_class(
            "code",
            "builtins",
            vec![crate::python::builtin_classes::object()],
            Namespace::default(),
            Some(NativeKind::Other),
        )
        .expect("one base")
    })
}

/// The file whose code runs with `globals` (a module's `__file__`): a code object's `co_filename`.
pub(crate) fn file_of(globals: &std::cell::RefCell<Namespace>) -> PyStr {
    match globals.borrow().get("__file__") {
        Some(Value::Str(f)) => f.clone(),
        _ => PyStr::from("<string>"),
    }
}

/// `f.__code__` (and a function frame's `f_code`): the facts of a def that CPython's code object
/// gives (names and counts of its parameters and variables, its flags, name, file and first
/// line), without bytecode.
pub(crate) fn code_of(def: &FunctionDef, file: &PyStr) -> Value {
    let strs = |v: Vec<PyStr>| Value::tuple(v.into_iter().map(Value::Str).collect());
    // co_varnames: the parameters (positional, keyword-only, *args, **kwargs), then the other
    // local variables in the order they first appear.
    let mut varnames: Vec<PyStr> = def.params.iter().map(|p| p.name.clone()).collect();
    varnames.extend(def.kwonly.iter().map(|p| p.name.clone()));
    varnames.extend(def.vararg.iter().map(|p| p.name.clone()));
    varnames.extend(def.kwarg.iter().map(|p| p.name.clone()));
    let n_args = varnames.len();
    for (name, at) in &def.frame.names {
        if matches!(at, NameRef::Local(_)) && !varnames[..n_args].contains(name) {
            varnames.push(name.clone());
        }
    }
    let mut flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if def.vararg.is_some() {
        flags |= CO_VARARGS;
    }
    if def.kwarg.is_some() {
        flags |= CO_VARKEYWORDS;
    }
    if def.is_async {
        flags |= CO_COROUTINE;
    } else if def.is_generator {
        flags |= CO_GENERATOR;
    }
    let name = if def.is_lambda {
        PyStr::from("<lambda>")
    } else {
        def.name.clone()
    };
    let mut attrs = Namespace::default();
    let mut set = |k: &str, v: Value| {
        attrs.insert(PyStr::from(k), v);
    };
    set("co_name", Value::Str(name));
    set("co_qualname", Value::Str(def.qualname.clone()));
    set("co_argcount", Value::Int(def.params.len() as i64));
    set("co_posonlyargcount", Value::Int(def.n_posonly as i64));
    set("co_kwonlyargcount", Value::Int(def.kwonly.len() as i64));
    set("co_nlocals", Value::Int(varnames.len() as i64));
    set("co_varnames", strs(varnames));
    set("co_flags", Value::Int(flags));
    set("co_firstlineno", Value::Int(i64::from(def.pos.line)));
    set("co_filename", Value::Str(file.clone()));
    Value::Instance(Rc::new(Instance {
        class: code_class(),
        attrs: std::cell::RefCell::new(attrs),
        native: std::cell::RefCell::new(None),
    }))
}

/// The module a function belongs to: the library module whose source defined it, else the
/// learner's `__main__`.
pub fn module_of(f: &Function) -> PyStr {
    match f.globals.borrow().get("__name__") {
        Some(Value::Str(m)) if super::modules::library::has(m) => m.clone(),
        _ => PyStr::from("__main__"),
    }
}

/// Whether `f.name = value` is allowed, with CPython's error when it is not.
pub fn check_set(name: &str, value: &Value) -> Result<(), Exc> {
    if matches!(name, "__name__" | "__qualname__") && !matches!(value, Value::Str(_)) {
        return Err(Exc::new(
            ExcKind::TypeError,
            format!("{name} must be set to a string object"),
        ));
    }
    Ok(())
}

/// The qualified name a function's repr shows: the one set on it, else its definition's.
pub fn qualname(f: &Function) -> PyStr {
    match f.attrs.borrow().get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => f.qualname.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn annotations_defaults_and_code_describe_the_def() {
        let src = "def f(a: int, b=2, *r: str, c=3, d, **k) -> bool:\n    x = 1\n\
                   print(f.__annotations__)\n\
                   print(f.__defaults__, f.__kwdefaults__)\n\
                   c = f.__code__\n\
                   print(c.co_varnames, c.co_argcount, c.co_kwonlyargcount, c.co_flags)\n\
                   def g(): pass\n\
                   print(g.__annotations__, g.__defaults__, g.__kwdefaults__)\n";
        assert_eq!(
            out(src),
            "{'a': <class 'int'>, 'r': <class 'str'>, 'return': <class 'bool'>}\n\
             (2,) {'c': 3}\n\
             ('a', 'b', 'c', 'd', 'r', 'k', 'x') 2 2 15\n\
             {} None None\n"
        );
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
