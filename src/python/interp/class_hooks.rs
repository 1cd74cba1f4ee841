//! What a class's own class can add, for the library modules that need it (enum's members,
//! typing's `List[int]`, NamedTuple's class syntax):
//! - a Python metaclass (`class EnumType(type)`, named by `metaclass=`): its `__call__`,
//!   `__getitem__`, `__iter__`, `__len__`, `__contains__` and `__repr__` run for operations on
//!   the class itself (`Color(1)`, `Color['RED']`, `list(Color)`), and `type(Color)` is it;
//! - `__class_getitem__` (`Stack[int]`), `__init_subclass__` (run when a subclass is made), a
//!   Python `__new__` (whose result `__init__` then initializes) and `object.__new__(cls)`;
//! - `cls.__dict__`, the class's own namespace in definition order (a copy, as a dict).
//!
//! The metaclass is kept in the class's namespace under `METACLASS` (so subclasses inherit it
//! through the MRO). Lookups happen only once a program has made a class with a Python
//! metaclass, so ordinary programs pay nothing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::super::exceptions::{Exc, type_error};
use super::super::value::{Args, Class, Dict, HashKey, Instance, Namespace, Value};
use super::Interp;

/// Where a class keeps its Python metaclass.
pub const METACLASS: &str = "__forkyard_metaclass__";

thread_local! {
    static METACLASSES_USED: Cell<bool> = const { Cell::new(false) };
}

/// Note that some class has a Python metaclass: class operations start looking for its methods.
pub fn metaclass_in_use() {
    METACLASSES_USED.with(|u| u.set(true));
}

/// The metaclass of `c`, if it has a Python one.
pub fn metaclass_of(c: &Rc<Class>) -> Option<Rc<Class>> {
    if !METACLASSES_USED.with(|u| u.get()) {
        return None;
    }
    match c.lookup(METACLASS) {
        Some(Value::Class(m)) => Some(m),
        _ => None,
    }
}

/// The method `name` that `c`'s Python metaclass defines, if any.
pub fn meta_method(c: &Rc<Class>, name: &str) -> Option<Value> {
    match metaclass_of(c)?.lookup(name) {
        Some(f @ Value::Function(_)) => Some(f),
        _ => None,
    }
}

/// A plain function found on a class as an implicit classmethod (`__class_getitem__`,
/// `__init_subclass__`), or the function a `classmethod` wraps.
fn implicit_classmethod(v: &Value) -> Option<Value> {
    match v {
        Value::Function(_) => Some(v.clone()),
        Value::Instance(i) => i.attrs.borrow().get("__func__").cloned(),
        _ => None,
    }
}

impl Interp {
    /// Call the metaclass's `name` on class `c`, if it defines one.
    pub fn class_op(
        &mut self,
        c: &Rc<Class>,
        name: &str,
        args: Vec<Value>,
    ) -> Option<Result<Value, Exc>> {
        let f = meta_method(c, name)?;
        let mut pos = vec![Value::Class(c.clone())];
        pos.extend(args);
        Some(self.call(&f, Args::new(pos)))
    }

    /// `C[key]` on a class: the metaclass's `__getitem__`, else `C.__class_getitem__(key)`.
    pub fn class_getitem(&mut self, c: &Rc<Class>, key: &Value) -> Option<Result<Value, Exc>> {
        if let Some(r) = self.class_op(c, "__getitem__", vec![key.clone()]) {
            return Some(r);
        }
        // `list[int]` in an annotation (PEP 585).
        if &*c.module == "builtins"
            && matches!(
                &*c.name,
                "list" | "dict" | "tuple" | "set" | "frozenset" | "type"
            )
        {
            return Some(self.call_library(
                "_forkyard_types",
                "alias",
                vec![Value::Class(c.clone()), key.clone()],
            ));
        }
        let f = implicit_classmethod(&c.lookup("__class_getitem__")?)?;
        Some(self.call(&f, Args::new(vec![Value::Class(c.clone()), key.clone()])))
    }

    /// Call `name` of a library module (importing it on first use).
    pub fn call_library(
        &mut self,
        module: &str,
        name: &str,
        args: Vec<Value>,
    ) -> Result<Value, Exc> {
        let m = crate::python::modules::import(self, module)?;
        let f = self.getattr(&m, name)?;
        self.call(&f, Args::new(args))
    }

