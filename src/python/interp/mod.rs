//! The evaluator: frames, calls, attributes, iteration. Statements live in `exec`, expressions in
//! `eval`. One `Interp` per process; after `fork()` the child carries on with its copy.

mod call;
mod classes;
mod describe;
mod descriptors;
mod eval;
mod except_star;
mod exec;
pub(crate) mod frame_object;
pub mod generator;
mod generic_alias;
mod import_star;
mod locals;
pub(crate) mod namespace_view;
mod pattern;
pub(crate) mod stack;

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::ast::{FrameShape, Module as AstModule, Pos};
use super::builtin_classes::{self, Builtins};
use super::dict_iter::{DictIter, SetIter, Yields};
use super::exceptions::{self, Exc, TbEntry, attribute_error, type_error};
use super::iter_kind::IterKind;
use super::value::*;

pub use classes::builtin_attr;
pub use classes::{meta_method, meta_of, type_new};
pub use descriptors::install_property;
pub use exec::Unwind;
pub use generator::Generator;
pub use namespace_view::is_instance_dict;

/// The largest single object (a string, list...) a program may build. Past it, `MemoryError`, as
/// CPython raises when an allocation fails, instead of the process being killed by the kernel.
pub const MAX_OBJECT_BYTES: usize = 1 << 30;

/// The `MemoryError` for an object over [`MAX_OBJECT_BYTES`].
pub fn memory_error() -> Exc {
    Exc::with_args(ExcKind::MemoryError, vec![])
}

/// How deep Python calls may nest before `RecursionError` by default, as CPython's default limit;
/// `sys.setrecursionlimit` changes an interpreter's own `recursion_limit`.
pub const RECURSION_LIMIT: usize = 1000;

/// One activation of a function, class body or module.
pub struct Frame {
    pub locals: Vec<Option<Value>>,
    pub cells: Vec<CellRef>,
    pub globals: Rc<RefCell<Namespace>>,
    /// A class body's namespace while it runs.
    pub class_ns: Option<Rc<RefCell<Namespace>>>,
    /// The function running in this frame (for zero-argument `super()`).
    pub func: Option<Rc<Function>>,
    /// For the traceback: `<module>`, a function's name.
    pub name: PyStr,
    pub line: u32,
    /// The value of the `return` statement unwinding this frame: kept here and not in
    /// `Unwind::Return`, so a statement's `Flow` is two words and comes back in registers (a
    /// three-word value in it was written to memory and read back at every statement, a stall
    /// perf put on 28% of `run_function`'s samples). A `finally` runs in the same frame, and its
    /// own `return` replaces the value, as in CPython.
    pub returned: Value,
}

impl Frame {
    pub fn new(shape: &FrameShape, globals: Rc<RefCell<Namespace>>, name: PyStr) -> Frame {
        Frame {
            locals: vec![None; shape.n_locals as usize],
            cells: (0..shape.n_cells)
                .map(|_| Rc::new(RefCell::new(None)))
                .collect(),
            globals,
            class_ns: None,
            func: None,
            name,
            line: 0,
            returned: Value::None,
        }
    }
}

/// Called before every statement with the process's current place (see `runtime`): publishes the
/// line for the observer. Kept as a plain function pointer so it costs one indirect call.
pub type StatementHook = fn(Pos);

/// Python-level state of the process running this interpreter, as `multiprocessing` keeps it.
#[derive(Clone, Default)]
pub struct ProcessInfo {
    pub name: PyStr,
    /// `_identity`: () for the main process, (2,) for Process-2, (2, 1) for its first child.
    pub identity: Vec<u32>,
    /// Counter for names of Process objects made in this process.
    pub counter: u32,
    pub daemon: bool,
    /// The `Process` object that represents this process in its parent (None in the main).
    pub this: Option<Value>,
    /// The parent's name and pid, for `parent_process()`.
    pub parent: Option<(PyStr, i32)>,
    /// Child Process objects started by this process and not yet known to be finished.
    pub children: Vec<Value>,
    /// The start method of the default context (`set_start_method`, or `fork` fixed by the first
    /// use), `None` while nothing has fixed it, as CPython's `DefaultContext`.
    pub start_method: Option<&'static str>,
    /// A spawned child is re-running the main program as `__mp_main__`: starting a process now is
    /// CPython's "bootstrapping phase" error.
    pub importing_main: bool,
    /// Starting processes is refused (an in-process run under a test harness must not fork).
    pub no_fork: bool,
}

/// The interpreter of one process.
pub struct Interp {
    pub file: PyStr,
    pub source: PyStr,
    pub builtins: Namespace,
    /// The builtin classes, compared by identity (`Rc::ptr_eq`), never by name.
    pub classes: Rc<Builtins>,
    pub modules: HashMap<PyStr, Value>,
    pub globals: Rc<RefCell<Namespace>>,
    pub depth: usize,
    /// `sys.getrecursionlimit()`: the depth at which a call raises `RecursionError`.
    pub recursion_limit: usize,
    /// Exceptions being handled (innermost last), for implicit chaining and bare `raise`.
    pub handling: Vec<Exc>,
    pub hook: Option<StatementHook>,
    /// How many more statements (and comprehension steps) may run; `None` = no limit. Only tools
    /// that run untrusted programs in-process (the fuzz tests) set it.
    pub budget: Option<u64>,
    pub process: ProcessInfo,
    /// Containers being repr'd, to print `[...]` for a list that contains itself.
    pub(crate) repr_stack: Vec<usize>,
    /// Emptied locals vectors of finished calls, reused by the next calls.
    pub(crate) spare_locals: Vec<Vec<Option<Value>>>,
    /// The running generators' yielders, innermost last: where a `yield` hands its value.
    pub(crate) yielders: Vec<*const generator::GenYielder>,
    /// Set by an async generator's `yield` just before it suspends: tells the `__anext__`
    /// awaitable resuming it that the value is the generator's, not a Future its `await` passes up.
    pub(crate) async_yield: bool,
    /// The program's own frames running now and their lines (library lines do not move them):
    /// the place a `logging` record names as its caller.
    pub callers: super::callers::Callers,
    /// The frames running now, outermost first, each with the depth its statements run at: read
    /// only when `logging` is first imported, to note the program's frames already running then
    /// (`callers` notes nothing before: most programs never log).
    pub(crate) live_frames: Vec<(usize, *const Frame)>,
    /// The frame objects of running frames and CPython's library frames (see `frame_object`):
    /// boxed, so that the interpreter's hot fields stay where they were.
    pub(crate) frame_state: Box<frame_object::FrameState>,
    /// Set once a program may look at frames (a frame object was made, `inspect` or `traceback`
    /// imported): from then on returning calls tell their frame objects (`frame_returns`).
    pub(crate) frames_watched: bool,
}

