//! Frame objects: `sys._getframe()`, `inspect.currentframe()`, a traceback's `tb_frame`, with
//! `f_back`, `f_code`, `f_lineno`, `f_locals`, `f_globals` and `f_builtins` as CPython 3.11 gives
//! them.
//!
//! forkyard's frames live on the Rust stack (`Frame`), so a frame object is made only when a
//! program asks for one, and the call path pays one flag test (`frames_watched`) per return.
//! While its call runs, a frame object reads the frame itself (the line running now, the locals as
//! they are); when the call returns, it keeps what the frame held then (its last line, a snapshot
//! of its locals, its caller's frame object), as CPython's frame object outlives its frame. An
//! exception leaving a function while frames are watched takes that function's frame object
//! along, so `tb.tb_frame` of a caught traceback reports the frame as it was when the exception
//! left it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{Frame, Interp, PyResult};
use crate::python::exceptions::{self, Exc, ExcKind, type_error};
use crate::python::modules::cpython_frames::CpythonFrame;
use crate::python::value::{
    Args, Class, Dict, HashKey, Instance, Namespace, NativeKind, PyStr, Value,
};

/// What a frame object knows beyond its live frame.
pub(crate) struct FrameObj {
    /// The frame while its call runs; null once it returned. Read only while `live_frames` holds
    /// it at `depth` (the frame is then where it was built, its call suspended below).
    live: Cell<*const Frame>,
    depth: usize,
    code: Value,
    globals: Rc<RefCell<Namespace>>,
    file: PyStr,
    name: PyStr,
    /// The line it stood on when its call returned (or the traceback's line).
    line: Cell<u32>,
    /// The locals when its call returned.
    locals: RefCell<Value>,
    /// Its caller's frame object, kept when its call returned.
    back: RefCell<Value>,
}

static FRAME_CLASS: crate::python::builtin_classes::InterpSlot<Rc<Class>> =
    crate::python::builtin_classes::InterpSlot::new();

/// The `frame` type, made once per interpreter.
pub(crate) fn frame_class() -> Rc<Class> {
    crate::python::builtin_classes::per_interp(&FRAME_CLASS, || {
        exceptions::make_class(
            "frame",
            "builtins",
            vec![crate::python::builtin_classes::object()],
            Namespace::default(),
            Some(NativeKind::Other),
        )
        .expect("one base")
    })
}

impl crate::python::native_object::NativeObject for FrameObj {
    fn slots(&self) -> &'static crate::python::native_object::Slots {
        static SLOTS: crate::python::native_object::Slots = crate::python::native_object::Slots {
            attr: Some(get_attr),
            repr: Some(repr),
            ..crate::python::native_object::Slots::NONE
        };
        &SLOTS
    }
}

fn frame_obj(inst: &Instance) -> Option<std::cell::Ref<'_, FrameObj>> {
    std::cell::Ref::filter_map(inst.native.borrow(), |n| {
        n.as_ref().and_then(|b| b.downcast_ref::<FrameObj>())
    })
    .ok()
}

/// A frame's code object: its function's `__code__`, or for a module or class body a code
/// object named `<module>` or by the class.
pub(crate) fn code_of_frame(frame: &Frame, file: &PyStr) -> Value {
    match &frame.func {
        Some(fun) => crate::python::function_attrs::code_of(&fun.def, file),
        None => bare_code(
            &frame.name,
            file,
            if frame.class_ns.is_some() { 0 } else { 1 },
        ),
    }
}

