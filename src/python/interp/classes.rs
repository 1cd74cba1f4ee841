//! Classes as CPython 3.11 makes them: the metaclass of a class statement (`metaclass=M`, or the
//! most derived one of the bases), `__prepare__`, `type(name, bases, dict)`, `__set_name__`,
//! `__init_subclass__`, the `__eq__`-without-`__hash__` rule, and the methods of `object` and
//! `type` that `super()` and explicit calls (`object.__setattr__(self, ...)`) reach.

use crate::python::exceptions::ExcKind;
use crate::python::value::PyStr;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::ast::{ExprKind, Stmt, StmtKind};
use super::super::builtin_classes;
use super::super::exceptions::{self, Exc, attribute_error, type_error};
use super::super::value::*;
use super::{Interp, bind};

/// The class of a class: its metaclass, or `type`.
pub fn meta_of(c: &Class) -> Rc<Class> {
    c.meta
        .borrow()
        .clone()
        .unwrap_or_else(|| builtin_classes::with(|b| b.type_.clone()))
}

/// A method the metaclass of `c` defines (`__repr__`, `__len__`, `__iter__`...), which operations
/// on the class itself use. `None` for classes made by `type`.
pub fn meta_method(c: &Class, name: &str) -> Option<Value> {
    c.meta.borrow().as_ref().and_then(|m| m.lookup(name))
}

/// Whether `c` is the builtin `type` itself.
fn is_type(c: &Class) -> bool {
    builtin_classes::is(c, |b| &b.type_)
}

/// The docstring of a body: its first statement, when that is a string literal.
pub fn docstring(body: &[Stmt]) -> Value {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(e)) => match &e.kind {
            ExprKind::Const(v @ Value::Str(_)) => v.clone(),
            _ => Value::None,
        },
        _ => Value::None,
    }
}

