//! Start methods and contexts: `set_start_method`, `get_start_method`, `get_all_start_methods`,
//! `get_context`, and the context objects whose `Process` starts children one way or the other
//! (`ForkProcess`, `SpawnProcess`, `ForkServerProcess`), as CPython's `multiprocessing.context`.
//!
//! The default context has no start method until something fixes it: `set_start_method`, or the
//! first `get_start_method()` or `Process.start()`, which fix `fork` (CPython 3.11's default on
//! Linux). After that, `set_start_method` without `force=True` is CPython's RuntimeError.

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use crate::python::bind::Sig;
use crate::python::builtin_classes::InterpSlot;
use crate::python::exceptions::{self, Exc, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Builtin, Class, Instance, Namespace, PyStr, Value};

type R = Result<Value, Exc>;

/// Every start method CPython 3.11 has on Linux, in its order.
pub const ALL: [&str; 3] = ["fork", "spawn", "forkserver"];

/// The class attribute by which a context's Process class names its start method.
const START_METHOD_ATTR: &str = "_start_method";

/// `ForkProcess`, `SpawnProcess`, `ForkServerProcess`, made once per interpreter (`per_interp`):
/// a spawned child's derive from its own `BaseProcess`.
static PROCESS_CLASSES: InterpSlot<ProcessClasses> = InterpSlot::new();
/// The context objects, made once per interpreter (`per_interp`) as CPython's are singletons: a
/// spawned child makes its own from its own module.
static CONTEXTS: InterpSlot<Contexts> = InterpSlot::new();

pub fn known(name: &str) -> Option<&'static str> {
    ALL.into_iter().find(|m| *m == name)
}

fn no_context(v: &Value, it: &mut Interp) -> Exc {
    let shown = it.repr(v).unwrap_or_else(|_| "?".into());
    value_error(format!("cannot find context for {shown}"))
}

/// The start method a `Process` of class `cls` uses: its context's, or the default context's
/// (fixing `fork` when nothing has chosen yet, as CPython's `_default_context.get_context()`).
pub fn start_method_of(it: &mut Interp, cls: &Rc<Class>) -> &'static str {
    if let Some(Value::Str(ref s)) = cls.lookup(START_METHOD_ATTR)
        && let Some(m) = known(s)
    {
        return m;
    }
    it.process.start_method.get_or_insert("fork")
}

/// The start method a context's Process class names (`ForkServerProcess` -> `forkserver`); `None`
/// for multiprocessing's own `Process` and the program's subclasses of it.
pub fn own_start_method(cls: &Rc<Class>) -> Option<&'static str> {
    match cls.lookup(START_METHOD_ATTR) {
        Some(Value::Str(ref s)) => known(s),
        _ => None,
    }
}

/// `set_start_method(method, force=False)`.
pub fn set_start_method(it: &mut Interp, a: Args) -> R {
    let [method, force] = Sig::py("DefaultContext.set_start_method", &["method", "force"], 1)
        .bound()
        .bind(&a)?;
    let method = method.cloned().unwrap_or(Value::None);
    let force = match force {
        Some(v) => it.truthy(v)?,
        None => false,
    };
    if it.process.start_method.is_some() && !force {
        return Err(Exc::new(
            ExcKind::RuntimeError,
            "context has already been set",
        ));
    }
    if matches!(method, Value::None) && force {
        it.process.start_method = None;
        return Ok(Value::None);
    }
    let chosen = match &method {
        Value::Str(s) => known(s),
        _ => None,
    };
    let Some(chosen) = chosen else {
        return Err(no_context(&method, it));
    };
    it.process.start_method = Some(chosen);
    Ok(Value::None)
}

/// `get_start_method(allow_none=False)`.
pub fn get_start_method(it: &mut Interp, a: Args) -> R {
    let [allow_none] = Sig::py("DefaultContext.get_start_method", &["allow_none"], 0)
        .bound()
        .bind(&a)?;
    let allow_none = match allow_none {
        Some(v) => it.truthy(v)?,
        None => false,
    };
    match it.process.start_method {
        None if allow_none => Ok(Value::None),
        _ => Ok(Value::str(it.process.start_method.get_or_insert("fork"))),
    }
}

/// `get_all_start_methods()`.
pub fn get_all_start_methods(_: &mut Interp, a: Args) -> R {
    Sig::py("DefaultContext.get_all_start_methods", &[], 0)
        .bound()
        .bind::<0>(&a)?;
    Ok(Value::list(ALL.iter().map(|m| Value::str(m)).collect()))
}

