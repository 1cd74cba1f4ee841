//! `traceback`: the text of an exception's traceback, as CPython prints it, for programs that log
//! it or send it back from a worker (`outbox.put(traceback.format_exc())`).
//!
//! Native rather than Python: the frames an exception passed through are kept by the interpreter
//! (`Exc::traceback`), so the text is made here, next to the interpreter's own rendering of
//! uncaught errors. `exc.__traceback__` is a `traceback` object made from those frames (`tb_lineno`,
//! `tb_next`), which `format_tb` / `print_tb` read back.

use crate::python::bind::Sig;
use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use crate::python::exceptions::{self, Exc, TbEntry, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, Instance, Namespace, NativeKind, PyStr, Value};
use crate::trace::Stream;

pub fn module() -> Value {
    super::make_module(
        "_traceback",
        &[
            ("format_exc", format_exc),
            ("print_exc", print_exc),
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("print_exception", print_exception),
            ("format_tb", format_tb),
            ("print_tb", print_tb),
            ("_source_line", source_line),
            ("_source", source),
            ("_main_module", main_module),
        ],
        vec![],
    )
}

/// `_source_line(filename, lineno)`: the line of a file as `linecache.getline` gives it (with
/// its newline), or '' when there is none: the program's text or a library module's.
fn source_line(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let (Some(Value::Str(file)), Some(Value::Int(line))) = (a.pos.first(), a.pos.get(1)) else {
        return Ok(Value::str(""));
    };
    let Some(text) = source_text(it, file) else {
        return Ok(Value::str(""));
    };
    let Ok(line) = usize::try_from(*line - 1) else {
        return Ok(Value::str(""));
    };
    Ok(Value::str(
        &text
            .lines()
            .nth(line)
            .map(|l| format!("{l}\n"))
            .unwrap_or_default(),
    ))
}

/// `_source(filename)`: the whole text of the program or of a library module, or None.
fn source(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    Ok(match a.pos.first() {
        Some(Value::Str(file)) => source_text(it, file).map_or(Value::None, |t| Value::str(&t)),
        _ => Value::None,
    })
}

/// `_main_module()`: the program's module, `__main__`, whose attributes are its globals (for
/// `inspect.getmodule`; the program's module is not in `sys.modules`).
fn main_module(it: &mut Interp, _: Args) -> Result<Value, Exc> {
    Ok(Value::Module(Rc::new(crate::python::value::Module {
        name: PyStr::from("__main__"),
        attrs: it.globals.clone(),
    })))
}

/// The text behind a code object's `co_filename`: the program's (named by its path as given or
/// its absolute `__file__`), or a library module's.
fn source_text(it: &Interp, file: &str) -> Option<PyStr> {
    if let Some(src) = super::library::source_of_file(file) {
        return Some(PyStr::from(src));
    }
    let abs = std::path::absolute(&*it.file).ok()?;
    (file == &*it.file || std::path::Path::new(file) == abs).then(|| it.source.clone())
}

/// The exception `except` is handling right now, if any.
fn handled(it: &Interp) -> Option<Exc> {
    it.handling.last().cloned()
}

/// The pieces of an exception's report, in CPython's chunks (`traceback.format_exception`'s
/// list): the chain's sentences, the header, one string per frame (its `File` line and source
/// line), and the `Type: message` line.
fn chunks(it: &mut Interp, e: &Exc, how: How, seen: &mut Vec<usize>, out: &mut Vec<String>) {
    seen.push(Rc::as_ptr(&e.value) as usize);
    if how.chain {
        let cause = e.attr("__cause__").filter(|v| !matches!(v, Value::None));
        let context = e.attr("__context__").filter(|v| !matches!(v, Value::None));
        let suppress = matches!(e.attr("__suppress_context__"), Some(Value::Bool(true)));
        if let Some(Value::Instance(ref c)) = cause {
            if !seen.contains(&(Rc::as_ptr(c) as usize)) {
                chunks(it, &Exc { value: c.clone() }, how, seen, out);
                out.push(
                    "\nThe above exception was the direct cause of the following exception:\n\n"
                        .into(),
                );
            }
        } else if let (Some(Value::Instance(ref c)), false) = (context, suppress)
            && !seen.contains(&(Rc::as_ptr(c) as usize))
        {
            chunks(it, &Exc { value: c.clone() }, how, seen, out);
            out.push(
                "\nDuring handling of the above exception, another exception occurred:\n\n".into(),
            );
        }
    }
    let tb = apply_limit(e.traceback(), how.limit);
    if !tb.is_empty() {
        out.push("Traceback (most recent call last):\n".into());
        out.extend(frames(it, &tb));
    }
    out.extend(final_lines(it, e));
}

