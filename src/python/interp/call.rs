//! Calls: user functions (argument binding with CPython's messages), natives, bound methods, classes.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::ast::NameRef;
use super::super::exceptions::{Exc, ExcData, TbEntry, type_error};
use super::super::value::*;
use super::exec::Unwind;
use super::{Frame, Interp, bind};

/// Red zone and growth step for the native stack: deep Python recursion grows the stack in
/// segments instead of overflowing it, so `RecursionError` is the only limit a program meets.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 4 * 1024 * 1024;

/// How many locals vectors of finished calls are kept for the next calls (as deep as recursion
/// usually goes; deeper calls allocate).
const SPARE_LOCALS: usize = 64;

impl Interp {
    /// Call any callable.
    pub fn call(&mut self, func: &Value, mut args: Args) -> PyResult {
        super::super::steps::before_call(func, &args);
        match func {
            Value::Function(fun) => self.call_function(fun, args),
            Value::Builtin(b) => {
                if let Some(d) = &b.data {
                    args.pos.insert(0, d.clone());
                }
                (b.f)(self, args)
            }
            Value::BoundMethod(m) => {
                args.pos.insert(0, m.this.clone());
                let f = m.func.clone();
                self.call(&f, args)
            }
            Value::Class(c) => {
                if let Some(f) = super::class_hooks::meta_method(c, "__call__") {
                    let mut a = args;
                    a.pos.insert(0, func.clone());
                    return self.call(&f, a);
                }
                self.instantiate(c, args)
            }
            Value::Instance(inst) => match inst.class.lookup("__call__") {
                Some(m) => self.call(&bind(m, func), args),
                None => Err(type_error(format!(
                    "'{}' object is not callable",
                    func.type_name()
                ))),
            },
            _ => Err(type_error(format!(
                "'{}' object is not callable",
                func.type_name()
            ))),
        }
    }

