//! Descriptors: `property`, and objects whose class defines `__get__`, `__set__` or
//! `__delete__`. The default attribute store and delete (`object.__setattr__`,
//! `object.__delattr__`) live here too, with `__slots__`, since they are where descriptors act.

use crate::python::value::PyStr;
use std::rc::Rc;

use super::super::exceptions::attribute_error;
use super::super::value::*;
use super::{Interp, classes};

/// Whether an object found on a class binds through `__get__` (staticmethod, classmethod and
/// property are handled by `bind` and the property paths).
pub fn is_descriptor(d: &Instance) -> bool {
    d.class.lookup("__get__").is_some()
        && !crate::python::builtin_classes::with(|b| {
            [&b.staticmethod, &b.classmethod, &b.property]
                .into_iter()
                .any(|c| Rc::ptr_eq(c, &d.class))
        })
}

impl Interp {
    /// What the descriptor `d` (a property, or an object with `__get__`) gives for `obj.name`;
    /// `obj` is None for a lookup on the class `owner` itself.
    pub(crate) fn descriptor_get(
        &mut self,
        d: &Rc<Instance>,
        obj: &Value,
        owner: &Rc<Class>,
        name: &str,
    ) -> PyResult {
        if is_property(d) {
            let fget = d.attrs.borrow().get("fget").cloned().unwrap_or(Value::None);
            if matches!(fget, Value::None) {
                return Err(attribute_error(format!(
                    "property '{name}' of '{}' object has no getter",
                    owner.name
                )));
            }
            return self.call(&fget, Args::new(vec![obj.clone()]));
        }
        match d.class.lookup("__get__") {
            Some(get) => {
                let args = Args::new(vec![obj.clone(), Value::Class(owner.clone())]);
                self.call(&super::bind(get, &Value::Instance(d.clone())), args)
            }
            // A data descriptor with only `__set__`: reading gives the descriptor itself.
            None => Ok(Value::Instance(d.clone())),
        }
    }

    /// `object.__setattr__(obj, name, value)`: a data descriptor's `__set__`, a native
    /// attribute, or the instance's own namespace (the names of `__slots__` only, when the class
    /// lays its instances out that way).
    pub(crate) fn generic_setattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
        value: Value,
    ) -> PyResult<()> {
        if name == "__class__" {
            return assign_class(inst, &value);
        }
        if super::super::natives::set_instance_attr(self, inst, name, &value)? {
            return Ok(());
        }
        if let Some(d) = inst.class.data_descriptor(name) {
            let this = Value::Instance(d.clone());
            if is_property(&d) {
                let fset = d.attrs.borrow().get("fset").cloned().unwrap_or(Value::None);
                if matches!(fset, Value::None) {
                    return Err(attribute_error(format!(
                        "property '{name}' of '{}' object has no setter",
                        inst.class.name
                    )));
                }
                return self
                    .call(&fset, Args::new(vec![obj.clone(), value]))
                    .map(drop);
            }
            let Some(set) = d.class.lookup("__set__") else {
                return Err(attribute_error("__set__"));
            };
            let args = Args::new(vec![obj.clone(), value]);
            return self.call(&super::bind(set, &this), args).map(drop);
        }
        if classes::is_slotted(&inst.class) && !classes::slot_names(&inst.class).contains(name) {
            // A class attribute has no slot behind it to store into.
            if inst.class.lookup(name).is_some() {
                return Err(attribute_error(format!(
                    "'{}' object attribute '{name}' is read-only",
                    inst.class.name
                )));
            }
            return Err(attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                inst.class.name
            )));
        }
        let mut attrs = inst.attrs.borrow_mut();
        match attrs.get_mut(name) {
            Some(slot) => *slot = value,
            None => {
                attrs.insert(PyStr::from(name), value);
            }
        }
        Ok(())
    }

    /// `object.__delattr__(obj, name)`: a data descriptor's `__delete__`, or the instance's own
    /// attribute.
    pub(crate) fn generic_delattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> PyResult<()> {
        if let Some(d) = inst.class.data_descriptor(name) {
            let this = Value::Instance(d.clone());
            if is_property(&d) {
                let fdel = d.attrs.borrow().get("fdel").cloned().unwrap_or(Value::None);
                if matches!(fdel, Value::None) {
                    return Err(attribute_error(format!(
                        "property '{name}' of '{}' object has no deleter",
                        inst.class.name
                    )));
                }
                return self.call(&fdel, Args::new(vec![obj.clone()])).map(drop);
            }
            let Some(del) = d.class.lookup("__delete__") else {
                return Err(attribute_error("__delete__"));
            };
            return self
                .call(&super::bind(del, &this), Args::new(vec![obj.clone()]))
                .map(drop);
        }
        if inst.attrs.borrow_mut().shift_remove(name).is_some() {
            return Ok(());
        }
        Err(attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            inst.class.name
        )))
    }
}

