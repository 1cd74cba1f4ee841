//! `traceback`: the text of an exception's traceback, as CPython prints it, for programs that log
//! it or send it back from a worker (`outbox.put(traceback.format_exc())`).
//!
//! Native rather than Python: the frames an exception passed through are kept by the interpreter
//! (`Exc::traceback`), and forkyard's exceptions have no `__traceback__` object for Python code to
//! walk, so the text is made here, next to the interpreter's own rendering of uncaught errors.

use std::rc::Rc;

use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use crate::trace::Stream;

pub fn module() -> Value {
    super::make_module(
        "traceback",
        &[
            ("format_exc", format_exc),
            ("print_exc", print_exc),
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("print_exception", print_exception),
        ],
        vec![],
    )
}

/// The exception `except` is handling right now, if any.
fn handled(it: &Interp) -> Option<Exc> {
    it.handling.last().cloned()
}

/// The pieces of an exception's report, in CPython's chunks (`traceback.format_exception`'s
/// list): the chain's sentences, the header, one string per frame (its `File` line and source
/// line), and the `Type: message` line.
fn chunks(it: &mut Interp, e: &Exc, chain: bool, seen: &mut Vec<usize>, out: &mut Vec<String>) {
    seen.push(Rc::as_ptr(&e.value) as usize);
    if chain {
        let cause = e.attr("__cause__").filter(|v| !matches!(v, Value::None));
        let context = e.attr("__context__").filter(|v| !matches!(v, Value::None));
        let suppress = matches!(e.attr("__suppress_context__"), Some(Value::Bool(true)));
        if let Some(Value::Instance(ref c)) = cause {
            if !seen.contains(&(Rc::as_ptr(c) as usize)) {
                chunks(it, &Exc { value: c.clone() }, chain, seen, out);
                out.push(
                    "\nThe above exception was the direct cause of the following exception:\n\n"
                        .into(),
                );
            }
        } else if let (Some(Value::Instance(ref c)), false) = (context, suppress)
            && !seen.contains(&(Rc::as_ptr(c) as usize))
        {
            chunks(it, &Exc { value: c.clone() }, chain, seen, out);
            out.push(
                "\nDuring handling of the above exception, another exception occurred:\n\n".into(),
            );
        }
    }
    let tb = e.traceback();
    if !tb.is_empty() {
        out.push("Traceback (most recent call last):\n".into());
        for t in &tb {
            let mut frame = format!("  File \"{}\", line {}, in {}\n", t.file, t.line, t.func);
            if let Some(src) = it.source_line_in(&t.file, t.line).filter(|s| !s.is_empty()) {
                frame.push_str(&format!("    {src}\n"));
            }
            out.push(frame);
        }
    }
    out.push(format!("{}\n", it.exception_line(e)));
}

fn report(it: &mut Interp, e: Option<&Exc>, chain: bool) -> Vec<String> {
    match e {
        Some(e) => {
            let mut out = Vec::new();
            chunks(it, e, chain, &mut Vec::new(), &mut out);
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

/// Where `file=` sends a printed traceback (stderr unless told otherwise).
fn stream(a: &Args) -> Result<Stream, Exc> {
    match a.kw.iter().find(|(k, _)| &**k == "file") {
        None => Ok(Stream::Stderr),
        Some((_, Value::None)) => Ok(Stream::Stderr),
        Some((_, v)) => super::stream_of(v).ok_or_else(|| {
            type_error(
                "traceback can print only to sys.stdout or sys.stderr in forkyard (use \
                 format_exc() to get the text)",
            )
        }),
    }
}

fn check_kw(a: &Args, fname: &str, allowed: &[&str]) -> Result<(), Exc> {
    for (k, _) in &a.kw {
        if !allowed.contains(&&**k) {
            return Err(type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
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
        Value::Instance(i)
            if i.class
                .is_subclass(&crate::python::exceptions::class("BaseException")) =>
        {
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
    check_kw(&a, "format_exc", &["limit", "chain"])?;
    let chain = kw_bool(&a, "chain", true);
    let e = handled(it);
    Ok(Value::str(&report(it, e.as_ref(), chain).concat()))
}

/// `print_exc()`: the handled exception's report, printed (to stderr by default).
fn print_exc(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    check_kw(&a, "print_exc", &["limit", "file", "chain"])?;
    let chain = kw_bool(&a, "chain", true);
    let to = stream(&a)?;
    let e = handled(it);
    crate::runtime::output::write(to, &report(it, e.as_ref(), chain).concat());
    Ok(Value::None)
}

/// `format_exception(exc)` / `format_exception(type, value, tb)`: the report as a list of
/// strings, each ending in a newline.
fn format_exception(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    check_kw(&a, "format_exception", &["limit", "chain", "value", "tb"])?;
    let chain = kw_bool(&a, "chain", true);
    let e = named_exception(&a, "format_exception")?;
    Ok(lines(report(it, e.as_ref(), chain)))
}

/// `format_exception_only(exc)`: only the `Type: message` line, in a list.
fn format_exception_only(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    check_kw(&a, "format_exception_only", &["value"])?;
    let v = match a.pos.len() {
        1 => a.pos[0].clone(),
        2 => a.pos[1].clone(),
        n => {
            return Err(type_error(format!(
                "format_exception_only() takes from 1 to 2 positional arguments but {n} were given"
            )));
        }
    };
    match v {
        Value::Instance(ref i) => {
            let e = Exc { value: i.clone() };
            Ok(lines(vec![format!("{}\n", it.exception_line(&e))]))
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
    check_kw(
        &a,
        "print_exception",
        &["limit", "file", "chain", "value", "tb"],
    )?;
    let chain = kw_bool(&a, "chain", true);
    let to = stream(&a)?;
    let e = named_exception(&a, "print_exception")?;
    crate::runtime::output::write(to, &report(it, e.as_ref(), chain).concat());
    Ok(Value::None)
}
