//! Generators: a generator's frame runs on its own small stack (a stackful coroutine, corosensei),
//! so the tree-walking evaluator can stop in the middle of any expression at a `yield` and carry on
//! later from exactly there, with every Rust frame between the generator's body and the `yield`
//! kept as it was. A coroutine's stack is ordinary mapped memory: `fork()` copies it with the rest
//! of the heap, so a child resumes its own copy of a suspended generator.
//!
//! Stacks are mapped only when a generator first runs (a created generator is just its frame),
//! are small (deeper recursion inside a generator moves to new segments, see `stack`), and go back
//! to a small pool when the generator finishes.

use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;
use crate::python::value::PyStr;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult, Yielder};

use super::super::ast::{FrameShape, GenExp};
use super::super::exceptions::{Exc, TbEntry, type_error};
use super::super::value::*;
use super::exec::Unwind;
use super::{Frame, Interp, stack};

/// What a suspended generator is resumed with.
pub enum Resume {
    Send(Value),
    Throw(Exc),
}

/// The coroutine's input: the interpreter (one per process, the same object at every resume) and
/// what to resume with.
type In = (*mut Interp, Resume);
type Co = Coroutine<In, Value, PyResult, DefaultStack>;
pub(crate) type GenYielder = Yielder<In, Value>;

/// The usable size of a generator's stack. A generator's own frame needs a few kilobytes; calls
/// inside it that go deeper than this move to a new segment (`stack::maybe_grow`).
/// Wider in an unoptimized build, whose frames are several times larger (see `call.rs`'s red
/// zone): the stack must hold the red zone and a body's own frames.
const GEN_STACK: usize = if cfg!(debug_assertions) {
    1024 * 1024
} else {
    256 * 1024
};
/// Stacks kept for reuse after their generator finished (mapping one costs two syscalls).
const POOL: usize = 16;

/// A generator dropped while suspended: its qualname, its coroutine, its stack's limit, its kind.
type Orphan = (PyStr, Co, usize, GenKind);

thread_local! {
    static STACKS: RefCell<Vec<DefaultStack>> = const { RefCell::new(Vec::new()) };
    static LIVE_STACKS: Cell<usize> = const { Cell::new(0) };
    /// Generators dropped while suspended, waiting to be closed (their `finally` run) by the
    /// interpreter at the next statement: a `Drop` has no interpreter to run Python with.
    static ORPHANS: RefCell<Vec<Orphan>> = const { RefCell::new(Vec::new()) };
    /// The running event loop's finalizer for async generators dropped while suspended (CPython's
    /// `sys.set_asyncgen_hooks(finalizer=...)`): it schedules their `aclose()` as a task, since
    /// their `finally` blocks may await.
    static ASYNCGEN_FINALIZER: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// Coroutines dropped before they ever ran, waiting for their RuntimeWarning.
    static NEVER_AWAITED: RefCell<Vec<PyStr>> = const { RefCell::new(Vec::new()) };
    /// Whether `ORPHANS` has something: one load per statement.
    static ORPHANS_PENDING: Cell<bool> = const { Cell::new(false) };
    /// Generators started and not finished, by address, in the order they started: the main
    /// process closes those still alive when the program ends, as CPython's finalization does.
    static STARTED: RefCell<indexmap::IndexMap<usize, Weak<Generator>>> =
        RefCell::new(indexmap::IndexMap::new());
    /// The generators running now, innermost last: a `yield from` (or `await`) inside the top
    /// one records what it delegates to there (`gi_yieldfrom`, `cr_await`, `ag_await`).
    static RUNNING: RefCell<Vec<*const Generator>> = const { RefCell::new(Vec::new()) };
}

fn forget_started(g: &Generator) {
    let key = g as *const Generator as usize;
    let _ = STARTED.try_with(|s| s.borrow_mut().swap_remove(&key));
}

/// The body a generator runs: a `def` with `yield`, or a generator expression.
pub enum GenBody {
    Function(Rc<Function>, Box<Frame>),
    /// The expression, its frame and the iterator of its first `for` (evaluated eagerly).
    Expr(Rc<GenExp>, Box<Frame>, Value),
    /// What `coro.__await__()` returns: an iterator that runs the coroutine as `await` does.
    Await(Value),
    /// One step of an async generator, awaited (`__anext__`, `asend`, `athrow`, `aclose`).
    ASend(Rc<Generator>, AStep),
}

/// What an async generator's step does to it.
pub enum AStep {
    Send(Value),
    Throw(Exc),
    Close,
}

enum GenState {
    Created(GenBody),
    Suspended {
        co: Co,
        /// Exceptions the generator was handling when it yielded (its `except` blocks).
        handling: Vec<Exc>,
        /// The lowest usable address of its stack.
        limit: usize,
    },
    Running,
    Done,
}

/// What a generator-like object is: each runs its body on its own stack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    /// Made by calling an `async def`: awaited, not iterated.
    Coroutine,
    /// Made by calling an `async def` with `yield`: iterated with `async for`.
    AsyncGenerator,
    /// What an async generator's `__anext__`/`asend`/`athrow`/`aclose` return: one step of it,
    /// awaited.
    ASend,
    /// What `coro.__await__()` returns: an iterator that awaits the coroutine.
    AwaitWrapper,
}

impl GenKind {
    /// The type's name, as CPython's.
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
            GenKind::ASend => "async_generator_asend",
            GenKind::AwaitWrapper => "coroutine_wrapper",
        }
    }

    /// Iterated with `for`/`next` (a coroutine and an async generator are not).
    pub fn iterable(self) -> bool {
        !matches!(self, GenKind::Coroutine | GenKind::AsyncGenerator)
    }
}

