//! Python exceptions: the builtin hierarchy as real classes (so user classes can derive from them and
//! `except` matches by subclass), the `Exc` that unwinds the evaluator, and CPython-style tracebacks.

use std::cell::RefCell;
use std::rc::Rc;

use super::builtin_classes;
pub use super::exc_kind::ExcKind;

use super::value::{
    ACCESS_HOOKS, Class, Instance, Namespace, NativeKind, PyStr, Value, is_data_descriptor,
};

/// An exception on its way up: the exception object (an instance of a BaseException subclass).
#[derive(Clone)]
pub struct Exc {
    pub value: Rc<Instance>,
}

/// One line of a traceback.
#[derive(Clone, Debug)]
pub struct TbEntry {
    /// Which frame (its address while it runs), so a frame is entered once per exception.
    pub frame: usize,
    pub file: PyStr,
    pub line: u32,
    pub func: PyStr,
}

/// What an exception instance carries besides its attributes.
#[derive(Default)]
pub struct ExcData {
    pub traceback: Vec<TbEntry>,
    /// `sys.exit(t)` with a tuple `t`: caught, the exception's args are `t`'s items, but CPython's
    /// top level, which sees the raw value, reports `t` itself (prints it, exits with status 1).
    pub exit_tuple: Option<Value>,
    /// The frame objects of the frames it left while frames were watched, by frame address (see
    /// `interp::frame_object`): what `tb_frame` reports.
    pub kept_frames: Vec<(usize, Value)>,
}

impl crate::python::native_object::NativeObject for ExcData {}

/// Make a class with the given bases (MRO by C3 linearisation).
pub fn make_class(
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    attrs: Namespace,
    native: Option<NativeKind>,
) -> Result<Rc<Class>, String> {
    make_class_q(name, name, module, bases, attrs, native)
}

/// `make_class` with a qualified name (`Outer.Inner`).
pub fn make_class_q(
    name: &str,
    qualname: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    attrs: Namespace,
    native: Option<NativeKind>,
) -> Result<Rc<Class>, String> {
    let cls = Rc::new(Class {
        name: PyStr::from(name),
        qualname: PyStr::from(qualname),
        module: PyStr::from(module),
        bases: bases.clone(),
        mro: RefCell::new(Vec::new()),
        has_property: std::cell::Cell::new(
            attrs
                .values()
                .any(|v| matches!(v, Value::Instance(p) if is_data_descriptor(p))),
        ),
        meta: RefCell::new(None),
        hooks: std::cell::Cell::new(
            ACCESS_HOOKS.iter().any(|h| attrs.contains_key(*h))
                || bases.iter().any(|b| b.hooks.get()),
        ),
        attrs: RefCell::new(attrs),
        native,
    });
    let mro = c3(&cls, &bases)?;
    *cls.mro.borrow_mut() = mro;
    Ok(cls)
}