impl Interp {
    /// A fresh interpreter for `file`.
    pub fn new(file: &str, source: &str) -> Interp {
        let classes = Rc::new(Builtins::new());
        builtin_classes::set_current(classes.clone());
        let mut it = Interp {
            file: PyStr::from(file),
            source: PyStr::from(source),
            builtins: Namespace::default(),
            classes: classes.clone(),
            modules: HashMap::new(),
            globals: Rc::new(RefCell::new(Namespace::default())),
            depth: 0,
            recursion_limit: RECURSION_LIMIT,
            handling: Vec::new(),
            hook: None,
            budget: None,
            process: ProcessInfo {
                name: PyStr::from("MainProcess"),
                ..Default::default()
            },
            repr_stack: Vec::new(),
            spare_locals: Vec::new(),
            yielders: Vec::new(),
            async_yield: false,
            callers: Default::default(),
            live_frames: Vec::new(),
            frame_state: Box::default(),
            frames_watched: false,
        };
        for cls in classes.exception_classes() {
            it.builtins
                .insert(cls.name.clone(), Value::Class(cls.clone()));
        }
        // The names OSError kept from before PEP 3151 merged them into it.
        let os_error = Value::Class(classes.exc(ExcKind::OSError).clone());
        for alias in ["IOError", "EnvironmentError"] {
            it.builtins.insert(PyStr::from(alias), os_error.clone());
        }
        super::builtins::install(&mut it);
        {
            let mut g = it.globals.borrow_mut();
            g.insert(PyStr::from("__name__"), Value::str("__main__"));
            // CPython 3.11 runs the main module with an absolute `__file__`.
            let abs = std::path::absolute(file).map(|p| p.to_string_lossy().into_owned());
            g.insert(
                PyStr::from("__file__"),
                Value::str(abs.as_deref().unwrap_or(file)),
            );
        }
        it
    }

    /// Run a module body in the global frame.
    pub fn run_module(&mut self, m: &AstModule) -> Result<(), Exc> {
        let mut frame = Frame::new(&m.frame, self.globals.clone(), PyStr::from("<module>"));
        self.globals
            .borrow_mut()
            .entry(PyStr::from("__doc__"))
            .or_insert_with(|| classes::docstring(&m.body));
        self.live_frames
            .push((self.depth, std::ptr::from_ref(&frame)));
        let r = self.exec_block(&m.body, &mut frame);
        self.live_frames.pop();
        match r {
            Ok(()) => Ok(()),
            Err(Unwind::Exc(e)) => Err(e),
            Err(_) => Ok(()),
        }
    }

    /// The file whose code runs with `globals`: the program's, or a library module's.
    pub(crate) fn file_of_globals(&self, globals: &Rc<RefCell<Namespace>>) -> PyStr {
        if Rc::ptr_eq(globals, &self.globals) {
            return self.file.clone();
        }
        match globals.borrow().get("__file__") {
            Some(Value::Str(f)) => f.clone(),
            _ => self.file.clone(),
        }
    }

    /// A line of a traceback's file: the program's source, or a library module's.
    pub fn source_line_in(&self, file: &str, line: u32) -> Option<String> {
        // CPython's own multiprocessing frames above a child's (their marker line included).
        if let Some(src) = super::modules::cpython_frames::source_of(file, line) {
            return Some(src);
        }
        match super::modules::library::source_of_file(file) {
            Some(src) => src
                .lines()
                .nth(line.saturating_sub(1) as usize)
                .map(|l| l.trim().to_string()),
            None => self.source_line(line),
        }
    }

    /// A line of the program's source, for tracebacks.
    pub fn source_line(&self, line: u32) -> Option<String> {
        self.source
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .map(|l| l.trim().to_string())
    }