impl Interp {
    /// The metaclass a class statement uses: `metaclass=` (taken out of `kw`), and the most
    /// derived metaclass of the bases, which every other one must be a base of.
    pub(crate) fn class_metaclass(
        &mut self,
        bases: &[Value],
        kw: &mut Vec<(PyStr, Value)>,
    ) -> PyResult {
        let explicit = kw
            .iter()
            .position(|(k, _)| &**k == "metaclass")
            .map(|i| kw.remove(i).1);
        let mut winner = match explicit {
            Some(Value::Class(ref c)) => c.clone(),
            // Any callable may stand in for a metaclass: it is called as one, nothing is checked.
            Some(other) => return Ok(other),
            None => builtin_classes::with(|b| b.type_.clone()),
        };
        for b in bases {
            let bm = super::super::builtins::type_of(b);
            if winner.is_subclass(&bm) {
                continue;
            }
            if bm.is_subclass(&winner) {
                winner = bm;
                continue;
            }
            return Err(type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(Value::Class(winner))
    }

    /// The namespace a class body starts with: what the metaclass's `__prepare__` gives.
    pub(crate) fn prepare_namespace(
        &mut self,
        meta: &Value,
        name: &str,
        bases: &[Value],
        kw: &[(PyStr, Value)],
    ) -> PyResult<Namespace> {
        let mut ns = Namespace::default();
        let Value::Class(m) = meta else {
            return Ok(ns);
        };
        let Some(prepare) = m.lookup("__prepare__") else {
            return Ok(ns);
        };
        let args = Args {
            pos: vec![Value::str(name), Value::tuple(bases.to_vec())],
            kw: kw.to_vec(),
        };
        let got = self.call(&bind(prepare, meta), args)?;
        let Value::Dict(d) = &got else {
            return Err(type_error(format!(
                "{}.__prepare__() must return a mapping, not {}",
                m.name,
                got.type_name()
            )));
        };
        for (k, v) in d.borrow().map.values() {
            if let Value::Str(k) = k {
                ns.insert(k.clone(), v.clone());
            }
        }
        Ok(ns)
    }

    /// The end of a class statement: the metaclass makes the class from the namespace the body
    /// filled (`type` directly; a user metaclass by a call, as CPython does).
    pub(crate) fn finish_class(
        &mut self,
        meta: Value,
        name: &PyStr,
        bases: Vec<Value>,
        attrs: Namespace,
        kw: Vec<(PyStr, Value)>,
    ) -> PyResult {
        if let Value::Class(m) = &meta
            && is_type(m)
        {
            let qualname = match attrs.get("__qualname__") {
                Some(Value::Str(q)) => q.clone(),
                _ => name.clone(),
            };
            return self
                .build_class(None, name, &qualname, bases, attrs, kw)
                .map(Value::Class);
        }
        let mut d = Dict::default();
        for (k, v) in attrs {
            d.insert(HashKey::Str(k.clone()), Value::Str(k), v);
        }
        let args = Args {
            pos: vec![
                Value::Str(name.clone()),
                Value::tuple(bases),
                Value::dict(d),
            ],
            kw,
        };
        self.call(&meta, args)
    }

    /// Make a class: what `type.__new__` does. `meta` is the metaclass when it is not `type`.
    pub(crate) fn build_class(
        &mut self,
        meta: Option<Rc<Class>>,
        name: &str,
        qualname: &str,
        base_values: Vec<Value>,
        mut attrs: Namespace,
        kw: Vec<(PyStr, Value)>,
    ) -> PyResult<Rc<Class>> {
        let mut bases = Vec::new();
        for b in base_values {
            match b {
                Value::Class(ref c) => {
                    if crate::python::subclass::refuses_subclassing(c) {
                        return Err(type_error(format!(
                            "type '{}' is not an acceptable base type",
                            c.name
                        )));
                    }
                    bases.push(c.clone())
                }
                other => {
                    return Err(type_error(format!(
                        "bases must be types, not '{}' (class {name})",
                        other.type_name(),
                    )));
                }
            }
        }
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|o| Rc::ptr_eq(o, b)) {
                return Err(type_error(format!("duplicate base class {}", b.name)));
            }
        }
        if bases.is_empty() {
            bases.push(crate::python::builtin_classes::object());
        }
        // Two builtin bases cannot share one instance (`class X(int, str)`), as in CPython.
        let builtin_bases: Vec<_> = bases
            .iter()
            .filter_map(crate::python::subclass::builtin_base_or_self)
            .collect();
        if builtin_bases
            .windows(2)
            .any(|w| !w[0].is_subclass(&w[1]) && !w[1].is_subclass(&w[0]))
        {
            return Err(type_error("multiple bases have instance lay-out conflict"));
        }
        let module = match attrs.get("__module__") {
            Some(Value::Str(m)) => m.clone(),
            _ => {
                let m: PyStr = match self.globals.borrow().get("__name__") {
                    Some(Value::Str(m)) => m.clone(),
                    _ => PyStr::from("__main__"),
                };
                attrs.insert(PyStr::from("__module__"), Value::Str(m.clone()));
                m
            }
        };
        // The qualified name is the class's, not an attribute of its namespace.
        attrs.shift_remove("__qualname__");
        if !attrs.contains_key("__doc__") {
            attrs.insert(PyStr::from("__doc__"), Value::None);
        }
        // A class that defines `__eq__` and not `__hash__` has instances that cannot be hashed.
        if attrs.contains_key("__eq__") && !attrs.contains_key("__hash__") {
            attrs.insert(PyStr::from("__hash__"), Value::None);
        }
        let cls = exceptions::make_class_q(name, qualname, &module, bases, attrs, None)
            .map_err(type_error)?;
        if let Some(m) = meta.filter(|m| !is_type(m)) {
            *cls.meta.borrow_mut() = Some(m);
        }
        for v in cls.attrs.borrow().values() {
            let func = match v {
                Value::Function(func) => Some(func.clone()),
                Value::Instance(i) => match i.attrs.borrow().get("__func__") {
                    Some(Value::Function(func)) => Some(func.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(func) = func {
                *func.class.borrow_mut() = Some(Rc::downgrade(&cls));
            }
        }
        let this = Value::Class(cls.clone());
        // `__set_name__` tells each descriptor the class and the name it was bound to.
        let named: Vec<(PyStr, Value)> = cls
            .attrs
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in named {
            if let Value::Instance(d) = &v
                && let Some(sn) = d.class.lookup("__set_name__")
            {
                let told = self.call(
                    &bind(sn, &v),
                    Args::new(vec![this.clone(), Value::Str(k.clone())]),
                );
                // CPython 3.11 reports the failure as a RuntimeError naming the descriptor, the
                // name and the class, caused by the descriptor's own error.
                if let Err(e) = told {
                    let new = Exc::new(
                        ExcKind::RuntimeError,
                        format!(
                            "Error calling __set_name__ on '{}' instance '{k}' in '{}'",
                            d.class.name, cls.name
                        ),
                    );
                    return Err(new.raised_from(&e));
                }
            }
        }
        // `super(cls, cls).__init_subclass__(**kw)`: the nearest base's, or object's.
        let init_subclass = cls
            .mro
            .borrow()
            .iter()
            .skip(1)
            .find_map(|c| c.attrs.borrow().get("__init_subclass__").cloned());
        match init_subclass {
            Some(f @ Value::Function(_)) => {
                self.call(
                    &f,
                    Args {
                        pos: vec![this],
                        kw,
                    },
                )?;
            }
            Some(other) => {
                self.call(&bind(other, &this), Args { pos: vec![], kw })?;
            }
            None => {
                object_init_subclass(
                    self,
                    Args {
                        pos: vec![this],
                        kw,
                    },
                )?;
            }
        };
        super::super::inline_cache::classes_changed();
        Ok(cls)
    }

    /// Calling a class (`type.__call__`): `__new__`, then `__init__` when `__new__` gave an
    /// instance of the class.
    pub(crate) fn construct(&mut self, c: &Rc<Class>, args: Args) -> PyResult {
        let cls = Value::Class(c.clone());
        let new = match c.lookup("__new__") {
            None => return self.plain_instance(c, args),
            // object's `__new__` (subclass.rs): nothing of the class's own to call.
            Some(n) if crate::python::subclass::is_slot_new(&n) => {
                return self.plain_instance(c, args);
            }
            Some(Value::Builtin(ref new)) => {
                // A metaclass called with (name, bases, dict): `type.__new__` makes the class,
                // then the metaclass's own `__init__` runs.
                if &*new.name == "type" && args.pos.len() == 3 && !is_type(c) {
                    let mut a = args.clone();
                    a.pos.insert(0, cls);
                    let made = (new.f)(self, a)?;
                    self.init_made(c, &made, args)?;
                    return Ok(made);
                }
                let mut a = args;
                a.pos.insert(0, cls);
                return (new.f)(self, a);
            }
            Some(Value::Instance(ref i)) if Rc::ptr_eq(&i.class, &self.classes.staticmethod) => i
                .attrs
                .borrow()
                .get("__func__")
                .cloned()
                .unwrap_or(Value::None),
            Some(other) => other,
        };
        let mut a = args.clone();
        a.pos.insert(0, cls);
        let made = self.call(&new, a)?;
        self.init_made(c, &made, args)?;
        Ok(made)
    }

    /// Run `c`'s `__init__` on what its `__new__` made, if that is an instance of `c`.
    fn init_made(&mut self, c: &Rc<Class>, made: &Value, args: Args) -> PyResult<()> {
        let is_instance = match made {
            Value::Instance(i) => i.class.is_subclass(c),
            Value::Class(k) => meta_of(k).is_subclass(c),
            _ => false,
        };
        if !is_instance {
            return Ok(());
        }
        if let Some(init) = c.lookup("__init__") {
            let r = self.call(&bind(init, made), args)?;
            if !matches!(r, Value::None) {
                return Err(type_error(format!(
                    "__init__() should return None, not '{}'",
                    r.type_name()
                )));
            }
        }
        Ok(())
    }

    /// `cls(...)` for a class without a `__new__` of its own: a fresh instance, then `__init__`.
    fn plain_instance(&mut self, c: &Rc<Class>, args: Args) -> PyResult {
        let obj = bare_instance(c, &args.pos);
        let is_exc = c.native_kind() == Some(NativeKind::BaseException);
        match c.lookup("__init__") {
            Some(init) => {
                let r = self.call(&bind(init, &obj), args)?;
                if !matches!(r, Value::None) {
                    return Err(type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            None if !is_exc && (!args.pos.is_empty() || !args.kw.is_empty()) => {
                return Err(type_error(format!("{}() takes no arguments", c.name)));
            }
            None => {}
        }
        Ok(obj)
    }
}

/// A new instance of `c` with nothing set (an exception's `args` are `args`; other classes
/// take no part of them).
pub fn bare_instance(c: &Rc<Class>, args: &[Value]) -> Value {
    if c.native_kind() == Some(NativeKind::BaseException) {
        // (`OSError(2, ...)` is made a FileNotFoundError there.)
        return Value::Instance(crate::python::exceptions::instance(
            c.clone(),
            args.to_vec(),
        ));
    }
    Value::Instance(Rc::new(Instance {
        class: c.clone(),
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(None),
    }))
}

/// `type(x)` and `type(name, bases, dict)`, called with the class being made first.
pub fn type_new(it: &mut Interp, a: Args) -> PyResult {
    let Some(Value::Class(ref mcs)) = a.pos.first().cloned() else {
        return Err(type_error("type.__new__(X): X is not a type object"));
    };
    match a.pos.len() {
        2 if is_type(mcs) => return Ok(Value::Class(super::super::builtins::type_of(&a.pos[1]))),
        4 => {}
        _ => return Err(type_error("type() takes 1 or 3 arguments")),
    }
    let Value::Str(name) = &a.pos[1] else {
        return Err(type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            a.pos[1].type_name()
        )));
    };
    let Value::Tuple(bases) = &a.pos[2] else {
        return Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            a.pos[2].type_name()
        )));
    };
    let Value::Dict(d) = &a.pos[3] else {
        return Err(type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            a.pos[3].type_name()
        )));
    };
    let mut attrs = Namespace::default();
    for (k, v) in d.borrow().map.values() {
        if let Value::Str(k) = k {
            attrs.insert(k.clone(), v.clone());
        }
    }
    let qualname = match attrs.get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => name.clone(),
    };
    let meta = (!is_type(mcs)).then(|| mcs.clone());
    it.build_class(meta, name, &qualname, bases.to_vec(), attrs, a.kw)
        .map(Value::Class)
}

