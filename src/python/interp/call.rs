//! Calls: user functions (argument binding with CPython's messages), natives, bound methods, classes.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::ast::NameRef;
use super::super::exceptions::{Exc, TbEntry, type_error};
use super::super::value::*;
use super::exec::Unwind;
use super::{Frame, Interp, bind};

/// Red zone and growth step for the native stack: deep Python recursion grows the stack in
/// segments instead of overflowing it, so `RecursionError` is the only limit a program meets.
/// An unoptimized build's frames are several times larger (`eval`'s is about 28 KB in a debug
/// build), so the nested evaluations between two calls' checks need a wider zone there.
const STACK_RED_ZONE: usize = if cfg!(debug_assertions) {
    384 * 1024
} else {
    128 * 1024
};
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
            Value::Class(c) => self.instantiate(c, args),
            Value::Instance(inst) if Rc::ptr_eq(&inst.class, &self.classes.staticmethod) => {
                let f = inst.attrs.borrow().get("__func__").cloned();
                self.call(&f.unwrap_or(Value::None), args)
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

    /// Call a class: its metaclass's `__call__` when it has one of its own, else `__new__` and
    /// `__init__` (`Interp::construct`).
    pub fn instantiate(&mut self, c: &Rc<Class>, args: Args) -> PyResult {
        let meta = c.meta.borrow().clone();
        if let Some(meta) = meta
            && let Some(call) = meta.lookup("__call__")
        {
            return self.call(&bind(call, &Value::Class(c.clone())), args);
        }
        check_abstract(c)?;
        // A builtin type itself (`dict(a=1)`): its own constructor.
        if let Some(ctor) = super::super::subclass::constructor(c) {
            let mut a = args;
            // `int(Color.RED)`, `float(Mass(2))`: the number an int or float subclass carries.
            if matches!(&*c.name, "int" | "float")
                && let Some(n) = a.pos.first().and_then(super::super::subclass::base_of)
                && matches!(n, Value::Int(_) | Value::BigInt(_) | Value::Float(_))
            {
                a.pos[0] = n;
            }
            a.pos.insert(0, Value::Class(c.clone()));
            return ctor(self, a);
        }
        // A class derived from a builtin type, without a `__new__` of its own: the base value,
        // then `__init__` (subclass.rs).
        // (A native `__new__` set on the class itself counts: `time.struct_time`'s.)
        let own_new = c
            .lookup("__new__")
            .is_some_and(|n| !matches!(n, Value::Builtin(_)))
            || c.attrs.borrow().contains_key("__new__");
        if !own_new && let Some(base) = super::super::subclass::builtin_base(c) {
            return super::super::subclass::instantiate(self, c, &base, args);
        }
        if !own_new && let Some(base) = super::super::subclass::native_base(c) {
            return super::super::subclass::instantiate_native(self, c, &base, args);
        }
        self.construct(c, args)
    }

    /// Call a user function with `Args`: bind them, then run the body.
    pub fn call_function(&mut self, fun: &Rc<Function>, args: Args) -> PyResult {
        let mut frame = self.function_frame(fun);
        self.bind_args(fun, args, &mut frame)?;
        if fun.def.is_generator {
            return self.run_function(fun, frame);
        }
        self.run_frame(fun, &mut frame)
    }

    /// A fresh frame for a call of `fun`, its closure cells in place and its parameters unbound.
    /// The locals' storage comes from the frames that calls before this one left behind.
    #[inline(always)]
    pub(crate) fn function_frame(&mut self, fun: &Rc<Function>) -> Frame {
        let def = &fun.def;
        // The frame is built first and its vectors filled where they lie: a locals vector grown
        // apart and then moved in was stored word by word and read back 16 bytes at a time, a
        // missed store-to-load forwarding that perf showed as this function's hottest instruction.
        let mut frame = Frame {
            locals: self.spare_locals.pop().unwrap_or_default(),
            cells: Vec::new(),
            globals: fun.globals.clone(),
            class_ns: None,
            func: Some(fun.clone()),
            name: def.name.clone(),
            line: 0,
            returned: Value::None,
        };
        self.fill_frame(fun, &mut frame);
        frame
    }

    /// The locals (unbound) and closure cells of a call of `fun` in `frame`, built with empty
    /// vectors (its locals' storage may come from a finished call) where it will run: the hot
    /// call site (`call_plainly`) writes the frame's fields itself, as `function_frame` returning
    /// it copied the frame from where it was built to where it ran, reading back in 16-byte
    /// pieces the words just stored (12% of `call_plainly`'s samples).
    #[inline(always)]
    pub(crate) fn fill_frame(&mut self, fun: &Rc<Function>, frame: &mut Frame) {
        let def = &fun.def;
        // A push per slot: `resize` clones its `None` through `Value`'s `Clone` for every slot.
        let n = def.frame.n_locals as usize;
        frame.locals.reserve(n);
        for _ in 0..n {
            frame.locals.push(None);
        }
        if def.frame.n_cells > 0 {
            frame.cells = (0..def.frame.n_cells)
                .map(|_| Rc::new(RefCell::new(None)))
                .collect();
            let n_own = def.frame.n_cells as usize - fun.closure.len();
            for (i, c) in fun.closure.iter().enumerate() {
                frame.cells[n_own + i] = c.clone();
            }
        }
    }

    /// Run a user function's body in `frame`, whose parameters are already bound: every call of a
    /// user function ends here (a generator function's call makes its generator instead).
    pub(crate) fn run_function(&mut self, fun: &Rc<Function>, mut frame: Frame) -> PyResult {
        let def = &fun.def;
        if def.is_generator {
            let body = super::generator::GenBody::Function(fun.clone(), Box::new(frame));
            if def.is_async {
                let kind = if def.is_async_gen {
                    super::generator::GenKind::AsyncGenerator
                } else {
                    super::generator::GenKind::Coroutine
                };
                return Ok(self.make_gen_of(kind, def.name.clone(), fun.qualname.clone(), body));
            }
            return Ok(self.make_generator(def.name.clone(), fun.qualname.clone(), body));
        }
        self.run_frame(fun, &mut frame)
    }

    /// Run the body of `fun`, not a generator function, in `frame`, which stays where the call
    /// site built it: moving it here copied its twelve words back in 16-byte pieces right after
    /// they were stored one by one, a stall perf put on 22% of `call_plainly`'s samples.
    #[inline(always)]
    pub(crate) fn run_frame(&mut self, fun: &Rc<Function>, frame: &mut Frame) -> PyResult {
        let def = &fun.def;
        self.enter_frame()?;
        self.live_frames
            .push((self.depth, std::ptr::from_ref::<Frame>(frame)));
        let r = super::stack::maybe_grow(STACK_RED_ZONE, STACK_GROWTH, || {
            self.exec_block(&def.body, frame)
        });
        self.live_frames.pop();
        if self.frames_watched {
            // The exception by value: a reference to `r` passed out would keep it in memory on
            // every call.
            let exc = match &r {
                Err(Unwind::Exc(e)) => Some(e.clone()),
                _ => None,
            };
            self.frame_returns(frame, exc);
        }
        self.leave_frame();
        let r = match r {
            Ok(()) | Err(Unwind::Break | Unwind::Continue) => Ok(Value::None),
            Err(Unwind::Return) => Ok(std::mem::replace(&mut frame.returned, Value::None)),
            Err(Unwind::Exc(e)) => Err(e),
        };
        // The locals' storage serves the next call (a loop of calls allocates none).
        let mut locals = std::mem::take(&mut frame.locals);
        for v in locals.drain(..).flatten() {
            super::super::value_drop::discard(v);
        }
        if self.spare_locals.len() < SPARE_LOCALS {
            self.spare_locals.push(locals);
        }
        // The cells go too, so a generator that only this call's frame held is closed now, as
        // CPython closes it when the frame goes. The rest of the frame (shared with the function)
        // is dropped where it lies: `drop(frame)` moved it first, reading back in 16-byte pieces
        // the words just stored, a stall perf put on 16% of this function's samples.
        frame.cells = Vec::new();
        if super::generator::orphans_pending() {
            let at = TbEntry {
                frame: 0,
                file: self.file_of_globals(&fun.globals),
                line: frame.line,
                func: def.name.clone(),
            };
            self.close_orphans(Some(at));
        }
        r
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
        // The slots on the stack for the usual few parameters: two vectors allocated and freed
        // per call were a third of a keyword call's time (`g(i, c=3)` 2.5x CPython's).
        let mut slots_here: [Option<Value>; 8] = [const { None }; 8];
        let mut slots_heap: Vec<Option<Value>> = Vec::new();
        let slots: &mut [Option<Value>] = if n <= slots_here.len() {
            &mut slots_here[..n]
        } else {
            slots_heap.resize(n, None);
            &mut slots_heap
        };
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
        let mut kwonly_here: [Option<Value>; 4] = [const { None }; 4];
        let mut kwonly_heap: Vec<Option<Value>> = Vec::new();
        let kwonly: &mut [Option<Value>] = if def.kwonly.len() <= kwonly_here.len() {
            &mut kwonly_here[..def.kwonly.len()]
        } else {
            kwonly_heap.resize(def.kwonly.len(), None);
            &mut kwonly_heap
        };
        let mut kwargs = Dict::default();
        let mut posonly_as_kw = Vec::new();
        for (k, v) in args.kw {
            let at = def.params.iter().position(|p| p.name == k);
            if let Some(i) = at.filter(|&i| i < def.n_posonly) {
                // A positional-only name given as a keyword: `**kwargs` takes it, or it is an
                // error CPython reports after binding everything else.
                if def.kwarg.is_some() {
                    kwargs.insert(HashKey::Str(k.clone()), Value::Str(k), v);
                } else {
                    posonly_as_kw.push(format!("'{}'", def.params[i].name));
                }
            } else if let Some(i) = at {
                if slots[i].is_some() {
                    return Err(type_error(format!(
                        "{name}() got multiple values for argument '{k}'"
                    )));
                }
                slots[i] = Some(v);
            } else if let Some(i) = def.kwonly.iter().position(|p| p.name == k) {
                kwonly[i] = Some(v);
            } else if def.kwarg.is_some() {
                kwargs.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            } else {
                return Err(type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(type_error(format!(
                "{name}() got some positional-only arguments passed as keyword arguments: {}",
                posonly_as_kw.join(", ")
            )));
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
        for (p, v) in def.params.iter().zip(slots.iter_mut()) {
            put(frame, &p.at, v.take().unwrap_or(Value::None));
        }
        if let Some(va) = &def.vararg {
            put(frame, &va.at, Value::tuple(extra));
        }
        for (p, v) in def.kwonly.iter().zip(kwonly.iter_mut()) {
            put(frame, &p.at, v.take().unwrap_or(Value::None));
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
        NameRef::Local(i) => super::super::value_drop::replace_slot(
            &mut frame.locals[*i as usize],
            super::eval::settle_value(v),
        ),
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

/// CPython's `object.__new__` refuses a class whose `__abstractmethods__` (computed by
/// `abc.ABCMeta`) is not empty.
fn check_abstract(c: &Rc<Class>) -> Result<(), Exc> {
    let names: Vec<String> = match c.lookup("__abstractmethods__") {
        Some(Value::FrozenSet(ref s)) => s
            .map
            .values()
            .filter_map(|v| match v {
                Value::Str(n) => Some(n.to_string()),
                _ => None,
            })
            .collect(),
        _ => return Ok(()),
    };
    if names.is_empty() {
        return Ok(());
    }
    let mut names = names;
    names.sort();
    Err(type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        c.name,
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    )))
}