    /// After a class statement made `c`: run the nearest base's `__init_subclass__`.
    pub fn init_subclass(&mut self, c: &Rc<Class>) -> Result<(), Exc> {
        let hook = c
            .mro
            .borrow()
            .iter()
            .skip(1)
            .find_map(|k| k.attrs.borrow().get("__init_subclass__").cloned());
        if let Some(f) = hook.as_ref().and_then(implicit_classmethod) {
            self.call(&f, Args::new(vec![Value::Class(c.clone())]))?;
        }
        Ok(())
    }

    /// `C(...)` when a class of C's MRO defines `__new__` in Python: its result, initialized by
    /// `__init__` when it is an instance of C (as CPython's `type.__call__`).
    pub fn call_user_new(&mut self, c: &Rc<Class>, new: Value, args: Args) -> Result<Value, Exc> {
        let mut a = args.clone();
        a.pos.insert(0, Value::Class(c.clone()));
        let obj = self.call(&new, a)?;
        if let Value::Instance(i) = &obj
            && i.class.is_subclass(c)
            && let Some(init) = c.lookup("__init__")
        {
            let bound = super::bind(init, &obj);
            self.call(&bound, args)?;
        }
        Ok(obj)
    }
}

/// `cls.__dict__`: the class's own namespace, in definition order (a copy).
pub fn class_dict(c: &Rc<Class>) -> Value {
    let mut d = Dict::default();
    for (k, v) in c.attrs.borrow().iter() {
        if &**k == METACLASS {
            continue;
        }
        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
    }
    Value::dict(d)
}

/// `object.__new__(cls)`: a bare instance of a Python class, not yet initialized.
pub fn object_new(_: &mut Interp, a: Args) -> Result<Value, Exc> {
    match a.pos.first() {
        Some(Value::Class(c))
            if c.native_kind()
                .is_none_or(|k| k == super::super::value::NativeKind::Object) =>
        {
            Ok(Value::Instance(Rc::new(Instance {
                class: c.clone(),
                attrs: RefCell::new(Namespace::default()),
                native: RefCell::new(None),
            })))
        }
        Some(Value::Class(c)) => Err(type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            c.name, c.name
        ))),
        Some(other) => Err(type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            other.type_name()
        ))),
        None => Err(type_error("object.__new__(): not enough arguments")),
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
    fn a_python_metaclass_answers_operations_on_its_classes() {
        let src = "class Meta(type):\n    def __iter__(cls): return iter(cls.items)\n    def __len__(cls): return len(cls.items)\n    def __contains__(cls, x): return x in cls.items\n    def __getitem__(cls, k): return cls.items[k]\n    def __call__(cls, x): return x * 2\n    def __repr__(cls): return '<meta ' + cls.__name__ + '>'\nclass A(metaclass=Meta):\n    items = [1, 2]\nclass B(A):\n    items = [3]\nprint(list(A), len(A), 2 in A, A[1], A(4), repr(A), type(A) is Meta, list(B))\n";
        assert_eq!(out(src), "[1, 2] 2 True 2 8 <meta A> True [3]\n");
    }

    #[test]
    fn class_getitem_init_subclass_new_and_dict() {
        let src = "class G:\n    def __class_getitem__(cls, k): return (cls.__name__, k)\n    def __init_subclass__(cls): print('made', cls.__name__, list(cls.__dict__)[2:])\nclass H(G):\n    a = 1\nprint(G[int], H['x'])\nclass One:\n    made = None\n    def __new__(cls, v):\n        if cls.made is None:\n            cls.made = object.__new__(cls)\n        return cls.made\n    def __init__(self, v):\n        self.v = v\nx, y = One(1), One(2)\nprint(x is y, x.v)\n";
        assert_eq!(
            out(src),
            "made H ['a']\n('G', <class 'int'>) ('H', 'x')\nTrue 2\n"
        );
    }

    #[test]
    fn builtin_generics_and_unions_in_annotations() {
        let src = "class A:\n    xs: list[int] = []\n    d: dict[str, int | None]\nprint(A.__annotations__, tuple[int, ...])\n";
        assert_eq!(
            out(src),
            "{'xs': list[int], 'd': dict[str, int | None]} tuple[int, ...]\n"
        );
    }
}