    /// Render an uncaught exception as CPython does, with its chain of causes.
    pub fn format_exception(&mut self, e: &Exc) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(e, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, e: &Exc, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(Rc::as_ptr(&e.value) as usize);
        let cause = e.attr("__cause__").filter(|v| !matches!(v, Value::None));
        let context = e.attr("__context__").filter(|v| !matches!(v, Value::None));
        let suppress = matches!(e.attr("__suppress_context__"), Some(Value::Bool(true)));
        if let Some(Value::Instance(ref c)) = cause {
            if !seen.contains(&(Rc::as_ptr(c) as usize)) {
                self.format_chain(&Exc { value: c.clone() }, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let (Some(Value::Instance(ref c)), false) = (context, suppress)
            && !seen.contains(&(Rc::as_ptr(c) as usize))
        {
            self.format_chain(&Exc { value: c.clone() }, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        // An exception group draws its members in nested boxes (exceptions_group.rs).
        if e.is(ExcKind::BaseExceptionGroup) {
            let text = super::exceptions_group::format(self, e, 0, &mut false);
            out.push_str(&text);
            return;
        }
        let stack = self.stack_text(e);
        if !stack.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(&stack);
        }
        out.push_str(&self.exception_line(e));
        out.push('\n');
    }

    /// The frames of `e`'s traceback, each `  File ..., line N, in f` and its source line.
    pub fn stack_text(&mut self, e: &Exc) -> String {
        self.frames_text(&e.traceback())
    }

    /// Traceback entries as CPython prints them: each `  File ..., line N, in f` and its source
    /// line, a run of one entry past three as `[Previous line repeated N more times]`.
    pub fn frames_text(&mut self, tb: &[TbEntry]) -> String {
        use crate::python::tb_repeats::{Shown, repeated_line, shown};
        let mut out = String::new();
        for s in shown(tb) {
            let t = match s {
                Shown::Entry(t) => t,
                Shown::Repeated(n) => {
                    out.push_str(&repeated_line(n));
                    continue;
                }
            };
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                t.file, t.line, t.func
            ));
            if let Some(src) = self
                .source_line_in(&t.file, t.line)
                .filter(|s| !s.is_empty())
            {
                out.push_str(&format!("    {src}\n"));
            }
        }
        out
    }

    /// `ValueError: message`, as the last line of a traceback.
    pub fn exception_line(&mut self, e: &Exc) -> String {
        let cls = &e.value.class;
        let name = match &*cls.module {
            "builtins" | "__main__" => cls.qualname.to_string(),
            module => format!("{module}.{}", cls.qualname),
        };
        // A `__str__` that raises: CPython's report says so instead of the message.
        let text = self
            .str_of(&Value::Instance(e.value.clone()))
            .unwrap_or_else(|_| "<exception str() failed>".into());
        let mut line = if text.is_empty() {
            name
        } else {
            format!("{name}: {text}")
        };
        // Notes added with `add_note` (3.11) follow, one per line.
        let notes = e.value.attrs.borrow().get("__notes__").cloned();
        if let Some(Value::List(ref notes)) = notes {
            for n in notes.borrow().iter() {
                line.push('\n');
                line.push_str(&self.str_of(n).unwrap_or_default());
            }
        }
        line
    }

    /// The str() of an exception: its one argument, or the repr of its args.
    pub fn exception_str(&mut self, inst: &Rc<Instance>) -> PyResult<String> {
        let args = match inst.attrs.borrow().get("args") {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        let is_key_error = inst.class.is_subclass(&ExcKind::KeyError.class());
        // (OSError's `[Errno 32] Broken pipe` is its own `__str__`: exceptions_os.rs.)
        Ok(match args.len() {
            0 => String::new(),
            1 if is_key_error => self.repr(&args[0])?,
            1 => self.str_of(&args[0])?,
            _ => self.repr(&Value::tuple(args))?,
        })
    }

    // ---- attributes -------------------------------------------------------------------------

    /// `obj.name`.
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attr(obj, name)),
        }
    }

