//! `BaseExceptionGroup` and `ExceptionGroup` (3.11): a message and a tuple of exceptions raised
//! together, made with CPython's checks (a `BaseExceptionGroup` of `Exception`s is an
//! `ExceptionGroup`), and `subgroup`/`split` walking the nested groups as CPython's
//! `exceptiongroup_split_recursive` does, rebuilding each partial group with `derive`.

use crate::python::bind::Sig;
use std::rc::Rc;

use super::exceptions::{Exc, ExcKind, instance, type_error, value_error};
use super::interp::Interp;
use super::value::{Args, Instance, Namespace, PyStr, Value};

type R = Result<Value, Exc>;

/// What `BaseExceptionGroup` defines beyond `BaseException`.
pub fn class_attrs() -> Namespace {
    let mut attrs = Namespace::default();
    for (name, f) in [
        ("__new__", new as super::value::NativeFn),
        ("__str__", str_),
        ("derive", derive),
        ("subgroup", subgroup),
        ("split", split),
    ] {
        attrs.insert(PyStr::from(name), Value::builtin(name, f));
    }
    attrs
}

fn is_exception(v: &Value, kind: ExcKind) -> bool {
    matches!(v, Value::Instance(i) if i.class.is_subclass(&kind.class()))
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn new(it: &mut Interp, a: Args) -> R {
    let Some(Value::Class(cls)) = a.pos.first() else {
        return Err(type_error(
            "BaseExceptionGroup.__new__(X): X is not a type object",
        ));
    };
    let mut cls = cls.clone();
    let args = &a.pos[1..];
    if args.len() != 2 || !a.kw.is_empty() {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len() + a.kw.len()
        )));
    }
    if !matches!(args[0], Value::Str(_)) {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            args[0].type_name()
        )));
    }
    let excs = match &args[1] {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ));
        }
    };
    if excs.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    for (i, e) in excs.iter().enumerate() {
        if !is_exception(e, ExcKind::BaseException) {
            return Err(value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
    }
    let all_exceptions = excs.iter().all(|e| is_exception(e, ExcKind::Exception));
    let base = ExcKind::BaseExceptionGroup.class();
    if Rc::ptr_eq(&cls, &base) {
        if all_exceptions {
            cls = ExcKind::ExceptionGroup.class();
        }
    } else if cls.is_subclass(&ExcKind::Exception.class()) && !all_exceptions {
        return Err(type_error(
            "Cannot nest BaseExceptions in an ExceptionGroup",
        ));
    }
    let inst = instance(cls.clone(), args.to_vec());
    {
        let mut attrs = inst.attrs.borrow_mut();
        attrs.insert(PyStr::from("message"), args[0].clone());
        attrs.insert(PyStr::from("exceptions"), Value::tuple(excs));
    }
    let made = Value::Instance(inst);
    // A subclass's own `__init__` runs as after any `__new__` (BaseException's keeps the args).
    if let Some(init @ Value::Function(_)) = cls.lookup("__init__") {
        let f = super::interp::bind(init, &made);
        it.call(&f, Args::new(args.to_vec()))?;
    }
    Ok(made)
}

fn this(a: &Args) -> Result<Rc<Instance>, Exc> {
    match a.pos.first() {
        Some(Value::Instance(i)) if i.class.is_subclass(&ExcKind::BaseExceptionGroup.class()) => {
            Ok(i.clone())
        }
        _ => Err(type_error(
            "descriptor requires a 'BaseExceptionGroup' object",
        )),
    }
}

fn exceptions_of(inst: &Instance) -> Vec<Value> {
    match inst.attrs.borrow().get("exceptions") {
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

/// `str(eg)`: `message (N sub-exceptions)`.
fn str_(it: &mut Interp, a: Args) -> R {
    let inst = this(&a)?;
    let message = match inst.attrs.borrow().get("message") {
        Some(m) => m.clone(),
        None => Value::str(""),
    };
    let n = exceptions_of(&inst).len();
    let s = if n == 1 { "" } else { "s" };
    let message = it.str_of(&message)?;
    Ok(Value::str(&format!("{message} ({n} sub-exception{s})")))
}

/// `eg.derive(excs)`: a group like this one (its message) of other exceptions.
fn derive(it: &mut Interp, a: Args) -> R {
    let inst = this(&a)?;
    if a.pos.len() != 2 || !a.kw.is_empty() {
        return Err(type_error(format!(
            "BaseExceptionGroup.derive() takes exactly one argument ({} given)",
            a.pos.len() - 1 + a.kw.len()
        )));
    }
    let message = inst
        .attrs
        .borrow()
        .get("message")
        .cloned()
        .unwrap_or(Value::None);
    let base = Value::Class(ExcKind::BaseExceptionGroup.class());
    it.call(&base, Args::new(vec![message, a.pos[1].clone()]))
}

/// How `subgroup`/`split` test an exception: by type (or tuple of types), or a predicate.
enum Matcher {
    Types(Value),
    Predicate(Value),
    /// The leaves that are these objects (`except*`'s re-raise of part of a group).
    Leaves(std::collections::HashSet<usize>),
}

fn matcher(it: &mut Interp, cond: &Value) -> Result<Matcher, Exc> {
    let is_exc_type =
        |v: &Value| matches!(v, Value::Class(c) if c.is_subclass(&ExcKind::BaseException.class()));
    match cond {
        v if is_exc_type(v) => Ok(Matcher::Types(v.clone())),
        Value::Tuple(t) if t.iter().all(is_exc_type) => Ok(Matcher::Types(cond.clone())),
        v if !matches!(v, Value::Class(_) | Value::Tuple(_)) && callable(it, v)? => {
            Ok(Matcher::Predicate(v.clone()))
        }
        _ => Err(type_error(
            "expected a function, exception type or tuple of exception types",
        )),
    }
}

fn callable(it: &mut Interp, v: &Value) -> Result<bool, Exc> {
    let f = it.builtins.get("callable").cloned().expect("builtin");
    let r = it.call(&f, Args::new(vec![v.clone()]))?;
    it.truthy(&r)
}

fn matches(it: &mut Interp, m: &Matcher, e: &Value) -> Result<bool, Exc> {
    match m {
        Matcher::Types(t) => {
            let isinstance = it.builtins.get("isinstance").cloned().expect("builtin");
            let r = it.call(&isinstance, Args::new(vec![e.clone(), t.clone()]))?;
            it.truthy(&r)
        }
        Matcher::Predicate(f) => {
            let r = it.call(f, Args::new(vec![e.clone()]))?;
            it.truthy(&r)
        }
        Matcher::Leaves(ids) => Ok(match e {
            Value::Instance(i) => ids.contains(&(Rc::as_ptr(i) as usize)),
            _ => false,
        }),
    }
}

/// The leaf exceptions of `v` (itself if it is not a group), by identity.
pub fn leaf_ids(v: &Value, out: &mut std::collections::HashSet<usize>) {
    let Value::Instance(inst) = v else { return };
    if inst.class.is_subclass(&ExcKind::BaseExceptionGroup.class()) {
        for sub in exceptions_of(inst) {
            leaf_ids(&sub, out);
        }
    } else {
        out.insert(Rc::as_ptr(inst) as usize);
    }
}

/// The part of group `orig` made of the leaves `ids`, shaped as `orig` (CPython's
/// `exception_group_projection`), or None.
pub fn project(it: &mut Interp, orig: &Value, ids: std::collections::HashSet<usize>) -> R {
    let (matched, _) = split_recursive(it, orig, &Matcher::Leaves(ids), false)?;
    Ok(matched)
}

/// The part of `e` that matches, and (if asked) the rest: `None` for an empty part.
fn split_recursive(
    it: &mut Interp,
    e: &Value,
    m: &Matcher,
    rest_too: bool,
) -> Result<(Value, Value), Exc> {
    if matches(it, m, e)? {
        return Ok((e.clone(), Value::None));
    }
    let Value::Instance(inst) = e else {
        return Ok((Value::None, e.clone()));
    };
    if !inst.class.is_subclass(&ExcKind::BaseExceptionGroup.class()) {
        let rest = if rest_too { e.clone() } else { Value::None };
        return Ok((Value::None, rest));
    }
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for sub in exceptions_of(inst) {
        let (mm, rr) = split_recursive(it, &sub, m, rest_too)?;
        if !matches!(mm, Value::None) {
            matched.push(mm);
        }
        if !matches!(rr, Value::None) {
            rest.push(rr);
        }
    }
    let matched = subset(it, inst, e, matched)?;
    let rest = if rest_too {
        subset(it, inst, e, rest)?
    } else {
        Value::None
    };
    Ok((matched, rest))
}

/// `eg.derive(excs)` with the group's cause, context and notes copied, or None for no excs.
fn subset(it: &mut Interp, inst: &Instance, eg: &Value, excs: Vec<Value>) -> R {
    if excs.is_empty() {
        return Ok(Value::None);
    }
    let derive = it.getattr(eg, "derive")?;
    let made = it.call(&derive, Args::new(vec![Value::list(excs)]))?;
    let Value::Instance(new) = &made else {
        return Err(type_error(format!(
            "derive must return an instance of BaseExceptionGroup, not {}",
            made.type_name()
        )));
    };
    for name in [
        "__cause__",
        "__context__",
        "__notes__",
        "__suppress_context__",
    ] {
        if let Some(v) = inst.attrs.borrow().get(name).cloned() {
            new.attrs.borrow_mut().insert(PyStr::from(name), v);
        }
    }
    Ok(made)
}

fn cond_of(a: &Args, method: &str) -> Result<Value, Exc> {
    // `PyArg_UnpackTuple`: counted in the `split expected 1 argument, got 0` form.
    let [cond] = Sig::c_pos(method, "BaseExceptionGroup", &["condition"], 1)
        .counted()
        .method()
        .bind(a)?;
    Ok(cond.cloned().unwrap_or(Value::None))
}

/// `eg.subgroup(cond)`: the exceptions that match, in a group shaped as this one, or None.
fn subgroup(it: &mut Interp, a: Args) -> R {
    let inst = this(&a)?;
    let m = matcher(it, &cond_of(&a, "subgroup")?)?;
    let (matched, _) = split_recursive(it, &Value::Instance(inst), &m, false)?;
    Ok(matched)
}

/// `eg.split(cond)`: `(match, rest)`.
fn split(it: &mut Interp, a: Args) -> R {
    let inst = this(&a)?;
    let m = matcher(it, &cond_of(&a, "split")?)?;
    let (matched, rest) = split_recursive(it, &Value::Instance(inst), &m, true)?;
    Ok(Value::tuple(vec![matched, rest]))
}

/// The widest group CPython draws before it says "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;

/// `text` with every line prefixed as CPython's `_ExceptionPrintContext.emit` prefixes it: the
/// group depth's indent, then a margin character inside a group.
fn emit(text: &str, depth: usize, margin: char) -> String {
    let mut prefix = " ".repeat(2 * depth);
    if depth > 0 {
        prefix.push(margin);
        prefix.push(' ');
    }
    text.split_inclusive('\n')
        .map(|line| format!("{prefix}{line}"))
        .collect()
}

/// The uncaught group `e` as CPython 3.11's `TracebackException.format` draws it: its own
/// traceback and line, then each member in a numbered box one level in (a member's own chain and
/// traceback inside its box), the box closed after the last member. `depth` is the nesting
/// level; `need_close` is CPython's flag that lets an inner group close the outer box.
pub fn format(it: &mut Interp, e: &Exc, depth: usize, need_close: &mut bool) -> String {
    let mut out = String::new();
    let toplevel = depth == 0;
    let depth = if toplevel { 1 } else { depth };
    let stack = it.stack_text(e);
    if !stack.is_empty() {
        let head = "Exception Group Traceback (most recent call last):\n";
        out.push_str(&emit(head, depth, if toplevel { '+' } else { '|' }));
        out.push_str(&emit(&stack, depth, '|'));
    }
    let line = it.exception_line(e);
    out.push_str(&emit(&format!("{line}\n"), depth, '|'));
    let excs = exceptions_of(&e.value);
    let n = excs.len().min(MAX_GROUP_WIDTH + 1);
    *need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            // The closing line may be drawn by a group nested in this member.
            *need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated {
            "...".to_string()
        } else {
            format!("{}", i + 1)
        };
        out.push_str(&format!(
            "{}{}+---------------- {title} ----------------\n",
            " ".repeat(2 * depth),
            if i == 0 { "+-" } else { "  " },
        ));
        let inner = depth + 1;
        if truncated {
            let more = excs.len() - MAX_GROUP_WIDTH;
            let s = if more > 1 { "s" } else { "" };
            out.push_str(&emit(
                &format!("and {more} more exception{s}\n"),
                inner,
                '|',
            ));
        } else if let Value::Instance(sub) = &excs[i] {
            let sub = Exc { value: sub.clone() };
            if sub.is(ExcKind::BaseExceptionGroup) {
                out.push_str(&format(it, &sub, inner, need_close));
            } else {
                let text = it.format_exception(&sub);
                out.push_str(&emit(&text, inner, '|'));
            }
        }
        if last && *need_close {
            out.push_str(&format!(
                "{}+------------------------------------\n",
                " ".repeat(2 * inner)
            ));
            *need_close = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn groups_split_through_nesting() {
        let src = "g = ExceptionGroup('e', [ValueError(1), ExceptionGroup('i', [TypeError(2)])])\n\
                   m, r = g.split(TypeError)\n\
                   print(repr(m), repr(r), str(g), type(BaseExceptionGroup('b', [KeyError()])).__name__)";
        assert_eq!(
            out(src),
            "ExceptionGroup('e', [ExceptionGroup('i', [TypeError(2)])]) \
             ExceptionGroup('e', [ValueError(1)]) e (2 sub-exceptions) ExceptionGroup\n"
        );
    }

    #[test]
    fn except_star_takes_each_part() {
        let src = "try:\n    raise ExceptionGroup('e', [ValueError(1), TypeError(2)])\n\
                   except* ValueError as v:\n    print('v', repr(v))\n\
                   except* TypeError as t:\n    print('t', repr(t))";
        assert_eq!(
            out(src),
            "v ExceptionGroup('e', [ValueError(1)])\nt ExceptionGroup('e', [TypeError(2)])\n"
        );
    }
}
