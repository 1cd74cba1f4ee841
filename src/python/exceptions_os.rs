//! `OSError` as CPython has it: `OSError(errno, strerror[, filename[, winerror[, filename2]]])`
//! keeps its parts as attributes (`errno`, `strerror`, `filename`, `filename2`) that `str(e)`
//! is made from, `OSError(2, ...)` is a `FileNotFoundError` (the errno picks the subclass, PEP
//! 3151), and a failed system call becomes the same exception a CPython program would catch:
//! `except ProcessLookupError`, `e.errno == errno.EPIPE`, `e.args == (32, 'Broken pipe')`.

use crate::python::value::PyStr;

use super::exceptions::{Exc, ExcKind, instance, type_error};
use super::interp::Interp;
use super::value::{Args, Class, Dict, HashKey, Instance, Namespace, Value};
use std::rc::Rc;

type R = Result<Value, Exc>;

/// What `OSError` defines beyond `BaseException`: the four attributes (`None` until set),
/// `__init__`, `__str__` and `__reduce__`.
pub fn class_attrs() -> Namespace {
    let mut attrs = Namespace::default();
    for name in ["errno", "strerror", "filename", "filename2"] {
        attrs.insert(PyStr::from(name), Value::None);
    }
    attrs.insert(PyStr::from("__init__"), Value::builtin("__init__", init));
    attrs.insert(PyStr::from("__str__"), Value::builtin("__str__", str_));
    attrs.insert(
        PyStr::from("__reduce__"),
        Value::builtin("__reduce__", reduce),
    );
    attrs
}