/// A generator object.
pub struct Generator {
    pub name: PyStr,
    pub qualname: PyStr,
    pub kind: GenKind,
    /// The `def` whose call made it (its `gi_code`/`cr_code`/`ag_code`).
    pub func: Option<Rc<Function>>,
    state: RefCell<GenState>,
    /// The iterator its `yield from` / `await` is suspended in, while it is.
    delegate: RefCell<Option<Value>>,
    /// Its body's frame (null for an awaitable of another's step): on the heap in a `Box` the
    /// body owns, so it stays where it is until the generator finishes (`GenState::Done`).
    frame: *const Frame,
    /// A generator expression's own shape (a `def`'s is its function's), for `f_locals`.
    genexp: Option<Rc<GenExp>>,
    /// `gi_frame`, once asked for: the same object each time.
    frame_object: RefCell<Option<Value>>,
}

impl Generator {
    pub fn is_coroutine(&self) -> bool {
        self.kind == GenKind::Coroutine
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        forget_started(self);
        let st = std::mem::replace(self.state.get_mut(), GenState::Done);
        if self.is_coroutine() && matches!(st, GenState::Created(_)) {
            // CPython's "coroutine '...' was never awaited", warned where the interpreter stands
            // when it next looks (the statement that dropped it).
            let name = self.qualname.clone();
            let _ = NEVER_AWAITED.try_with(|o| {
                o.borrow_mut().push(name);
                let _ = ORPHANS_PENDING.try_with(|p| p.set(true));
            });
        }
        if let GenState::Suspended { co, limit, .. } = st {
            let name = self.qualname.clone();
            let kind = self.kind;
            // While the thread's storage is being torn down there is no one left to close it:
            // the coroutine is unwound (its Rust values dropped) and its stack freed.
            let _ = ORPHANS.try_with(|o| {
                o.borrow_mut().push((name, co, limit, kind));
                let _ = ORPHANS_PENDING.try_with(|p| p.set(true));
            });
        }
    }
}

/// How a step of a generator ended.
pub enum Step {
    Yielded(Value),
    Returned(Value),
}

/// Ask for `close_orphans` at the next statement though no generator was dropped: a freed object
/// whose finalizer must run (`modules::finalizers`) uses the same per-statement check.
pub fn run_at_next_statement() {
    let _ = ORPHANS_PENDING.try_with(|p| p.set(true));
}

/// Whether suspended generators were dropped and wait to be closed.
#[inline]
pub fn orphans_pending() -> bool {
    ORPHANS_PENDING.with(Cell::get)
}

fn take_stack() -> PyResult<DefaultStack> {
    if let Some(s) = STACKS.with(|p| p.borrow_mut().pop()) {
        return Ok(s);
    }
    // Under the run's address-space limit, leave at least half of it to everything else: a
    // failed small allocation elsewhere would abort the process, a refused stack is MemoryError.
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit fills the struct it is given.
    let limited = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut lim) } == 0
        && lim.rlim_cur != libc::RLIM_INFINITY;
    let live = LIVE_STACKS.with(Cell::get);
    if limited && ((live + 1) * (GEN_STACK + 4096)) as u64 > lim.rlim_cur / 2 {
        return Err(super::memory_error());
    }
    let s = DefaultStack::new(GEN_STACK).map_err(|_| super::memory_error())?;
    LIVE_STACKS.with(|c| c.set(c.get() + 1));
    Ok(s)
}

fn give_back(s: DefaultStack) {
    STACKS.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL {
            p.push(s);
        } else {
            drop(s);
            LIVE_STACKS.with(|c| c.set(c.get() - 1));
        }
    })
}

impl Interp {
    /// A new generator that will run `body` when first resumed.
    pub(crate) fn make_generator(&mut self, name: PyStr, qualname: PyStr, body: GenBody) -> Value {
        self.make_gen_of(GenKind::Generator, name, qualname, body)
    }

    /// A new coroutine, async generator or awaitable of one of their steps, run when first
    /// sent `None`.
    pub(crate) fn make_gen_of(
        &mut self,
        kind: GenKind,
        name: PyStr,
        qualname: PyStr,
        body: GenBody,
    ) -> Value {
        let func = match &body {
            GenBody::Function(f, _) => Some(f.clone()),
            _ => None,
        };
        let (frame, genexp) = match &body {
            GenBody::Function(_, f) => (std::ptr::from_ref::<Frame>(f), None),
            GenBody::Expr(g, f, _) => (std::ptr::from_ref::<Frame>(f), Some(g.clone())),
            _ => (std::ptr::null(), None),
        };
        Value::Generator(Rc::new(Generator {
            name,
            qualname,
            kind,
            func,
            state: RefCell::new(GenState::Created(body)),
            delegate: RefCell::new(None),
            frame,
            genexp,
            frame_object: RefCell::new(None),
        }))
    }

