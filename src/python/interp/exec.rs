//! Statements.

use crate::python::exceptions::ExcKind;
use crate::python::value::PyStr;
use std::rc::Rc;

use super::super::ast::*;
use super::super::exceptions::{Exc, type_error};
use super::super::inline_cache::AttrCache;
use super::super::value::*;
use super::{Frame, Interp};

/// Why a block stopped early.
pub enum Unwind {
    Exc(Exc),
    /// A `return`; its value is the frame's `returned`.
    Return,
    Break,
    Continue,
}

impl From<Exc> for Unwind {
    fn from(e: Exc) -> Unwind {
        Unwind::Exc(e)
    }
}

type Flow = Result<(), Unwind>;

impl Interp {
    pub fn exec_block(&mut self, body: &[Stmt], f: &mut Frame) -> Flow {
        for s in body {
            self.exec(s, f)?;
        }
        Ok(())
    }

    /// Run one statement. The first statement of a frame that an exception leaves adds the frame's
    /// line to the traceback (so a `finally` or `except` that runs later does not move it).
    fn exec(&mut self, s: &Stmt, f: &mut Frame) -> Flow {
        let r = self.exec_stmt(s, f);
        if let Err(Unwind::Exc(e)) = &r {
            e.push_tb_once(self.tb_entry(f), std::ptr::from_ref(f) as usize);
        }
        r
    }