/// The subclass CPython's `OSError.__new__` makes for `errno` (`errnomap` in `exceptions.c`).
pub fn kind_for_errno(errno: i64) -> Option<ExcKind> {
    let e = i32::try_from(errno).ok()?;
    Some(match e {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcKind::BlockingIOError,
        libc::ECHILD => ExcKind::ChildProcessError,
        libc::EPIPE | libc::ESHUTDOWN => ExcKind::BrokenPipeError,
        libc::ECONNABORTED => ExcKind::ConnectionAbortedError,
        libc::ECONNREFUSED => ExcKind::ConnectionRefusedError,
        libc::ECONNRESET => ExcKind::ConnectionResetError,
        libc::EEXIST => ExcKind::FileExistsError,
        libc::ENOENT => ExcKind::FileNotFoundError,
        libc::EISDIR => ExcKind::IsADirectoryError,
        libc::ENOTDIR => ExcKind::NotADirectoryError,
        libc::EINTR => ExcKind::InterruptedError,
        libc::EACCES | libc::EPERM => ExcKind::PermissionError,
        libc::ESRCH => ExcKind::ProcessLookupError,
        libc::ETIMEDOUT => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// The class `OSError(*args)` makes: `OSError` itself picks its subclass from an errno it is
/// given with 2 to 5 arguments; any other class is made as asked.
pub fn class_for(cls: &Rc<Class>, args: &[Value]) -> Rc<Class> {
    let os_error = ExcKind::OSError.class();
    if Rc::ptr_eq(cls, &os_error)
        && (2..=5).contains(&args.len())
        && let Value::Int(errno) = args[0]
        && let Some(kind) = kind_for_errno(errno)
    {
        return kind.class();
    }
    cls.clone()
}

/// CPython's `oserror_init`: with 2 to 5 arguments, `errno` and `strerror` are the first two,
/// `filename` the third and `filename2` the fifth; a filename is taken out of `args` (which keeps
/// the first two). A `BlockingIOError`'s third argument, a number, is `characters_written`.
pub fn set_fields(inst: &Instance, args: &[Value]) {
    if !(2..=5).contains(&args.len()) {
        return;
    }
    let mut attrs = inst.attrs.borrow_mut();
    attrs.insert(PyStr::from("errno"), args[0].clone());
    attrs.insert(PyStr::from("strerror"), args[1].clone());
    let filename = args.get(2).filter(|f| !matches!(f, Value::None));
    let Some(filename) = filename else {
        return;
    };
    let blocking = Rc::ptr_eq(&inst.class, &ExcKind::BlockingIOError.class());
    if blocking && matches!(filename, Value::Int(_) | Value::Bool(_) | Value::Float(_)) {
        let written = match filename {
            Value::Float(f) => Value::Int(*f as i64),
            Value::Bool(b) => Value::Int(i64::from(*b)),
            other => other.clone(),
        };
        attrs.insert(PyStr::from("characters_written"), written);
        return;
    }
    attrs.insert(PyStr::from("filename"), filename.clone());
    if let Some(f2) = args.get(4).filter(|f| !matches!(f, Value::None)) {
        attrs.insert(PyStr::from("filename2"), f2.clone());
    }
    attrs.insert(PyStr::from("args"), Value::tuple(args[..2].to_vec()));
}

/// The exception a failed system call raises: the subclass for `errno` (or `OSError`), with
/// `args == (errno, strerror)` and the C library's text for it, as CPython's
/// `PyErr_SetFromErrno` makes it; `filename` when the call named a file.
pub fn from_errno(errno: i32, filename: Option<Value>) -> Exc {
    let kind = kind_for_errno(errno.into()).unwrap_or(ExcKind::OSError);
    let mut args = vec![Value::Int(errno.into()), Value::str(&strerror(errno))];
    if let Some(f) = filename {
        args.push(f);
    }
    let inst = instance(kind.class(), args.clone());
    set_fields(&inst, &args);
    Exc { value: inst }
}

/// The C library's words for `errno` (`strerror`), as CPython puts them in `strerror`.
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn this(a: &Args) -> Result<Rc<Instance>, Exc> {
    match a.pos.first() {
        Some(Value::Instance(inst)) => Ok(inst.clone()),
        _ => Err(type_error("descriptor needs an 'OSError' object")),
    }
}

/// `OSError.__init__(self, *args)`: `args` as given, then the fields (a subclass's `__init__`
/// calling `super().__init__(errno, text)` sets them as CPython's does).
fn init(_: &mut Interp, a: Args) -> R {
    let inst = this(&a)?;
    let args = a.pos[1..].to_vec();
    inst.attrs
        .borrow_mut()
        .insert(PyStr::from("args"), Value::tuple(args.clone()));
    set_fields(&inst, &args);
    Ok(Value::None)
}

/// `str(e)`: `[Errno 2] No such file or directory: 'f.txt'` (and `-> 'g.txt'` with a second
/// filename) from the attributes as they are now; without errno and strerror, as any exception.
fn str_(it: &mut Interp, a: Args) -> R {
    let inst = this(&a)?;
    let field = |name: &str| inst.attrs.borrow().get(name).cloned();
    let (errno, strerror) = (field("errno"), field("strerror"));
    let filename = field("filename").filter(|f| !matches!(f, Value::None));
    let text = match (&errno, &strerror, filename) {
        (Some(e), Some(s), Some(f)) => {
            let head = format!(
                "[Errno {}] {}: {}",
                it.str_of(e)?,
                it.str_of(s)?,
                it.repr(&f)?
            );
            match field("filename2").filter(|f| !matches!(f, Value::None)) {
                Some(f2) => format!("{head} -> {}", it.repr(&f2)?),
                None => head,
            }
        }
        (Some(e), Some(s), None) => format!("[Errno {}] {}", it.str_of(e)?, it.str_of(s)?),
        _ => it.exception_str(&inst)?,
    };
    Ok(Value::Str(PyStr::from(text)))
}

/// `e.__reduce__()`: the class and the arguments that make it again, the filenames put back
/// (`(FileNotFoundError, (2, 'No such file or directory', 'f.txt'))`), then its `__dict__`.
fn reduce(_: &mut Interp, a: Args) -> R {
    let inst = this(&a)?;
    let attrs = inst.attrs.borrow();
    let mut args = match attrs.get("args") {
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => vec![],
    };
    let filename = attrs.get("filename").filter(|f| !matches!(f, Value::None));
    if args.len() == 2
        && let Some(f) = filename
    {
        args.push(f.clone());
        if let Some(f2) = attrs.get("filename2").filter(|f| !matches!(f, Value::None)) {
            args.push(Value::None);
            args.push(f2.clone());
        }
    }
    let mut out = vec![Value::Class(inst.class.clone()), Value::tuple(args)];
    // The instance's other attributes, as `BaseException.__reduce__` gives its `__dict__`.
    let mut state = Dict::default();
    for (k, v) in attrs.iter() {
        let field = matches!(
            &**k,
            "args" | "errno" | "strerror" | "filename" | "filename2" | "characters_written"
        );
        if !field && !k.starts_with("__") {
            state.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
        }
    }
    if !state.is_empty() {
        out.push(Value::dict(state));
    }
    Ok(Value::tuple(out))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn an_errno_picks_the_subclass_and_fills_the_fields() {
        let src = "e = OSError(2, 'nf', 'f.txt')\n\
                   print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)\n\
                   print(e)\n\
                   print(OSError(1, 'a', 'x', None, 'y'))\n\
                   print(type(OSError(99999, 'x')).__name__, OSError('plain').errno)";
        assert_eq!(
            out(src),
            "FileNotFoundError 2 nf f.txt (2, 'nf')\n[Errno 2] nf: 'f.txt'\n\
             [Errno 1] a: 'x' -> 'y'\nOSError None\n"
        );
    }

    #[test]
    fn a_failed_call_carries_errno_and_the_c_library_text() {
        crate::python::exceptions::install();
        let e = super::from_errno(libc::ESRCH, None);
        assert_eq!(&*e.value.class.name, "ProcessLookupError");
        let attrs = e.value.attrs.borrow();
        assert!(matches!(
            attrs.get("errno"),
            Some(crate::python::value::Value::Int(3))
        ));
        assert_eq!(super::strerror(libc::ESRCH), "No such process");
    }
}