    /// Resume `g` once: run it until its next `yield` or its end.
    pub fn gen_resume(&mut self, g: &Rc<Generator>, how: Resume) -> PyResult<Step> {
        let st = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Running);
        let (mut co, saved, limit) = match st {
            GenState::Running => {
                *g.state.borrow_mut() = GenState::Running;
                let what = if g.is_coroutine() {
                    "coroutine"
                } else {
                    "generator"
                };
                return Err(Exc::new(
                    ExcKind::ValueError,
                    format!("{what} already executing"),
                ));
            }
            GenState::Done => {
                *g.state.borrow_mut() = GenState::Done;
                if g.is_coroutine() && matches!(how, Resume::Send(_)) {
                    return Err(Exc::new(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    ));
                }
                return match how {
                    Resume::Send(_) => Ok(Step::Returned(Value::None)),
                    Resume::Throw(e) => Err(e),
                };
            }
            GenState::Created(body) => match how {
                // At the limit: see below (no stack is taken for a frame that ends at once).
                Resume::Send(Value::None) if self.at_recursion_limit() => {
                    *g.state.borrow_mut() = GenState::Done;
                    return Err(super::recursion_error());
                }
                Resume::Send(Value::None) => match take_stack() {
                    Ok(s) => {
                        STARTED.with(|m| {
                            m.borrow_mut()
                                .insert(Rc::as_ptr(g) as usize, Rc::downgrade(g))
                        });
                        // The lowest page is the guard page.
                        let limit = s.limit().get() + 4096;
                        let kind = g.kind;
                        let co =
                            Coroutine::with_stack(s, move |y, (ip, _)| run_body(y, ip, body, kind));
                        (co, vec![], limit)
                    }
                    Err(e) => {
                        *g.state.borrow_mut() = GenState::Created(body);
                        return Err(e);
                    }
                },
                Resume::Send(_) => {
                    *g.state.borrow_mut() = GenState::Created(body);
                    let what = if g.is_coroutine() {
                        "coroutine"
                    } else {
                        "generator"
                    };
                    return Err(type_error(format!(
                        "can't send non-None value to a just-started {what}"
                    )));
                }
                // Thrown in before it ran: it ends at once, without running, and a StopIteration
                // leaving it is PEP 479's RuntimeError as from a running one.
                Resume::Throw(e) => {
                    *g.state.borrow_mut() = GenState::Done;
                    return Err(stop_iteration_escaped(g.kind, e));
                }
            },
            GenState::Suspended {
                co,
                handling,
                limit,
            } => (co, handling, limit),
        };
        if self.at_recursion_limit() {
            // CPython enters the generator's frame and unwinds it at once: the generator is
            // finished, its handlers not run, and nothing is left to close when it goes. Kept
            // suspended (a fresh one with its body not yet begun), it was closed when dropped,
            // and closing ran its body: a `yield from g(n + 1)` recursion made new generators
            // to close at each close, printing "Exception ignored" reports without end.
            forget_started(g);
            *g.state.borrow_mut() = GenState::Done;
            drop(saved);
            // Unwound where it stands (its Rust values dropped), as a generator closed with an
            // error is (`close_reporting`); its stack goes with it.
            drop(co);
            LIVE_STACKS.with(|c| c.set(c.get().saturating_sub(1)));
            return Err(super::recursion_error());
        }
        let depth = self.depth;
        self.depth += 1;
        let outer = self.handling.len();
        if !saved.is_empty() {
            self.handling.extend(saved);
        }
        let r = {
            let _limit = stack::enter(limit);
            RUNNING.with(|r| r.borrow_mut().push(Rc::as_ptr(g)));
            let r = co.resume((self as *mut Interp, how));
            RUNNING.with(|r| r.borrow_mut().pop());
            r
        };
        self.depth = depth;
        match r {
            CoroutineResult::Yield(v) => {
                // (Without an allocation in the common case: nothing was being handled.)
                let handling = if self.handling.len() > outer {
                    self.handling.split_off(outer)
                } else {
                    Vec::new()
                };
                *g.state.borrow_mut() = GenState::Suspended {
                    co,
                    handling,
                    limit,
                };
                Ok(Step::Yielded(v))
            }
            CoroutineResult::Return(r) => {
                self.handling.truncate(outer);
                give_back(co.into_stack());
                *g.state.borrow_mut() = GenState::Done;
                forget_started(g);
                r.map(Step::Returned)
            }
        }
    }

    /// `g.gi_running`, `c.cr_await`, `a.ag_running`...: where a generator, coroutine or async
    /// generator stands (`None`: not an attribute of its kind).
    pub(crate) fn gen_attr(&mut self, g: &Rc<Generator>, name: &str) -> Option<Value> {
        let prefix = match g.kind {
            GenKind::Generator => "gi_",
            GenKind::Coroutine => "cr_",
            GenKind::AsyncGenerator => "ag_",
            GenKind::ASend | GenKind::AwaitWrapper => return None,
        };
        let attr = name.strip_prefix(prefix)?;
        let running = matches!(*g.state.borrow(), GenState::Running);
        let suspended = matches!(*g.state.borrow(), GenState::Suspended { .. });
        let delegate = || g.delegate.borrow().clone().unwrap_or(Value::None);
        Some(match (g.kind, attr) {
            // An async generator is running from the start of a step (`__anext__`, `asend`...)
            // to its end, awaits inside included, as CPython's `ag_running`.
            (GenKind::AsyncGenerator, "running") => {
                Value::Bool(running || g.delegate.borrow().is_some())
            }
            (_, "running") => Value::Bool(running),
            (GenKind::Generator | GenKind::Coroutine, "suspended") => Value::Bool(suspended),
            (GenKind::Generator, "yieldfrom") => delegate(),
            (GenKind::Coroutine | GenKind::AsyncGenerator, "await") => delegate(),
            // CPython records where a coroutine was made only under `sys.set_coroutine_origin_
            // tracking_depth`, which is off unless a program turns it on.
            (GenKind::Coroutine, "origin") => Value::None,
            (_, "frame") => self.gen_frame(g),
            _ => return None,
        })
    }

    /// `g.gi_frame`: `None` once the generator finished, else its frame object, which reads the
    /// generator's own frame (the line it stands at, its variables as they are now).
    fn gen_frame(&mut self, g: &Rc<Generator>) -> Value {
        if g.frame.is_null() || matches!(*g.state.borrow(), GenState::Done) {
            return Value::None;
        }
        if let Some(f) = g.frame_object.borrow().as_ref() {
            return f.clone();
        }
        // SAFETY: the generator has not finished, so its body (and the frame it boxes) is alive.
        let frame = unsafe { &*g.frame };
        let file = crate::python::function_attrs::file_of(&frame.globals);
        let code = super::frame_object::code_of_frame(frame, &file);
        let first_line = match &g.func {
            Some(f) => f.def.pos.line,
            None => frame.line,
        };
        let obj = Value::Instance(Rc::new(Instance {
            class: super::frame_object::frame_class(),
            attrs: RefCell::new(Namespace::default()),
            native: RefCell::new(Some(Box::new(GenFrame {
                owner: Rc::downgrade(g),
                last_line: Cell::new(first_line),
                code,
                file,
                globals: frame.globals.clone(),
            }))),
        }));
        *g.frame_object.borrow_mut() = Some(obj.clone());
        obj
    }

    /// `next(g)` for iteration: `None` when it returned.
    pub fn gen_next(&mut self, g: &Rc<Generator>) -> PyResult<Option<Value>> {
        match self.gen_resume(g, Resume::Send(Value::None))? {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Returned(_) => Ok(None),
        }
    }

    /// `g.send(v)` / `g.throw(e)`: the next yielded value, or StopIteration with the return value.
    pub fn gen_step(&mut self, g: &Rc<Generator>, how: Resume) -> PyResult {
        match self.gen_resume(g, how)? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(Value::None) => Err(Exc::with_args(ExcKind::StopIteration, vec![])),
            Step::Returned(v) => Err(Exc::with_args(ExcKind::StopIteration, vec![v])),
        }
    }

    /// `g.close()`: GeneratorExit at the `yield` it waits at, so its `finally` blocks run.
    pub fn gen_close(&mut self, g: &Rc<Generator>) -> PyResult<()> {
        {
            let mut st = g.state.borrow_mut();
            if matches!(*st, GenState::Created(_) | GenState::Done) {
                *st = GenState::Done;
                return Ok(());
            }
        }
        let exit = Exc::with_args(ExcKind::GeneratorExit, vec![]);
        match self.gen_resume(g, Resume::Throw(exit)) {
            Ok(Step::Yielded(_)) => Err(Exc::new(
                ExcKind::RuntimeError,
                "generator ignored GeneratorExit",
            )),
            Ok(Step::Returned(_)) => Ok(()),
            Err(e) if e.is(ExcKind::GeneratorExit) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `yield v` inside a running generator: hand `v` to whoever resumed it, and wait.
    pub(crate) fn yield_raw(&mut self, v: Value) -> Resume {
        let y = self
            .yielders
            .pop()
            .expect("`yield` is refused outside a function when the file is parsed");
        // SAFETY: the yielder lives on the generator's stack, which is running now (it is on top
        // of `yielders` because this frame is the running generator's).
        let how = unsafe { suspend(&*y, self, v) };
        self.yielders.push(y);
        how
    }

    /// The value of a `yield` expression.
    pub(crate) fn yield_value(&mut self, v: Value) -> PyResult {
        match self.yield_raw(v) {
            Resume::Send(v) => Ok(v),
            Resume::Throw(e) => Err(e),
        }
    }

    /// `yield from sub`: pass every value, send and throw through to `sub` until it ends; its
    /// return value is the expression's value.
    pub(crate) fn yield_from(&mut self, sub: &Value) -> PyResult {
        if let Value::Generator(g) = sub
            && g.is_coroutine()
        {
            return Err(type_error(
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            ));
        }
        let it = self.iter(sub)?;
        self.yield_from_iter(it)
    }

    /// `await x` inside a coroutine: x's iterator (a coroutine itself, or what its type's
    /// `__await__` returns) is run as `yield from` runs it, so what it yields (a Future) goes up
    /// to whoever drives the outermost coroutine (the event loop's Task).
    pub(crate) fn await_value(&mut self, x: &Value) -> PyResult {
        let it = self.awaitable_iter(x)?;
        self.yield_from_iter(it)
    }

    /// The iterator `await x` runs, with CPython's refusals.
    pub(crate) fn awaitable_iter(&mut self, x: &Value) -> PyResult {
        if let Value::Generator(g) = x
            && g.kind == GenKind::ASend
        {
            return Ok(x.clone());
        }
        if let Value::Generator(g) = x
            && g.is_coroutine()
        {
            if matches!(*g.state.borrow(), GenState::Done) {
                return Err(Exc::new(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            return Ok(x.clone());
        }
        let method = match x {
            Value::Instance(i) => i.class.lookup("__await__").map(|m| super::bind(m, x)),
            _ => None,
        };
        let Some(method) = method else {
            return Err(type_error(format!(
                "object {} can't be used in 'await' expression",
                x.type_name()
            )));
        };
        let it = self.call(&method, Args::default())?;
        match &it {
            Value::Generator(g) if g.is_coroutine() => {
                Err(type_error("__await__() returned a coroutine"))
            }
            Value::Generator(_) | Value::Iterator(_) => Ok(it),
            Value::Instance(i) if i.class.lookup("__next__").is_some() => Ok(it),
            other => Err(type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                other.type_name()
            ))),
        }
    }

    /// One step of an async generator, run inside the awaitable that `__anext__` (or `asend`,
    /// `athrow`, `aclose`) returned: what its `await`s yield (Futures) passes up to the task,
    /// what its `yield` gives is this awaitable's result.
    pub(crate) fn async_gen_step(&mut self, agen: &Rc<Generator>, step: AStep) -> PyResult {
        let closing = matches!(step, AStep::Close);
        if closing && matches!(*agen.state.borrow(), GenState::Created(_) | GenState::Done) {
            *agen.state.borrow_mut() = GenState::Done;
            return Ok(Value::None);
        }
        let mut how = match step {
            AStep::Send(v) => Resume::Send(v),
            AStep::Throw(e) => Resume::Throw(e),
            AStep::Close => Resume::Throw(Exc::with_args(ExcKind::GeneratorExit, vec![])),
        };
        loop {
            self.async_yield = false;
            let r = self.gen_resume(agen, how);
            let own = std::mem::take(&mut self.async_yield);
            match r {
                Ok(Step::Yielded(_)) if own && closing => {
                    return Err(Exc::new(
                        ExcKind::RuntimeError,
                        "async generator ignored GeneratorExit",
                    ));
                }
                Ok(Step::Yielded(v)) if own => return Ok(v),
                Ok(Step::Yielded(v)) => how = self.yield_raw(v),
                Ok(Step::Returned(_)) if closing => return Ok(Value::None),
                Ok(Step::Returned(_)) => {
                    return Err(Exc::with_args(ExcKind::StopAsyncIteration, vec![]));
                }
                Err(e) if closing && e.is(ExcKind::GeneratorExit) => return Ok(Value::None),
                Err(e) if e.is(ExcKind::StopAsyncIteration) => {
                    return Err(Exc::new(
                        ExcKind::RuntimeError,
                        "async generator raised StopAsyncIteration",
                    ));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Run `it` (already an iterator) as `yield from` does.
    pub(crate) fn yield_from_iter(&mut self, it: Value) -> PyResult {
        let mut how = Resume::Send(Value::None);
        loop {
            let step = match (&it, how) {
                (Value::Generator(g), how) => self.gen_resume(g, how),
                (_, Resume::Send(Value::None)) => self
                    .next(&it)
                    .map(|o| o.map_or(Step::Returned(Value::None), Step::Yielded)),
                (_, Resume::Send(v)) => self.call_method(&it, "send", vec![v]).map(Step::Yielded),
                (_, Resume::Throw(e)) if e.is(ExcKind::GeneratorExit) => {
                    if let Some(close) = self.getattr_opt(&it, "close")? {
                        self.call(&close, Args::default())?;
                    }
                    return Err(e);
                }
                (_, Resume::Throw(e)) => match self.getattr_opt(&it, "throw")? {
                    Some(throw) => self
                        .call(&throw, Args::new(vec![Value::Instance(e.value.clone())]))
                        .map(Step::Yielded),
                    None => return Err(e),
                },
            };
            let step = match step {
                Err(e) if e.is(ExcKind::StopIteration) && !matches!(it, Value::Generator(_)) => {
                    Step::Returned(e.args().into_iter().next().unwrap_or(Value::None))
                }
                other => other?,
            };
            match step {
                Step::Yielded(v) => {
                    let me = RUNNING.with(|r| r.borrow().last().copied());
                    // SAFETY: the top of RUNNING is the generator whose body runs this (its
                    // `gen_resume` holds it alive until the resume returns).
                    let me = me.map(|p| unsafe { &*p });
                    if let Some(g) = me {
                        *g.delegate.borrow_mut() = Some(it.clone());
                    }
                    how = self.yield_raw(v);
                    if let Some(g) = me {
                        g.delegate.borrow_mut().take();
                    }
                }
                Step::Returned(v) => return Ok(v),
            }
        }
    }

    /// Close the generators dropped while suspended (CPython closes them when their last
    /// reference goes): their `finally` blocks run now, between statements.
    #[cold]
    pub(crate) fn close_orphans(&mut self, at: Option<TbEntry>) {
        ORPHANS_PENDING.with(|p| p.set(false));
        crate::python::modules::finalizers::run_pending(self);
        while let Some(name) = NEVER_AWAITED.with(|o| o.borrow_mut().pop()) {
            self.warn_never_awaited(&name);
        }
        while let Some((qualname, co, limit, kind)) = ORPHANS.with(|o| o.borrow_mut().pop()) {
            let g = Rc::new(Generator {
                name: qualname.clone(),
                kind,
                func: None,
                qualname,
                state: RefCell::new(GenState::Suspended {
                    co,
                    handling: Vec::new(),
                    limit,
                }),
                delegate: RefCell::new(None),
                frame: std::ptr::null(),
                genexp: None,
                frame_object: RefCell::new(None),
            });
            let hook = ASYNCGEN_FINALIZER.with(|h| h.borrow().clone());
            if kind == GenKind::AsyncGenerator
                && let Some(hook) = hook
            {
                match self.call(&hook, Args::new(vec![Value::Generator(g.clone())])) {
                    Ok(_) => continue,
                    Err(e) => {
                        let text = self.exception_line(&e);
                        crate::runtime::output::write(
                            crate::trace::Stream::Stderr,
                            &format!("Exception ignored in: {}\n{text}\n", g.qualname),
                        );
                    }
                }
            }
            self.close_reporting(&g, at.clone());
        }
    }

    /// `RuntimeWarning: coroutine 'f' was never awaited` through `warnings` (its filters apply),
    /// with CPython's tracemalloc line (the warning has a source object).
    fn warn_never_awaited(&mut self, qualname: &str) {
        let r = (|| -> PyResult<()> {
            let warnings = crate::python::modules::import(self, "warnings")?;
            let warn = self.getattr(&warnings, "warn")?;
            let category = Value::Class(ExcKind::RuntimeWarning.class());
            let msg = Value::str(&format!("coroutine '{qualname}' was never awaited"));
            let mut args = Args::new(vec![msg, category]);
            args.kw.push((PyStr::from("source"), Value::Bool(true)));
            self.call(&warn, args)?;
            Ok(())
        })();
        if let Err(e) = r {
            // As CPython: an error raised by the warning (the "error" filter) is reported, not
            // raised, since no Python code called the deallocation.
            let text = self.exception_line(&e);
            crate::runtime::output::write(
                crate::trace::Stream::Stderr,
                &format!("Exception ignored in: <coroutine object {qualname}>\n{text}\n"),
            );
        }
    }

    /// Close `g`; an exception it raises is printed, not raised (as CPython does for a generator
    /// closed by the garbage collector).
    fn close_reporting(&mut self, g: &Rc<Generator>, at: Option<TbEntry>) {
        if let Err(e) = self.gen_close(g) {
            // CPython's report: the exception's own traceback (the generator's frames), or, for
            // one raised by the closing itself, the frame that dropped the generator; no chain.
            let mut tb = e.traceback();
            if tb.is_empty() {
                tb.extend(at);
            }
            let mut text = String::new();
            if !tb.is_empty() {
                text.push_str("Traceback (most recent call last):\n");
            }
            text.push_str(&self.frames_text(&tb));
            text.push_str(&self.exception_line(&e));
            text.push('\n');
            crate::runtime::output::write(
                crate::trace::Stream::Stderr,
                &format!(
                    "Exception ignored in: <generator object {} at 0x{:x}>\n{text}",
                    g.qualname,
                    Rc::as_ptr(g) as usize
                ),
            );
        }
        // One that ignored GeneratorExit is not asked again: its stack is unwound and freed
        // without running Python (dropping it would queue it to be closed once more).
        let st = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Done);
        forget_started(g);
        drop(st);
    }

    /// At the main program's end: close every generator still suspended (its `finally` blocks
    /// run), as CPython does when it clears the module at exit.
    pub fn close_generators_at_exit(&mut self) {
        self.close_orphans(None);
        loop {
            let next = STARTED.with(|s| s.borrow().values().next().cloned());
            let Some(weak) = next else { break };
            match weak.upgrade() {
                Some(g) => {
                    forget_started(&g);
                    if matches!(*g.state.borrow(), GenState::Suspended { .. }) {
                        self.close_reporting(&g, None);
                    }
                }
                None => {
                    STARTED.with(|s| s.borrow_mut().shift_remove_index(0));
                }
            }
            self.close_orphans(None);
        }
    }
}

/// Set (or clear, with `None`) the finalizer of async generators dropped while suspended.
pub fn set_asyncgen_finalizer(hook: Option<Value>) {
    ASYNCGEN_FINALIZER.with(|h| *h.borrow_mut() = hook);
}

/// Suspend at a `yield`. While suspended, whoever resumes other generators changes the interpreter
/// (its `yielders`, `depth`, `handling`...): `it` is handed to this opaque call so that the
/// compiler cannot keep the interpreter's fields in registers across it, as it may across a call
/// that does not see them.
#[inline(never)]
fn suspend(y: &GenYielder, it: &mut Interp, v: Value) -> Resume {
    std::hint::black_box(std::ptr::from_mut(it));
    let (resumer, how) = y.suspend(v);
    debug_assert!(std::ptr::eq(resumer, it), "one interpreter per process");
    std::hint::black_box(resumer);
    how
}

/// The generator's side of the coroutine: run the body to its end.
fn run_body(y: &GenYielder, ip: *mut Interp, body: GenBody, kind: GenKind) -> PyResult {
    // SAFETY: the interpreter resuming this coroutine passed itself and does not touch itself
    // until `resume` returns; every later resume passes the same interpreter.
    let it = unsafe { &mut *ip };
    it.yielders.push(y as *const GenYielder);
    let r = match body {
        GenBody::Function(fun, mut frame) => match it.exec_block(&fun.def.body, &mut frame) {
            Ok(()) | Err(Unwind::Break | Unwind::Continue) => Ok(Value::None),
            Err(Unwind::Return) => Ok(std::mem::replace(&mut frame.returned, Value::None)),
            Err(Unwind::Exc(e)) => Err(e),
        },
        GenBody::Expr(g, mut frame, first) => {
            it.genexp_body(&g, &mut frame, first).map(|()| Value::None)
        }
        GenBody::Await(coro) => it.await_value(&coro),
        GenBody::ASend(agen, step) => it.async_gen_step(&agen, step),
    };
    it.yielders.pop();
    r.map_err(|e| stop_iteration_escaped(kind, e))
}

/// PEP 479: a StopIteration escaping a generator would end the caller's loop silently, so it
/// becomes a RuntimeError (CPython's words name the kind: "coroutine raised StopIteration").
fn stop_iteration_escaped(kind: GenKind, e: Exc) -> Exc {
    if !e.is(ExcKind::StopIteration) {
        return e;
    }
    let what = match kind {
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
        _ => "generator",
    };
    let new = Exc::new(
        ExcKind::RuntimeError,
        format!("{what} raised StopIteration"),
    );
    new.raised_from(&e)
}

/// A generator's frame object (`gi_frame`, `cr_frame`, `ag_frame`): of CPython's `frame` type,
/// reading the generator's frame while the generator has not finished.
struct GenFrame {
    owner: Weak<Generator>,
    /// The line last read, which a frame object kept after its generator finished goes on saying.
    last_line: Cell<u32>,
    code: Value,
    file: PyStr,
    globals: Rc<RefCell<Namespace>>,
}

impl crate::python::native_object::NativeObject for GenFrame {
    fn slots(&self) -> &'static crate::python::native_object::Slots {
        static SLOTS: crate::python::native_object::Slots = crate::python::native_object::Slots {
            attr: Some(gen_frame_attr),
            repr: Some(gen_frame_repr),
            ..crate::python::native_object::Slots::NONE
        };
        &SLOTS
    }
}

/// The generator's frame, while it has not finished, with the shape naming its variables.
fn live_frame(g: &Generator) -> Option<(&Frame, &FrameShape)> {
    if g.frame.is_null() || matches!(*g.state.borrow(), GenState::Done) {
        return None;
    }
    // SAFETY: not finished, so the body boxing the frame is alive (see `Generator::frame`).
    let frame = unsafe { &*g.frame };
    let shape = match (&g.func, &g.genexp) {
        (Some(f), _) => &f.def.frame,
        (None, Some(e)) => &e.frame,
        (None, None) => return None,
    };
    Some((frame, shape))
}

fn gen_frame_of(inst: &Instance) -> Option<std::cell::Ref<'_, GenFrame>> {
    std::cell::Ref::filter_map(inst.native.borrow(), |n| {
        n.as_ref().and_then(|b| b.downcast_ref::<GenFrame>())
    })
    .ok()
}

/// The line a generator's frame stands at: where it is suspended, or its `def` line before it
/// started (its frame's line is 0 until its first statement).
fn gen_frame_line(f: &GenFrame) -> u32 {
    if let Some(g) = f.owner.upgrade()
        && let Some((frame, _)) = live_frame(&g)
        && frame.line != 0
    {
        f.last_line.set(frame.line);
    }
    f.last_line.get()
}

fn gen_frame_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str) -> PyResult<Option<Value>> {
    let Some(f) = gen_frame_of(inst) else {
        return Ok(None);
    };
    Ok(Some(match name {
        "f_code" => f.code.clone(),
        "f_lineno" => Value::Int(i64::from(gen_frame_line(&f))),
        "f_globals" => super::frame_object::namespace_dict(&f.globals.borrow()),
        "f_builtins" => super::frame_object::namespace_dict(&it.builtins),
        "f_locals" => {
            let g = f.owner.upgrade();
            let mut d = Dict::default();
            if let Some((frame, shape)) = g.as_deref().and_then(live_frame) {
                for (name, at) in &shape.names {
                    let v = match *at {
                        crate::python::ast::NameRef::Local(i) => {
                            frame.locals.get(i as usize).cloned().flatten()
                        }
                        crate::python::ast::NameRef::Cell(i) => {
                            frame.cells.get(i as usize).and_then(|c| c.borrow().clone())
                        }
                        _ => None,
                    };
                    if let Some(v) = v {
                        d.insert(HashKey::Str(name.clone()), Value::Str(name.clone()), v);
                    }
                }
            }
            Value::dict(d)
        }
        // A suspended generator's frame has no caller.
        "f_back" => Value::None,
        "f_lasti" => Value::Int(0),
        "f_trace" => Value::None,
        "f_trace_lines" => Value::Bool(true),
        "f_trace_opcodes" => Value::Bool(false),
        _ => return Ok(None),
    }))
}

fn gen_frame_repr(_: &mut Interp, inst: &Rc<Instance>) -> PyResult<Option<String>> {
    let Some(f) = gen_frame_of(inst) else {
        return Ok(None);
    };
    let name = match &f.code {
        Value::Instance(c) => match c.attrs.borrow().get("co_name") {
            Some(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    Ok(Some(format!(
        "<frame at 0x{:x}, file '{}', line {}, code {name}>",
        Rc::as_ptr(inst) as usize,
        f.file,
        gen_frame_line(&f)
    )))
}

/// `g.send(value)`.
pub fn send(it: &mut Interp, a: Args) -> PyResult {
    let g = this(&a, "send")?;
    Sig::c_pos("send", "generator", &["value"], 1)
        .method()
        .bind::<1>(&a)?;
    it.gen_step(&g, Resume::Send(a.pos[1].clone()))
}

/// `g.throw(type[, value[, traceback]])` or `g.throw(exception)`, as CPython 3.11.
pub fn throw(it: &mut Interp, a: Args) -> PyResult {
    let g = this(&a, "throw")?;
    Sig::c_pos("throw", "generator", &["typ", "val", "tb"], 1)
        .counted()
        .method()
        .bind::<3>(&a)?;
    let base = ExcKind::BaseException.class();
    let typ = a.pos[1].clone();
    let value = a.pos.get(2).cloned().unwrap_or(Value::None);
    let exc = match &typ {
        Value::Class(c) if c.is_subclass(&base) => match &value {
            Value::Instance(i) if i.class.is_subclass(c) => Exc { value: i.clone() },
            Value::None => it.to_exception(typ.clone())?,
            Value::Tuple(t) => to_exc(it.call(&typ, Args::new(t.to_vec()))?)?,
            v => to_exc(it.call(&typ, Args::new(vec![v.clone()]))?)?,
        },
        Value::Instance(i) if i.class.is_subclass(&base) => {
            if !matches!(value, Value::None) {
                return Err(type_error(
                    "instance exception may not have a separate value",
                ));
            }
            Exc { value: i.clone() }
        }
        other => {
            return Err(type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                other.type_name()
            )));
        }
    };
    it.gen_step(&g, Resume::Throw(exc))
}

fn to_exc(v: Value) -> PyResult<Exc> {
    match v {
        Value::Instance(ref i) => Ok(Exc { value: i.clone() }),
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

/// `g.close()`.
pub fn close(it: &mut Interp, a: Args) -> PyResult {
    let g = this(&a, "close")?;
    it.gen_close(&g).map(|()| Value::None)
}

/// `g.__next__()`.
pub fn dunder_next(it: &mut Interp, a: Args) -> PyResult {
    let g = this(&a, "__next__")?;
    it.gen_step(&g, Resume::Send(Value::None))
}

/// `g.__iter__()`: a generator is its own iterator.
pub fn dunder_iter(_: &mut Interp, a: Args) -> PyResult {
    this(&a, "__iter__").map(Value::Generator)
}

fn this(a: &Args, m: &str) -> PyResult<Rc<Generator>> {
    match a.pos.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(type_error(format!(
            "descriptor '{m}' for 'generator' objects needs a generator"
        ))),
    }
}

/// `coro.__await__()`: the iterator `await` runs (CPython's coroutine_wrapper; here a generator
/// whose body awaits the coroutine).
pub fn dunder_await(it: &mut Interp, a: Args) -> PyResult {
    let g = this(&a, "__await__")?;
    let (name, qualname) = (g.name.clone(), g.qualname.clone());
    let body = GenBody::Await(Value::Generator(g));
    Ok(it.make_gen_of(GenKind::AwaitWrapper, name, qualname, body))
}

/// An awaitable of one step of the async generator `a.pos[0]`.
fn async_step(it: &mut Interp, a: &Args, m: &str, step: AStep) -> PyResult {
    let g = this(a, m)?;
    let (name, qualname) = (g.name.clone(), g.qualname.clone());
    Ok(it.make_gen_of(GenKind::ASend, name, qualname, GenBody::ASend(g, step)))
}

/// `agen.__anext__()`: an awaitable of its next value (StopAsyncIteration at its end).
pub fn anext(it: &mut Interp, a: Args) -> PyResult {
    async_step(it, &a, "__anext__", AStep::Send(Value::None))
}

/// `agen.asend(value)`.
pub fn asend(it: &mut Interp, a: Args) -> PyResult {
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    async_step(it, &a, "asend", AStep::Send(v))
}

/// `agen.athrow(exception)`: the exception raised at its `yield`.
pub fn athrow(it: &mut Interp, a: Args) -> PyResult {
    let e = match a.pos.get(1) {
        Some(Value::Instance(i)) => Exc { value: i.clone() },
        Some(c @ Value::Class(_)) => it.to_exception(c.clone())?,
        _ => return Err(type_error("athrow expected an exception")),
    };
    async_step(it, &a, "athrow", AStep::Throw(e))
}

/// `agen.aclose()`: GeneratorExit at its `yield`, so its `finally` blocks run (and may await).
pub fn aclose(it: &mut Interp, a: Args) -> PyResult {
    async_step(it, &a, "aclose", AStep::Close)
}

/// `agen.__aiter__()`: an async generator is its own async iterator.
pub fn aiter(_: &mut Interp, a: Args) -> PyResult {
    this(&a, "__aiter__").map(Value::Generator)
}

/// The methods of an async generator object.
pub fn async_gen_lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "__aiter__" => aiter,
        "__anext__" => anext,
        "asend" => asend,
        "athrow" => athrow,
        "aclose" => aclose,
        _ => return None,
    })
}

/// The methods of a coroutine object (no `__next__`/`__iter__`: it is awaited, not iterated).
pub fn coroutine_lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "send" => send,
        "throw" => throw,
        "close" => close,
        "__await__" => dunder_await,
        _ => return None,
    })
}