/// A code object with only a name, a file and a first line (a module's, a class body's, or a
/// frame a traceback names but whose function is gone).
fn bare_code(name: &PyStr, file: &PyStr, first_line: u32) -> Value {
    let mut attrs = Namespace::default();
    let mut set = |k: &str, v: Value| {
        attrs.insert(PyStr::from(k), v);
    };
    set("co_name", Value::Str(name.clone()));
    set("co_qualname", Value::Str(name.clone()));
    set("co_filename", Value::Str(file.clone()));
    set("co_firstlineno", Value::Int(i64::from(first_line)));
    set("co_argcount", Value::Int(0));
    set("co_posonlyargcount", Value::Int(0));
    set("co_kwonlyargcount", Value::Int(0));
    set("co_nlocals", Value::Int(0));
    set("co_varnames", Value::tuple(vec![]));
    set("co_flags", Value::Int(0));
    Value::Instance(Rc::new(Instance {
        class: crate::python::function_attrs::code_class(),
        attrs: RefCell::new(attrs),
        native: RefCell::new(None),
    }))
}

fn new_frame_object(obj: FrameObj) -> Rc<Instance> {
    Rc::new(Instance {
        class: frame_class(),
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(Some(Box::new(obj))),
    })
}

/// The frame objects of running frames, and CPython's library frames under forkyard's.
#[derive(Default)]
pub(crate) struct FrameState {
    /// The frame objects of running frames: (address, depth, object).
    objects: Vec<(usize, usize, Rc<Instance>)>,
    /// CPython library frames that run, in CPython, under the frame `live_frames[at]` would be
    /// (`run` under a Process's target...): (at, the frame, its frame object once made).
    library: Vec<(usize, &'static CpythonFrame, Option<Value>)>,
}

/// A place in the stack: `live_frames[k]`, or `frame_state.library[j]`.
#[derive(Clone, Copy)]
enum At {
    Live(usize),
    Lib(usize),
}

impl Interp {
    /// From now until `leave_library_frames(mark)`, the frames called run above `frames` (CPython's
    /// own, outermost first), as in CPython a Process's target runs above `run` and `_bootstrap`.
    pub(crate) fn enter_library_frames(&mut self, frames: &[&'static CpythonFrame]) -> usize {
        let at = self.live_frames.len();
        let mark = self.frame_state.library.len();
        self.frame_state
            .library
            .extend(frames.iter().map(|&f| (at, f, None)));
        mark
    }

    pub(crate) fn leave_library_frames(&mut self, mark: usize) {
        self.frame_state.library.truncate(mark);
    }

    /// The innermost frame running.
    fn top_frame(&self) -> Option<At> {
        match self.frame_state.library.last() {
            Some((at, _, _)) if *at == self.live_frames.len() => {
                Some(At::Lib(self.frame_state.library.len() - 1))
            }
            _ => self.live_frames.len().checked_sub(1).map(At::Live),
        }
    }

    /// The frame that called the frame at `at`.
    fn back_of(&self, at: At) -> Option<At> {
        let below_live = |k: usize| k.checked_sub(1).map(At::Live);
        match at {
            At::Live(k) => match self
                .frame_state
                .library
                .iter()
                .rposition(|(a, _, _)| *a == k)
            {
                Some(j) => Some(At::Lib(j)),
                None => below_live(k),
            },
            At::Lib(j) => {
                let a = self.frame_state.library[j].0;
                if j > 0 && self.frame_state.library[j - 1].0 == a {
                    Some(At::Lib(j - 1))
                } else {
                    below_live(a)
                }
            }
        }
    }

    fn object_at(&mut self, at: Option<At>) -> Value {
        match at {
            None => Value::None,
            Some(At::Live(k)) => self.frame_object(k),
            Some(At::Lib(j)) => self.library_frame_object(j),
        }
    }

    /// The frame object of one of CPython's library frames: its code, its line, no locals.
    fn library_frame_object(&mut self, j: usize) -> Value {
        if let Some(v) = &self.frame_state.library[j].2 {
            return v.clone();
        }
        let f = self.frame_state.library[j].1;
        let back = self.back_of(At::Lib(j));
        let back = self.object_at(back);
        let file: PyStr = PyStr::from(f.file);
        let name: PyStr = PyStr::from(f.func);
        let obj = Value::Instance(new_frame_object(FrameObj {
            live: Cell::new(std::ptr::null()),
            depth: 0,
            code: bare_code(&name, &file, f.first),
            globals: self.globals.clone(),
            file,
            name,
            line: Cell::new(f.line),
            locals: RefCell::new(Value::dict(Dict::default())),
            back: RefCell::new(back),
        }));
        self.frame_state.library[j].2 = Some(obj.clone());
        obj
    }

    /// The frame object of `live_frames[k]`, made the first time it is asked for and the same
    /// object after (`sys._getframe() is sys._getframe()`).
    pub(crate) fn frame_object(&mut self, k: usize) -> Value {
        let (depth, ptr) = self.live_frames[k];
        if let Some((_, _, o)) = self
            .frame_state
            .objects
            .iter()
            .find(|(p, d, _)| *p == ptr as usize && *d == depth)
        {
            return Value::Instance(o.clone());
        }
        // SAFETY: a frame is in `live_frames` only while the call that runs it has not returned
        // (see `note_live_frames`).
        let frame = unsafe { &*ptr };
        let file = crate::python::function_attrs::file_of(&frame.globals);
        let inst = new_frame_object(FrameObj {
            live: Cell::new(ptr),
            depth,
            code: code_of_frame(frame, &file),
            globals: frame.globals.clone(),
            file,
            name: frame.name.clone(),
            line: Cell::new(frame.line),
            locals: RefCell::new(Value::None),
            back: RefCell::new(Value::None),
        });
        self.frame_state
            .objects
            .push((ptr as usize, depth, inst.clone()));
        self.frames_watched = true;
        Value::Instance(inst)
    }

    /// The frame `obj` stands for, while its call runs.
    fn live_frame_of(&self, obj: &FrameObj) -> Option<(usize, &Frame)> {
        let ptr = obj.live.get();
        if ptr.is_null() {
            return None;
        }
        let k = self
            .live_frames
            .iter()
            .rposition(|&(d, p)| d == obj.depth && std::ptr::eq(p, ptr))?;
        // SAFETY: as in `frame_object`: `live_frames` holds it, so its call has not returned.
        Some((k, unsafe { &*ptr }))
    }

    /// The call running `frame` at `self.depth` is returning, maybe with an exception (frames are
    /// watched): its
    /// frame object, if one was made, keeps what CPython's keeps; an exception leaving it takes
    /// the frame object along for its traceback's `tb_frame`.
    #[cold]
    #[inline(never)]
    pub(crate) fn frame_returns(&mut self, frame: &Frame, exc: Option<Exc>) {
        let ptr = std::ptr::from_ref(frame) as usize;
        let depth = self.depth;
        let mine = self
            .frame_state
            .objects
            .iter()
            .position(|(p, d, _)| *p == ptr && *d == depth);
        let obj = match mine {
            Some(i) => Some(self.frame_state.objects.remove(i).2),
            None => None,
        };
        // Entries as deep or deeper are frames that ended without passing here: never read again.
        for (_, _, o) in self
            .frame_state
            .objects
            .iter()
            .filter(|(_, d, _)| *d >= depth)
        {
            if let Some(f) = frame_obj(o) {
                f.live.set(std::ptr::null());
            }
        }
        self.frame_state.objects.retain(|(_, d, _)| *d < depth);
        if obj.is_none() && exc.is_none() {
            return;
        }
        let file = crate::python::function_attrs::file_of(&frame.globals);
        let obj = obj.unwrap_or_else(|| {
            new_frame_object(FrameObj {
                live: Cell::new(std::ptr::null()),
                depth,
                code: code_of_frame(frame, &file),
                globals: frame.globals.clone(),
                file,
                name: frame.name.clone(),
                line: Cell::new(frame.line),
                locals: RefCell::new(Value::None),
                back: RefCell::new(Value::None),
            })
        });
        let locals = self.locals_of(frame).unwrap_or(Value::None);
        let n = self.live_frames.len();
        let below = self.back_of(At::Live(n));
        let caller = match below {
            Some(At::Live(k)) => self.live_frames[k].1 as usize,
            _ => 0,
        };
        let back = self.object_at(below);
        if let Some(f) = frame_obj(&obj) {
            f.live.set(std::ptr::null());
            f.line.set(frame.line);
            *f.locals.borrow_mut() = locals;
            *f.back.borrow_mut() = back.clone();
        }
        if let Some(e) = exc {
            e.keep_frame_object(ptr, Value::Instance(obj));
            // The caller is the traceback's next frame out, whether the exception leaves it too
            // or is caught there: its `tb_frame` is this object, which will keep the caller's
            // last line even after the caller returned and its address serves another call.
            if caller != 0 {
                e.keep_frame_object(caller, back);
            }
        }
    }

    /// The frame object a traceback entry stands for: the one the exception took along when it
    /// left the frame, else the frame still running (the one handling it), else one made from
    /// what the traceback remembers.
    pub(crate) fn tb_frame_object(&mut self, e: &Exc, index: usize) -> Value {
        let tb = e.traceback();
        let Some(entry) = tb.get(index) else {
            return Value::None;
        };
        if let Some(v) = e.kept_frame_object(entry.frame) {
            return v;
        }
        if let Some(k) = self
            .live_frames
            .iter()
            .rposition(|&(_, p)| p as usize == entry.frame)
        {
            return self.frame_object(k);
        }
        // The program's frames are named by its absolute path, as its `__file__`.
        let file = if entry.file == self.file {
            crate::python::function_attrs::file_of(&self.globals)
        } else {
            entry.file.clone()
        };
        let obj = Value::Instance(new_frame_object(FrameObj {
            live: Cell::new(std::ptr::null()),
            depth: 0,
            code: bare_code(&entry.func, &file, entry.line),
            globals: self.globals.clone(),
            file,
            name: entry.func.clone(),
            line: Cell::new(entry.line),
            locals: RefCell::new(Value::dict(Dict::default())),
            back: RefCell::new(Value::None),
        }));
        e.keep_frame_object(entry.frame, obj.clone());
        obj
    }
}

pub(crate) fn namespace_dict(ns: &Namespace) -> Value {
    let mut d = Dict::default();
    for (k, v) in ns.iter() {
        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
    }
    Value::dict(d)
}

/// A frame object's attributes; `None` for any other instance.
fn get_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str) -> PyResult<Option<Value>> {
    let Some(obj) = frame_obj(inst) else {
        return Ok(None);
    };
    let live = it
        .live_frame_of(&obj)
        .map(|(k, f)| (k, std::ptr::from_ref(f)));
    Ok(Some(match name {
        "f_code" => obj.code.clone(),
        "f_lineno" => Value::Int(i64::from(match live {
            // SAFETY: `live_frame_of` found it in `live_frames`.
            Some((_, f)) => unsafe { (*f).line },
            None => obj.line.get(),
        })),
        "f_locals" => match live {
            // SAFETY: as above; `locals_of` reads the frame and writes nothing into it.
            Some((_, f)) => it.locals_of(unsafe { &*f })?,
            None => obj.locals.borrow().clone(),
        },
        "f_globals" => namespace_dict(&obj.globals.borrow()),
        "f_builtins" => namespace_dict(&it.builtins),
        "f_back" => match live {
            Some((k, _)) => {
                drop(obj);
                let below = it.back_of(At::Live(k));
                it.object_at(below)
            }
            None => obj.back.borrow().clone(),
        },
        "f_lasti" => Value::Int(0),
        "f_trace" | "f_trace_lines" | "f_trace_opcodes" => match name {
            "f_trace" => Value::None,
            _ => Value::Bool(name == "f_trace_lines"),
        },
        _ => return Ok(None),
    }))
}

/// A frame object's `repr`, as CPython's.
fn repr(it: &mut Interp, inst: &Rc<Instance>) -> PyResult<Option<String>> {
    let Some(obj) = frame_obj(inst) else {
        return Ok(None);
    };
    let line = match it.live_frame_of(&obj) {
        Some((_, f)) => f.line,
        None => obj.line.get(),
    };
    Ok(Some(format!(
        "<frame at 0x{:x}, file '{}', line {line}, code {}>",
        Rc::as_ptr(inst) as usize,
        obj.file,
        obj.name
    )))
}

/// A code object's `repr`, as CPython's (a code object is a plain instance of the `code` class, with no payload);
/// `None` for any other instance.
pub(crate) fn code_repr(inst: &Rc<Instance>) -> Option<String> {
    if !Rc::ptr_eq(&inst.class, &crate::python::function_attrs::code_class()) {
        return None;
    }
    let at = Rc::as_ptr(inst) as usize;
    let a = inst.attrs.borrow();
    let text = |k: &str| match a.get(k) {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::Int(n)) => n.to_string(),
        _ => String::new(),
    };
    let (name, file, line) = (text("co_name"), text("co_filename"), text("co_firstlineno"));
    Some(format!(
        "<code object {name} at 0x{at:x}, file \"{file}\", line {line}>"
    ))
}