    /// Make an instance of a class and run its `__init__`.
    pub fn instantiate(&mut self, c: &Rc<Class>, args: Args) -> PyResult {
        crate::python::modules::abc_native::check_instantiable(c)?;
        let new = c.mro.borrow().iter().find_map(|k| {
            k.attrs
                .borrow()
                .get("__new__")
                .cloned()
                .map(|n| (k.clone(), n))
        });
        match new {
            // object's own `__new__` is the plain path below.
            Some((owner, _)) if &*owner.name == "object" && &*owner.module == "builtins" => {}
            Some((_, Value::Builtin(new))) => {
                let mut a = args;
                a.pos.insert(0, Value::Class(c.clone()));
                return (new.f)(self, a);
            }
            Some((_, new @ Value::Function(_))) => return self.call_user_new(c, new, args),
            Some((_, Value::Instance(sm))) if sm.attrs.borrow().contains_key("__func__") => {
                let new = sm
                    .attrs
                    .borrow()
                    .get("__func__")
                    .cloned()
                    .unwrap_or(Value::None);
                return self.call_user_new(c, new, args);
            }
            _ => {}
        }
        let is_exc = c.native_kind() == Some(NativeKind::BaseException);
        let inst = Rc::new(Instance {
            class: c.clone(),
            attrs: RefCell::new(Namespace::default()),
            native: RefCell::new(if is_exc {
                Some(Box::new(ExcData::default()))
            } else {
                None
            }),
        });
        if is_exc {
            inst.attrs
                .borrow_mut()
                .insert(Rc::from("args"), Value::tuple(args.pos.clone()));
        }
        let obj = Value::Instance(inst);
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

    /// Call a user function with `Args`: bind them, then run the body.
    pub fn call_function(&mut self, fun: &Rc<Function>, args: Args) -> PyResult {
        let mut frame = self.function_frame(fun);
        self.bind_args(fun, args, &mut frame)?;
        self.run_function(fun, frame)
    }

    /// A fresh frame for a call of `fun`, its closure cells in place and its parameters unbound.
    /// The locals' storage comes from the frames that calls before this one left behind.
    pub(crate) fn function_frame(&mut self, fun: &Rc<Function>) -> Frame {
        let def = &fun.def;
        let mut locals = self.spare_locals.pop().unwrap_or_default();
        // A push per slot: `resize` clones its `None` through `Value`'s `Clone` for every slot.
        let n = def.frame.n_locals as usize;
        locals.reserve(n);
        for _ in 0..n {
            locals.push(None);
        }
        let mut frame = Frame {
            locals,
            cells: (0..def.frame.n_cells)
                .map(|_| Rc::new(RefCell::new(None)))
                .collect(),
            globals: fun.globals.clone(),
            class_ns: None,
            func: Some(fun.clone()),
            name: def.name.clone(),
            line: 0,
        };
        let n_own = def.frame.n_cells as usize - fun.closure.len();
        for (i, c) in fun.closure.iter().enumerate() {
            frame.cells[n_own + i] = c.clone();
        }
        frame
    }

    /// Run a user function's body in `frame`, whose parameters are already bound: every call of a
    /// user function ends here (a generator function's call makes its generator instead).
    pub(crate) fn run_function(&mut self, fun: &Rc<Function>, mut frame: Frame) -> PyResult {
        let def = &fun.def;
        if def.is_generator {
            let body = super::generator::GenBody::Function(fun.clone(), Box::new(frame));
            return Ok(self.make_generator(def.name.clone(), fun.qualname.clone(), body));
        }
        self.enter_frame()?;
        let r = super::stack::maybe_grow(STACK_RED_ZONE, STACK_GROWTH, || {
            self.exec_block(&def.body, &mut frame)
        });
        self.leave_frame();
        // The locals' storage serves the next call (a loop of calls allocates none).
        let mut locals = std::mem::take(&mut frame.locals);
        locals.clear();
        if self.spare_locals.len() < SPARE_LOCALS {
            self.spare_locals.push(locals);
        }
        // A generator that only this call's frame held is closed now, as CPython closes it when
        // the frame goes.
        let line = frame.line;
        drop(frame);
        if super::generator::orphans_pending() {
            let at = TbEntry {
                frame: 0,
                file: self.file_of_globals(&fun.globals),
                line,
                func: def.name.clone(),
            };
            self.close_orphans(Some(at));
        }
        match r {
            Ok(()) => Ok(Value::None),
            Err(Unwind::Return(v)) => Ok(v),
            Err(Unwind::Exc(e)) => Err(e),
            Err(Unwind::Break | Unwind::Continue) => Ok(Value::None),
        }
    }

    /// Whether a call with `n` positional arguments and nothing else binds them one to one to
    /// `fun`'s parameters (no defaults to fill, no `*args`, keyword-only or `**kwargs`).
    pub(crate) fn binds_plainly(fun: &Function, n: usize) -> bool {
        let def = &fun.def;
        n == def.params.len()
            && def.vararg.is_none()
            && def.kwonly.is_empty()
            && def.kwarg.is_none()
    }

    fn bind_args(&mut self, fun: &Rc<Function>, args: Args, frame: &mut Frame) -> Result<(), Exc> {
        let def = &fun.def;
        // The common call: exactly the positional parameters, nothing else. Bind them directly.
        if args.kw.is_empty()
            && args.pos.len() == def.params.len()
            && def.vararg.is_none()
            && def.kwonly.is_empty()
            && def.kwarg.is_none()
        {
            for (p, v) in def.params.iter().zip(args.pos) {
                put(frame, &p.at, v);
            }
            return Ok(());
        }
        let name = &fun.qualname;
        let n = def.params.len();
        let mut slots: Vec<Option<Value>> = vec![None; n];
        let mut pos = args.pos.into_iter();
        for slot in slots.iter_mut() {
            match pos.next() {
                Some(v) => *slot = Some(v),
                None => break,
            }
        }
        let extra: Vec<Value> = pos.collect();
        if !extra.is_empty() && def.vararg.is_none() {
            let given = n + extra.len();
            let takes = if def.n_defaults > 0 {
                format!("from {} to {} positional arguments", n - def.n_defaults, n)
            } else if n == 1 {
                "1 positional argument".to_string()
            } else {
                format!("{n} positional arguments")
            };
            let were = if given == 1 { "was" } else { "were" };
            return Err(type_error(format!(
                "{name}() takes {takes} but {given} {were} given"
            )));
        }
        let mut kwonly: Vec<Option<Value>> = vec![None; def.kwonly.len()];
        let mut kwargs = Dict::default();
        for (k, v) in args.kw {
            if let Some(i) = def.params.iter().position(|p| p.name == k) {
                if slots[i].is_some() {
                    return Err(type_error(format!(
                        "{name}() got multiple values for argument '{k}'"
                    )));
                }
                slots[i] = Some(v);
            } else if let Some(i) = def.kwonly.iter().position(|p| p.name == k) {
                kwonly[i] = Some(v);
            } else if def.kwarg.is_some() {
                kwargs.insert(
                    super::super::value::HashKey::Str(k.clone()),
                    Value::Str(k),
                    v,
                );
            } else {
                return Err(type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
        let first_default = n - def.n_defaults;
        let mut missing = Vec::new();
        for (i, slot) in slots.iter_mut().enumerate() {
            if slot.is_none() {
                if i >= first_default {
                    *slot = Some(fun.defaults[i - first_default].clone());
                } else {
                    missing.push(format!("'{}'", def.params[i].name));
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{name}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let mut missing_kw = Vec::new();
        for (i, slot) in kwonly.iter_mut().enumerate() {
            if slot.is_none() {
                match &fun.kw_defaults[i] {
                    Some(d) => *slot = Some(d.clone()),
                    None => missing_kw.push(format!("'{}'", def.kwonly[i].name)),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(type_error(format!(
                "{name}() missing {} required keyword-only argument{}: {}",
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                join_names(&missing_kw)
            )));
        }
        for (p, v) in def.params.iter().zip(slots) {
            put(frame, &p.at, v.unwrap_or(Value::None));
        }
        if let Some(va) = &def.vararg {
            put(frame, &va.at, Value::tuple(extra));
        }
        for (p, v) in def.kwonly.iter().zip(kwonly) {
            put(frame, &p.at, v.unwrap_or(Value::None));
        }
        if let Some(kw) = &def.kwarg {
            put(frame, &kw.at, Value::dict(kwargs));
        }
        Ok(())
    }

    /// Call a method by name on an object (`obj.name(*args)`).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult {
        let m = self.getattr(obj, name)?;
        self.call(&m, Args::new(args))
    }
}

#[inline(always)]
pub(crate) fn put(frame: &mut Frame, at: &NameRef, v: Value) {
    match at {
        NameRef::Local(i) => frame.locals[*i as usize] = Some(v),
        NameRef::Cell(i) => *frame.cells[*i as usize].borrow_mut() = Some(v),
        _ => {}
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: CPython's way of listing missing arguments.
fn join_names(names: &[String]) -> String {
    match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => format!(
            "{}, and {}",
            names[..names.len() - 1].join(", "),
            names[names.len() - 1]
        ),
    }
}
