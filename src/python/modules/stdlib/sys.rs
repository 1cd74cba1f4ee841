//! `sys`: argv, exit, the standard streams, version and limits.

use super::super::make_module;
use super::R;
use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;
use crate::python::exceptions::{self, Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, Namespace, NativeKind, PyStr, Value};
use crate::runtime;
use crate::trace::Stream;
use std::rc::Rc;

/// Instances standing for `sys.stdout` / `sys.stderr`.
struct StreamTag(Stream);

impl crate::python::native_object::NativeObject for StreamTag {}

/// The program's arguments after its name, set once by the lesson main before the program runs
/// (every process of the run, forked or spawned, sees the same `sys.argv`, as CPython's spawn
/// passes the parent's `sys.argv` to the child).
static ARGUMENTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Sets what `sys.argv[1:]` will be (once; a second call is ignored).
pub fn set_arguments(args: Vec<String>) {
    let _ = ARGUMENTS.set(args);
}

pub fn sys(it: &mut Interp) -> Value {
    let stream_cls = exceptions::make_class(
        "TextIOWrapper",
        "io",
        vec![crate::python::builtin_classes::object()],
        Namespace::default(),
        Some(NativeKind::Other),
    )
    .expect("one base");
    {
        let mut attrs = stream_cls.attrs.borrow_mut();
        attrs.insert(PyStr::from("write"), Value::builtin("write", stream_write));
        attrs.insert(PyStr::from("flush"), Value::builtin("flush", stream_flush));
    }
    let mk = |s: Stream| {
        // `name` as CPython's standard streams have it (`<stdout>`), which a handler's repr shows.
        let mut attrs = Namespace::default();
        let name = match s {
            Stream::Stdout => "<stdout>",
            Stream::Stderr => "<stderr>",
        };
        attrs.insert(PyStr::from("name"), Value::str(name));
        Value::Instance(Rc::new(Instance {
            class: stream_cls.clone(),
            attrs: std::cell::RefCell::new(attrs),
            native: std::cell::RefCell::new(Some(Box::new(StreamTag(s)))),
        }))
    };
    // `sys.argv`: the program's name, then the arguments it was given after it
    // (`forkyard run prog.py a b`), as `python3 prog.py a b` gives them.
    let mut argv = vec![Value::Str(it.file.clone())];
    argv.extend(ARGUMENTS.get().into_iter().flatten().map(|a| Value::str(a)));
    let argv = Value::list(argv);
    // sys.path[0] is the program's directory, absolute, as CPython puts it.
    let dir = std::path::Path::new(&*it.file)
        .parent()
        .map(|d| d.to_path_buf())
        .unwrap_or_default();
    let dir = std::env::current_dir().map(|c| c.join(&dir)).unwrap_or(dir);
    let dir = dir.to_string_lossy();
    let path = Value::list(vec![Value::str(dir.trim_end_matches('/'))]);
    // sys.modules: the modules imported so far (and sys itself), as a dict at the time of
    // `import sys`; later imports do not appear in it.
    let mut modules = crate::python::value::Dict::default();
    let mut names: Vec<PyStr> = it.modules.keys().cloned().collect();
    names.sort();
    for n in names {
        let m = it.modules[&n].clone();
        it.dict_insert(&mut modules, Value::Str(n), m)
            .expect("str keys hash");
    }
    let vi_cls = super::structseq::class("version_info", "sys", 5, 0);
    let version_info = super::structseq::make(
        &vi_cls,
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ],
        vec![],
    );
    let fi_cls = super::structseq::class("float_info", "sys", 11, 0);
    let float_info = super::structseq::make(
        &fi_cls,
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(2),
            Value::Int(1),
        ],
        vec![],
    );
    let ii_cls = super::structseq::class("int_info", "sys", 4, 0);
    let int_info = super::structseq::make(
        &ii_cls,
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(4300),
            Value::Int(640),
        ],
        vec![],
    );
    let sys = make_module(
        "sys",
        &[
            ("getsizeof", getsizeof),
            ("exit", sys_exit),
            ("getrecursionlimit", recursion_limit),
            ("setrecursionlimit", set_recursion_limit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("exc_info", exc_info),
            ("exception", exception),
            ("_getframe", crate::python::interp::frame_object::getframe),
        ],
        vec![
            ("stdout", mk(Stream::Stdout)),
            ("stderr", mk(Stream::Stderr)),
            ("argv", argv),
            ("platform", Value::str("linux")),
            ("maxsize", Value::Int(i64::MAX)),
            ("version", Value::str("3.11.0 (forkyard)")),
            ("version_info", version_info.clone()),
            (
                "implementation",
                super::sys_info::implementation(version_info, 0x030b_00f0),
            ),
            ("flags", super::sys_info::flags()),
            ("float_info", float_info),
            ("int_info", int_info),
            ("hexversion", Value::Int(0x030b_00f0)),
            ("byteorder", Value::str("little")),
            ("path", path),
            // CPython's value when it cannot tell which interpreter runs it: there is no python
            // binary behind a forkyard program.
            ("executable", Value::str("")),
            ("modules", Value::dict(modules)),
        ],
    );
    // sys.modules holds sys too.
    if let Value::Module(m) = &sys
        && let Some(Value::Dict(d)) = m.attrs.borrow().get("modules")
    {
        it.dict_insert(&mut d.borrow_mut(), Value::str("sys"), sys.clone())
            .expect("str keys hash");
    }
    sys
}