/// `type.__call__(cls, ...)`: make an instance the default way (a metaclass's `__call__` reaches
/// it through `super().__call__(...)`).
fn type_call(it: &mut Interp, mut a: Args) -> PyResult {
    match a.pos.first().cloned() {
        Some(Value::Class(ref c)) => {
            a.pos.remove(0);
            it.construct(c, a)
        }
        Some(v) => Err(type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            v.type_name()
        ))),
        None => Err(type_error(
            "descriptor '__call__' of 'type' object needs an argument",
        )),
    }
}

/// `type.__init__(cls, name, bases, ns)` (or `(cls, obj)`): nothing left to do once `__new__`
/// made the class, but CPython still counts the arguments.
fn type_init(_: &mut Interp, a: Args) -> PyResult {
    if !matches!(a.pos.len(), 2 | 4) {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

fn noop(_: &mut Interp, _: Args) -> PyResult {
    Ok(Value::None)
}

/// `type.mro(cls)`, `C.mro()`: the class's method resolution order, as a list.
pub(super) fn type_mro(_: &mut Interp, a: Args) -> PyResult {
    match a.pos.first() {
        Some(Value::Class(c)) if a.pos.len() == 1 => Ok(Value::list(
            c.mro
                .borrow()
                .iter()
                .map(|k| Value::Class(k.clone()))
                .collect(),
        )),
        Some(Value::Class(c)) => Err(type_error(format!(
            "{}.mro() takes no arguments ({} given)",
            c.name,
            a.pos.len() - 1
        ))),
        Some(other) => Err(type_error(format!(
            "descriptor 'mro' for 'type' objects doesn't apply to a '{}' object",
            other.type_name()
        ))),
        None => Err(type_error("unbound method type.mro() needs an argument")),
    }
}

/// `object.__new__(cls)` (where no `__new__` slot is installed: the slot in subclass.rs is what
/// programs reach; both refuse the same classes).
fn object_new(_: &mut Interp, a: Args) -> PyResult {
    match a.pos.first() {
        Some(Value::Class(c)) => match crate::python::subclass::made_by_a_builtin_new(c) {
            Some(own) => Err(type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                c.name, own.name
            ))),
            None => Ok(bare_instance(c, &a.pos[1..])),
        },
        Some(other) => Err(type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            other.type_name()
        ))),
        None => Err(type_error("object.__new__(): not enough arguments")),
    }
}

