//! How values cross processes (Queue, Pipe, Pool, spawn): serialized into bytes by the sender,
//! rebuilt as new objects by the receiver, so the receiver always gets a copy, as with CPython's
//! pickle.
//!
//! What crosses: None, bools, ints (of any size), floats, str, bytes, lists, tuples, dicts, sets,
//! frozensets, ranges, nested; module-level functions and classes by name (the receiver, a fork of
//! the same program, finds them in its own `__main__`); bound methods (as `getattr(obj, name)`);
//! instances of module-level classes (their `__dict__`, or what `__getstate__` returns, given to
//! `__setstate__` on the other side); whatever `__reduce_ex__`/`__reduce__` says to call;
//! exceptions, rebuilt as pickle rebuilds them: by calling the class with `args`; and iterators at
//! their position (`iterators`).
//!
//! Like pickle, one message keeps its shared references and cycles: every list, dict, set,
//! instance, tuple and string is remembered (the memo) the first time it is written, and written
//! again only as "the N-th object", so `[x, x]` arrives as a list holding one object twice and a
//! list that contains itself arrives containing itself. Mutable containers are made (empty) before
//! their items, so an item can refer back to them; a tuple is made after its items, and when one
//! of its items led back to the tuple itself, the copy made on that way is the tuple (pickle's
//! `POP_MARK`/`GET`), which the trailer after a tuple says.
//!
//! What does not cross raises what CPython's pickling raises: a lambda or a nested function, a
//! multiprocessing primitive ("... should only be shared between processes through inheritance"),
//! a module, a generator... Writing counts against the recursion limit as CPython's pickler does
//! (`RecursionError: maximum recursion depth exceeded while pickling an object`); reading, like
//! CPython's unpickler, has no such limit (only a forged frame nests past what the writer makes).

pub mod bridge;
mod iterators;
mod read;
mod write;

use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use crate::python::exceptions::{self, Exc};
use crate::python::interp::Interp;
use crate::python::value::{Args, ThinRc, Value};

/// Every serialized object starts with these bytes (raw `send_bytes` messages do not).
pub const MAGIC: &[u8] = b"\x80FY1";

/// The depth a Queue's item is pickled at: CPython's feeder thread runs the pickler under five
/// Python frames (`_bootstrap`, `_bootstrap_inner`, `run`, `_feed`, `_ForkingPickler.dumps`),
/// the first of which is the level `depth` does not count (as a program's module frame, see
/// `Interp::at_recursion_limit`): forkyard's depth 4 (measured: the deepest list, dict, tuple
/// and instance nesting that crosses is the same under both).
const FEEDER_DEPTH: usize = 4;

/// Serializes `v` (with the magic prefix).
pub fn dumps(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    write::message(it, v)
}

/// Serializes `v` as `Connection.send` and `SimpleQueue.put` do: CPython's pickler runs below
/// Python frames of the library (`send`, `_ForkingPickler.dumps`) that count against the limit;
/// those two levels over the caller's depth give the same deepest nesting as CPython (measured).
pub fn dumps_in_call(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    it.depth += 2;
    let r = dumps(it, v);
    it.depth -= 2;
    r
}

/// Serializes `v` as a Queue's feeder thread does: at the feeder's own (shallow) call depth, not
/// the depth `put` was called at.
pub fn dumps_as_feeder(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    let depth = std::mem::replace(&mut it.depth, FEEDER_DEPTH);
    let r = dumps(it, v);
    it.depth = depth;
    r
}

thread_local! {
    /// While a spawned child's process object is serialized ([`dumps_spawning`]), or rebuilt in
    /// the child ([`loads_inherited`]): the primitives passed along. CPython lets Locks, Queues,
    /// Connections... cross only "through inheritance", which includes being an argument of a
    /// process being spawned; a spawned child here is a fork, so the primitive objects themselves
    /// are still in its memory, and the message carries their index in this table.
    static INHERITED: std::cell::RefCell<Option<Vec<Value>>> = const { std::cell::RefCell::new(None) };
}

/// Serializes `v` for a process being spawned: as [`dumps`], but multiprocessing primitives are
/// allowed and passed by inheritance (returned beside the bytes).
pub fn dumps_spawning(it: &mut Interp, v: &Value) -> Result<(Vec<u8>, Vec<Value>), Exc> {
    INHERITED.with(|t| *t.borrow_mut() = Some(Vec::new()));
    let bytes = dumps(it, v);
    let inherited = INHERITED
        .with(|t| t.borrow_mut().take())
        .unwrap_or_default();
    Ok((bytes?, inherited))
}

