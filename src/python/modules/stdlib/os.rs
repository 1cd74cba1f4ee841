//! `os`: process identity and `os.path`'s string functions; the file system, the environment and
//! commands are refused.

use super::super::make_module;
use super::R;
use crate::python::exceptions::{not_available, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, PyStr, Value};
use crate::runtime;

pub fn os() -> Value {
    make_module(
        "os",
        &[
            ("getpid", getpid),
            ("getppid", getppid),
            ("cpu_count", cpu_count),
            ("_exit", os_exit),
            ("getenv", no_env),
            ("system", no_subprocess),
            ("popen", no_subprocess),
            ("fork", no_fork),
            ("kill", super::super::signal::os_kill),
            ("listdir", no_files),
            ("remove", no_files),
            ("mkdir", no_files),
            ("getcwd", no_files),
        ],
        vec![
            ("sep", Value::str("/")),
            ("linesep", Value::str("\n")),
            ("name", Value::str("posix")),
            ("environ", environ()),
            ("path", super::os_path::module()),
        ],
    )
}

pub fn getpid(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::state::pid() as i64))
}

fn getppid(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::state::parent_pid() as i64))
}

pub fn cpu_count(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::process::cpu_count() as i64))
}

fn os_exit(_: &mut Interp, a: Args) -> R {
    let code = match a.pos.first() {
        Some(Value::Int(i)) => *i as i32,
        _ => return Err(type_error("os._exit() takes an integer exit status")),
    };
    // os._exit skips every exit rule (no daemon is terminated, no child joined) and loses what
    // sys.stdout and sys.stderr hold unflushed.
    runtime::process::exit_now(code)
}

/// `os.environ`: present, so `os.environ["HOME"]` meets forkyard's sentence rather than an
/// AttributeError, and refusing every way of reading or changing it.
fn environ() -> Value {
    let mut attrs = crate::python::value::Namespace::default();
    for n in [
        "__getitem__",
        "__setitem__",
        "__delitem__",
        "__contains__",
        "__iter__",
        "__len__",
        "__repr__",
        "get",
        "keys",
        "items",
        "values",
        "copy",
        "setdefault",
        "pop",
        "update",
    ] {
        attrs.insert(PyStr::from(n), Value::builtin(n, no_environ));
    }
    let cls = crate::python::exceptions::make_class(
        "_Environ",
        "os",
        vec![crate::python::builtin_classes::object()],
        attrs,
        Some(crate::python::value::NativeKind::Other),
    )
    .expect("one base");
    Value::Instance(std::rc::Rc::new(crate::python::value::Instance {
        class: cls,
        attrs: Default::default(),
        native: Default::default(),
    }))
}

fn no_environ(_: &mut Interp, _: Args) -> R {
    Err(not_available("os.environ (the environment)"))
}

fn no_env(_: &mut Interp, _: Args) -> R {
    Err(not_available("os.getenv (the environment)"))
}
fn no_subprocess(_: &mut Interp, _: Args) -> R {
    Err(not_available("running commands"))
}
fn no_fork(_: &mut Interp, _: Args) -> R {
    Err(not_available("os.fork (use multiprocessing.Process)"))
}
fn no_files(_: &mut Interp, _: Args) -> R {
    Err(not_available("file system access"))
}