/// The object and the attribute name of `object.__getattribute__(obj, name)` and friends.
fn obj_and_name(a: &Args, method: &str, n: usize) -> PyResult<(Value, PyStr)> {
    if a.pos.len() != n {
        return Err(type_error(format!(
            "expected {} arguments, got {}",
            n - 1,
            a.pos.len().saturating_sub(1)
        )));
    }
    match &a.pos[1] {
        Value::Str(s) => Ok((a.pos[0].clone(), s.clone())),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}' ({method})",
            other.type_name()
        ))),
    }
}

fn object_getattribute(it: &mut Interp, a: Args) -> PyResult {
    let (obj, name) = obj_and_name(&a, "__getattribute__", 2)?;
    let found = match &obj {
        Value::Instance(inst) => it.generic_getattr(&obj, inst, &name)?,
        other => it.getattr_opt(other, &name)?,
    };
    found.ok_or_else(|| {
        attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            obj.type_name()
        ))
    })
}

fn object_setattr(it: &mut Interp, a: Args) -> PyResult {
    let (obj, name) = obj_and_name(&a, "__setattr__", 3)?;
    match &obj {
        Value::Instance(inst) => it.generic_setattr(&obj, inst, &name, a.pos[2].clone())?,
        other @ (Value::Class(_) | Value::Module(_) | Value::Function(_)) => {
            it.setattr(other, &name, a.pos[2].clone())?
        }
        other => {
            return Err(attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                other.type_name()
            )));
        }
    }
    Ok(Value::None)
}