thread_local! {
    /// While a forkserver child's process object is serialized: its Connections go through the
    /// run's broker (the server forks the child, so it has not inherited them from the sender).
    static CONNECTIONS_BY_BROKER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// [`dumps_spawning`] for a child the fork server forks: primitives by inheritance (from the
/// server), Connections through the broker.
pub fn dumps_forkserver(it: &mut Interp, v: &Value) -> Result<(Vec<u8>, Vec<Value>), Exc> {
    CONNECTIONS_BY_BROKER.with(|c| c.set(true));
    let r = dumps_spawning(it, v);
    CONNECTIONS_BY_BROKER.with(|c| c.set(false));
    r
}

/// Whether a child being spawned (or forked by the fork server) is being serialized: primitives
/// pass by inheritance then, so `multiprocessing.sharedctypes` lets its objects pass, as CPython's
/// `assert_spawning` does.
pub fn spawning() -> bool {
    INHERITED.with(|t| t.borrow().is_some())
}

fn connections_by_broker() -> bool {
    CONNECTIONS_BY_BROKER.with(|c| c.get())
}

/// Rebuilds, in a spawned child, what [`dumps_spawning`] serialized in its parent.
pub fn loads_inherited(it: &mut Interp, b: &[u8], inherited: Vec<Value>) -> Result<Value, Exc> {
    INHERITED.with(|t| *t.borrow_mut() = Some(inherited));
    let v = loads(it, b);
    INHERITED.with(|t| *t.borrow_mut() = None);
    v
}

/// Rebuilds a value serialized by [`dumps`].
pub fn loads(it: &mut Interp, b: &[u8]) -> Result<Value, Exc> {
    let Some(body) = b.strip_prefix(MAGIC) else {
        // A pickle this run's senders did not write (a program's own
        // `send_bytes(pickle.dumps(x))`, protocols 2 to 5, read by `recv()`): CPython unpickles
        // it, so `pickle.loads` does, with its results and its errors.
        let Some(&[0x80, 2..=5]) = b.get(..2) else {
            return Err(match b.first() {
                Some(c) => invalid_load_key(*c),
                None => Exc::with_args(ExcKind::EOFError, vec![Value::str("Ran out of input")]),
            });
        };
        let pickle = super::import(it, "pickle")?;
        let load = it.getattr(&pickle, "loads")?;
        return it.call(&load, Args::new(vec![Value::Bytes(ThinRc::from(b))]));
    };
    read::message(it, body)
}

/// The traceback a helper thread of CPython's multiprocessing (a Queue's feeder, a Pool's result
/// handler) prints for an error in pickling or unpickling: `frame` (the thread's own function,
/// in the library), then the frames of the program's code that ran (a `__getstate__`, a
/// `__setstate__`), then the error; chained errors before it, as usual.
pub fn helper_thread_traceback(it: &mut Interp, e: &Exc, frame: &str) -> String {
    const HEADER: &str = "Traceback (most recent call last):\n";
    let text = it.format_exception(e);
    let last = it.exception_line(e);
    match text.rfind(HEADER) {
        // The error's own section (chained causes come before it) starts with the last header.
        Some(at) if !e.traceback().is_empty() => {
            let at = at + HEADER.len();
            format!("{}{frame}{}", &text[..at], &text[at..])
        }
        _ => {
            let before = text.strip_suffix(&format!("{last}\n")).unwrap_or("");
            format!("{before}{HEADER}{frame}{last}\n")
        }
    }
}

/// CPython's words for a byte that starts no known opcode.
fn invalid_load_key(c: u8) -> Exc {
    let key = match c {
        0x20..=0x7e if c != b'\\' => (c as char).to_string(),
        _ => format!("\\x{c:02x}"),
    };
    pickle_error("UnpicklingError", format!("invalid load key, '{key}'."))
}

fn pickle_error(kind: &str, msg: String) -> Exc {
    type Class = Rc<crate::python::value::Class>;
    static MADE: crate::python::builtin_classes::InterpSlot<(Class, Class)> =
        crate::python::builtin_classes::InterpSlot::new();
    // Made once per interpreter: a spawned child's derive from its own `Exception`.
    let (p, u) = crate::python::builtin_classes::per_interp(&MADE, || {
        let base = ExcKind::Exception.class();
        let made = |name: &str, base: Class| {
            exceptions::make_class(name, "_pickle", vec![base], Default::default(), None)
                .expect("one base")
        };
        let pe = made("PickleError", base);
        (
            made("PicklingError", pe.clone()),
            made("UnpicklingError", pe),
        )
    });
    let cls = if kind == "PicklingError" { p } else { u };
    Exc {
        value: exceptions::instance(cls, vec![Value::str(&msg)]),
    }
}

fn pickling_error(msg: impl Into<String>) -> Exc {
    pickle_error("PicklingError", msg.into())
}

fn unpickling_error(msg: impl Into<String>) -> Exc {
    pickle_error("UnpicklingError", msg.into())
}

fn inheritance_error(class: &str) -> Exc {
    Exc::new(
        ExcKind::RuntimeError,
        format!("{class} objects should only be shared between processes through inheritance"),
    )
}

/// The name a module-level function or class is found by in `__main__`, or the error CPython gives.
fn global_name(it: &mut Interp, v: &Value, qualname: &str) -> Result<String, Exc> {
    if qualname.contains("<locals>") {
        return Err(Exc::new(
            ExcKind::AttributeError,
            format!("Can't pickle local object '{qualname}'"),
        ));
    }
    match lookup_global(it, qualname) {
        Some(found) if found.is(v) => Ok(qualname.to_string()),
        Some(_) => {
            let r = it.repr(v)?;
            Err(pickling_error(format!(
                "Can't pickle {r}: it's not the same object as __main__.{qualname}"
            )))
        }
        None => {
            let r = it.repr(v)?;
            let last = qualname.rsplit('.').next().unwrap_or(qualname);
            Err(pickling_error(format!(
                "Can't pickle {r}: attribute lookup {last} on __main__ failed"
            )))
        }
    }
}

/// The name a function or class of one of forkyard's library modules (`functools.partial`,
/// `collections.deque`) is pickled by: `module:qualname`, found again by importing the module in
/// the process that loads it. `None` for anything defined elsewhere (the learner's `__main__`).
fn library_name(
    it: &mut Interp,
    v: &Value,
    module: &str,
    qualname: &str,
) -> Result<Option<String>, Exc> {
    if !super::library::has(module) {
        return Ok(None);
    }
    match lookup_in_module(it, module, qualname) {
        Some(found) if found.is(v) => Ok(Some(format!("{module}:{qualname}"))),
        _ => {
            let r = it.repr(v)?;
            let last = qualname.rsplit('.').next().unwrap_or(qualname);
            Err(pickle_error(
                "PicklingError",
                format!("Can't pickle {r}: attribute lookup {last} on {module} failed"),
            ))
        }
    }
}

/// `qualname` inside the library module `module`, importing it if this process has not yet.
fn lookup_in_module(it: &mut Interp, module: &str, qualname: &str) -> Option<Value> {
    if !super::library::has(module) {
        return None;
    }
    let mut cur = super::import(it, module).ok()?;
    for p in qualname.split('.') {
        cur = it.getattr_opt(&cur, p).ok()??;
    }
    Some(cur)
}

/// `module:name` for a native function found in one of the modules this process imported
/// (`os.getpid`, `time.sleep`), as pickle names it.
fn module_builtin_name(it: &Interp, v: &Value, name: &str) -> Option<String> {
    it.modules.iter().find_map(|(mname, m)| match m {
        Value::Module(module) if module.attrs.borrow().get(name).is_some_and(|x| x.is(v)) => {
            Some(format!("{mname}:{name}"))
        }
        _ => None,
    })
}

fn lookup_global(it: &mut Interp, qualname: &str) -> Option<Value> {
    if let Some((module, qualname)) = qualname.split_once(':') {
        if !super::library::has(module) {
            // A native module's function, imported as the sender imported it: a module
            // forkyard does not have is forged data.
            let m = super::import(it, module).ok()?;
            return it.getattr_opt(&m, qualname).ok()?;
        }
        return lookup_in_module(it, module, qualname);
    }
    let mut parts = qualname.split('.');
    let first = parts.next()?;
    let mut cur = it
        .globals
        .borrow()
        .get(first)
        .cloned()
        .or_else(|| it.builtins.get(first).cloned())?;
    for p in parts {
        cur = it.getattr_opt(&cur, p).ok()??;
    }
    Some(cur)
}

/// A hook the program's own class defines (`__reduce__`, `__getstate__`, `__setstate__`...), bound
/// to `obj`; `None` when only the builtin behaviour applies.
fn user_hook(it: &mut Interp, obj: &Value, name: &str) -> Result<Option<Value>, Exc> {
    let Value::Instance(inst) = obj else {
        return Ok(None);
    };
    if !matches!(inst.class.lookup(name), Some(Value::Function(_))) {
        return Ok(None);
    }
    it.getattr_opt(obj, name)
}

fn callable(it: &mut Interp, v: &Value) -> Result<bool, Exc> {
    Ok(match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(_) => it.getattr_opt(v, "__call__")?.is_some(),
        _ => false,
    })
}

#[cfg(test)]
mod tests;