fn c3(cls: &Rc<Class>, bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, String> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            if !in_tail {
                found = Some(head.clone());
                break;
            }
        }
        let Some(next) = found else {
            let names: Vec<&str> = bases.iter().map(|b| &*b.name).collect();
            return Err(format!(
                // CPython 3.11's message has this line break.
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// What `BaseException` defines: `__init__` (keeps the args), `with_traceback`, `add_note`.
pub(crate) fn base_exception_attrs() -> Namespace {
    let mut attrs = Namespace::default();
    attrs.insert(
        PyStr::from("__init__"),
        Value::builtin("__init__", base_exception_init),
    );
    attrs.insert(
        PyStr::from("with_traceback"),
        Value::builtin("with_traceback", with_traceback),
    );
    attrs.insert(
        PyStr::from("add_note"),
        Value::builtin("add_note", add_note),
    );
    attrs
}

/// Make a fresh set of builtin classes the natives of this thread raise and compare with, without
/// a whole interpreter (the natives' own unit tests; `Interp::new` does this itself).
pub fn install() -> Rc<builtin_classes::Builtins> {
    let b = Rc::new(builtin_classes::Builtins::new());
    builtin_classes::set_current(b.clone());
    b
}

impl ExcKind {
    /// This kind's class in this process's interpreter.
    pub fn class(self) -> Rc<Class> {
        builtin_classes::with(|b| b.exc(self).clone())
    }
}

/// A new exception instance of `cls` with these args (no `__init__` run: natives use this).
pub fn instance(cls: Rc<Class>, args: Vec<Value>) -> Rc<Instance> {
    // `OSError(errno, strerror, ...)`: its subclass for the errno, its fields from the args
    // (only 2 to 5 args have fields: most exceptions skip the class walk).
    let os_fields = (2..=5).contains(&args.len()) && cls.is_subclass(&ExcKind::OSError.class());
    let cls = if os_fields {
        super::exceptions_os::class_for(&cls, &args)
    } else {
        cls
    };
    let inst = Rc::new(Instance {
        class: cls,
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(Some(Box::new(ExcData::default()))),
    });
    if os_fields {
        super::exceptions_os::set_fields(&inst, &args);
    }
    inst.attrs
        .borrow_mut()
        .entry(PyStr::from("args"))
        .or_insert_with(|| Value::tuple(args));
    inst
}

impl std::fmt::Debug for Exc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} exception>", self.value.class.name)
    }
}

impl Exc {
    /// This exception raised `from cause` (its `__cause__` and `__context__`, the context's
    /// report suppressed), as a native's `raise RuntimeError(...) from e` makes it.
    pub fn raised_from(self, cause: &Exc) -> Exc {
        let cause = Value::Instance(cause.value.clone());
        let mut a = self.value.attrs.borrow_mut();
        a.insert(PyStr::from("__cause__"), cause.clone());
        a.insert(PyStr::from("__context__"), cause);
        a.insert(PyStr::from("__suppress_context__"), Value::Bool(true));
        drop(a);
        self
    }

    /// A builtin exception with a message.
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Exc {
        let msg: String = msg.into();
        Exc {
            value: instance(kind.class(), vec![Value::Str(PyStr::from(msg.as_str()))]),
        }
    }

    /// A builtin exception with these args.
    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> Exc {
        Exc {
            value: instance(kind.class(), args),
        }
    }

    pub fn class_name(&self) -> PyStr {
        self.value.class.name.clone()
    }

    /// Whether this exception is an instance of the builtin class `kind` (or a subclass).
    pub fn is(&self, kind: ExcKind) -> bool {
        builtin_classes::with(|b| self.value.class.is_subclass(b.exc(kind)))
    }

    pub fn args(&self) -> Vec<Value> {
        match self.value.attrs.borrow().get("args") {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        }
    }

    /// Add a frame's line to the traceback, unless the innermost entry is that frame already.
    pub fn push_tb_once(&self, mut entry: TbEntry, frame: usize) {
        entry.frame = frame;
        let mut n = self.value.native.borrow_mut();
        if n.is_none() {
            *n = Some(Box::new(ExcData::default()));
        }
        if let Some(d) = n.as_mut().and_then(|b| b.downcast_mut::<ExcData>()) {
            if d.traceback.last().is_some_and(|t| t.frame == frame) {
                return;
            }
            d.traceback.push(entry);
        }
    }

    /// Remember the tuple `sys.exit` was given (see `ExcData::exit_tuple`).
    pub fn set_exit_tuple(&self, t: Value) {
        let mut n = self.value.native.borrow_mut();
        if n.is_none() {
            *n = Some(Box::new(ExcData::default()));
        }
        if let Some(d) = n.as_mut().and_then(|b| b.downcast_mut::<ExcData>()) {
            d.exit_tuple = Some(t);
        }
    }

    /// Keep the frame object of the frame at `frame` (an address of its traceback) for `tb_frame`.
    pub fn keep_frame_object(&self, frame: usize, obj: Value) {
        let mut n = self.value.native.borrow_mut();
        if n.is_none() {
            *n = Some(Box::new(ExcData::default()));
        }
        if let Some(d) = n.as_mut().and_then(|b| b.downcast_mut::<ExcData>())
            && !d.kept_frames.iter().any(|(f, _)| *f == frame)
        {
            d.kept_frames.push((frame, obj));
        }
    }