fn object_delattr(it: &mut Interp, a: Args) -> PyResult {
    let (obj, name) = obj_and_name(&a, "__delattr__", 2)?;
    match &obj {
        Value::Instance(inst) => it.generic_delattr(&obj, inst, &name)?,
        other => it.delattr(other, &name)?,
    }
    Ok(Value::None)
}

fn not_implemented() -> Value {
    Value::builtin("NotImplemented", |_, _| {
        Err(type_error("'NotImplementedType' object is not callable"))
    })
}

/// `object.__eq__`: identity, else NotImplemented (so the other side is asked).
fn object_eq(_: &mut Interp, a: Args) -> PyResult {
    match (a.pos.first(), a.pos.get(1)) {
        (Some(x), Some(y)) if x.is(y) => Ok(Value::Bool(true)),
        (Some(_), Some(_)) => Ok(not_implemented()),
        _ => Err(type_error("expected 1 argument")),
    }
}

fn object_ne(it: &mut Interp, a: Args) -> PyResult {
    match (a.pos.first(), a.pos.get(1)) {
        (Some(x), Some(y)) => {
            let eq = match x {
                Value::Instance(i) => i.class.lookup("__eq__"),
                _ => None,
            };
            let r = match eq {
                Some(f) => it.call(&bind(f, x), Args::new(vec![y.clone()]))?,
                None => object_eq(it, a.clone())?,
            };
            if super::super::ops::is_not_implemented(&r) {
                return Ok(r);
            }
            Ok(Value::Bool(!it.truthy(&r)?))
        }
        _ => Err(type_error("expected 1 argument")),
    }
}

/// `object.__hash__`: by identity.
fn object_hash(_: &mut Interp, a: Args) -> PyResult {
    match a.pos.first() {
        Some(v) => Ok(Value::Int((v.ptr().unwrap_or(0) >> 4) as i64)),
        None => Err(type_error("expected 0 arguments")),
    }
}

/// `object.__repr__`: `<module.Name object at 0x...>`, whatever the class defines.
fn object_repr(_: &mut Interp, a: Args) -> PyResult {
    match a.pos.first() {
        Some(v) => {
            let c = super::super::builtins::type_of(v);
            // A builtin type is named without its module (`<int object at 0x...>`).
            let module = if &*c.module == "builtins" {
                String::new()
            } else {
                format!("{}.", c.module)
            };
            Ok(Value::str(&format!(
                "<{module}{} object at 0x{:x}>",
                c.qualname,
                v.ptr().unwrap_or(0)
            )))
        }
        None => Err(type_error(
            "descriptor '__repr__' of 'object' object needs an argument",
        )),
    }
}