/// The `Type: message` chunk, then one chunk per line of the notes `add_note` attached, as
/// CPython's `format_exception_only` yields them.
fn final_lines(it: &mut Interp, e: &Exc) -> Vec<String> {
    let full = it.exception_line(e);
    let note_lines: usize = match e.value.attrs.borrow().get("__notes__") {
        Some(Value::List(notes)) => notes
            .borrow()
            .iter()
            .map(|n| match n {
                Value::Str(s) => s.split('\n').count(),
                _ => 1,
            })
            .sum(),
        _ => 0,
    };
    let lines: Vec<&str> = full.split('\n').collect();
    let head = lines.len().saturating_sub(note_lines).max(1);
    let mut out = vec![format!("{}\n", lines[..head].join("\n"))];
    out.extend(lines[head..].iter().map(|l| format!("{l}\n")));
    out
}

/// One string per frame: its `File` line and its source line.
fn frames(it: &Interp, tb: &[TbEntry]) -> Vec<String> {
    use crate::python::tb_repeats::{Shown, repeated_line, shown};
    shown(tb)
        .into_iter()
        .map(|s| {
            let t = match s {
                Shown::Entry(t) => t,
                // `StackSummary.format`'s own chunk.
                Shown::Repeated(n) => return repeated_line(n),
            };
            // The program's frames name it by its absolute path, as its `__file__` does (CPython
            // 3.11's `co_filename` of the main module).
            let shown = if t.file == it.file {
                std::path::absolute(&*t.file)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| t.file.to_string())
            } else {
                t.file.to_string()
            };
            let mut frame = format!("  File \"{}\", line {}, in {}\n", shown, t.line, t.func);
            if let Some(src) = it.source_line_in(&t.file, t.line).filter(|s| !s.is_empty()) {
                frame.push_str(&format!("    {src}\n"));
            }
            frame
        })
        .collect()
}

/// The frames a `traceback` object stands for, from it to the innermost.
struct TbFrames(Vec<TbEntry>);

impl crate::python::native_object::NativeObject for TbFrames {}

static TRACEBACK_CLASS: crate::python::builtin_classes::InterpSlot<Rc<Class>> =
    crate::python::builtin_classes::InterpSlot::new();

/// The `traceback` type, made once per interpreter (`per_interp`): a spawned child's derives from
/// its own `object`.
fn traceback_class() -> Rc<Class> {
    crate::python::builtin_classes::per_interp(&TRACEBACK_CLASS, || {
        exceptions::make_class(
            "traceback",
            "builtins",
            vec![crate::python::builtin_classes::object()],
            Namespace::default(),
            Some(NativeKind::Other),
        )
        .expect("one base")
    })
}

/// `exc.__traceback__`: a chain of `traceback` objects, outermost frame first, each with its
/// `tb_frame`, `tb_lineno` and `tb_next`; `None` when the exception was never raised.
pub fn object_of(it: &mut Interp, e: &Exc) -> Value {
    let tb = e.traceback();
    let class = traceback_class();
    let mut next = Value::None;
    for i in (0..tb.len()).rev() {
        let mut attrs = Namespace::default();
        attrs.insert(PyStr::from("tb_frame"), it.tb_frame_object(e, i));
        attrs.insert(PyStr::from("tb_lineno"), Value::Int(i64::from(tb[i].line)));
        attrs.insert(PyStr::from("tb_lasti"), Value::Int(0));
        attrs.insert(PyStr::from("tb_next"), next);
        next = Value::Instance(Rc::new(Instance {
            class: class.clone(),
            attrs: std::cell::RefCell::new(attrs),
            native: std::cell::RefCell::new(Some(Box::new(TbFrames(tb[i..].to_vec())))),
        }));
    }
    next
}

