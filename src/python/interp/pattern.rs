//! `match` statements (PEP 634) as CPython 3.11 runs them: the cases are tried in order; a
//! pattern's captures are stored only once the whole pattern matched (then the guard runs, and a
//! failed guard leaves them bound, as CPython's do); errors are CPython's `TypeError`s and
//! `ValueError`s, on the `case` line.

use std::cell::RefCell;
use std::rc::Rc;

use super::{Frame, Interp};
use crate::python::ast::{CmpOp, MatchCase, Name, Pattern, Singleton};
use crate::python::builtins::type_of;
use crate::python::exceptions::{Exc, ExcKind, type_error};
use crate::python::value::{Args, Class, PyStr, Value};

type R<T> = Result<T, Exc>;

/// The builtin types whose class pattern with one positional sub-pattern matches the subject
/// itself (`case int(n):`), CPython's `_Py_TPFLAGS_MATCH_SELF`.
const MATCH_SELF: [&str; 11] = [
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

impl Interp {
    /// Runs the first case whose pattern matches `subject` and whose guard holds; whether one did.
    pub(super) fn match_cases(
        &mut self,
        subject: &Value,
        cases: &[MatchCase],
        f: &mut Frame,
    ) -> R<Option<usize>> {
        for (i, case) in cases.iter().enumerate() {
            f.line = case.pos.line;
            let mut captured = Vec::new();
            if !self.matches(&case.pattern, subject, &mut captured, f)? {
                continue;
            }
            for (name, v) in captured {
                self.store_name(name, v, f);
            }
            if let Some(g) = &case.guard {
                let ok = self.eval(g, f)?;
                if !self.truthy(&ok)? {
                    continue;
                }
            }
            return Ok(Some(i));
        }
        Ok(None)
    }

    fn matches<'p>(
        &mut self,
        p: &'p Pattern,
        v: &Value,
        captured: &mut Vec<(&'p Name, Value)>,
        f: &mut Frame,
    ) -> R<bool> {
        match p {
            Pattern::Value(e) => {
                let want = self.eval(e, f)?;
                self.compare(CmpOp::Eq, v, &want)
            }
            Pattern::Singleton(s) => Ok(matches!(
                (s, v),
                (Singleton::None, Value::None)
                    | (Singleton::True, Value::Bool(true))
                    | (Singleton::False, Value::Bool(false))
            )),
            Pattern::As { pattern, name } => {
                if let Some(sub) = pattern
                    && !self.matches(sub, v, captured, f)?
                {
                    return Ok(false);
                }
                if let Some(n) = name {
                    captured.push((n, v.clone()));
                }
                Ok(true)
            }
            Pattern::Or(alternatives) => {
                for alt in alternatives {
                    let before = captured.len();
                    if self.matches(alt, v, captured, f)? {
                        return Ok(true);
                    }
                    captured.truncate(before);
                }
                Ok(false)
            }
            // The parser allows a star only as an item of a sequence pattern, which matches it.
            Pattern::Star(_) => Err(Exc::new(
                ExcKind::RuntimeError,
                "a star pattern outside a sequence pattern",
            )),
            Pattern::Sequence(items) => self.match_sequence(items, v, captured, f),
            Pattern::Mapping {
                keys,
                patterns,
                rest,
            } => {
                if !self.is_mapping(v) {
                    return Ok(false);
                }
                // Fewer items than keys cannot match: CPython looks no further (no key is
                // evaluated for duplicates then).
                let len = self.builtin("len")?;
                if let Value::Int(n) = self.call(&len, Args::new(vec![v.clone()]))?
                    && (n as usize) < keys.len()
                {
                    return Ok(false);
                }
                let mut wanted = Vec::with_capacity(keys.len());
                for k in keys {
                    let key = self.eval(k, f)?;
                    for seen in &wanted {
                        if self.compare(CmpOp::Eq, seen, &key)? {
                            let shown = self.repr(&key)?;
                            return Err(Exc::new(
                                ExcKind::ValueError,
                                format!("mapping pattern checks duplicate key ({shown})"),
                            ));
                        }
                    }
                    wanted.push(key);
                }
                // CPython asks the subject's `get` with a marker default (a `__missing__` is
                // never called).
                let get = self.getattr(v, "get")?;
                let marker = Value::List(Rc::new(RefCell::new(Vec::new())));
                for (key, sub) in wanted.iter().zip(patterns) {
                    let got = self.call(&get, Args::new(vec![key.clone(), marker.clone()]))?;
                    if matches!((&got, &marker), (Value::List(a), Value::List(b)) if Rc::ptr_eq(a, b))
                    {
                        return Ok(false);
                    }
                    if !self.matches(sub, &got, captured, f)? {
                        return Ok(false);
                    }
                }
                if let Some(name) = rest {
                    let dict = self.builtin("dict")?;
                    let copy = self.call(&dict, Args::new(vec![v.clone()]))?;
                    let pop = self.getattr(&copy, "pop")?;
                    for key in wanted {
                        self.call(&pop, Args::new(vec![key]))?;
                    }
                    captured.push((name, copy));
                }
                Ok(true)
            }
            Pattern::Class {
                cls,
                args,
                kwd_names,
                kwd_patterns,
            } => self.match_class(cls, args, kwd_names, kwd_patterns, v, captured, f),
        }
    }

    fn match_sequence<'p>(
        &mut self,
        items: &'p [Pattern],
        v: &Value,
        captured: &mut Vec<(&'p Name, Value)>,
        f: &mut Frame,
    ) -> R<bool> {
        if !self.is_sequence(v) {
            return Ok(false);
        }
        let len = self.builtin("len")?;
        let n = match self.call(&len, Args::new(vec![v.clone()]))? {
            Value::Int(n) => n as usize,
            _ => return Ok(false),
        };
        let star = items.iter().position(|p| matches!(p, Pattern::Star(_)));
        let fixed = items.len() - usize::from(star.is_some());
        if (star.is_none() && n != fixed) || n < fixed {
            return Ok(false);
        }
        let it = self.iter(v)?;
        let mut values = Vec::with_capacity(n);
        while let Some(x) = self.next(&it)? {
            values.push(x);
        }
        if values.len() != n {
            return Ok(false);
        }
        let after = star.map_or(0, |s| items.len() - s - 1);
        for (i, p) in items.iter().enumerate() {
            match (p, star) {
                (Pattern::Star(name), Some(s)) => {
                    let middle = values[s..n - after].to_vec();
                    if let Some(name) = name {
                        captured.push((name, Value::List(Rc::new(RefCell::new(middle)))));
                    }
                }
                (p, Some(s)) if i > s => {
                    let x = values[n - (items.len() - i)].clone();
                    if !self.matches(p, &x, captured, f)? {
                        return Ok(false);
                    }
                }
                (p, _) => {
                    let x = values[i].clone();
                    if !self.matches(p, &x, captured, f)? {
                        return Ok(false);
                    }
                }
            }
        }
        Ok(true)
    }

    #[allow(clippy::too_many_arguments)]
    fn match_class<'p>(
        &mut self,
        cls: &crate::python::ast::Expr,
        args: &'p [Pattern],
        kwd_names: &[PyStr],
        kwd_patterns: &'p [Pattern],
        v: &Value,
        captured: &mut Vec<(&'p Name, Value)>,
        f: &mut Frame,
    ) -> R<bool> {
        let c = self.eval(cls, f)?;
        let Value::Class(class) = &c else {
            return Err(type_error("called match pattern must be a type"));
        };
        let isinstance = self.builtin("isinstance")?;
        let is = self.call(&isinstance, Args::new(vec![v.clone(), c.clone()]))?;
        if !self.truthy(&is)? {
            return Ok(false);
        }
        let mut names: Vec<PyStr> = Vec::new();
        if !args.is_empty() {
            let match_args = match self.getattr(&c, "__match_args__") {
                Ok(m) => Some(m),
                Err(e) if e.is(ExcKind::AttributeError) => None,
                Err(e) => return Err(e),
            };
            match &match_args {
                Some(Value::Tuple(t)) => {
                    if args.len() > t.len() {
                        return Err(accepts(class, t.len(), args.len()));
                    }
                    for a in t.iter().take(args.len()) {
                        match a {
                            Value::Str(s) => names.push(s.clone()),
                            other => {
                                return Err(type_error(format!(
                                    "__match_args__ elements must be strings (got {})",
                                    other.type_name()
                                )));
                            }
                        }
                    }
                }
                Some(other) => {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        class.name,
                        other.type_name()
                    )));
                }
                None if self.matches_self(class) => {
                    if args.len() > 1 {
                        return Err(accepts(class, 1, args.len()));
                    }
                    if !self.matches(&args[0], v, captured, f)? {
                        return Ok(false);
                    }
                }
                None => return Err(accepts(class, 0, args.len())),
            }
        }
        names.extend(kwd_names.iter().cloned());
        for (i, n) in names.iter().enumerate() {
            if names[..i].contains(n) {
                return Err(type_error(format!(
                    "{}() got multiple sub-patterns for attribute '{n}'",
                    class.name
                )));
            }
        }
        let subpatterns = args
            .iter()
            .take(names.len() - kwd_names.len())
            .chain(kwd_patterns);
        for (name, p) in names.iter().zip(subpatterns) {
            let attr = match self.getattr(v, name) {
                Ok(a) => a,
                Err(e) if e.is(ExcKind::AttributeError) => return Ok(false),
                Err(e) => return Err(e),
            };
            if !self.matches(p, &attr, captured, f)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// A builtin function by name (the program may shadow it; the pattern machinery may not).
    fn builtin(&self, name: &str) -> R<Value> {
        self.builtins
            .get(name)
            .cloned()
            .ok_or_else(|| type_error(format!("builtin {name} is missing")))
    }

    fn builtin_class(&self, name: &str) -> Option<Rc<Class>> {
        match self.builtins.get(name) {
            Some(Value::Class(c)) => Some(c.clone()),
            _ => None,
        }
    }

    fn derives(&self, class: &Class, names: &[&str]) -> bool {
        names
            .iter()
            .filter_map(|n| self.builtin_class(n))
            .any(|b| class.is_subclass(&b))
    }

    /// CPython's `Py_TPFLAGS_SEQUENCE`: list, tuple, range, memoryview, `collections.deque` and
    /// what derives from them or from `collections.abc.Sequence` — never str, bytes or bytearray.
    fn is_sequence(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
            Value::Str(_) | Value::Bytes(_) | Value::Dict(_) => false,
            _ => {
                let class = type_of(v);
                if self.derives(&class, &["str", "bytes", "bytearray"]) {
                    return false;
                }
                self.derives(&class, &["list", "tuple", "range", "memoryview"])
                    || class.mro.borrow().iter().any(|c| {
                        (&*c.name == "deque" && &*c.module == "collections")
                            || (matches!(&*c.name, "Sequence" | "MutableSequence")
                                && &*c.module == "collections.abc")
                    })
            }
        }
    }

    /// CPython's `Py_TPFLAGS_MAPPING`: dict and what derives from it or from
    /// `collections.abc.Mapping`.
    fn is_mapping(&self, v: &Value) -> bool {
        match v {
            Value::Dict(_) => true,
            Value::Instance(_) => {
                let class = type_of(v);
                self.derives(&class, &["dict"])
                    || class.mro.borrow().iter().any(|c| {
                        matches!(&*c.name, "Mapping" | "MutableMapping")
                            && &*c.module == "collections.abc"
                    })
            }
            _ => false,
        }
    }

    fn matches_self(&self, class: &Class) -> bool {
        self.derives(class, &MATCH_SELF)
    }
}

/// `Point() accepts 2 positional sub-patterns (3 given)`.
fn accepts(class: &Class, n: usize, given: usize) -> Exc {
    type_error(format!(
        "{}() accepts {n} positional sub-pattern{} ({given} given)",
        class.name,
        if n == 1 { "" } else { "s" }
    ))
}