/// The methods of a generator object.
pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "send" => send,
        "throw" => throw,
        "close" => close,
        "__next__" => dunder_next,
        "__iter__" => dunder_iter,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::capture::capture;

    fn run(src: &str) -> String {
        let (code, got) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "{}", got.stderr);
        got.stdout
    }

    #[test]
    fn finished_generators_give_their_stacks_back_to_the_pool() {
        let out = run("n = 0\nfor i in range(5000):\n    n += sum(x for x in (i, 1))\nprint(n)\n");
        assert_eq!(out, "12502500\n");
        // 5 000 generators ran one after another on at most a pool's worth of stacks.
        assert!(
            LIVE_STACKS.with(Cell::get) <= POOL,
            "{}",
            LIVE_STACKS.with(Cell::get)
        );
        assert!(STARTED.with(|s| s.borrow().is_empty()));
    }

    #[test]
    fn names_and_repr_follow_cpython() {
        let out = run(
            "def f():\n    return (x for x in 'a')\ndef g():\n    yield\nprint(g().__name__, f().__qualname__, repr(g()).startswith('<generator object g at 0x'))\n",
        );
        assert_eq!(out, "g f.<locals>.<genexpr> True\n");
    }

    #[test]
    fn state_attributes_follow_the_generator_and_its_frame_goes_with_it() {
        let out = run(concat!(
            "def sub():\n    yield 1\n",
            "def g():\n    yield g_.gi_running\n    yield from s\n",
            "s = sub()\ng_ = g()\nf = g_.gi_frame\n",
            "print(g_.gi_suspended, f.f_lineno, next(g_), g_.gi_suspended, f.f_lineno)\n",
            "print(next(g_), g_.gi_yieldfrom is s, f.f_lineno, next(g_, 'end'), g_.gi_frame)\n",
        ));
        assert_eq!(out, "False 3 True True 4\n1 True 5 end None\n");
    }

    #[test]
    fn a_coroutine_is_driven_by_send_and_is_not_reused() {
        let out = run(concat!(
            "class Tick:\n    def __await__(self):\n        return (yield 'tick')\n",
            "async def f():\n    return 1 + await Tick()\n",
            "c = f()\nprint(type(c).__name__, c.send(None))\n",
            "try:\n    c.send(41)\nexcept StopIteration as e:\n    print(e.value)\n",
            "try:\n    c.send(None)\nexcept RuntimeError as e:\n    print(e)\n",
        ));
        assert_eq!(
            out,
            "coroutine tick\n42\ncannot reuse already awaited coroutine\n"
        );
    }

    #[test]
    fn an_async_generator_step_gives_its_yield_and_passes_awaits_up() {
        let out = run(concat!(
            "class Tick:\n    def __await__(self):\n        return (yield 'up')\n",
            "async def g():\n    x = await Tick()\n    yield x * 2\n",
            "a = g()\nstep = a.__anext__()\nprint(type(step).__name__, step.send(None))\n",
            "try:\n    step.send(5)\nexcept StopIteration as e:\n    print(e.value)\n",
            "try:\n    a.__anext__().send(None)\nexcept StopAsyncIteration:\n    print('end')\n",
        ));
        assert_eq!(out, "async_generator_asend up\n10\nend\n");
    }
}