/// The frames of a `traceback` object (`None` stands for none), for `format_tb(tb)`.
fn tb_frames(v: &Value, fname: &str) -> Result<Vec<TbEntry>, Exc> {
    match v {
        Value::None => Ok(Vec::new()),
        Value::Instance(i) => match i.native.borrow().as_ref().and_then(|b| b.downcast_ref()) {
            Some(TbFrames(f)) => Ok(f.clone()),
            None => Err(Exc::new(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute 'tb_frame'", i.class.name),
            )),
        },
        other => Err(Exc::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object has no attribute 'tb_frame' ({fname}() takes a traceback: \
                 exc.__traceback__)",
                other.type_name()
            ),
        )),
    }
}

/// `limit=` (keyword, or the positional argument at `at`): `None` when absent or `None`.
fn limit_of(a: &Args, at: usize) -> Option<i64> {
    let limit =
        a.kw.iter()
            .find(|(k, _)| &**k == "limit")
            .map(|(_, v)| v)
            .or(a.pos.get(at));
    match limit {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    }
}

/// A positive limit n keeps the first n frames, a negative one the last -n (CPython 3.11).
fn apply_limit(mut tb: Vec<TbEntry>, limit: Option<i64>) -> Vec<TbEntry> {
    match limit {
        Some(n) if n >= 0 => {
            tb.truncate(n as usize);
            tb
        }
        Some(n) => {
            let keep = n.unsigned_abs() as usize;
            let skip = tb.len().saturating_sub(keep);
            tb.split_off(skip)
        }
        None => tb,
    }
}

fn limited(tb: Vec<TbEntry>, a: &Args, at: usize) -> Vec<TbEntry> {
    apply_limit(tb, limit_of(a, at))
}

/// How a report is made: with the chain of causes and contexts or not, and each exception's
/// frames cut to `limit=` as [`apply_limit`] does (CPython's `TracebackException` cuts every
/// exception of the chain alike).
#[derive(Clone, Copy)]
struct How {
    chain: bool,
    limit: Option<i64>,
}

impl How {
    /// `chain=` and `limit=` (the latter positional at `at`) of a call.
    fn of(a: &Args, at: usize) -> How {
        How {
            chain: kw_bool(a, "chain", true),
            limit: limit_of(a, at),
        }
    }
}

/// `format_tb(tb, limit=None)`: one string per frame.
fn format_tb(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let [tb, _] = Sig::py("format_tb", &["tb", "limit"], 1).bind(&a)?;
    let none = Value::None;
    let tb = tb.unwrap_or(&none);
    let tb = limited(tb_frames(tb, "format_tb")?, &a, 1);
    Ok(lines(frames(it, &tb)))
}

/// `print_tb(tb, limit=None, file=None)`: the frames, printed (to stderr by default).
fn print_tb(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let [tb, _, _] = Sig::py("print_tb", &["tb", "limit", "file"], 1).bind(&a)?;
    let none = Value::None;
    let tb = tb.unwrap_or(&none);
    let tb = limited(tb_frames(tb, "print_tb")?, &a, 1);
    let text = frames(it, &tb).concat();
    emit(it, &a, &text)?;
    Ok(Value::None)
}

fn report(it: &mut Interp, e: Option<&Exc>, how: How) -> Vec<String> {
    match e {
        Some(e) => {
            let mut out = Vec::new();
            chunks(it, e, how, &mut Vec::new(), &mut out);
            out
        }
        None => vec!["NoneType: None\n".into()],
    }
}

fn kw_bool(a: &Args, name: &str, default: bool) -> bool {
    match a.kw.iter().find(|(k, _)| &**k == name) {
        Some((_, v)) => v.truthy_simple().unwrap_or(true),
        None => default,
    }
}

