//! Passing a task's function by name, as pickle does: `func_ref` turns a callable into what
//! travels in a task message (functions and classes by name, a module's builtin as `(module,
//! name)`, a bound method as its object and name), `resolve_func` turns it back in the worker,
//! and `describe` names the call for the timeline (`f(3)`, `f over 4 items (chunk 0)`).
//!
//! `scheduler.rs` (`submit`) uses `func_ref` and `describe`; `worker.rs` uses `resolve_func`.

use super::R;
use super::scheduler::Mode;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::Value;

pub(super) fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

/// A callable as it travels to a worker: functions and classes by name (as pickle does); builtins of
/// a module (`os.getpid`, `time.sleep`) as `(module, name)`.
pub(super) fn func_ref(it: &mut Interp, f: &Value) -> Result<Value, Exc> {
    if let Value::Builtin(b) = f
        && b.data.is_none()
    {
        for (mname, m) in it.modules.clone() {
            if let Value::Module(module) = &m
                && module.attrs.borrow().get(&*b.name).is_some_and(|x| x.is(f))
            {
                return Ok(Value::tuple(vec![
                    Value::str("__forkyard_module_attr__"),
                    Value::Str(mname),
                    Value::Str(b.name.clone()),
                ]));
            }
        }
    }
    // A bound method (`obj.method`), as pickle sends it: its object, and the name to look up on it.
    if let Value::BoundMethod(m) = f {
        let name = match &m.func {
            Value::Function(func) => Some(func.def.name.to_string()),
            Value::Builtin(b) => Some(b.name.to_string()),
            _ => None,
        };
        if let Some(name) = name {
            return Ok(Value::tuple(vec![
                Value::str("__forkyard_bound_method__"),
                m.this.clone(),
                Value::str(&name),
            ]));
        }
    }
    // A method of a builtin type looked up on the type (`str.upper`), as pickle sends it: by name.
    if let Some((tn, name)) = crate::python::methods::unbound_method_of(f) {
        return Ok(Value::tuple(vec![
            Value::str("__forkyard_type_attr__"),
            Value::Str(tn),
            Value::Str(name),
        ]));
    }
    if !is_callable(f) {
        return Err(type_error(format!(
            "'{}' object is not callable",
            f.type_name()
        )));
    }
    Ok(f.clone())
}

pub(super) fn resolve_func(it: &mut Interp, f: Value) -> R {
    if let Value::Tuple(t) = &f
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == "__forkyard_module_attr__")
    {
        let (Value::Str(m), Value::Str(n)) = (&t[1], &t[2]) else {
            return Ok(f);
        };
        let module = crate::python::modules::import(it, m)?;
        return it.getattr(&module, n);
    }
    if let Value::Tuple(t) = &f
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == "__forkyard_bound_method__")
        && let Value::Str(n) = &t[2]
    {
        return it.getattr(&t[1], n);
    }
    if let Value::Tuple(t) = &f
        && t.len() == 3
        && matches!(&t[0], Value::Str(s) if &**s == "__forkyard_type_attr__")
        && let (Value::Str(tn), Value::Str(n)) = (&t[1], &t[2])
        && let Some(m) = crate::python::methods::on_type(tn, n)
    {
        return Ok(m);
    }
    Ok(f)
}

/// The most characters of one argument's repr a trace record shows.
const DETAIL_CHARS: usize = 40;

/// `f(3)`, `f(1, 2)`, `f([3 items])`: what a task runs, for the timeline.
pub(super) fn describe(
    it: &mut Interp,
    func: &Value,
    mode: Mode,
    chunk: &[Value],
    i: usize,
) -> String {
    let name = match func {
        Value::Function(f) => f.def.name.to_string(),
        Value::Builtin(b) => b.name.to_string(),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => f.def.name.to_string(),
            Value::Builtin(b) => b.name.to_string(),
            other => other.type_name().to_string(),
        },
        Value::Class(c) => c.name.to_string(),
        other => other.type_name().to_string(),
    };
    // Arguments as the timeline shows them: short (a 3 MB string argument must not become 3 MB
    // of trace in every record of its task).
    let show = |it: &mut Interp, v: &Value| {
        let text = it.repr(v).unwrap_or_default();
        match text.char_indices().nth(DETAIL_CHARS) {
            Some((at, _)) => format!("{}...", &text[..at]),
            None => text,
        }
    };
    match mode {
        Mode::Apply => {
            let args = match chunk.first() {
                Some(v) => it.collect(v).unwrap_or_default(),
                None => vec![],
            };
            let parts: Vec<String> = args.iter().map(|a| show(it, a)).collect();
            format!("{name}({})", parts.join(", "))
        }
        _ if chunk.len() == 1 => format!("{name}({}) [item {i}]", show(it, &chunk[0])),
        _ => format!("{name} over {} items (chunk {i})", chunk.len()),
    }
}