/// `get_context(method=None)`: the context of a start method; with none, the default context's
/// current one, which fixes `fork` when nothing has chosen yet (CPython's
/// `DefaultContext.get_context`).
pub fn get_context(it: &mut Interp, a: Args) -> R {
    let [method] = Sig::py("DefaultContext.get_context", &["method"], 0)
        .bound()
        .bind(&a)?;
    let method = method.cloned();
    match method {
        None | Some(Value::None) => {
            let current = *it.process.start_method.get_or_insert("fork");
            Ok(context(it, current))
        }
        Some(Value::Str(ref s)) if known(s).is_some() => {
            let m = known(s).expect("checked");
            Ok(context(it, m))
        }
        Some(other) => Err(no_context(&other, it)),
    }
}

/// A concrete context's `get_start_method()`: its own method, whatever the default context says.
fn fixed_start_method(_: &mut Interp, a: Args) -> R {
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

/// One interpreter's context Process classes by start method.
type ProcessClasses = Rc<RefCell<Vec<(&'static str, Rc<Class>)>>>;

/// The Process class of a start method's context (`ForkProcess`...), made once per interpreter.
/// As in CPython it derives from `BaseProcess`, not from `multiprocessing.Process`.
pub fn process_class_for(method: &'static str) -> Rc<Class> {
    let classes =
        crate::python::builtin_classes::per_interp(&PROCESS_CLASSES, ProcessClasses::default);
    if let Some(c) = classes
        .borrow()
        .iter()
        .find(|(m, _)| *m == method)
        .map(|(_, c)| c.clone())
    {
        return c;
    }
    let name = match method {
        "fork" => "ForkProcess",
        "spawn" => "SpawnProcess",
        _ => "ForkServerProcess",
    };
    let base = super::multiprocessing::base_process_class();
    let mut attrs = Namespace::default();
    attrs.insert(PyStr::from(START_METHOD_ATTR), Value::str(method));
    let cls = exceptions::make_class(name, "multiprocessing.context", vec![base], attrs, None)
        .expect("one base");
    classes.borrow_mut().push((method, cls.clone()));
    cls
}

/// The context object of a start method (`ctx.Pool` passes it as the Pool's `context`).
pub fn context_value(it: &mut Interp, method: &'static str) -> Value {
    context(it, method)
}

/// One interpreter's context objects by start method.
type Contexts = Rc<RefCell<Vec<(&'static str, Value)>>>;

/// The context object of a start method.
fn context(it: &mut Interp, method: &'static str) -> Value {
    let key = method;
    let contexts = crate::python::builtin_classes::per_interp(&CONTEXTS, Contexts::default);
    if let Some(v) = contexts
        .borrow()
        .iter()
        .find(|(m, _)| *m == key)
        .map(|(_, v)| v.clone())
    {
        return v;
    }
    let class_name = match method {
        "fork" => "ForkContext",
        "spawn" => "SpawnContext",
        _ => "ForkServerContext",
    };
    let cls = exceptions::make_class(
        class_name,
        "multiprocessing.context",
        vec![crate::python::builtin_classes::object()],
        Namespace::default(),
        None,
    )
    .expect("one base");
    // A context offers what the module offers (CPython's module functions are the default
    // context's bound methods), with its own Process class and start method.
    let module = match it.modules.get("multiprocessing").cloned() {
        Some(m) => m,
        None => super::multiprocessing::module(it),
    };
    let mut attrs = Namespace::default();
    if let Value::Module(m) = &module {
        for (k, v) in m.attrs.borrow().iter() {
            if !k.starts_with("__") {
                attrs.insert(k.clone(), v.clone());
            }
        }
    }
    {
        let m = method;
        attrs.insert(PyStr::from("Process"), Value::Class(process_class_for(m)));
        attrs.insert(PyStr::from("_name"), Value::str(m));
        attrs.insert(
            PyStr::from("get_start_method"),
            Value::Builtin(Rc::new(Builtin {
                name: PyStr::from("get_start_method"),
                f: fixed_start_method,
                data: Some(Value::str(m)),
                alone: None,
            })),
        );
        attrs.shift_remove("set_start_method");
        // `ctx.Pool(...)` starts its workers by the context's method.
        attrs.insert(
            PyStr::from("Pool"),
            Value::Builtin(Rc::new(Builtin {
                name: PyStr::from("Pool"),
                f: super::pool::context_pool,
                data: Some(Value::str(m)),
                alone: None,
            })),
        );
    }
    let ctx = Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: RefCell::new(attrs),
        native: RefCell::new(None),
    }));
    contexts.borrow_mut().push((key, ctx.clone()));
    ctx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::exceptions::install;

    #[test]
    fn the_contexts_process_classes_derive_from_base_process_not_process() {
        install();
        let base = super::super::multiprocessing::base_process_class();
        let process = super::super::multiprocessing::process_class();
        assert!(process.is_subclass(&base));
        for m in ALL {
            let cls = process_class_for(m);
            assert!(Rc::ptr_eq(&cls, &process_class_for(m)));
            assert!(cls.is_subclass(&base) && !cls.is_subclass(&process));
            assert_eq!(own_start_method(&cls), Some(m));
        }
        assert_eq!(own_start_method(&process), None);
    }
}