/// Print a report where `file=` says, or to what `sys.stderr` holds now (which
/// `contextlib.redirect_stderr` may have replaced with an `io.StringIO`).
fn emit(it: &mut Interp, a: &Args, text: &str) -> Result<(), Exc> {
    let target = match a.kw.iter().find(|(k, _)| &**k == "file") {
        None | Some((_, Value::None)) => super::sys_stream(it, "stderr"),
        Some((_, v)) => Some(v.clone()),
    };
    match target.as_ref().map(|v| (super::stream_of(v), v)) {
        None => crate::runtime::output::write(Stream::Stderr, text),
        Some((Some(stream), _)) => crate::runtime::output::write(stream, text),
        Some((None, obj)) => {
            it.call_method(obj, "write", vec![Value::str(text)])?;
        }
    }
    Ok(())
}

/// The exception a `format_exception`/`print_exception` call names: `(exc)` or the older
/// `(type, value, tb)` form, whose value is the exception.
fn named_exception(a: &Args, fname: &str) -> Result<Option<Exc>, Exc> {
    let v = match a.pos.len() {
        1 | 3 => {
            if a.pos.len() == 3 {
                &a.pos[1]
            } else {
                &a.pos[0]
            }
        }
        0 => {
            return Err(type_error(format!(
                "{fname}() missing required positional argument: 'exc'"
            )));
        }
        _ => {
            return Err(type_error(format!(
                "{fname}() takes from 1 to 3 positional arguments but {} were given",
                a.pos.len()
            )));
        }
    };
    match v {
        Value::None => Ok(None),
        Value::Instance(i) if i.class.is_subclass(&ExcKind::BaseException.class()) => {
            Ok(Some(Exc { value: i.clone() }))
        }
        // `format_exception(type, None, None)`: just the type's name.
        other => Err(type_error(format!(
            "Exception expected for value, {} found",
            other.type_name()
        ))),
    }
}

fn lines(chunks: Vec<String>) -> Value {
    Value::list(chunks.iter().map(|s| Value::str(s)).collect())
}

/// `format_exc()`: the handled exception's report as one string.
fn format_exc(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    Sig::py("format_exc", &["limit", "chain"], 0).bind::<2>(&a)?;
    let how = How::of(&a, 0);
    let e = handled(it);
    Ok(Value::str(&report(it, e.as_ref(), how).concat()))
}

/// `print_exc()`: the handled exception's report, printed (to stderr by default).
fn print_exc(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    Sig::py("print_exc", &["limit", "file", "chain"], 0).bind::<3>(&a)?;
    let how = How::of(&a, 0);
    let e = handled(it);
    let text = report(it, e.as_ref(), how).concat();
    emit(it, &a, &text)?;
    Ok(Value::None)
}

/// `format_exception(exc)` / `format_exception(type, value, tb)`: the report as a list of
/// strings, each ending in a newline.
fn format_exception(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    Sig::py(
        "format_exception",
        &["exc", "value", "tb", "limit", "chain"],
        1,
    )
    .posonly(1)
    .bind::<5>(&a)?;
    let how = How::of(&a, 3);
    let e = named_exception(&a, "format_exception")?;
    Ok(lines(report(it, e.as_ref(), how)))
}

/// `format_exception_only(exc)`: only the `Type: message` line, in a list.
fn format_exception_only(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let [exc, value] = Sig::py("format_exception_only", &["exc", "value"], 1)
        .posonly(1)
        .bind(&a)?;
    let v = value.or(exc).cloned().unwrap_or(Value::None);
    match v {
        Value::Instance(ref i) => {
            let e = Exc { value: i.clone() };
            Ok(lines(final_lines(it, &e)))
        }
        Value::None => Ok(lines(vec!["NoneType: None\n".into()])),
        other => Err(type_error(format!(
            "Exception expected for value, {} found",
            other.type_name()
        ))),
    }
}

/// `print_exception(exc)`: the report, printed (to stderr by default).
fn print_exception(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    Sig::py(
        "print_exception",
        &["exc", "value", "tb", "limit", "file", "chain"],
        1,
    )
    .posonly(1)
    .bind::<6>(&a)?;
    let how = How::of(&a, 3);
    let e = named_exception(&a, "print_exception")?;
    let text = report(it, e.as_ref(), how).concat();
    emit(it, &a, &text)?;
    Ok(Value::None)
}