    /// The frame object kept for the frame at `frame`, if any.
    pub fn kept_frame_object(&self, frame: usize) -> Option<Value> {
        let n = self.value.native.borrow();
        let d = n.as_ref().and_then(|b| b.downcast_ref::<ExcData>())?;
        d.kept_frames
            .iter()
            .find(|(f, _)| *f == frame)
            .map(|(_, v)| v.clone())
    }

    /// The tuple `sys.exit` was given, if it was one.
    pub fn exit_tuple(&self) -> Option<Value> {
        let n = self.value.native.borrow();
        n.as_ref()
            .and_then(|b| b.downcast_ref::<ExcData>())
            .and_then(|d| d.exit_tuple.clone())
    }

    /// The traceback, outermost frame first.
    pub fn traceback(&self) -> Vec<TbEntry> {
        let n = self.value.native.borrow();
        match n.as_ref().and_then(|b| b.downcast_ref::<ExcData>()) {
            Some(d) => d.traceback.iter().rev().cloned().collect(),
            None => Vec::new(),
        }
    }

    pub fn attr(&self, name: &str) -> Option<Value> {
        self.value.attrs.borrow().get(name).cloned()
    }
}

/// `BaseException.__init__(self, *args)`: keeps the arguments as `args`.
fn base_exception_init(_: &mut super::interp::Interp, a: super::value::Args) -> Result<Value, Exc> {
    let mut pos = a.pos.into_iter();
    if let Some(Value::Instance(ref inst)) = pos.next() {
        if let Some((k, _)) = a.kw.first() {
            return Err(type_error(format!(
                "{}() takes no keyword arguments ({k})",
                inst.class.name
            )));
        }
        inst.attrs
            .borrow_mut()
            .insert(PyStr::from("args"), Value::tuple(pos.collect()));
    }
    Ok(Value::None)
}

/// `exc.add_note(text)` (3.11): appends to `exc.__notes__`, which a traceback prints after the
/// exception's line.
fn add_note(_: &mut super::interp::Interp, a: super::value::Args) -> Result<Value, Exc> {
    let (Some(Value::Instance(inst)), Some(note)) = (a.pos.first(), a.pos.get(1)) else {
        return Err(type_error(
            "BaseException.add_note() takes exactly one argument",
        ));
    };
    if !matches!(note, Value::Str(_)) {
        return Err(type_error(format!(
            "note must be a str, not '{}'",
            note.type_name()
        )));
    }
    let notes = inst.attrs.borrow().get("__notes__").cloned();
    match notes {
        Some(Value::List(ref l)) => l.borrow_mut().push(note.clone()),
        Some(_) => return Err(type_error("Cannot add note: __notes__ is not a list")),
        None => {
            inst.attrs
                .borrow_mut()
                .insert(PyStr::from("__notes__"), Value::list(vec![note.clone()]));
        }
    }
    Ok(Value::None)
}

fn with_traceback(_: &mut super::interp::Interp, a: super::value::Args) -> Result<Value, Exc> {
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

/// Shorthands natives use to raise.
pub fn type_error(msg: impl Into<String>) -> Exc {
    Exc::new(ExcKind::TypeError, msg)
}
pub fn value_error(msg: impl Into<String>) -> Exc {
    Exc::new(ExcKind::ValueError, msg)
}
pub fn index_error(msg: impl Into<String>) -> Exc {
    Exc::new(ExcKind::IndexError, msg)
}
pub fn attribute_error(msg: impl Into<String>) -> Exc {
    Exc::new(ExcKind::AttributeError, msg)
}
pub fn not_available(what: &str) -> Exc {
    Exc::new(
        ExcKind::NotImplementedError,
        format!("{what} is not available in forkyard: lesson programs cannot reach the machine"),
    )
}