/// `sys.getsizeof(object[, default])`: CPython 3.11's figure (python/sizeof.rs), with CPython's
/// argument errors.
fn getsizeof(it: &mut Interp, a: Args) -> R {
    let [obj, default] = Sig::c("getsizeof", &["object", "default"], 1).bind(&a)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    crate::python::sizeof::getsizeof(it, &obj, default)
}

pub fn stream_of(v: &Value) -> Option<Stream> {
    let Value::Instance(i) = v else { return None };
    let n = i.native.borrow();
    n.as_ref()
        .and_then(|b| b.downcast_ref::<StreamTag>())
        .map(|t| t.0)
}

fn stream_write(it: &mut Interp, a: Args) -> R {
    let stream = a.pos.first().and_then(stream_of).unwrap_or(Stream::Stdout);
    let text = match a.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "write() argument must be str, not {}",
                other.type_name()
            )));
        }
        None => return Err(type_error("write() takes exactly one argument (0 given)")),
    };
    let _ = it;
    runtime::output::write(stream, &text);
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(_: &mut Interp, a: Args) -> R {
    let stream = a.pos.first().and_then(stream_of).unwrap_or(Stream::Stdout);
    runtime::output::flush(stream);
    Ok(Value::None)
}

fn sys_exit(_: &mut Interp, a: Args) -> R {
    Sig::c_pos("exit", "sys", &["status"], 0).bind::<1>(&a)?;
    // CPython raises SystemExit with the argument as the exception's value, and a tuple value
    // becomes the args themselves: `sys.exit(())` is `SystemExit()` (code None), `sys.exit((5,))`
    // is `SystemExit(5)` when caught. `sys.exit(None)` has no args either.
    match a.pos.into_iter().next() {
        Some(t @ Value::Tuple(_)) => {
            let Value::Tuple(items) = &t else {
                unreachable!()
            };
            let e = Exc::with_args(ExcKind::SystemExit, items.to_vec());
            e.set_exit_tuple(t);
            Err(e)
        }
        Some(Value::None) | None => Err(Exc::with_args(ExcKind::SystemExit, vec![])),
        Some(v) => Err(Exc::with_args(ExcKind::SystemExit, vec![v])),
    }
}

fn recursion_limit(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("getrecursionlimit", "sys", &[], 0).bind::<0>(&a)?;
    Ok(Value::Int(it.recursion_limit as i64))
}

/// `sys.setrecursionlimit(n)`: honoured, with CPython's errors. Deep recursion stays safe at any
/// limit: the interpreter's stack grows in segments (interp/stack.rs), and the process's memory
/// limit stops a runaway.
fn set_recursion_limit(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("setrecursionlimit", "sys", &["limit"], 1).bind::<1>(&a)?;
    let n = match &a.pos[0] {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(Exc::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ));
        }
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    if n < 1 {
        return Err(Exc::new(
            ExcKind::ValueError,
            "recursion limit must be greater or equal than 1",
        ));
    }
    // CPython counts the frame of the caller too.
    let depth = it.depth as i64 + 1;
    if n <= depth {
        return Err(Exc::new(
            ExcKind::RecursionError,
            format!(
                "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    it.recursion_limit = n as usize;
    Ok(Value::None)
}

fn get_int_max_str_digits(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(crate::python::bigint::max_str_digits() as i64))
}

fn set_int_max_str_digits(_: &mut Interp, a: Args) -> R {
    let n = a
        .pos
        .first()
        .or_else(|| {
            a.kw.iter()
                .find(|(k, _)| &**k == "maxdigits")
                .map(|(_, v)| v)
        })
        .ok_or_else(|| {
            type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
        })?;
    crate::python::bigint::set_max_str_digits(n)?;
    Ok(Value::None)
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled, or three Nones.
fn exc_info(it: &mut Interp, _: Args) -> R {
    Ok(match it.handling.last().cloned() {
        Some(e) => Value::tuple(vec![
            Value::Class(e.value.class.clone()),
            Value::Instance(e.value.clone()),
            super::super::traceback::object_of(it, &e),
        ]),
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn exception(it: &mut Interp, _: Args) -> R {
    Ok(match it.handling.last() {
        Some(e) => Value::Instance(e.value.clone()),
        None => Value::None,
    })
}