    fn no_attr(&self, obj: &Value, name: &str) -> Exc {
        match obj {
            Value::Module(m) => {
                attribute_error(format!("module '{}' has no attribute '{}'", m.name, name))
            }
            Value::Class(c) => attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                c.name, name
            )),
            _ => attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                name
            )),
        }
    }

    /// `obj.name`, or `None` when there is no such attribute.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" && !matches!(obj, Value::Instance(_) | Value::Super(_)) {
            return Ok(Some(Value::Class(super::builtins::type_of(obj))));
        }
        Ok(match obj {
            Value::Instance(inst) => {
                // A `__getattribute__` of the program's own sees every lookup; `__getattr__` is
                // asked when it (or the default lookup) finds nothing.
                if inst.class.has_hooks()
                    && let Some(ga) = inst.class.lookup("__getattribute__")
                {
                    let r = self.call(&bind(ga, obj), Args::new(vec![Value::str(name)]));
                    return match r {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.is(ExcKind::AttributeError) => {
                            match inst.class.lookup("__getattr__") {
                                Some(g) => {
                                    let f = bind(g, obj);
                                    self.call(&f, Args::new(vec![Value::str(name)])).map(Some)
                                }
                                None => Err(e),
                            }
                        }
                        Err(e) => Err(e),
                    };
                }
                if let Some(v) = self.generic_getattr(obj, inst, name)? {
                    return Ok(Some(v));
                }
                if let Some(ga) = inst.class.lookup("__getattr__") {
                    let f = bind(ga, obj);
                    return self.call(&f, Args::new(vec![Value::str(name)])).map(Some);
                }
                None
            }
            Value::Class(c) => match name {
                "__name__" => Some(Value::Str(c.name.clone())),
                "__qualname__" => Some(Value::Str(c.qualname.clone())),
                "__module__" => Some(Value::Str(c.module.clone())),
                "__mro__" => Some(Value::tuple(
                    c.mro
                        .borrow()
                        .iter()
                        .map(|k| Value::Class(k.clone()))
                        .collect(),
                )),
                "__bases__" => Some(Value::tuple(
                    c.bases.iter().map(|k| Value::Class(k.clone())).collect(),
                )),
                "__base__" => c.bases.first().map(|b| Value::Class(b.clone())),
                "__dict__" => Some(namespace_view::class_dict(c)),
                _ => match c.lookup(name) {
                    // `Cls.static_or_class_method` unwraps (a classmethod binds to the class);
                    // a plain function stays a function.
                    Some(Value::Instance(ref i))
                        if Rc::ptr_eq(&i.class, &self.classes.staticmethod)
                            || Rc::ptr_eq(&i.class, &self.classes.classmethod) =>
                    {
                        Some(bind(Value::Instance(i.clone()), obj))
                    }
                    // A descriptor on the class answers for the class too (`__get__(None, C)`).
                    Some(Value::Instance(ref d)) if descriptors::is_descriptor(d) => {
                        return self.descriptor_get(d, &Value::None, c, name).map(Some);
                    }
                    // A builtin type's method (`int.__repr__`, `D.keys` for `class D(dict)`):
                    // the descriptor that checks the object it is called on.
                    Some(v @ Value::Builtin(_))
                        if c.mro
                            .borrow()
                            .iter()
                            .find(|k| k.attrs.borrow().contains_key(name))
                            .is_some_and(|k| &*k.module == "builtins") =>
                    {
                        Some(super::descriptors::unbound(c, name, v))
                    }
                    Some(v) => Some(v),
                    None => return self.class_attr_fallback(c, obj, name),
                },
            },
            Value::Module(m) => {
                let found = m.attrs.borrow().get(name).cloned();
                let hook = m.attrs.borrow().get("__getattr__").cloned();
                match (found, hook) {
                    (Some(v), _) => Some(v),
                    // A module's own `__getattr__(name)` answers for names it lacks (PEP 562);
                    // its AttributeError means "no such attribute".
                    (None, Some(f)) if name != "__getattr__" => {
                        match self.call(&f, Args::new(vec![Value::str(name)])) {
                            Ok(v) => Some(v),
                            Err(e) if e.is(ExcKind::AttributeError) => None,
                            Err(e) => return Err(e),
                        }
                    }
                    (None, _) => None,
                }
            }
            Value::Super(s) => {
                let (cls, this) = (&s.0, &s.1);
                // The super object's own attributes (`None` is an unbound super's NULL).
                match name {
                    // `super` finds its own `__class__` before the MRO's (CPython's
                    // super_getattro skips the search for that one name).
                    "__class__" => return Ok(Some(Value::Class(super::builtins::type_of(obj)))),
                    "__thisclass__" => return Ok(Some(Value::Class(cls.clone()))),
                    "__self__" => return Ok(Some(this.clone())),
                    "__self_class__" => {
                        return Ok(Some(match this {
                            Value::None => Value::None,
                            Value::Class(c) if c.is_subclass(cls) => this.clone(),
                            other => Value::Class(super::builtins::type_of(other)),
                        }));
                    }
                    _ => {}
                }
                let start = match this {
                    Value::Instance(i) => i.class.clone(),
                    // In a classmethod the class's own MRO; in a metaclass's method (`this` is
                    // a class made by it) the metaclass's.
                    Value::Class(c) if c.is_subclass(cls) => c.clone(),
                    Value::Class(c) => meta_of(c),
                    _ => return Ok(None),
                };
                let mro = start.mro.borrow().clone();
                let after = mro
                    .iter()
                    .position(|k| Rc::ptr_eq(k, cls))
                    .map(|p| p + 1)
                    .unwrap_or(mro.len());
                let found = mro[after..]
                    .iter()
                    .find_map(|k| k.attrs.borrow().get(name).cloned());
                match found {
                    // `__new__` is a static method: `super().__new__(cls)` passes the class.
                    Some(v @ Value::Function(_)) if name == "__new__" => Some(v),
                    Some(v) if name == "__new__" && matches!(v, Value::Builtin(_)) => Some(v),
                    // `super(C, C).m`: a plain function reached through a class is given as
                    // it is (`function.__get__(None, C)`), not bound to the class; a
                    // metaclass's method (`this` an instance of it) still binds.
                    Some(v @ Value::Function(_)) if matches!(this, Value::Class(c) if c.is_subclass(cls)) => {
                        Some(v)
                    }
                    // `super(B, self).p`: a property or another descriptor found past `B` runs
                    // its `__get__` on the object, as CPython's super_getattro does.
                    Some(Value::Instance(ref d))
                        if matches!(this, Value::Instance(_))
                            && (is_property(d) || descriptors::is_descriptor(d)) =>
                    {
                        Some(self.descriptor_get(d, this, &start, name)?)
                    }
                    Some(v) => Some(bind(v, this)),
                    // `super().update(x)` in a dict subclass: the base value's own method.
                    None if super::subclass::base_of(this)
                        .is_some_and(|b| super::methods::lookup(&b, name).is_some()) =>
                    {
                        let base = super::subclass::base_of(this).expect("checked");
                        let f = super::methods::lookup(&base, name).expect("checked");
                        Some(Value::BoundMethod(Rc::new(BoundMethod {
                            this: base,
                            func: Value::builtin(name, f),
                        })))
                    }
                    // `super().__init__()` and friends reach `object`'s and `type`'s own.
                    None => mro[after..]
                        .iter()
                        .filter(|k| &*k.module == "builtins")
                        .find_map(|k| classes::builtin_attr(&k.name, name))
                        .map(|f| classes::bind_builtin_attr(name, f, this)),
                }
            }
            Value::Function(f)
                if !f.attrs.borrow().is_empty() && f.attrs.borrow().contains_key(name) =>
            {
                f.attrs.borrow().get(name).cloned()
            }
            Value::Function(f) => match name {
                "__dict__" => Some(namespace_view::function_dict(f)),
                "__name__" => Some(Value::Str(f.def.name.clone())),
                "__qualname__" => Some(Value::Str(f.qualname.clone())),
                "__module__" => Some(match f.globals.borrow().get("__name__") {
                    Some(Value::Str(m)) => Value::Str(m.clone()),
                    _ => Value::str("__main__"),
                }),
                "__doc__" if f.def.is_lambda => Some(Value::None),
                "__doc__" => Some(classes::docstring(&f.def.body)),
                _ => super::function_attrs::special(f, name),
            },
            Value::Builtin(b) => match name {
                "__qualname__" | "__objclass__" if super::descriptors::attr(b, name).is_some() => {
                    super::descriptors::attr(b, name)
                }
                "__name__" | "__qualname__" => Some(Value::Str(b.name.clone())),
                _ if name.starts_with("__") => super::methods::object_attr(obj, name),
                _ => None,
            },
            Value::Slice(s) if matches!(name, "start" | "stop" | "step") => {
                super::methods::slice_attr(s, name)
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
                if matches!(name, "real" | "imag" | "numerator" | "denominator") =>
            {
                super::methods::number_attr(obj, name)
            }
            Value::Generator(g) if name == "__name__" => Some(Value::Str(g.name.clone())),
            Value::Generator(g) if name == "__qualname__" => Some(Value::Str(g.qualname.clone())),
            Value::Generator(g)
                if matches!(name, "gi_code" | "cr_code" | "ag_code") && g.func.is_some() =>
            {
                let f = g.func.as_ref().expect("checked");
                let code = super::function_attrs::special(f, "__code__");
                // Where the def is, as tracebacks name its file (asyncio's Task repr says it).
                if let Some(Value::Instance(c)) = &code {
                    let file = Value::Str(self.file_of_globals(&f.globals));
                    c.attrs
                        .borrow_mut()
                        .insert(PyStr::from("co_filename"), file);
                }
                code
            }
            Value::Generator(g) if name.as_bytes().get(2) == Some(&b'_') => {
                match self.gen_attr(g, name) {
                    Some(v) => Some(v),
                    None => super::methods::lookup(obj, name)
                        .map(|f| {
                            Value::BoundMethod(Rc::new(BoundMethod {
                                this: obj.clone(),
                                func: Value::builtin(name, f),
                            }))
                        })
                        .or_else(|| super::methods::object_attr(obj, name)),
                }
            }
            Value::Range(r) if matches!(name, "start" | "stop" | "step") => {
                Some(super::methods::range_attr(r, name))
            }
            Value::BoundMethod(m) => match name {
                "__self__" => Some(m.this.clone()),
                "__func__" => Some(m.func.clone()),
                _ => return self.getattr_opt(&m.func.clone(), name),
            },
            _ => match super::methods::lookup(obj, name) {
                Some(f) => Some(Value::BoundMethod(Rc::new(BoundMethod {
                    this: obj.clone(),
                    func: Value::builtin(name, f),
                }))),
                // `d.__getitem__`, `(5).__add__`: the slot methods of the value's type.
                // Then what every object has (`[].__format__`, `{}.__hash__`, `[].__doc__`).
                None if name.starts_with("__") => {
                    match super::builtins::type_of(obj).lookup(name) {
                        Some(m) => Some(bind(m, obj)),
                        None => super::methods::object_attr(obj, name),
                    }
                }
                None => None,
            },
        })
    }

    /// `object.__getattribute__`: a data descriptor of the class, the instance's own attribute,
    /// another descriptor or method of the class, the native attributes; `None` when none has it.
    pub(crate) fn generic_getattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok({
            {
                // A data descriptor (a property...) wins over the instance's own attribute (one
                // set before the descriptor was added to the class).
                if let Some(d) = inst.class.data_descriptor(name) {
                    return self.descriptor_get(&d, obj, &inst.class, name).map(Some);
                }
                if let Some(v) = inst.attrs.borrow().get(name) {
                    return Ok(Some(v.clone()));
                }
                if name == "__dict__" && !classes::is_slotted(&inst.class) {
                    return Ok(Some(namespace_view::instance_dict(inst)));
                }
                match inst.class.lookup(name) {
                    Some(Value::Instance(ref d)) if descriptors::is_descriptor(d) => {
                        return self.descriptor_get(d, obj, &inst.class, name).map(Some);
                    }
                    // A native attribute (`m.ndim`) the instance no longer holds: a released
                    // memoryview's refusal.
                    Some(Value::Builtin(ref b)) if super::methods::getset_repr(b).is_some() => {
                        return Err(super::methods::memoryview::unheld(obj, name));
                    }
                    Some(v) => Some(bind(v, obj)),
                    None => {
                        if name == "__class__" {
                            return Ok(Some(Value::Class(inst.class.clone())));
                        }
                        if inst.class.native_kind() == Some(NativeKind::BaseException) {
                            match name {
                                "__cause__" | "__context__" => return Ok(Some(Value::None)),
                                "__traceback__" => {
                                    let e = exceptions::Exc {
                                        value: inst.clone(),
                                    };
                                    return Ok(Some(super::modules::traceback::object_of(
                                        self, &e,
                                    )));
                                }
                                "__suppress_context__" => return Ok(Some(Value::Bool(false))),
                                // The value a generator returned.
                                "value"
                                    if inst.class.is_subclass(&ExcKind::StopIteration.class()) =>
                                {
                                    let args = inst.attrs.borrow().get("args").cloned();
                                    return Ok(Some(match args {
                                        Some(Value::Tuple(ref t)) if !t.is_empty() => t[0].clone(),
                                        _ => Value::None,
                                    }));
                                }
                                "code" if inst.class.is_subclass(&ExcKind::SystemExit.class()) => {
                                    let args = inst.attrs.borrow().get("args").cloned();
                                    return Ok(Some(match args {
                                        Some(Value::Tuple(ref t)) if t.len() == 1 => t[0].clone(),
                                        Some(Value::Tuple(ref t)) if t.is_empty() => Value::None,
                                        Some(t) => t,
                                        None => Value::None,
                                    }));
                                }
                                _ => {}
                            }
                        }
                        if let Some(v) = super::natives::instance_attr(self, inst, name)? {
                            return Ok(Some(v));
                        }
                        // `I(5).real` for `class I(int)`: the base value's number attributes.
                        if matches!(name, "real" | "imag" | "numerator" | "denominator")
                            && let Some(base) = super::subclass::base_of_instance(inst)
                            && let Some(v) = super::methods::number_attr(&base, name)
                        {
                            return Ok(Some(v));
                        }
                        // `D().fromkeys(...)`: the alternate constructor makes the instance's class.
                        if super::subclass::base_of_instance(inst).is_some()
                            && let Some(v) =
                                super::methods::constructor_on_instance(&inst.class, name)
                        {
                            return Ok(Some(v));
                        }
                        // `self.items()` in a dict subclass: the base value's own method.
                        if let Some(base) = super::subclass::base_of_instance(inst)
                            && let Some(f) = super::methods::lookup(&base, name)
                        {
                            return Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
                                this: base,
                                func: Value::builtin(name, f),
                            }))));
                        }
                        // `object.__reduce_ex__`, `__reduce__`, `__getstate__` (methods/reduce.rs).
                        // ... and `object.__sizeof__` (python/sizeof.rs).
                        if let Some(f) = super::methods::reduce_method(obj, name)
                            .or_else(|| super::methods::instance_sizeof(name))
                        {
                            return Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
                                this: obj.clone(),
                                func: Value::builtin(name, f),
                            }))));
                        }
                        // ... and the rest of what every object has from `object`.
                        super::methods::instance_object_attr(&inst.class, obj, name)
                    }
                }
            }
        })
    }

    /// `C.name` that neither `C` nor its bases hold: the metaclass's attribute (its methods bind
    /// to the class), then what builtin types and `object` define natively.
    fn class_attr_fallback(
        &mut self,
        c: &Rc<Class>,
        obj: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let meta = c.meta.borrow().clone();
        if let Some(m) = meta
            && let Some(v) = m.lookup(name)
        {
            return match v {
                Value::Instance(ref d) if is_property(d) || descriptors::is_descriptor(d) => {
                    self.descriptor_get(d, obj, &m, name).map(Some)
                }
                v => Ok(Some(bind(v, obj))),
            };
        }
        if let Some(d) = super::descriptors::made(c, name) {
            return Ok(Some(d));
        }
        // `L.append` for `class L(list)`: a builtin base's methods, found by name (its alternate
        // constructors make the class: `D.fromkeys(...)` is a `D`).
        let builtin_method = c
            .mro
            .borrow()
            .iter()
            .filter(|k| &*k.module == "builtins")
            .find_map(|k| {
                super::methods::on_class(c, &k.name, name)
                    .map(|v| super::descriptors::native(c, k, name, v))
            });
        if let Some(v) = builtin_method {
            return Ok(Some(v));
        }
        let found = c
            .mro
            .borrow()
            .iter()
            .filter(|k| &*k.module == "builtins")
            .find_map(|k| {
                classes::builtin_attr(&k.name, name)
                    .map(|v| super::descriptors::native(c, k, name, v))
            });
        // `C.mro()`: `type`'s method, bound to the class as the metaclass's methods are.
        if found.is_none() && name == "mro" {
            return Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
                this: obj.clone(),
                func: Value::builtin("mro", classes::type_mro),
            }))));
        }
        Ok(found)
    }

    /// `obj.name = value`.
    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if inst.class.has_hooks()
                    && let Some(sa) = inst.class.lookup("__setattr__")
                {
                    let args = Args::new(vec![Value::str(name), value]);
                    return self.call(&bind(sa, obj), args).map(drop);
                }
                self.generic_setattr(obj, inst, name, value)
            }
            Value::Class(c) => {
                if matches!(&value, Value::Instance(p) if is_data_descriptor(p)) {
                    c.has_property.set(true);
                }
                if ACCESS_HOOKS.contains(&name) {
                    c.hooks.set(true);
                }
                c.attrs.borrow_mut().insert(PyStr::from(name), value);
                super::inline_cache::classes_changed();
                Ok(())
            }
            Value::Module(m) => {
                m.attrs.borrow_mut().insert(PyStr::from(name), value);
                Ok(())
            }
            Value::Function(f) => {
                super::function_attrs::check_set(name, &value)?;
                f.attrs.borrow_mut().insert(PyStr::from(name), value);
                Ok(())
            }
            // `(1).__class__ = C`: a builtin value's class never changes.
            _ if name == "__class__" => Err(type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            )),
            // A number's `real` is a read-only descriptor, a method read-only, anything else
            // missing: CPython 3.11's three sentences.
            _ => Err(super::methods::setattr_refusal(self, obj, name)?),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.class.has_hooks()
                && let Some(da) = inst.class.lookup("__delattr__")
            {
                let args = Args::new(vec![Value::str(name)]);
                return self.call(&bind(da, obj), args).map(drop);
            }
            return self.generic_delattr(obj, inst, name);
        }
        if let Value::Class(c) = obj
            && c.attrs.borrow_mut().shift_remove(name).is_some()
        {
            super::inline_cache::classes_changed();
            return Ok(());
        }
        if let Value::Function(f) = obj
            && f.attrs.borrow_mut().shift_remove(name).is_some()
        {
            return Ok(());
        }
        Err(self.no_attr(obj, name))
    }

    // ---- iteration --------------------------------------------------------------------------

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let it = match v {
            Value::List(l) => Iter::List {
                list: l.clone(),
                pos: 0,
            },
            Value::Tuple(t) => Iter::Seq {
                items: t.clone(),
                pos: 0,
                kind: IterKind::Tuple,
            },
            Value::Str(s) => Iter::Str {
                s: s.clone(),
                pos: 0,
            },
            Value::Range(r) if r.big.is_some() => {
                return Ok(super::methods::range::long_iter(r, false));
            }
            Value::Range(r) => Iter::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Dict(d) => Iter::Dict(DictIter::new(d.clone(), Yields::Keys, false)),
            Value::Set(s) => Iter::Set(SetIter::new(s.clone())),
            Value::FrozenSet(s) => Iter::Seq {
                items: s.iteration_order().into(),
                pos: 0,
                kind: IterKind::Set,
            },
            Value::Bytes(b) => Iter::Seq {
                items: b.iter().map(|x| Value::Int(*x as i64)).collect(),
                pos: 0,
                kind: IterKind::Bytes,
            },
            Value::Generator(g) if !g.kind.iterable() => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    g.kind.type_name()
                )));
            }
            Value::Iterator(_) | Value::Generator(_) => return Ok(v.clone()),
            Value::Class(c) if meta_method(c, "__iter__").is_some() => {
                let f = meta_method(c, "__iter__").expect("checked");
                let r = self.call(&bind(f, v), Args::default())?;
                return self.iter(&r);
            }
            Value::Instance(inst) => {
                if let Some(f) = inst.class.lookup("__iter__") {
                    let r = self.call(&bind(f, v), Args::default())?;
                    // An object with __next__ is its own iterator: `iter(x) is x` holds.
                    if let Value::Instance(ri) = &r
                        && ri.class.lookup("__next__").is_some()
                    {
                        return Ok(r);
                    }
                    if matches!(r, Value::Iterator(_) | Value::Generator(_)) {
                        return Ok(r);
                    }
                    return Err(type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        r.type_name()
                    )));
                }
                if let Some(items) = super::natives::iterate(self, inst)? {
                    Iter::Seq {
                        items: items.into(),
                        pos: 0,
                        kind: IterKind::Plain,
                    }
                } else if inst.class.lookup("__getitem__").is_some() {
                    // The old sequence protocol: index from 0 until IndexError.
                    let mut items = Vec::new();
                    let f = bind(inst.class.lookup("__getitem__").expect("checked"), v);
                    loop {
                        match self.call(&f, Args::new(vec![Value::Int(items.len() as i64)])) {
                            Ok(x) => items.push(x),
                            Err(e) if e.is(ExcKind::IndexError) || e.is(ExcKind::StopIteration) => {
                                break;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    Iter::Seq {
                        items: items.into(),
                        pos: 0,
                        kind: IterKind::Plain,
                    }
                } else {
                    return Err(type_error(format!(
                        "'{}' object is not iterable",
                        v.type_name()
                    )));
                }
            }
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )));
            }
        };
        Ok(Value::Iterator(Rc::new(RefCell::new(it))))
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Iterator(cell) = it else {
            if let Value::Generator(g) = it
                && g.kind.iterable()
            {
                return self.gen_next(g);
            }
            if let Value::Instance(inst) = it
                && let Some(f) = inst.class.lookup("__next__")
            {
                return match self.call(&bind(f, it), Args::default()) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is(ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                };
            }
            return Err(type_error(format!(
                "'{}' object is not an iterator",
                it.type_name()
            )));
        };
        let mut st = cell.borrow_mut();
        let out = match &mut *st {
            Iter::Seq { items, pos, .. } => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                v
            }
            Iter::List { list, pos } => {
                let v = list.borrow().get(*pos).cloned();
                *pos += 1;
                v
            }
            Iter::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    // Past i64 is past the stop too.
                    *next = next.checked_add(*step).unwrap_or(*stop);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            Iter::Dict(d) => d.step()?,
            Iter::Set(s) => s.step()?,
            Iter::Str { s, pos } => {
                let rest = &s[*pos..];
                rest.chars().next().map(|c| {
                    *pos += c.len_utf8();
                    Value::Str(PyStr::from(c.encode_utf8(&mut [0; 4]) as &str))
                })
            }
            Iter::Object(obj) => {
                let obj = obj.clone();
                drop(st);
                return self.next(&obj);
            }
            Iter::Call { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&func, Args::default())?;
                if v.is(&sentinel) || self.eq(&v, &sentinel)? {
                    *cell.borrow_mut() = Iter::Done(IterKind::Callable);
                    return Ok(None);
                }
                return Ok(Some(v));
            }
            Iter::Zip(its) => {
                let its = its.clone();
                drop(st);
                if let [a, b] = &*its {
                    // zip of two: its pair made as one tuple, with no row vector first.
                    let Some(x) = self.next(a)? else {
                        return Ok(finish(cell));
                    };
                    let Some(y) = self.next(b)? else {
                        return Ok(finish(cell));
                    };
                    return Ok(Some(pair(x, y)));
                }
                return self.next_row(cell, &its).map(|r| r.map(Value::tuple));
            }
            Iter::Map(func, its) => {
                let (func, its) = (func.clone(), its.clone());
                drop(st);
                return match self.next_row(cell, &its)? {
                    Some(row) => self.call(&func, Args::new(row)).map(Some),
                    None => Ok(None),
                };
            }
            Iter::Enumerate(inner, n) => {
                let (inner, n) = (inner.clone(), *n);
                drop(st);
                let Some(v) = self.next(&inner)? else {
                    *cell.borrow_mut() = Iter::Done(IterKind::Enumerate);
                    return Ok(None);
                };
                if let Iter::Enumerate(_, count) = &mut *cell.borrow_mut() {
                    *count = n.checked_add(1).ok_or_else(|| {
                        Exc::new(
                            ExcKind::OverflowError,
                            "enumerate() counting past 2**63-1 is not supported by forkyard yet",
                        )
                    })?;
                }
                return Ok(Some(pair(Value::Int(n), v)));
            }
            Iter::Filter(func, inner) => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(st);
                while let Some(v) = self.next(&inner)? {
                    let keep = match &func {
                        Value::None => self.truthy(&v)?,
                        f => {
                            let r = self.call(f, Args::new(vec![v.clone()]))?;
                            self.truthy(&r)?
                        }
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                *cell.borrow_mut() = Iter::Done(IterKind::Filter);
                return Ok(None);
            }
            Iter::Done(_) => None,
        };
        if out.is_none() {
            *st = st.done();
        }
        Ok(out)
    }

    /// An item from each of `its`, or `None` (and `cell` done) when one of them has ended.
    fn next_row(&mut self, cell: &RefCell<Iter>, its: &[Value]) -> PyResult<Option<Vec<Value>>> {
        let mut row = Vec::with_capacity(its.len());
        for i in its {
            match self.next(i)? {
                Some(v) => row.push(v),
                None => {
                    let done = cell.borrow().done();
                    *cell.borrow_mut() = done;
                    return Ok(None);
                }
            }
        }
        if its.is_empty() {
            let done = cell.borrow().done();
            *cell.borrow_mut() = done;
            return Ok(None);
        }
        Ok(Some(row))
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(super::ops::clone_run(&l.borrow())),
            Value::Tuple(t) => return Ok(t.to_vec()),
            // `list(d)`, `sorted(d)`: no Python code runs while the keys are read, so nothing
            // can change the dict and the iterator's checks have nothing to see.
            Value::Dict(d) => return Ok(d.borrow().map.values().map(|(k, _)| k.clone()).collect()),
            _ => {}
        }
        // What is known to be too many is refused before the first item is made.
        match v {
            Value::Range(r) => {
                let n = usize::try_from(r.len_exact()).unwrap_or(usize::MAX);
                super::alloc::check_items(n)?;
                if r.big.is_some() {
                    let (start, _, step) = r.bounds();
                    let mut out = super::alloc::vec_with_capacity(n)?;
                    let mut x = start;
                    for _ in 0..n {
                        out.push(super::bigint::norm(x.clone()));
                        x += &step;
                    }
                    return Ok(out);
                }
                // Made in place (`list(range(n))`, `pool.map(f, range(n))`): a range's items
                // need no iterator, and going through one cost about 8 ns an item.
                let mut out = super::alloc::vec_with_capacity(n)?;
                out.extend((0..n).map(|i| Value::Int(r.item(i))));
                return Ok(out);
            }
            Value::Str(s) => super::alloc::check_strings(s.len())?,
            Value::Bytes(b) => super::alloc::check_items(b.len())?,
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            super::alloc::grow(&mut out, 1)?;
            out.push(x);
        }
        Ok(out)
    }

    // ---- errors with places -----------------------------------------------------------------

    /// Run `f` one level deeper in a recursion over nested data (`repr` of a list in a list...),
    /// counted against the recursion limit like a call, on a stack that grows as needed.
    pub fn nested<T>(
        &mut self,
        during: &str,
        f: impl FnOnce(&mut Interp) -> PyResult<T>,
    ) -> PyResult<T> {
        if self.at_recursion_limit() {
            return Err(Exc::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded {during}"),
            ));
        }
        self.depth += 1;
        let r = stack::maybe_grow(128 * 1024, 4 << 20, || f(self));
        self.depth -= 1;
        r
    }

    /// Spend one step of the budget, if there is one.
    #[inline]
    pub(crate) fn step(&mut self) -> PyResult<()> {
        if let Some(b) = &mut self.budget {
            if *b == 0 {
                return Err(Exc::new(
                    ExcKind::RuntimeError,
                    "forkyard: the program ran out of its step budget",
                ));
            }
            *b -= 1;
        }
        Ok(())
    }

    /// Whether one level more would pass the recursion limit ([`recursion_error`] says so). The program's module frame is
    /// CPython's first level (`depth` does not count it): `def f(): f()` run from the module
    /// makes 999 calls under the default limit of 1000, as CPython 3.11's.
    #[inline]
    pub(crate) fn at_recursion_limit(&self) -> bool {
        self.depth + 1 >= self.recursion_limit
    }

    pub(crate) fn enter_frame(&mut self) -> PyResult<()> {
        if self.at_recursion_limit() {
            return Err(recursion_error());
        }
        self.depth += 1;
        Ok(())
    }

    /// From now on the program's statements note their frames in `callers` (`logging` is being
    /// imported): the program's frames running at this moment are noted first, outermost first,
    /// each at the line it stands on, so that a record made later from a function entered before
    /// the import, or `stacklevel` reaching past it, names them as CPython's frames would.
    pub fn start_noting_callers(&mut self) {
        if self.callers.on {
            return;
        }
        self.callers.on = true;
        self.note_live_frames();
    }

    /// Notes where each of the program's live frames stands now (after an import that ran in the
    /// middle of a statement, whose library statements moved the notes).
    pub fn note_live_frames(&mut self) {
        if !self.callers.on {
            return;
        }
        for &(depth, frame) in &self.live_frames {
            // SAFETY: a frame is in `live_frames` only while the call that runs it has not
            // returned (pushed after it is built where it stays, popped before it is dropped);
            // its owner is suspended in a call below this one and reads nothing meanwhile.
            let frame = unsafe { &*frame };
            if Rc::ptr_eq(&frame.globals, &self.globals) {
                self.callers.statement(depth, frame.line, &frame.name);
            }
        }
    }

    pub(crate) fn leave_frame(&mut self) {
        self.depth -= 1;
    }

    pub(crate) fn tb_entry(&self, frame: &Frame) -> TbEntry {
        TbEntry {
            frame: 0,
            file: self.file_of_globals(&frame.globals),
            line: frame.line,
            func: frame.name.clone(),
        }
    }
}