/// `sys._getframe(depth=0)`: the frame object of the caller, or of a frame `depth` calls out.
pub(crate) fn getframe(it: &mut Interp, a: Args) -> PyResult {
    if let Some((k, _)) = a.kw.first() {
        return Err(type_error(format!(
            "_getframe() takes no keyword arguments (got '{k}')"
        )));
    }
    let depth = match a.pos.as_slice() {
        [] => 0,
        [Value::Int(n)] => *n,
        [Value::Bool(b)] => i64::from(*b),
        [other] => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
        more => {
            return Err(type_error(format!(
                "_getframe expected at most 1 argument, got {}",
                more.len()
            )));
        }
    };
    // A negative depth is the caller's frame, as in CPython.
    let mut at = it.top_frame();
    for _ in 0..depth.max(0) {
        at = at.and_then(|a| it.back_of(a));
    }
    if at.is_none() {
        return Err(Exc::new(
            ExcKind::ValueError,
            "call stack is not deep enough",
        ));
    }
    Ok(it.object_at(at))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn getframe_names_the_caller_and_refuses_a_depth_past_the_stack() {
        let src = "import sys\n\
                   def who():\n    return sys._getframe(1).f_code.co_name\n\
                   def work():\n    return who()\n\
                   print(work(), sys._getframe().f_back, sys._getframe() is sys._getframe(0))\n\
                   try:\n    sys._getframe(9)\nexcept ValueError as e:\n    print(e)\n";
        assert_eq!(out(src), "work None True\ncall stack is not deep enough\n");
    }

    #[test]
    fn a_frame_kept_after_its_call_keeps_its_last_line_and_locals() {
        let src = "import sys\n\
                   def f():\n    here = sys._getframe()\n    n = 1\n    n += 1\n    return here\n\
                   fr = f()\n\
                   print(fr.f_lineno, fr.f_locals['n'], fr.f_back.f_code.co_name, fr.f_code.co_firstlineno)\n";
        assert_eq!(out(src), "6 2 <module> 2\n");
    }

    #[test]
    fn tb_frame_reports_the_frames_the_exception_left() {
        let src = "import traceback\n\
                   def boom(x):\n    y = x + 1\n    raise KeyError(y)\n\
                   def mid():\n    boom(1)\n\
                   try:\n    mid()\nexcept KeyError as e:\n\
                   \x20   tb = e.__traceback__\n\
                   \x20   print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_lineno)\n\
                   \x20   last = tb.tb_next.tb_next.tb_frame\n\
                   \x20   print(last.f_locals, last.f_back.f_code.co_name)\n";
        assert_eq!(out(src), "<module> 6\n{'x': 1, 'y': 2} mid\n");
    }
}