fn object_str(it: &mut Interp, a: Args) -> PyResult {
    match a.pos.first() {
        Some(v) => Ok(Value::str(&it.repr(v)?)),
        None => Err(type_error("expected 0 arguments")),
    }
}

/// `object.__init_subclass__`: takes no keyword arguments.
fn object_init_subclass(_: &mut Interp, a: Args) -> PyResult {
    if !a.kw.is_empty() {
        let name = match a.pos.first() {
            Some(Value::Class(c)) => c.name.to_string(),
            _ => "object".to_string(),
        };
        return Err(type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// A method of `object` or `type` that is not in their namespaces (so that finding `__init__`
/// or `__eq__` in a class's MRO still means the program defined one): reached by
/// `object.__setattr__(...)`, `super().__init__()` and `type.__call__`.
pub fn builtin_attr(class_name: &str, name: &str) -> Option<Value> {
    let f: NativeFn = match (class_name, name) {
        ("object", "__new__") => object_new,
        ("object", "__init__") => noop,
        ("object", "__getattribute__") => object_getattribute,
        ("object", "__setattr__") => object_setattr,
        ("object", "__delattr__") => object_delattr,
        ("object", "__eq__") => object_eq,
        ("object", "__ne__") => object_ne,
        ("object", "__hash__") => object_hash,
        ("object", "__repr__") => object_repr,
        ("object", "__str__") => object_str,
        ("object", "__init_subclass__") => object_init_subclass,
        ("type", "__new__") => type_new,
        ("type", "__init__") => type_init,
        ("type", "__call__") => type_call,
        ("type", "mro") => type_mro,
        _ => return None,
    };
    Some(Value::builtin(name, f))
}

/// Bind a method of `object` or `type` found through `super()`: `__new__` is static,
/// `__init_subclass__` binds to the class, the others to the object.
pub fn bind_builtin_attr(name: &str, f: Value, this: &Value) -> Value {
    match name {
        "__new__" => f,
        _ => Value::BoundMethod(Rc::new(BoundMethod {
            this: this.clone(),
            func: f,
        })),
    }
}

/// Whether instances of `c` have no `__dict__`: every class of its MRO but `object` defines
/// `__slots__`.
pub fn is_slotted(c: &Class) -> bool {
    c.has_hooks()
        && c.mro
            .borrow()
            .iter()
            .filter(|k| !builtin_classes::is(k, |b| &b.object))
            .all(|k| k.attrs.borrow().contains_key("__slots__"))
}

/// The attribute names `__slots__` allows along `c`'s MRO (a string is one name).
pub fn slot_names(c: &Class) -> std::collections::HashSet<String> {
    let mut names = std::collections::HashSet::new();
    for k in c.mro.borrow().iter() {
        match k.attrs.borrow().get("__slots__") {
            Some(Value::Str(s)) => {
                names.insert(s.to_string());
            }
            Some(Value::Tuple(t)) => names.extend(t.iter().filter_map(|v| match v {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            })),
            Some(Value::List(l)) => names.extend(l.borrow().iter().filter_map(|v| match v {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            })),
            _ => {}
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_and_type_answer_only_their_own_methods() {
        assert!(builtin_attr("object", "__setattr__").is_some());
        assert!(builtin_attr("type", "__call__").is_some());
        assert!(builtin_attr("object", "__call__").is_none());
        assert!(builtin_attr("int", "__new__").is_none());
    }

    #[test]
    fn a_class_made_without_a_metaclass_has_type_for_its_class() {
        let _it = Interp::new("t.py", "");
        let c = exceptions::make_class(
            "A",
            "__main__",
            vec![crate::python::builtin_classes::object()],
            Namespace::default(),
            None,
        )
        .expect("one base");
        assert!(is_type(&meta_of(&c)));
        let m = exceptions::make_class(
            "M",
            "__main__",
            vec![builtin_classes::with(|b| b.type_.clone())],
            Namespace::default(),
            None,
        )
        .expect("one base");
        *c.meta.borrow_mut() = Some(m.clone());
        assert!(Rc::ptr_eq(&meta_of(&c), &m));
    }
}