/// The tuple `(a, b)`, in one allocation (`Value::tuple` of a vector copies it into a second).
#[inline]
pub fn pair(a: Value, b: Value) -> Value {
    let items: ThinRc<Value> = ThinRc::from([a, b]);
    Value::Tuple(items)
}

/// Marks `cell` exhausted (its kind kept); no item.
fn finish(cell: &RefCell<Iter>) -> Option<Value> {
    let done = cell.borrow().done();
    *cell.borrow_mut() = done;
    None
}

/// Bind a function found on a class to the object it was looked up through.
pub fn bind(v: Value, this: &Value) -> Value {
    match &v {
        // `__new__` is a static method: `super().__new__(cls)` passes the class itself.
        Value::Builtin(_) if super::subclass::is_slot_new(&v) => v,
        Value::Function(_) | Value::Builtin(_) => Value::BoundMethod(Rc::new(BoundMethod {
            this: this.clone(),
            func: v,
        })),
        Value::Instance(i) if builtin_classes::is(&i.class, |b| &b.staticmethod) => i
            .attrs
            .borrow()
            .get("__func__")
            .cloned()
            .unwrap_or(Value::None),
        Value::Instance(i) if builtin_classes::is(&i.class, |b| &b.classmethod) => {
            let cls = match this {
                Value::Instance(inst) => Value::Class(inst.class.clone()),
                other => other.clone(),
            };
            let f = i
                .attrs
                .borrow()
                .get("__func__")
                .cloned()
                .unwrap_or(Value::None);
            Value::BoundMethod(Rc::new(BoundMethod { this: cls, func: f }))
        }
        Value::Instance(i) if is_property(i) => v.clone(),
        _ => v,
    }
}

/// The RecursionError of a level that would pass the limit (a frame, a generator's resumption).
pub(crate) fn recursion_error() -> Exc {
    Exc::new(ExcKind::RecursionError, "maximum recursion depth exceeded")
}
