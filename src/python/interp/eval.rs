//! Expressions.

use crate::python::exceptions::ExcKind;
use crate::python::value::PyStr;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::super::ast::*;
use super::super::exceptions::{Exc, type_error};
use super::super::value::*;
use super::{Frame, Interp};

type R = Result<Value, Exc>;

impl Interp {
    pub fn eval(&mut self, e: &Expr, f: &mut Frame) -> R {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Name(n) => self.load(n, f),
            ExprKind::Attr(obj, name, cache) => {
                if let Some(inst) = local_instance(obj, f)
                    && let Some(v) = cache.read(inst, name)
                {
                    return Ok(v);
                }
                let o = self.quick(obj, f)?;
                if let Value::Instance(inst) = &o
                    && let Some(v) = cache.read(inst, name)
                {
                    return Ok(v);
                }
                self.getattr(&o, name)
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(obj, f)?;
                let i = self.eval(idx, f)?;
                self.getitem(&o, &i)
            }
            ExprKind::Slice(a, b, c) => {
                let mut part = |x: &Option<Box<Expr>>, it: &mut Interp| -> R {
                    match x {
                        Some(e) => it.eval(e, f),
                        None => Ok(Value::None),
                    }
                };
                let a = part(a, self)?;
                let b = part(b, self)?;
                let c = part(c, self)?;
                Ok(Value::Slice(Rc::new([a, b, c])))
            }
            ExprKind::Call { func, args, kwargs } => {
                let plain = kwargs.is_empty()
                    && !args.iter().any(|x| matches!(x.kind, ExprKind::Starred(_)));
                // `obj.method(...)` on an instance: take the function from the class and pass
                // `obj` first, without making a bound method object for every call.
                let (fv, this) = match &func.kind {
                    ExprKind::Attr(obj, name, cache) => {
                        let o = self.quick(obj, f)?;
                        // The common method call goes straight to the callee's frame, without
                        // the (callee, self) pair below: its moves stalled on store-to-load
                        // forwarding in perf annotate.
                        if plain
                            && let Value::Instance(inst) = &o
                            && let Some(fun) = cache.function(inst, name)
                            && Interp::binds_plainly(&fun, args.len() + 1)
                        {
                            return self.call_plainly(&fun, Some(o), args, f);
                        }
                        // A native object's method (`lock.acquire()`): the arguments straight
                        // into the native's `Args`, after the instance, without a second look at
                        // the class nor `call`'s dispatch.
                        if plain
                            && let Value::Instance(inst) = &o
                            && let Some(b) = cache.native(inst, name)
                        {
                            if args.is_empty()
                                && let Some(alone) = b.alone
                            {
                                super::super::steps::before_native_on(&b, Some(&o));
                                return alone(self, &o);
                            }
                            let mut a = Args {
                                pos: Vec::with_capacity(args.len() + 1),
                                kw: Vec::new(),
                            };
                            a.pos.push(o);
                            for x in args {
                                a.pos.push(self.quick(x, f)?);
                            }
                            super::super::steps::before_native(&b, &a);
                            return (b.f)(self, a);
                        }
                        let method = match &o {
                            Value::Instance(inst) => cache.method(inst, &inst.class, name),
                            _ => None,
                        };
                        match method {
                            Some(Value::Function(ref fun))
                                if plain && Interp::binds_plainly(fun, args.len() + 1) =>
                            {
                                return self.call_plainly(fun, Some(o), args, f);
                            }
                            Some(m) => (m, Some(o)),
                            None => match builtin_method_of(&o, name) {
                                // `xs.append(x)`, `s.join(...)`: the native method, called with
                                // the object first, without a bound method object.
                                Some(nf) => {
                                    let mut a = Args {
                                        pos: Vec::with_capacity(args.len() + 1),
                                        kw: Vec::new(),
                                    };
                                    let owner = o.type_name();
                                    a.pos.push(o);
                                    let desc = || format!("{owner}.{name}");
                                    self.call_args(args, kwargs, &mut a, f, &desc)?;
                                    return nf(self, a);
                                }
                                None => (self.getattr(&o, name)?, None),
                            },
                        }
                    }
                    _ => match self.eval(func, f)? {
                        Value::Function(ref fun)
                            if plain && Interp::binds_plainly(fun, args.len()) =>
                        {
                            return self.call_plainly(fun, None, args, f);
                        }
                        fv => (fv, None),
                    },
                };
                // A user function whose parameters take the arguments one to one: evaluate them
                // straight into the callee's frame.
                if plain {
                    let (fun, this) = match (&fv, this) {
                        (Value::Function(fun), this) => (fun, this),
                        (Value::BoundMethod(m), None) => match &m.func {
                            Value::Function(fun) => (fun, Some(m.this.clone())),
                            _ => return self.call_with(&fv, None, args, kwargs, f),
                        },
                        (_, this) => return self.call_with(&fv, this, args, kwargs, f),
                    };
                    let n = args.len() + usize::from(this.is_some());
                    if Interp::binds_plainly(fun, n) {
                        let fun = fun.clone();
                        return self.call_plainly(&fun, this, args, f);
                    }
                    // A bound method passes its own `this` when called: only an `obj.method`
                    // found on the class is given `obj` here (giving both passed it twice).
                    let this = this.filter(|_| !matches!(fv, Value::BoundMethod(_)));
                    return self.call_with(&fv, this, args, kwargs, f);
                }
                self.call_with(&fv, this, args, kwargs, f)
            }
            ExprKind::BinOp(op, l, r) => {
                let a = self.quick(l, f)?;
                let b = self.quick(r, f)?;
                // The common case first: small-int arithmetic without a call (the ints need no
                // drop either).
                if let (Value::Int(x), Value::Int(y)) = (&a, &b)
                    && let Some(v) = small_int_op(*op, *x, *y)
                {
                    std::mem::forget(a);
                    std::mem::forget(b);
                    return Ok(Value::Int(v));
                }
                self.binop(*op, &a, &b)
            }
            ExprKind::Unary(op, x) => {
                let v = self.eval(x, f)?;
                self.unary(*op, &v)
            }
            ExprKind::And(vals) => {
                let mut last = Value::None;
                for x in vals {
                    last = self.eval(x, f)?;
                    if !self.truthy(&last)? {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            ExprKind::Or(vals) => {
                let mut last = Value::None;
                for x in vals {
                    last = self.eval(x, f)?;
                    if self.truthy(&last)? {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            ExprKind::Compare(left, rest) => {
                if let [(op, r)] = &rest[..] {
                    return Ok(Value::Bool(self.compare_one(left, *op, r, f)?));
                }
                let mut a = self.eval(left, f)?;
                for (op, r) in rest {
                    let b = self.eval(r, f)?;
                    if !self.compare(*op, &a, &b)? {
                        return Ok(Value::Bool(false));
                    }
                    a = b;
                }
                Ok(Value::Bool(true))
            }
            ExprKind::IfExp(t, a, b) => {
                if self.condition(t, f)? {
                    self.eval(a, f)
                } else {
                    self.eval(b, f)
                }
            }
            ExprKind::List(items)
                if items.iter().any(|x| matches!(x.kind, ExprKind::Starred(_))) =>
            {
                self.starred_list(items, f)
            }
            ExprKind::List(items) => {
                let values = self.display(items, f, true)?;
                // Allocated as CPython 3.11's compiled display allocates (python/sizeof.rs).
                let constant = items.iter().all(constant_expr);
                Ok(Value::list(crate::python::sizeof::list_display(
                    values, constant,
                )?))
            }
            ExprKind::Tuple(items) => Ok(Value::tuple(self.display(items, f, true)?)),
            ExprKind::Set(items) => {
                // CPython's set display says only "'int' object is not iterable" of a bad `*`.
                let items = self.display(items, f, false)?;
                let mut s = Set::default();
                for v in items {
                    self.set_insert(&mut s, v)?;
                }
                Ok(Value::Set(Rc::new(RefCell::new(s))))
            }
            ExprKind::Dict(items) => {
                let mut d = Dict::default();
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            let kv = self.eval(k, f)?;
                            let vv = self.eval(v, f)?;
                            self.dict_insert(&mut d, kv, vv)?;
                        }
                        None => {
                            let m = self.eval(v, f)?;
                            let Some(items) = super::super::subclass::mapping_items(self, &m)?
                            else {
                                return Err(type_error(format!(
                                    "'{}' object is not a mapping",
                                    m.type_name()
                                )));
                            };
                            for (kk, vv) in items {
                                self.dict_insert(&mut d, kk, vv)?;
                            }
                        }
                    }
                }
                Ok(Value::dict(d))
            }
            ExprKind::Starred(_) => Err(type_error("can't use starred expression here")),
            ExprKind::Comp {
                kind,
                elt,
                value,
                gens,
            } => self.comprehension(*kind, elt, value.as_deref(), gens, f),
            ExprKind::Lambda(def) => self.make_function(def, f),
            ExprKind::Yield(v) => {
                let v = match v {
                    Some(x) => self.eval(x, f)?,
                    None => Value::None,
                };
                self.yield_value(v)
            }
            ExprKind::YieldFrom(x) => {
                let sub = self.eval(x, f)?;
                self.yield_from(&sub)
            }
            ExprKind::AsyncGenYield(v) => {
                let v = match v {
                    Some(x) => self.eval(x, f)?,
                    None => Value::None,
                };
                self.async_yield = true;
                self.yield_value(v)
            }
            ExprKind::Await(x) => {
                let v = self.eval(x, f)?;
                self.await_value(&v)
            }
            ExprKind::GenExp(g) => {
                let first = self.eval(&g.first_iter, f)?;
                // As CPython: the first iterable's iterator is taken where the expression
                // stands (`__aiter__` for an `async for`).
                let it = if g.gens.first().is_some_and(|c| c.is_async) {
                    self.async_iter(&first)?
                } else {
                    self.iter(&first)?
                };
                let name: PyStr = PyStr::from("<genexpr>");
                let mut frame = Frame::new(&g.frame, f.globals.clone(), name.clone());
                frame.line = e.pos.line;
                let n_own = g.frame.n_cells as usize - g.frame.free_from.len();
                for (i, &from) in g.frame.free_from.iter().enumerate() {
                    frame.cells[n_own + i] = f.cells[from as usize].clone();
                }
                let body = super::generator::GenBody::Expr(g.clone(), Box::new(frame), it);
                if g.is_async {
                    let kind = super::generator::GenKind::AsyncGenerator;
                    return Ok(self.make_gen_of(kind, name, g.qualname.clone(), body));
                }
                Ok(self.make_generator(name, g.qualname.clone(), body))
            }
            ExprKind::FString(parts) => Ok(Value::Str(PyStr::from(self.fstring(parts, f)?))),
            ExprKind::Walrus(n, v) => {
                let v = self.eval(v, f)?;
                self.store(&n.at, v.clone(), f);
                Ok(v)
            }
            ExprKind::Super => {
                let Some(func) = f.func.clone() else {
                    return Err(Exc::new(ExcKind::RuntimeError, "super(): no arguments"));
                };
                // CPython's order: a function without positional parameters (a lambda, a
                // staticmethod, a nested function) has no arguments to bind before any class.
                let Some(first) = func.def.params.first() else {
                    return Err(Exc::new(ExcKind::RuntimeError, "super(): no arguments"));
                };
                let Some(cls) = func.class.borrow().as_ref().and_then(|w| w.upgrade()) else {
                    return Err(Exc::new(
                        ExcKind::RuntimeError,
                        "super(): __class__ cell not found",
                    ));
                };
                let this = match &first.at {
                    NameRef::Local(i) => f.locals[*i as usize].clone(),
                    NameRef::Cell(i) => f.cells[*i as usize].borrow().clone(),
                    _ => None,
                };
                let this =
                    this.ok_or_else(|| Exc::new(ExcKind::RuntimeError, "super(): arg[0] deleted"))?;
                crate::python::builtins::super_check(&cls, &this)?;
                Ok(Value::Super(Rc::new((cls, this))))
            }
            ExprKind::Locals => self.locals_of(f),
        }
    }

    /// `eval`, with the commonest operands taken here, inline: a constant, a bound local, a global
    /// at its cached slot, an attribute of a local instance at the site's cached slot. Their value
    /// stays in registers; `eval`'s result comes back through memory and was read back 16 bytes at
    /// a time right after it was written 8 at a time, a stalled load perf annotate put on the
    /// hottest instructions of a call (16% of `call_plainly`'s samples) and of `eval` itself.
    #[inline(always)]
    pub(crate) fn quick(&mut self, e: &Expr, f: &mut Frame) -> R {
        match &e.kind {
            ExprKind::Const(v) => return Ok(v.clone()),
            ExprKind::Name(n) => match &n.at {
                NameRef::Local(i) => {
                    if let Some(v) = &f.locals[*i as usize] {
                        return Ok(v.clone());
                    }
                }
                NameRef::Global(name) if f.class_ns.is_none() => {
                    if let Some(v) = cached_global(&f.globals.borrow(), name, &n.slot) {
                        return Ok(v.clone());
                    }
                }
                _ => {}
            },
            ExprKind::Attr(obj, name, cache) => {
                if let Some(inst) = local_instance(obj, f)
                    && let Some(v) = cache.read(inst, name)
                {
                    return Ok(v);
                }
            }
            // `a + b`, `self.n + k` on small ints: the sum made here stays in registers, where
            // `eval` returned it through memory for the caller to read back at once (a stalled
            // load perf put on half of `assign`'s samples for `self.n = self.n + k`).
            ExprKind::BinOp(op, l, r) => {
                if let Some(x) = leaf_int(l, f)
                    && let Some(y) = leaf_int(r, f)
                    && let Some(v) = small_int_op(*op, x, y)
                {
                    return Ok(Value::Int(v));
                }
            }
            _ => {}
        }
        settle(self.eval(e, f))
    }

    /// Whether `e` is true: an `if`'s, a `while`'s or a conditional expression's test. A single
    /// comparison answers without making a `bool` object to ask `truthy` about.
    #[inline]
    pub(crate) fn condition(&mut self, e: &Expr, f: &mut Frame) -> Result<bool, Exc> {
        if let ExprKind::Compare(left, rest) = &e.kind
            && let [(op, r)] = &rest[..]
        {
            return self.compare_one(left, *op, r, f);
        }
        let v = self.eval(e, f)?;
        self.truthy(&v)
    }

    /// `l op r`, one comparison: two small ints are compared here (`n % i == 0`, `i < n`).
    #[inline(always)]
    fn compare_one(&mut self, l: &Expr, op: CmpOp, r: &Expr, f: &mut Frame) -> Result<bool, Exc> {
        let a = self.quick(l, f)?;
        let b = self.quick(r, f)?;
        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
            let (x, y) = (*x, *y);
            let answer = match op {
                CmpOp::Eq => Some(x == y),
                CmpOp::NotEq => Some(x != y),
                CmpOp::Lt => Some(x < y),
                CmpOp::LtE => Some(x <= y),
                CmpOp::Gt => Some(x > y),
                CmpOp::GtE => Some(x >= y),
                _ => None,
            };
            if let Some(t) = answer {
                std::mem::forget(a);
                std::mem::forget(b);
                return Ok(t);
            }
        }
        self.compare(op, &a, &b)
    }

    /// Call the user function `fun`, whose parameters take `this` (when given) and the
    /// arguments one to one: the arguments are evaluated straight into the callee's frame.
    fn call_plainly(
        &mut self,
        fun: &Rc<Function>,
        this: Option<Value>,
        args: &[Expr],
        f: &mut Frame,
    ) -> R {
        // Built here, where it runs (see `fill_frame`).
        let mut frame = Frame {
            locals: self.spare_locals.pop().unwrap_or_default(),
            cells: Vec::new(),
            globals: fun.globals.clone(),
            class_ns: None,
            func: Some(fun.clone()),
            name: fun.def.name.clone(),
            line: 0,
            returned: Value::None,
        };
        self.fill_frame(fun, &mut frame);
        let mut params = fun.def.params.iter();
        if let Some(o) = this
            && let Some(p) = params.next()
        {
            super::call::put(&mut frame, &p.at, o);
        }
        for (x, p) in args.iter().zip(params) {
            let v = self.quick(x, f)?;
            super::call::put(&mut frame, &p.at, v);
        }
        if fun.def.is_generator {
            return self.run_function(fun, frame);
        }
        self.run_frame(fun, &mut frame)
    }

    /// Call `fv` (with `this` first, for a method taken from an instance's class) on the
    /// arguments of a call expression.
    fn call_with(
        &mut self,
        fv: &Value,
        this: Option<Value>,
        args: &[Expr],
        kwargs: &[Kwarg],
        f: &mut Frame,
    ) -> R {
        let mut a = Args {
            pos: Vec::with_capacity(args.len() + 1),
            kw: Vec::new(),
        };
        a.pos.extend(this);
        self.call_args(args, kwargs, &mut a, f, &|| super::describe::callable(fv))?;
        self.call(fv, a)
    }

    /// Evaluate a call's arguments into `a`, spreading `*xs` and `**kw`.
    fn call_args(
        &mut self,
        args: &[Expr],
        kwargs: &[Kwarg],
        a: &mut Args,
        f: &mut Frame,
        desc: &dyn Fn() -> String,
    ) -> Result<(), Exc> {
        // A lone `*x` is handed to the call as it is, and CPython's error names the call; with
        // other positional arguments its items join a list first, and the error is a display's.
        let lone = args.len() == 1;
        for x in args {
            if let ExprKind::Starred(inner) = &x.kind {
                let v = self.eval(inner, f)?;
                a.pos.extend(self.star_items(&v, lone.then_some(desc))?);
            } else {
                a.pos.push(self.eval(x, f)?);
            }
        }
        let mut spread = false;
        for k in kwargs {
            let v = self.eval(&k.value, f)?;
            match &k.name {
                // Two literal keywords of one name are a SyntaxError already; one after a `**`
                // may meet a key of the mapping.
                Some(n) if spread => super::describe::push_kwarg(&mut a.kw, n.clone(), v, desc)?,
                Some(n) => a.kw.push((n.clone(), v)),
                None => {
                    spread = true;
                    self.spread_kwargs(&v, &mut a.kw, desc)?
                }
            }
        }
        Ok(())
    }

    /// Read a name.
    #[inline]
    pub fn load(&mut self, n: &Name, f: &Frame) -> R {
        match &n.at {
            NameRef::Local(i) => match &f.locals[*i as usize] {
                Some(v) => Ok(v.clone()),
                None => Err(Exc::new(
                    ExcKind::UnboundLocalError,
                    format!(
                        "cannot access local variable '{}' where it is not associated with a value",
                        n.id
                    ),
                )),
            },
            NameRef::Cell(i) => match &*f.cells[*i as usize].borrow() {
                Some(v) => Ok(v.clone()),
                None => Err(Exc::new(
                    ExcKind::NameError,
                    format!(
                        "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                        n.id
                    ),
                )),
            },
            NameRef::ClassBody(name) => {
                if let Some(ns) = &f.class_ns
                    && let Some(v) = ns.borrow().get(name)
                {
                    return Ok(v.clone());
                }
                self.load_global(name, &n.slot, f)
            }
            NameRef::Global(name) => {
                // A class body reads its namespace first, which `__prepare__` may have filled
                // with names the body never assigns.
                if let Some(ns) = &f.class_ns
                    && let Some(v) = ns.borrow().get(&**name)
                {
                    return Ok(v.clone());
                }
                self.load_global(name, &n.slot, f)
            }
        }
    }

    fn load_global(&self, name: &PyStr, slot: &Cell<u32>, f: &Frame) -> R {
        let g = f.globals.borrow();
        if let Some(v) = cached_global(&g, name, slot) {
            return Ok(v.clone());
        }
        if let Some((i, _, v)) = g.get_full(&**name) {
            slot.set(i as u32);
            return Ok(v.clone());
        }
        drop(g);
        if let Some(v) = self.builtins.get(name) {
            return Ok(v.clone());
        }
        // `__class__` in a method is the class whose body defined it (as zero-argument super()).
        if &**name == "__class__"
            && let Some(c) = f
                .func
                .as_ref()
                .and_then(|fun| fun.class.borrow().as_ref().and_then(|w| w.upgrade()))
        {
            return Ok(Value::Class(c));
        }
        Err(Exc::new(
            ExcKind::NameError,
            format!("name '{name}' is not defined"),
        ))
    }

    /// The items of a list/tuple/set display, with `*x` spread.
    /// `[a, *b, c]` as CPython 3.11 compiles it, for the list's allocation (python/sizeof.rs): the
    /// items before the first star made exactly (none past 30 items), then each starred one
    /// extended and each other one appended.
    fn starred_list(&mut self, items: &[Expr], f: &mut Frame) -> R {
        use crate::python::sizeof;
        let star = items
            .iter()
            .position(|x| matches!(x.kind, ExprKind::Starred(_)))
            .unwrap_or(items.len());
        let first = if items.len() > 30 { 0 } else { star };
        let mut out = Vec::with_capacity(first);
        for x in &items[..first] {
            out.push(self.eval(x, f)?);
        }
        for x in &items[first..] {
            if let ExprKind::Starred(inner) = &x.kind {
                let v = self.eval(inner, f)?;
                let hint = sizeof::length_hint(&v);
                let more = self.star_items(&v, None)?;
                sizeof::list_extend(&mut out, more, hint)?;
            } else {
                let v = self.eval(x, f)?;
                sizeof::list_append(&mut out, v)?;
            }
        }
        Ok(Value::list(out))
    }

    fn display(
        &mut self,
        items: &[Expr],
        f: &mut Frame,
        star_words: bool,
    ) -> Result<Vec<Value>, Exc> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            if let ExprKind::Starred(inner) = &x.kind {
                let v = self.eval(inner, f)?;
                out.extend(if star_words {
                    self.star_items(&v, None)?
                } else {
                    self.collect(&v)?
                });
            } else {
                out.push(self.eval(x, f)?);
            }
        }
        Ok(out)
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        gens: &[Comprehension],
        f: &mut Frame,
    ) -> R {
        let mut out = CompOut::new(kind);
        // CPython 3.11 runs a comprehension as a function of its own, which `logging` names.
        let learner = self.callers.on && Rc::ptr_eq(&f.globals, &self.globals);
        if learner {
            // The line of its element, where CPython's comprehension frame stands when it calls.
            self.callers
                .enter_comprehension(self.depth, elt.pos.line, kind);
        }
        let r = self.comp_level(gens, 0, elt, value, &mut out, f);
        if learner {
            self.callers.leave_comprehension(self.depth);
        }
        r?;
        Ok(match out {
            CompOut::List(v) if kind == CompKind::Gen => {
                Value::Iterator(Rc::new(RefCell::new(Iter::Seq {
                    items: v.into(),
                    pos: 0,
                    kind: super::super::iter_kind::IterKind::Plain,
                })))
            }
            CompOut::List(v) => Value::list(v),
            CompOut::Set(s) => Value::Set(Rc::new(RefCell::new(s))),
            CompOut::Dict(d) => Value::dict(d),
        })
    }

    fn comp_level(
        &mut self,
        gens: &[Comprehension],
        i: usize,
        elt: &Expr,
        value: Option<&Expr>,
        out: &mut CompOut,
        f: &mut Frame,
    ) -> Result<(), Exc> {
        let Some(g) = gens.get(i) else {
            let v = self.eval(elt, f)?;
            match out {
                CompOut::List(l) => crate::python::sizeof::list_append(l, v)?,
                CompOut::Set(s) => self.set_insert(s, v)?,
                CompOut::Dict(d) => {
                    let val = match value {
                        Some(e) => self.eval(e, f)?,
                        None => Value::None,
                    };
                    self.dict_insert(d, v, val)?;
                }
            }
            return Ok(());
        };
        let iterable = self.eval(&g.iter, f)?;
        if g.is_async {
            return self.async_comp_level(gens, i, elt, value, out, f, iterable);
        }
        let it = self.iter(&iterable)?;
        'items: while let Some(x) = self.next(&it)? {
            self.step()?;
            self.assign(&g.target, x, f)?;
            for cond in &g.ifs {
                let c = self.eval(cond, f)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            self.comp_level(gens, i + 1, elt, value, out, f)?;
        }
        Ok(())
    }

    /// A comprehension's `async for` level: `__aiter__` once, then `await __anext__()` until
    /// StopAsyncIteration (the comprehension runs on its coroutine's stack).
    #[allow(clippy::too_many_arguments)]
    fn async_comp_level(
        &mut self,
        gens: &[Comprehension],
        i: usize,
        elt: &Expr,
        value: Option<&Expr>,
        out: &mut CompOut,
        f: &mut Frame,
        iterable: Value,
    ) -> Result<(), Exc> {
        let g = &gens[i];
        let it = self.async_iter(&iterable)?;
        'items: while let Some(x) = self.async_next(&it)? {
            self.step()?;
            self.assign(&g.target, x, f)?;
            for cond in &g.ifs {
                let c = self.eval(cond, f)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            self.comp_level(gens, i + 1, elt, value, out, f)?;
        }
        Ok(())
    }

    /// A generator expression's body, run lazily in its generator: each item is yielded.
    pub(crate) fn genexp_body(
        &mut self,
        g: &GenExp,
        f: &mut Frame,
        first: Value,
    ) -> Result<(), Exc> {
        let r = self.genexp_level(g, 0, Some(first), f);
        if let Err(e) = &r {
            e.push_tb_once(self.tb_entry(f), std::ptr::from_ref(f) as usize);
        }
        r
    }

    fn genexp_level(
        &mut self,
        g: &GenExp,
        i: usize,
        first: Option<Value>,
        f: &mut Frame,
    ) -> Result<(), Exc> {
        let Some(c) = g.gens.get(i) else {
            // Each item is a step of the program's `<genexpr>` frame, for `logging`'s caller.
            if self.callers.on && Rc::ptr_eq(&f.globals, &self.globals) {
                self.callers.statement(self.depth, g.elt.pos.line, &f.name);
            }
            let v = self.eval(&g.elt, f)?;
            // An async generator's yield answers the awaitable of its `__anext__`.
            if g.is_async {
                self.async_yield = true;
            }
            self.yield_value(v)?;
            return Ok(());
        };
        if c.is_async {
            let aiter = match first {
                Some(it) => it,
                None => {
                    let v = self.eval(&c.iter, f)?;
                    self.async_iter(&v)?
                }
            };
            'aitems: while let Some(x) = self.async_next(&aiter)? {
                self.step()?;
                self.assign(&c.target, x, f)?;
                for cond in &c.ifs {
                    let t = self.eval(cond, f)?;
                    if !self.truthy(&t)? {
                        continue 'aitems;
                    }
                }
                self.genexp_level(g, i + 1, None, f)?;
            }
            return Ok(());
        }
        let it = match first {
            Some(it) => it,
            None => {
                let v = self.eval(&c.iter, f)?;
                self.iter(&v)?
            }
        };
        'items: while let Some(x) = self.next(&it)? {
            self.step()?;
            self.assign(&c.target, x, f)?;
            for cond in &c.ifs {
                let t = self.eval(cond, f)?;
                if !self.truthy(&t)? {
                    continue 'items;
                }
            }
            self.genexp_level(g, i + 1, None, f)?;
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FPart], f: &mut Frame) -> Result<String, Exc> {
        // Room for the literal text and a short field or two: growing from empty reallocated
        // the string two or three times per f-string.
        let mut out = String::with_capacity(32);
        for p in parts {
            match p {
                FPart::Lit(s) => out.push_str(s),
                FPart::Value {
                    expr,
                    conversion,
                    spec,
                    debug,
                } => {
                    let v = self.eval(expr, f)?;
                    if let Some(d) = debug {
                        out.push_str(d);
                    }
                    let conv = match conversion {
                        None if debug.is_some() && spec.is_none() => Some('r'),
                        c => *c,
                    };
                    let v = match conv {
                        Some('r') => Value::Str(PyStr::from(self.repr(&v)?)),
                        Some('a') => Value::Str(PyStr::from(crate::python::format::ascii_of(
                            &self.repr(&v)?,
                        ))),
                        Some('s') => Value::Str(PyStr::from(self.str_of(&v)?)),
                        _ => v,
                    };
                    match spec.as_deref() {
                        None => self.format_into(&mut out, &v, "")?,
                        // A spec without fields (`:>6`) is used as written.
                        Some([FPart::Lit(spec)]) => self.format_into(&mut out, &v, spec)?,
                        Some(parts) => {
                            let spec = self.fstring(parts, f)?;
                            self.format_into(&mut out, &v, &spec)?
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

/// The value of global `name` at the index where it was found last, if it is still there.
#[inline]
pub(super) fn cached_global<'g>(
    g: &'g Namespace,
    name: &PyStr,
    slot: &Cell<u32>,
) -> Option<&'g Value> {
    let (k, v) = g.get_index(slot.get() as usize)?;
    (PyStr::ptr_eq(k, name) || **k == **name).then_some(v)
}

/// `r`, read back from where `eval` wrote it one word at a time. `eval` returns its result through
/// memory, stored in 8-byte pieces; the move that took it from there read it 16 bytes at a time,
/// and a load that spans two smaller stores is not forwarded from them: it waits until they reach
/// the cache (perf annotate put a quarter of `call_plainly`'s samples on the instruction after that
/// load, and the compiler even sent the inline path's registers through that memory to join it).
/// Read as words, the value comes back in registers at once.
#[inline(always)]
pub(crate) fn settle(r: R) -> R {
    let r = std::mem::ManuallyDrop::new(r);
    let p = std::ptr::from_ref::<R>(&r).cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: `R` is two words (`value_layout` tests it; `transmute` checks the size): the
    // words are read inside it, as `MaybeUninit` (a payload may leave a word uninitialised), and
    // put back together into the same type; `r` is not dropped, so ownership moves once.
    unsafe {
        let words = [p.read_volatile(), p.add(1).read_volatile()];
        std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], R>(words)
    }
}

/// `v` read a word at a time, for the same reason as [`settle`]: a value handed over by reference
/// (a by-value argument of a call not inlined) was written there in words and copied on in 16-byte
/// pieces (`assign`'s hottest instruction, the argument loop of `call_plainly`).
#[inline(always)]
pub(crate) fn settle_value(v: Value) -> Value {
    let v = std::mem::ManuallyDrop::new(v);
    let p = std::ptr::from_ref::<Value>(&v).cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: as in `settle`: a `Value` is two words, read in place and put back together.
    unsafe {
        let words = [p.read_volatile(), p.add(1).read_volatile()];
        std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>(words)
    }
}

/// `x op y` for two ints whose result is again a machine int, with Python's meaning (`%` and
/// `//` round toward negative infinity); `None` where the general path must answer (overflow,
/// a zero divisor's error, `/` and `**` whose results are not always ints, shifts).
#[inline(always)]
pub(super) fn small_int_op(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Mod if y != 0 => {
            let r = x.wrapping_rem(y);
            Some(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            })
        }
        BinOp::FloorDiv if y != 0 => {
            let q = x.checked_div(y)?;
            Some(if x.wrapping_rem(y) != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            })
        }
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}

/// The int `e` reads without side effects and without a call, when it is one: a constant, a
/// bound local, a global at its cached slot, a local instance's attribute at its cached slot.
/// `None` leaves `e` to `eval` (reading any of these again there is harmless).
#[inline(always)]
pub(super) fn leaf_int(e: &Expr, f: &Frame) -> Option<i64> {
    match &e.kind {
        ExprKind::Const(Value::Int(n)) => Some(*n),
        ExprKind::Name(n) => name_int(n, f),
        ExprKind::Attr(obj, name, cache) => cache.read_int(local_instance(obj, f)?, name),
        _ => None,
    }
}

/// The int a bound local or a global at its cached slot holds, when it holds one.
#[inline(always)]
pub(super) fn name_int(n: &Name, f: &Frame) -> Option<i64> {
    match &n.at {
        NameRef::Local(i) => match &f.locals[*i as usize] {
            Some(Value::Int(v)) => Some(*v),
            _ => None,
        },
        NameRef::Global(name) if f.class_ns.is_none() => {
            match cached_global(&f.globals.borrow(), name, &n.slot) {
                Some(Value::Int(v)) => Some(*v),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The instance a local name holds, when `e` is such a name (`self` in `self.n`): borrowed from
/// the frame, without the count up and down of a clone.
#[inline(always)]
pub(super) fn local_instance<'f>(e: &Expr, f: &'f Frame) -> Option<&'f Rc<Instance>> {
    if let ExprKind::Name(n) = &e.kind
        && let NameRef::Local(i) = n.at
        && let Some(Value::Instance(inst)) = &f.locals[i as usize]
    {
        return Some(inst);
    }
    None
}

/// The native method `name` of a builtin type's value (`list.append`...), as `getattr` would
/// find it and bind it.
fn builtin_method_of(obj: &Value, name: &str) -> Option<NativeFn> {
    match obj {
        Value::Str(_)
        | Value::List(_)
        | Value::Tuple(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::FrozenSet(_)
        | Value::Bytes(_)
        | Value::Int(_)
        | Value::Bool(_)
        | Value::Float(_)
            if name != "__class__" =>
        {
            super::super::methods::lookup(obj, name)
        }
        _ => None,
    }
}

enum CompOut {
    List(Vec<Value>),
    Set(Set),
    Dict(Dict),
}

impl CompOut {
    fn new(kind: CompKind) -> CompOut {
        match kind {
            CompKind::List | CompKind::Gen => CompOut::List(Vec::new()),
            CompKind::Set => CompOut::Set(Set::default()),
            CompKind::Dict => CompOut::Dict(Dict::default()),
        }
    }
}

/// Whether CPython's compiler folds `e` to a constant (a literal, a sign on one, a tuple of them):
/// a list display of three or more is then built from one constant tuple.
fn constant_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Unary(_, x) => matches!(x.kind, ExprKind::Const(_)),
        ExprKind::Tuple(xs) => xs.iter().all(constant_expr),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_int_arithmetic_rounds_and_signs_as_python() {
        // Python: 7 % -2 == -1, -7 % 2 == 1, -7 // 2 == -4, 7 // -2 == -4, -8 // 2 == -4.
        let cases = [
            (BinOp::Mod, 7, -2, Some(-1)),
            (BinOp::Mod, -7, 2, Some(1)),
            (BinOp::Mod, -7, -2, Some(-1)),
            (BinOp::Mod, 6, -3, Some(0)),
            (BinOp::Mod, i64::MIN, -1, Some(0)),
            (BinOp::Mod, 5, 0, None),
            (BinOp::FloorDiv, -7, 2, Some(-4)),
            (BinOp::FloorDiv, 7, -2, Some(-4)),
            (BinOp::FloorDiv, -8, 2, Some(-4)),
            (BinOp::FloorDiv, 7, 2, Some(3)),
            (BinOp::FloorDiv, i64::MIN, -1, None),
            (BinOp::FloorDiv, 1, 0, None),
            (BinOp::Mul, i64::MAX, 2, None),
            (BinOp::Mul, -3, 4, Some(-12)),
            (BinOp::BitXor, 6, 3, Some(5)),
            (BinOp::Div, 6, 3, None),
            (BinOp::Pow, 2, 3, None),
        ];
        for (op, x, y, want) in cases {
            assert_eq!(small_int_op(op, x, y), want, "{x} {op:?} {y}");
        }
    }

    #[test]
    fn a_settled_result_is_the_same_result() {
        super::super::super::exceptions::install();
        assert!(matches!(settle(Ok(Value::Int(-7))), Ok(Value::Int(-7))));
        assert!(matches!(settle(Ok(Value::None)), Ok(Value::None)));
        assert!(matches!(
            settle(Ok(Value::Bool(true))),
            Ok(Value::Bool(true))
        ));
        let s = Value::str("shared");
        let back = settle(Ok(s.clone())).expect("an Ok stays Ok");
        let back = settle_value(back);
        let (Value::Str(orig), Value::Str(b)) = (&s, &back) else {
            panic!("a str comes back a str");
        };
        // Moved once: the same allocation, owned by `s` and `back` only.
        assert!(crate::python::value::PyStr::ptr_eq(orig, b));
        assert_eq!(crate::python::value::PyStr::strong_count(orig), 2);
        assert!(matches!(settle_value(Value::Float(0.5)), Value::Float(x) if x == 0.5));
        let e = settle(Err(Exc::new(ExcKind::ValueError, "bad")));
        assert!(e.is_err_and(|e| e.is(ExcKind::ValueError)));
    }
}