/// `property`'s methods: `property(fget, fset, fdel, doc)` and the decorators that copy it with
/// one accessor replaced.
pub fn install_property(prop: &Rc<Class>) {
    let mut attrs = prop.attrs.borrow_mut();
    for (name, f) in [
        ("__init__", property_init as NativeFn),
        ("getter", property_getter),
        ("setter", property_setter),
        ("deleter", property_deleter),
    ] {
        attrs.insert(PyStr::from(name), Value::builtin(name, f));
    }
}

const ACCESSORS: [&str; 4] = ["fget", "fset", "fdel", "doc"];

fn property_init(it: &mut Interp, a: Args) -> PyResult {
    let Some(this @ Value::Instance(inst)) = a.pos.first() else {
        return Err(super::super::exceptions::type_error(
            "descriptor '__init__' of 'property' object needs an argument",
        ));
    };
    let mut parts: Vec<Value> = (0..4)
        .map(|i| a.pos.get(i + 1).cloned().unwrap_or(Value::None))
        .collect();
    for (k, v) in &a.kw {
        match ACCESSORS.iter().position(|n| n == &&**k) {
            Some(i) => parts[i] = v.clone(),
            None => {
                return Err(super::super::exceptions::type_error(format!(
                    "property() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    // Without a doc of its own, a property shows its getter's docstring.
    if matches!(parts[3], Value::None) && !matches!(parts[0], Value::None) {
        parts[3] = it.getattr_opt(&parts[0], "__doc__")?.unwrap_or(Value::None);
    }
    let mut attrs = inst.attrs.borrow_mut();
    for (name, v) in ACCESSORS.iter().zip(parts) {
        let name = if *name == "doc" { "__doc__" } else { name };
        attrs.insert(PyStr::from(name), v);
    }
    let _ = this;
    Ok(Value::None)
}

/// A copy of the property `a.pos[0]` with accessor `which` (0 get, 1 set, 2 delete) replaced.
fn property_with(it: &mut Interp, a: Args, which: usize) -> PyResult {
    let Some(Value::Instance(p)) = a.pos.first() else {
        return Err(super::super::exceptions::type_error("a property is needed"));
    };
    let mut parts: Vec<Value> = ["fget", "fset", "fdel", "__doc__"]
        .iter()
        .map(|n| p.attrs.borrow().get(*n).cloned().unwrap_or(Value::None))
        .collect();
    parts[which] = a.pos.get(1).cloned().unwrap_or(Value::None);
    if which == 0 {
        // A new getter brings its own docstring, as CPython's `property.getter`.
        parts[3] = Value::None;
    }
    let cls = Value::Class(p.class.clone());
    it.call(&cls, Args::new(parts))
}

fn property_getter(it: &mut Interp, a: Args) -> PyResult {
    property_with(it, a, 0)
}

fn property_setter(it: &mut Interp, a: Args) -> PyResult {
    property_with(it, a, 1)
}

fn property_deleter(it: &mut Interp, a: Args) -> PyResult {
    property_with(it, a, 2)
}

/// `obj.__class__ = C`: CPython's refusals (not a class, a builtin type, another layout) in its
/// words. Where CPython would change the object's class, forkyard says it cannot: an instance
/// keeps the class it was made with (the interpreter's caches rely on it), and storing the name
/// as an ordinary attribute would silently change nothing.
fn assign_class(inst: &Rc<Instance>, value: &Value) -> PyResult<()> {
    use super::super::exceptions::{Exc, ExcKind, type_error};
    let Value::Class(new) = value else {
        return Err(type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            value.type_name()
        )));
    };
    let old = &inst.class;
    if Rc::ptr_eq(new, old) {
        return Ok(());
    }
    if &*new.module == "builtins" || &*old.module == "builtins" {
        return Err(type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let layout = |c: &Rc<Class>| {
        let base = crate::python::subclass::builtin_base(c).map(|b| b.name.to_string());
        let slots = classes::is_slotted(c).then(|| {
            let mut names: Vec<String> = classes::slot_names(c).into_iter().collect();
            names.sort();
            names
        });
        (base, c.native_kind(), slots)
    };
    if layout(new) != layout(old) {
        return Err(type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name, old.name
        )));
    }
    Err(Exc::new(
        ExcKind::NotImplementedError,
        format!(
            "assigning __class__ is not supported by forkyard: this '{}' object keeps its class \
             (make a '{}' object instead)",
            old.name, new.name
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;
    use crate::runtime::capture::capture;

    #[test]
    fn a_class_change_cpython_allows_is_named_unsupported_not_ignored() {
        let src = "class P: pass\nclass Q: pass\np = P()\n\
                   try:\n    p.__class__ = Q\nexcept NotImplementedError as e:\n    print(e)\n\
                   print(type(p).__name__, '__class__' in vars(p))";
        assert_eq!(
            out(src),
            "assigning __class__ is not supported by forkyard: this 'P' object keeps its class \
             (make a 'Q' object instead)\nP False\n"
        );
    }

    #[test]
    fn a_data_descriptor_added_later_takes_over_a_cached_read_and_store() {
        let src = "\
class D:
    def __get__(self, obj, owner):
        return 'from D'
    def __set__(self, obj, value):
        obj.__dict__['seen'] = value
class P:
    pass
p = P()
got = []
for i in range(3):
    p.x = i
    got.append(p.x)
    if i == 0:
        P.x = D()
print(got, p.seen)
";
        assert_eq!(out(src), "[0, 'from D', 'from D'] 2\n");
    }

    #[test]
    fn a_getattribute_added_later_sees_every_read_and_method_call() {
        let src = "\
class P:
    def m(self):
        return 'm'
p = P()
p.a = 1
log = []
for i in range(2):
    log.append((p.a, p.m()))
    if i == 0:
        def spy(self, name):
            log.append(name)
            return object.__getattribute__(self, name)
        P.__getattribute__ = spy
print(log)
";
        assert_eq!(out(src), "[(1, 'm'), 'a', 'm', (1, 'm')]\n");
    }

    #[test]
    fn a_setattr_hook_set_on_a_base_later_guards_an_existing_subclass() {
        let src = "\
class Base:
    pass
class Child(Base):
    pass
c = Child()
for i in range(2):
    c.v = i
    if i == 0:
        def guard(self, name, value):
            print('guarded', name, value)
        Base.__setattr__ = guard
print(c.v)
";
        assert_eq!(out(src), "guarded v 1\n0\n");
    }

    #[test]
    fn a_property_without_a_setter_names_itself_and_its_class() {
        let (code, got) = capture(|| {
            crate::python::run_main(
                "class C:\n    @property\n    def x(self):\n        return 1\nC().x = 2\n",
                "main.py",
            )
        });
        assert_eq!(code, 1);
        assert!(
            got.stderr
                .ends_with("AttributeError: property 'x' of 'C' object has no setter\n"),
            "{}",
            got.stderr
        );
    }
}