    fn exec_stmt(&mut self, s: &Stmt, f: &mut Frame) -> Flow {
        // Before the line moves on: a generator dropped by the statement just run is closed as if
        // from that statement (CPython's "Exception ignored in" traceback names it).
        if super::generator::orphans_pending() {
            let at = self.tb_entry(f);
            self.close_orphans(Some(at));
        }
        f.line = s.pos.line;
        self.step()?;
        // Python signal handlers run between statements, as CPython runs them between bytecodes.
        if crate::runtime::signals::any_pending() {
            crate::python::modules::signal::run_pending(self)?;
        }
        // Only the learner's own lines are published: a library module's statements (its globals
        // are not the program's) run under the learner's line that called them.
        if Rc::ptr_eq(&f.globals, &self.globals) {
            // `logging` names the learner's line that called it (a record's `lineno`), once it
            // has been imported.
            if self.callers.on {
                self.callers.statement(self.depth, s.pos.line, &f.name);
            }
            if let Some(h) = self.hook {
                h(s.pos);
            }
        } else if self.callers.on {
            self.callers.library_statement(self.depth);
        }
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e, f)?;
            }
            StmtKind::Assign { targets, value } => {
                let v = self.quick(value, f)?;
                // One target (nearly every assignment) takes the value itself, not a copy.
                if let [t] = &targets[..] {
                    self.assign(t, v, f)?;
                } else {
                    for t in targets {
                        self.assign(t, v.clone(), f)?;
                    }
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value, f)?,
            StmtKind::ClassAnnotation {
                name,
                annotation,
                assign,
            } => self.class_annotation(name, annotation, assign.as_ref(), f)?,
            StmtKind::If { test, body, orelse } => {
                if self.condition(test, f)? {
                    self.exec_block(body, f)?;
                } else {
                    self.exec_block(orelse, f)?;
                }
            }
            StmtKind::While { test, body, orelse } => loop {
                f.line = s.pos.line;
                if !self.condition(test, f)? {
                    self.exec_block(orelse, f)?;
                    break;
                }
                match self.exec_block(body, f) {
                    Ok(()) | Err(Unwind::Continue) => {}
                    Err(Unwind::Break) => break,
                    Err(other) => return Err(other),
                }
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let iterable = self.eval(iter, f)?;
                let it = self.iter(&iterable)?;
                loop {
                    f.line = s.pos.line;
                    // `for i in range(...)` into a name: the int is stored where it is made.
                    // Through `next` it came back in memory and `assign` read it back 16 bytes at
                    // a time right after it was written 8 at a time, a stall perf put on half of
                    // `store_name`'s samples.
                    if let Target::Name(n) = target
                        && let Some(step) = range_step(&it)
                    {
                        let Some(i) = step else {
                            self.exec_block(orelse, f)?;
                            break;
                        };
                        self.store_name(n, Value::Int(i), f);
                    } else {
                        let Some(v) = self.next(&it)? else {
                            self.exec_block(orelse, f)?;
                            break;
                        };
                        self.assign(target, v, f)?;
                    }
                    match self.exec_block(body, f) {
                        Ok(()) | Err(Unwind::Continue) => {}
                        Err(Unwind::Break) => break,
                        Err(other) => return Err(other),
                    }
                }
            }
            StmtKind::Match { subject, cases } => {
                let v = self.eval(subject, f)?;
                if let Some(i) = self.match_cases(&v, cases, f)? {
                    self.exec_block(&cases[i].body, f)?;
                }
            }
            StmtKind::Break => return Err(Unwind::Break),
            StmtKind::Continue => return Err(Unwind::Continue),
            StmtKind::Pass => {}
            StmtKind::Return(v) => {
                f.returned = match v {
                    Some(e) => self.quick(e, f)?,
                    None => Value::None,
                };
                return Err(Unwind::Return);
            }
            StmtKind::FunctionDef {
                def,
                decorators,
                target,
            } => self.define(decorators, target, f, |it, f| it.make_function(def, f))?,
            StmtKind::ClassDef {
                def,
                decorators,
                target,
            } => self.define(decorators, target, f, |it, f| it.make_class(def, f))?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                star,
            } => {
                let result = match self.exec_block(body, f) {
                    Ok(()) => self.exec_block(orelse, f),
                    Err(Unwind::Exc(e)) if *star => self.handle_star(e, handlers, f),
                    Err(Unwind::Exc(e)) => self.handle(e, handlers, f),
                    Err(other) => Err(other),
                };
                if !finalbody.is_empty() {
                    if let Err(Unwind::Exc(e)) = &result {
                        self.handling.push(e.clone());
                    }
                    let fin = self.exec_block(finalbody, f);
                    if let Err(Unwind::Exc(_)) = &result {
                        self.handling.pop();
                    }
                    fin?;
                }
                result?;
            }
            StmtKind::Raise { exc, cause } => {
                return Err(self.raise(exc.as_ref(), cause.as_ref(), f)?.into());
            }
            StmtKind::With { items, body } => return self.with(items, body, f),
            StmtKind::AsyncWith { items, body } => return self.async_with(items, body, f),
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
            } => {
                let iterable = self.eval(iter, f)?;
                let it = self.async_iter(&iterable)?;
                loop {
                    f.line = s.pos.line;
                    let Some(v) = self.async_next(&it)? else {
                        self.exec_block(orelse, f)?;
                        break;
                    };
                    self.assign(target, v, f)?;
                    match self.exec_block(body, f) {
                        Ok(()) | Err(Unwind::Continue) => {}
                        Err(Unwind::Break) => break,
                        Err(other) => return Err(other),
                    }
                }
            }
            StmtKind::Assert { test, msg } => {
                let t = self.eval(test, f)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(m, f)?],
                        None => vec![],
                    };
                    return Err(Exc::with_args(ExcKind::AssertionError, args).into());
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t, f)?;
                }
            }
            StmtKind::Import {
                module,
                target,
                bind_top,
            } => {
                let m = super::super::modules::import(self, module)?;
                let v = if *bind_top {
                    let top = module.split('.').next().unwrap_or(module);
                    super::super::modules::import(self, top)?
                } else {
                    m
                };
                self.store(&target.at, v, f);
            }
            StmtKind::ImportStar { module } => {
                let m = super::super::modules::import(self, module)?;
                for (name, v) in self.public_names(&m, module)? {
                    self.store(&NameRef::Global(name), v, f);
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let m = super::super::modules::import(self, module)?;
                for (name, target) in names {
                    let v = match self.getattr_opt(&m, name)? {
                        Some(v) => v,
                        None => {
                            let sub = format!("{module}.{name}");
                            match super::super::modules::import(self, &sub) {
                                Ok(v) => v,
                                Err(_) => {
                                    return Err(Exc::new(
                                        ExcKind::ImportError,
                                        format!("cannot import name '{name}' from '{module}'"),
                                    )
                                    .into());
                                }
                            }
                        }
                    };
                    self.store(&target.at, v, f);
                }
            }
        }
        Ok(())
    }

    /// `def` and `class`: evaluate the decorators (top to bottom), make the object, apply the
    /// decorators (bottom to top), bind the name.
    fn define(
        &mut self,
        decorators: &[Expr],
        target: &Name,
        f: &mut Frame,
        make: impl FnOnce(&mut Interp, &mut Frame) -> Result<Value, Exc>,
    ) -> Result<(), Exc> {
        let decos = decorators
            .iter()
            .map(|d| self.eval(d, f))
            .collect::<Result<Vec<_>, _>>()?;
        let mut v = make(self, f)?;
        for d in decos.iter().rev() {
            v = self.call(d, Args::new(vec![v]))?;
        }
        self.store(&target.at, v, f);
        Ok(())
    }

    fn handle(&mut self, e: Exc, handlers: &[Handler], f: &mut Frame) -> Flow {
        for h in handlers {
            let matches = match &h.kind {
                None => true,
                Some(k) => {
                    let kv = self.eval(k, f)?;
                    self.exception_matches(&e, &kv)?
                }
            };
            if !matches {
                continue;
            }
            f.line = h.pos.line;
            if let Some(n) = &h.name {
                self.store(&n.at, Value::Instance(e.value.clone()), f);
            }
            self.handling.push(e.clone());
            let r = self.exec_block(&h.body, f);
            self.handling.pop();
            if let Some(n) = &h.name {
                self.unstore(&n.at, f);
            }
            if let Err(Unwind::Exc(new)) = &r {
                set_context(new, &e);
            }
            return r;
        }
        Err(Unwind::Exc(e))
    }

    /// Whether `e` matches an `except` clause's class or tuple of classes.
    pub fn exception_matches(&mut self, e: &Exc, kind: &Value) -> Result<bool, Exc> {
        match kind {
            Value::Class(c) => {
                if !c.is_subclass(&ExcKind::BaseException.class()) {
                    return Err(type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(e.value.class.is_subclass(c))
            }
            Value::Tuple(t) => {
                for k in t.iter() {
                    if self.exception_matches(e, k)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn raise(
        &mut self,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
        f: &mut Frame,
    ) -> Result<Exc, Unwind> {
        let Some(exc) = exc else {
            return match self.handling.last() {
                Some(e) => Ok(e.clone()),
                None => Ok(Exc::new(
                    ExcKind::RuntimeError,
                    "No active exception to reraise",
                )),
            };
        };
        let v = self.eval(exc, f)?;
        let e = self.to_exception(v)?;
        if let Some(c) = cause {
            let cv = self.eval(c, f)?;
            let cause_v = match cv {
                Value::None => Value::None,
                other => Value::Instance(self.to_exception(other)?.value),
            };
            e.value
                .attrs
                .borrow_mut()
                .insert(PyStr::from("__cause__"), cause_v);
            e.value
                .attrs
                .borrow_mut()
                .insert(PyStr::from("__suppress_context__"), Value::Bool(true));
        }
        if let Some(h) = self.handling.last() {
            set_context(&e, h);
        }
        Ok(e)
    }

    /// A raised value as an exception: an instance, or a class called with no arguments.
    pub fn to_exception(&mut self, v: Value) -> Result<Exc, Exc> {
        let base = ExcKind::BaseException.class();
        match &v {
            Value::Instance(i) if i.class.is_subclass(&base) => Ok(Exc { value: i.clone() }),
            Value::Class(c) if c.is_subclass(&base) => match self.call(&v, Args::default())? {
                Value::Instance(ref i) => Ok(Exc { value: i.clone() }),
                _ => Err(type_error("exceptions must derive from BaseException")),
            },
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    fn with(&mut self, items: &[(Expr, Option<Target>)], body: &[Stmt], f: &mut Frame) -> Flow {
        let Some(((expr, target), rest)) = items.split_first() else {
            return self.exec_block(body, f);
        };
        // CPython puts the `__exit__` call of a normal exit on the `with` line.
        let with_line = f.line;
        let mgr = self.eval(expr, f)?;
        let enter = self.special_method(&mgr, "__enter__")?;
        let exit = self.special_method(&mgr, "__exit__")?;
        let entered = self.call(&enter, Args::default())?;
        if let Some(t) = target {
            self.assign(t, entered, f)?;
        }
        let r = self.with(rest, body, f);
        match r {
            Err(Unwind::Exc(e)) => {
                let args = vec![
                    Value::Class(e.value.class.clone()),
                    Value::Instance(e.value.clone()),
                    Value::None,
                ];
                self.handling.push(e.clone());
                let res = self.call(&exit, Args::new(args));
                self.handling.pop();
                let suppress = res?;
                if self.truthy(&suppress)? {
                    Ok(())
                } else {
                    Err(Unwind::Exc(e))
                }
            }
            other => {
                f.line = with_line;
                self.call(
                    &exit,
                    Args::new(vec![Value::None, Value::None, Value::None]),
                )?;
                other
            }
        }
    }

    /// `async with`: as `with`, with `__aenter__`/`__aexit__`'s results awaited.
    fn async_with(
        &mut self,
        items: &[(Expr, Option<Target>)],
        body: &[Stmt],
        f: &mut Frame,
    ) -> Flow {
        let Some(((expr, target), rest)) = items.split_first() else {
            return self.exec_block(body, f);
        };
        let with_line = f.line;
        let mgr = self.eval(expr, f)?;
        let enter = self.async_special(
            &mgr,
            "__aenter__",
            "async with",
            "asynchronous context manager",
        )?;
        let exit = self.async_special(
            &mgr,
            "__aexit__",
            "async with",
            "asynchronous context manager",
        )?;
        let entering = self.call(&enter, Args::default())?;
        let entered = self.await_value(&entering)?;
        if let Some(t) = target {
            self.assign(t, entered, f)?;
        }
        let r = self.async_with(rest, body, f);
        match r {
            Err(Unwind::Exc(e)) => {
                let args = vec![
                    Value::Class(e.value.class.clone()),
                    Value::Instance(e.value.clone()),
                    Value::None,
                ];
                self.handling.push(e.clone());
                let res = self
                    .call(&exit, Args::new(args))
                    .and_then(|x| self.await_value(&x));
                self.handling.pop();
                if self.truthy(&res?)? {
                    Ok(())
                } else {
                    Err(Unwind::Exc(e))
                }
            }
            other => {
                f.line = with_line;
                let x = self.call(
                    &exit,
                    Args::new(vec![Value::None, Value::None, Value::None]),
                )?;
                self.await_value(&x)?;
                other
            }
        }
    }

    /// `async for`'s first step: the async iterator of `iterable` (`type(x).__aiter__(x)`).
    pub(crate) fn async_iter(&mut self, iterable: &Value) -> Result<Value, Exc> {
        let aiter = self.async_special(iterable, "__aiter__", "async for", "__aiter__")?;
        self.call(&aiter, Args::default())
    }

    /// `async for`'s next item: `await it.__anext__()`, `None` where it raises
    /// `StopAsyncIteration` (the loop's end). Used by the statement, the comprehensions and the
    /// asynchronous generator expressions alike.
    pub(crate) fn async_next(&mut self, it: &Value) -> Result<Option<Value>, Exc> {
        let anext = self.async_special(it, "__anext__", "async for", "__anext__")?;
        let awaitable = self.call(&anext, Args::default())?;
        match self.await_value(&awaitable) {
            Ok(x) => Ok(Some(x)),
            Err(e) if e.is(ExcKind::StopAsyncIteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A method of `async with`/`async for` looked up on the type, with CPython 3.11's TypeError
    /// when the type has none.
    pub(crate) fn async_special(
        &mut self,
        obj: &Value,
        name: &str,
        stmt: &str,
        protocol: &str,
    ) -> Result<Value, Exc> {
        let found = match obj {
            Value::Instance(i) => i.class.lookup(name).map(|m| super::bind(m, obj)),
            // An async generator's own methods.
            _ => self.getattr_opt(obj, name)?,
        };
        found.ok_or_else(|| {
            let t = obj.type_name();
            type_error(if protocol.starts_with("__") {
                let what = if name == "__aiter__" {
                    "requires an object with __aiter__ method"
                } else {
                    "received an object from __aiter__ that does not implement __anext__"
                };
                format!("'{stmt}' {what}, got {t}")
            } else {
                format!("'{t}' object does not support the {protocol} protocol")
            })
        })
    }

    /// A special method looked up on the type, bound to the object (as `with` and operators do).
    pub fn special_method(&mut self, obj: &Value, name: &str) -> Result<Value, Exc> {
        let found = match obj {
            Value::Instance(i) => i.class.lookup(name).map(|m| super::bind(m, obj)),
            _ => self.getattr_opt(obj, name)?,
        };
        found.ok_or_else(|| {
            let what = if name == "__enter__" || name == "__exit__" {
                format!(
                    "'{}' object does not support the context manager protocol",
                    obj.type_name()
                )
            } else {
                format!("'{}' object has no attribute '{}'", obj.type_name(), name)
            };
            type_error(what)
        })
    }

    fn aug_assign(
        &mut self,
        target: &Target,
        op: BinOp,
        value: &Expr,
        f: &mut Frame,
    ) -> Result<(), Exc> {
        match target {
            Target::Name(n) => {
                // `s += i` on small ints: the sum made and stored here, in registers (see `quick`).
                if let BinOp::Add | BinOp::Sub = op
                    && let Some(x) = super::eval::name_int(n, f)
                    && let Some(y) = super::eval::leaf_int(value, f)
                    && let Some(v) = match op {
                        BinOp::Add => x.checked_add(y),
                        _ => x.checked_sub(y),
                    }
                {
                    self.store_name(n, Value::Int(v), f);
                    return Ok(());
                }
                let cur = self.load(n, f)?;
                let rhs = self.eval(value, f)?;
                let v = self.inplace(op, cur, rhs)?;
                self.store_name(n, v, f);
            }
            Target::Attr(obj, name, cache) => {
                let o = self.eval(obj, f)?;
                let cached = match &o {
                    Value::Instance(inst) => cache.read(inst, name),
                    _ => None,
                };
                let cur = match cached {
                    Some(v) => v,
                    None => self.getattr(&o, name)?,
                };
                let rhs = self.eval(value, f)?;
                let v = self.inplace(op, cur, rhs)?;
                self.store_attr(&o, name, cache, v)?;
            }
            Target::Subscript(obj, idx) => {
                let o = self.eval(obj, f)?;
                let i = self.eval(idx, f)?;
                let cur = self.getitem(&o, &i)?;
                let rhs = self.eval(value, f)?;
                let v = self.inplace(op, cur, rhs)?;
                self.setitem(&o, i, v)?;
            }
            Target::Unpack(..) => {
                return Err(type_error("illegal expression for augmented assignment"));
            }
        }
        Ok(())
    }

    /// `a op= b`: lists extend in place, everything else rebinds.
    fn inplace(&mut self, op: BinOp, cur: Value, rhs: Value) -> Result<Value, Exc> {
        // The common case first, as for `a + b`: small-int `+=`/`-=` without the general path
        // (an overflow falls through to it).
        if let (Value::Int(x), Value::Int(y)) = (&cur, &rhs) {
            let small = match op {
                BinOp::Add => x.checked_add(*y),
                BinOp::Sub => x.checked_sub(*y),
                _ => None,
            };
            if let Some(v) = small {
                std::mem::forget(cur);
                std::mem::forget(rhs);
                return Ok(Value::Int(v));
            }
        }
        if let (BinOp::Add, Value::List(l)) = (op, &cur) {
            // `list_extend`, allocating as CPython does (python/sizeof.rs).
            let hint = crate::python::sizeof::length_hint(&rhs);
            let items = self.collect(&rhs)?;
            crate::python::sizeof::list_extend(&mut l.borrow_mut(), items, hint)?;
            return Ok(cur);
        }
        // `l *= n` repeats `l` in place, as CPython's `list_inplace_repeat`.
        if let (BinOp::Mul, Value::List(l), Value::Int(_) | Value::Bool(_)) = (op, &cur, &rhs) {
            let n = match rhs {
                Value::Bool(b) => b as i64,
                Value::Int(n) => n,
                _ => 0,
            };
            crate::python::sizeof::list_repeat_in_place(&mut l.borrow_mut(), n)?;
            return Ok(cur);
        }
        if let Value::Instance(i) = &cur {
            let name = format!("__i{}", &super::super::ops::dunder(op)[2..]);
            if let Some(m) = i.class.lookup(&name) {
                return self.call(&super::bind(m, &cur), Args::new(vec![rhs]));
            }
        }
        self.binop(op, &cur, &rhs)
    }

    /// `obj.name = v` at a site with a cache: straight into the instance's namespace when the
    /// cache says nothing (a property, a native attribute) takes the store.
    fn store_attr(
        &mut self,
        o: &Value,
        name: &PyStr,
        cache: &AttrCache,
        v: Value,
    ) -> Result<(), Exc> {
        match o {
            Value::Instance(inst) => match cache.write(inst, name, v) {
                Ok(()) => Ok(()),
                Err(v) => self.setattr(o, name, v),
            },
            _ => self.setattr(o, name, v),
        }
    }

    /// Store into an assignment target.
    pub fn assign(&mut self, t: &Target, v: Value, f: &mut Frame) -> Result<(), Exc> {
        let v = super::eval::settle_value(v);
        match t {
            Target::Name(n) => {
                self.store_name(n, v, f);
                Ok(())
            }
            Target::Attr(obj, name, cache) => {
                // `self.n = v`: the instance borrowed from the frame, not cloned.
                let v = match super::eval::local_instance(obj, f) {
                    Some(inst) => match cache.write(inst, name, v) {
                        Ok(()) => return Ok(()),
                        Err(v) => v,
                    },
                    None => v,
                };
                let o = self.quick(obj, f)?;
                self.store_attr(&o, name, cache, v)
            }
            Target::Subscript(obj, idx) => {
                let o = self.eval(obj, f)?;
                let i = self.eval(idx, f)?;
                self.setitem(&o, i, v)
            }
            // A tuple of the targets' number (`for k, v in d.items()`): its items assigned from
            // where they are, with no vector of them first.
            Target::Unpack(targets, None)
                if let Value::Tuple(items) = &v
                    && items.len() == targets.len() =>
            {
                for (t, x) in targets.iter().zip(items.iter()) {
                    self.assign(t, x.clone(), f)?;
                }
                Ok(())
            }
            Target::Unpack(targets, star) => {
                let items = self.collect(&v).map_err(|e| {
                    if e.is(ExcKind::TypeError) && !matches!(v, Value::Instance(_)) {
                        type_error(format!(
                            "cannot unpack non-iterable {} object",
                            v.type_name()
                        ))
                    } else {
                        e
                    }
                })?;
                match star {
                    None => {
                        if items.len() < targets.len() {
                            return Err(Exc::new(
                                ExcKind::ValueError,
                                format!(
                                    "not enough values to unpack (expected {}, got {})",
                                    targets.len(),
                                    items.len()
                                ),
                            ));
                        }
                        if items.len() > targets.len() {
                            return Err(Exc::new(
                                ExcKind::ValueError,
                                format!("too many values to unpack (expected {})", targets.len()),
                            ));
                        }
                        for (t, x) in targets.iter().zip(items) {
                            self.assign(t, x, f)?;
                        }
                    }
                    Some(si) => {
                        let after = targets.len() - si - 1;
                        if items.len() < targets.len() - 1 {
                            return Err(Exc::new(
                                ExcKind::ValueError,
                                format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    targets.len() - 1,
                                    items.len()
                                ),
                            ));
                        }
                        let mut items = items;
                        let tail = items.split_off(items.len() - after);
                        let mid = items.split_off(*si);
                        for (t, x) in targets[..*si].iter().zip(items) {
                            self.assign(t, x, f)?;
                        }
                        self.assign(&targets[*si], Value::list(mid), f)?;
                        for (t, x) in targets[si + 1..].iter().zip(tail) {
                            self.assign(t, x, f)?;
                        }
                    }
                }
                Ok(())
            }
        }
    }

    /// Bind a name, a global through its cached slot.
    #[inline(always)]
    pub fn store_name(&mut self, n: &Name, v: Value, f: &mut Frame) {
        let NameRef::Global(name) = &n.at else {
            return self.store(&n.at, v, f);
        };
        let mut g = f.globals.borrow_mut();
        let i = n.slot.get() as usize;
        if let Some((k, slot)) = g.get_index_mut(i)
            && (PyStr::ptr_eq(k, name) || **k == **name)
        {
            super::super::value_drop::discard(std::mem::replace(slot, v));
            return;
        }
        let (i, old) = g.insert_full(name.clone(), v);
        drop(old);
        n.slot.set(i as u32);
    }

    /// Bind a name.
    pub fn store(&mut self, at: &NameRef, v: Value, f: &mut Frame) {
        match at {
            NameRef::Local(i) => {
                super::super::value_drop::replace_slot(&mut f.locals[*i as usize], v)
            }
            NameRef::Cell(i) => *f.cells[*i as usize].borrow_mut() = Some(v),
            NameRef::Global(n) => {
                // Rebinding (the common case, `i` of a loop) keeps the key already there.
                let mut g = f.globals.borrow_mut();
                match g.get_mut(&**n) {
                    Some(slot) => *slot = v,
                    None => {
                        g.insert(n.clone(), v);
                    }
                }
            }
            NameRef::ClassBody(n) => match &f.class_ns {
                Some(ns) => {
                    ns.borrow_mut().insert(n.clone(), v);
                }
                None => {
                    f.globals.borrow_mut().insert(n.clone(), v);
                }
            },
        }
    }

    pub(super) fn unstore(&mut self, at: &NameRef, f: &mut Frame) {
        match at {
            NameRef::Local(i) => f.locals[*i as usize] = None,
            NameRef::Cell(i) => *f.cells[*i as usize].borrow_mut() = None,
            NameRef::Global(n) => {
                f.globals.borrow_mut().shift_remove(n);
            }
            NameRef::ClassBody(n) => {
                if let Some(ns) = &f.class_ns {
                    ns.borrow_mut().shift_remove(n);
                }
            }
        }
    }

    fn delete(&mut self, t: &Target, f: &mut Frame) -> Result<(), Exc> {
        match t {
            Target::Name(n) => {
                self.load(n, f)?;
                self.unstore(&n.at, f);
                Ok(())
            }
            Target::Attr(obj, name, _) => {
                let o = self.eval(obj, f)?;
                self.delattr(&o, name)
            }
            Target::Subscript(obj, idx) => {
                let o = self.eval(obj, f)?;
                let i = self.eval(idx, f)?;
                self.delitem(&o, &i)
            }
            Target::Unpack(ts, _) => {
                for t in ts {
                    self.delete(t, f)?;
                }
                Ok(())
            }
        }
    }

    /// Make a function object from a `def` or `lambda`, closing over the current frame.
    pub fn make_function(&mut self, def: &Rc<FunctionDef>, f: &mut Frame) -> Result<Value, Exc> {
        let defaults = def
            .defaults
            .iter()
            .map(|d| self.eval(d, f))
            .collect::<Result<Vec<_>, _>>()?;
        let mut kw_defaults = Vec::new();
        for d in &def.kw_defaults {
            kw_defaults.push(match d {
                Some(e) => Some(self.eval(e, f)?),
                None => None,
            });
        }
        let closure = def
            .frame
            .free_from
            .iter()
            .map(|&i| f.cells[i as usize].clone())
            .collect();
        let annotations = if def.annotations.is_empty() {
            None
        } else {
            Some(self.annotations_of(def, f)?)
        };
        Ok(Value::Function(Rc::new(Function {
            def: def.clone(),
            defaults,
            kw_defaults,
            closure,
            globals: f.globals.clone(),
            // A function made inside a method sees the method's `__class__` cell, as CPython's
            // compiler passes it down: `super()` in it binds its own first argument.
            class: std::cell::RefCell::new(f.func.as_ref().and_then(|p| p.class.borrow().clone())),
            qualname: def.qualname.clone(),
            attrs: Default::default(),
            annotations,
        })))
    }

    /// `name: annotation [= value]` in a class body: the assignment, then the annotation recorded
    /// in the class's `__annotations__`. Out of line, so that the statement loop stays small.
    #[inline(never)]
    fn class_annotation(
        &mut self,
        name: &PyStr,
        annotation: &Expr,
        assign: Option<&(Target, Expr)>,
        f: &mut Frame,
    ) -> Result<(), Exc> {
        if let Some((t, value)) = assign {
            let v = self.eval(value, f)?;
            self.assign(t, v, f)?;
        }
        let ann = self.eval(annotation, f)?;
        if let Some(ns) = &f.class_ns {
            let existing = ns.borrow().get("__annotations__").cloned();
            let d = match existing {
                Some(Value::Dict(ref d)) => d.clone(),
                _ => {
                    let d = Rc::new(std::cell::RefCell::new(Dict::default()));
                    ns.borrow_mut()
                        .insert(PyStr::from("__annotations__"), Value::Dict(d.clone()));
                    d
                }
            };
            d.borrow_mut()
                .insert(HashKey::Str(name.clone()), Value::Str(name.clone()), ann);
        }
        Ok(())
    }

    fn make_class(&mut self, def: &Rc<ClassDef>, f: &mut Frame) -> Result<Value, Exc> {
        let mut bases = Vec::new();
        for b in &def.bases {
            bases.push(self.eval(b, f)?);
        }
        let mut kw = Vec::new();
        let desc = || def.name.to_string();
        for k in &def.keywords {
            let v = self.eval(&k.value, f)?;
            match &k.name {
                Some(n) => super::describe::push_kwarg(&mut kw, n.clone(), v, &desc)?,
                None => self.spread_kwargs(&v, &mut kw, &desc)?,
            }
        }
        let meta = self.class_metaclass(&bases, &mut kw)?;
        let mut attrs = self.prepare_namespace(&meta, &def.name, &bases, &kw)?;
        // The module the class is defined in: the program's `__main__`, or a library module.
        let module = match f.globals.borrow().get("__name__") {
            Some(Value::Str(m)) => Value::Str(m.clone()),
            _ => Value::str("__main__"),
        };
        attrs.insert(PyStr::from("__module__"), module);
        attrs.insert(
            PyStr::from("__qualname__"),
            Value::Str(def.qualname.clone()),
        );
        let doc = super::classes::docstring(&def.body);
        if !matches!(doc, Value::None) {
            attrs.insert(PyStr::from("__doc__"), doc);
        }
        let ns = Rc::new(std::cell::RefCell::new(attrs));
        let mut frame = Frame::new(&def.frame, f.globals.clone(), def.name.clone());
        frame.class_ns = Some(ns.clone());
        let n_own = def.frame.n_cells as usize - def.frame.free_from.len();
        for (i, &from) in def.frame.free_from.iter().enumerate() {
            frame.cells[n_own + i] = f.cells[from as usize].clone();
        }
        self.enter_frame()?;
        self.live_frames
            .push((self.depth, std::ptr::from_ref(&frame)));
        let r = self.exec_block(&def.body, &mut frame);
        self.live_frames.pop();
        if self.frames_watched {
            // The exception by value: a reference to `r` passed out would keep it in memory on
            // every call.
            let exc = match &r {
                Err(Unwind::Exc(e)) => Some(e.clone()),
                _ => None,
            };
            self.frame_returns(&frame, exc);
        }
        self.leave_frame();
        if let Err(Unwind::Exc(e)) = r {
            return Err(e);
        }
        let attrs = std::mem::take(&mut *ns.borrow_mut());
        self.finish_class(meta, &def.name, bases, attrs, kw)
    }
}

/// Implicit chaining: an exception raised while handling another remembers it.
pub(super) fn set_context(new: &Exc, old: &Exc) {
    if Rc::ptr_eq(&new.value, &old.value) {
        return;
    }
    let mut attrs = new.value.attrs.borrow_mut();
    if !matches!(attrs.get("__context__"), Some(Value::Instance(_))) {
        attrs.insert(
            PyStr::from("__context__"),
            Value::Instance(old.value.clone()),
        );
    }
}

/// The next int of a range iterator (`None` when it is exhausted), or `None` when `it` is not one.
/// Two words, returned in registers.
#[inline(always)]
fn range_step(it: &Value) -> Option<Option<i64>> {
    let Value::Iterator(cell) = it else {
        return None;
    };
    let mut st = cell.borrow_mut();
    let Iter::Range { next, stop, step } = &mut *st else {
        return None;
    };
    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
        let v = *next;
        // Past i64 is past the stop too (as `Interp::next`).
        *next = next.checked_add(*step).unwrap_or(*stop);
        return Some(Some(v));
    }
    // Exhausted, as `Interp::next` leaves it.
    *st = st.done();
    Some(None)
}
