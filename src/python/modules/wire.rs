//! How values cross processes (Queue, Pipe, Pool, spawn): serialized into bytes by the sender,
//! rebuilt as new objects by the receiver, so the receiver always gets a copy, as with CPython's
//! pickle.
//!
//! What crosses: None, bools, ints (of any size), floats, str, bytes, lists, tuples, dicts, sets,
//! frozensets, ranges, nested; module-level functions and classes by name (the receiver, a fork of
//! the same program, finds them in its own `__main__`); bound methods (as `getattr(obj, name)`);
//! instances of module-level classes (their `__dict__`, or what `__getstate__` returns, given to
//! `__setstate__` on the other side); whatever `__reduce_ex__`/`__reduce__` says to call; and
//! exceptions, rebuilt as pickle rebuilds them: by calling the class with `args`.
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

use std::collections::HashMap;
use std::rc::Rc;

use crate::python::exceptions::{self, Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Dict, Instance, NativeKind, Set, Value};

/// Every serialized object starts with these bytes (raw `send_bytes` messages do not).
pub const MAGIC: &[u8] = b"\x80FY1";

/// How deep a frame may nest before the reader calls it forged: past what the writer makes (it
/// stops at the recursion limit, 1000 levels, and one level it writes is at most two to read), so
/// only a hostile frame meets it.
const MAX_READ_DEPTH: usize = 3_000;

/// The protocol `__reduce_ex__` is asked for: CPython 3.11's default, which multiprocessing uses.
const PROTOCOL: i64 = 4;

/// The depth a Queue's item is pickled at: CPython's feeder thread runs the pickler under five
/// Python frames (`_bootstrap`, `_bootstrap_inner`, `run`, `_feed`, `_ForkingPickler.dumps`),
/// which is forkyard's depth 5 (measured: the deepest list, dict, tuple and instance nesting that
/// crosses is the same under both).
const FEEDER_DEPTH: usize = 5;

/// The writer's state for one message: the bytes so far and the memo.
struct Writer {
    out: Vec<u8>,
    /// Address of an object already written -> its memo index.
    memo: HashMap<usize, u32>,
    /// The memoized objects, kept alive so that no address is reused while the message is made
    /// (a `__reduce__` result is a temporary).
    keep: Vec<Value>,
}

impl Writer {
    fn memoize(&mut self, v: &Value) {
        if let Some(p) = v.ptr() {
            self.memo.insert(p, self.keep.len() as u32);
            self.keep.push(v.clone());
        }
    }

    fn memo_index(&self, v: &Value) -> Option<u32> {
        v.ptr().and_then(|p| self.memo.get(&p).copied())
    }
}

/// Serializes `v` (with the magic prefix).
pub fn dumps(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    let mut w = Writer {
        out: MAGIC.to_vec(),
        memo: HashMap::new(),
        keep: Vec::new(),
    };
    put(it, v, &mut w)?;
    Ok(w.out)
}

/// Serializes `v` as `Connection.send` and `SimpleQueue.put` do: CPython's pickler runs below
/// Python frames of the library (`send`, `_ForkingPickler.dumps`) that count against the limit;
/// three levels over the caller's depth give the same deepest nesting as CPython (measured).
pub fn dumps_in_call(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    it.depth += 3;
    let r = dumps(it, v);
    it.depth -= 3;
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
        return Err(match b.first() {
            Some(c) => invalid_load_key(*c),
            None => Exc::with_args("EOFError", vec![Value::str("Ran out of input")]),
        });
    };
    let mut r = Reader {
        b: body,
        pos: 0,
        made: 0,
        memo: Vec::new(),
    };
    get(it, &mut r, 0)
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
    thread_local! {
        static MADE: std::cell::RefCell<Option<(Rc<crate::python::value::Class>, Rc<crate::python::value::Class>)>> = const { std::cell::RefCell::new(None) };
    }
    let (p, u) = MADE.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| {
                let base = exceptions::class("Exception");
                let pe = exceptions::make_class(
                    "PickleError",
                    "_pickle",
                    vec![base],
                    Default::default(),
                    None,
                )
                .expect("one base");
                let p = exceptions::make_class(
                    "PicklingError",
                    "_pickle",
                    vec![pe.clone()],
                    Default::default(),
                    None,
                )
                .expect("one base");
                let u = exceptions::make_class(
                    "UnpicklingError",
                    "_pickle",
                    vec![pe],
                    Default::default(),
                    None,
                )
                .expect("one base");
                (p, u)
            })
            .clone()
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
        "RuntimeError",
        format!("{class} objects should only be shared between processes through inheritance"),
    )
}

/// The name a module-level function or class is found by in `__main__`, or the error CPython gives.
fn global_name(it: &mut Interp, v: &Value, qualname: &str) -> Result<String, Exc> {
    if qualname.contains("<locals>") {
        return Err(Exc::new(
            "AttributeError",
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

fn lookup_global(it: &mut Interp, qualname: &str) -> Option<Value> {
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

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Writes one object, one level deeper against the recursion limit (as CPython's `save`).
fn put(it: &mut Interp, v: &Value, w: &mut Writer) -> Result<(), Exc> {
    it.nested("while pickling an object", |it| put_inner(it, v, w))
}

/// The items of a container: CPython's `batch_list`/`batch_setitems` take a second level of the
/// recursion limit, so a nested list costs two levels per list, as there.
fn put_items(it: &mut Interp, items: &[Value], w: &mut Writer) -> Result<(), Exc> {
    it.nested("while pickling an object", |it| {
        for x in items {
            put(it, x, w)?;
        }
        Ok(())
    })
}

fn put_inner(it: &mut Interp, v: &Value, w: &mut Writer) -> Result<(), Exc> {
    if let Some(i) = w.memo_index(v) {
        w.out.push(b'g');
        put_len(&mut w.out, i as usize);
        return Ok(());
    }
    match v {
        Value::None => w.out.push(b'N'),
        Value::Ellipsis => w.out.push(b'e'),
        Value::Bool(true) => w.out.push(b'T'),
        Value::Bool(false) => w.out.push(b'F'),
        Value::Int(i) => {
            w.out.push(b'i');
            w.out.extend_from_slice(&i.to_le_bytes());
        }
        // An int past 64 bits: its two's-complement bytes, least significant first.
        Value::BigInt(b) => {
            let bytes = b.to_signed_bytes_le();
            w.out.push(b'I');
            put_len(&mut w.out, bytes.len());
            w.out.extend_from_slice(&bytes);
        }
        Value::Float(f) => {
            w.out.push(b'f');
            w.out.extend_from_slice(&f.to_le_bytes());
        }
        Value::Str(s) => {
            w.out.push(b's');
            put_str(&mut w.out, s);
            w.memoize(v);
        }
        Value::Bytes(b) => {
            w.out.push(b'b');
            put_len(&mut w.out, b.len());
            w.out.extend_from_slice(b);
            w.memoize(v);
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            w.out.push(b'l');
            w.memoize(v);
            put_len(&mut w.out, items.len());
            put_items(it, &items, w)?;
        }
        Value::Dict(m) => {
            let pairs: Vec<Value> = m
                .borrow()
                .map
                .values()
                .flat_map(|(k, x)| [k.clone(), x.clone()])
                .collect();
            w.out.push(b'd');
            w.memoize(v);
            put_len(&mut w.out, pairs.len() / 2);
            put_items(it, &pairs, w)?;
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().map.values().cloned().collect();
            w.out.push(b'S');
            w.memoize(v);
            put_len(&mut w.out, items.len());
            put_items(it, &items, w)?;
        }
        Value::Tuple(t) => {
            w.out.push(b't');
            put_len(&mut w.out, t.len());
            for x in t.iter() {
                put(it, x, w)?;
            }
            made_after_items(v, w);
        }
        Value::FrozenSet(s) => {
            let items: Vec<Value> = s.map.values().cloned().collect();
            w.out.push(b'Z');
            put_len(&mut w.out, items.len());
            put_items(it, &items, w)?;
            made_after_items(v, w);
        }
        Value::Range(r) => {
            w.out.push(b'r');
            for n in [r.start, r.stop, r.step] {
                w.out.extend_from_slice(&n.to_le_bytes());
            }
        }
        Value::Function(f) => {
            let q = f.qualname.clone();
            let name = global_name(it, v, &q)?;
            w.out.push(b'G');
            put_str(&mut w.out, &name);
        }
        Value::Class(c) => {
            let name = if it.builtins.get(&*c.name).is_some_and(|b| b.is(v)) {
                c.name.to_string()
            } else {
                let q = c.qualname.clone();
                global_name(it, v, &q)?
            };
            w.out.push(b'G');
            put_str(&mut w.out, &name);
        }
        Value::Builtin(b)
            if b.data.is_none() && it.builtins.get(&*b.name).is_some_and(|x| x.is(v)) =>
        {
            w.out.push(b'G');
            put_str(&mut w.out, &b.name);
        }
        // A bound method is pickled as `getattr(obj, name)` (its `__reduce__`).
        Value::BoundMethod(m) => {
            let name = match &m.func {
                Value::Function(f) => f.def.name.clone(),
                Value::Builtin(b) => b.name.clone(),
                other => {
                    return Err(type_error(format!(
                        "cannot pickle '{}' object",
                        other.type_name()
                    )));
                }
            };
            let getattr = it
                .builtins
                .get("getattr")
                .cloned()
                .expect("getattr is a builtin");
            let args = Value::tuple(vec![m.this.clone(), Value::Str(name)]);
            put_reduce(it, v, &getattr, &args, Rebuild::default(), w)?;
        }
        Value::Instance(inst) => put_instance(it, v, inst, w)?,
        other => {
            return Err(type_error(format!(
                "cannot pickle '{}' object",
                other.type_name()
            )));
        }
    }
    Ok(())
}

/// The trailer of an object made after its items (a tuple, a frozenset, a `__reduce__` call):
/// `0` when it is made now (and memoized), `1` and an index when writing its items already wrote
/// the object itself (a cycle through a mutable item), so the reader takes that copy instead.
fn made_after_items(v: &Value, w: &mut Writer) {
    match w.memo_index(v) {
        Some(i) => {
            w.out.push(1);
            put_len(&mut w.out, i as usize);
        }
        None => {
            w.out.push(0);
            w.memoize(v);
        }
    }
}

/// What is done to an object after it is made by a `__reduce__` call: its state, items appended,
/// items set, the function that sets the state (the optional items 3 to 6 of the tuple).
#[derive(Default)]
struct Rebuild {
    state: Option<Value>,
    list_items: Option<Vec<Value>>,
    dict_items: Option<Vec<Value>>,
    state_setter: Option<Value>,
}

/// `R` callable args trailer flags [state] [listitems] [dictitems] [state_setter].
fn put_reduce(
    it: &mut Interp,
    obj: &Value,
    func: &Value,
    args: &Value,
    rebuild: Rebuild,
    w: &mut Writer,
) -> Result<(), Exc> {
    w.out.push(b'R');
    put(it, func, w)?;
    put(it, args, w)?;
    made_after_items(obj, w);
    let flags = u8::from(rebuild.state.is_some())
        | u8::from(rebuild.list_items.is_some()) << 1
        | u8::from(rebuild.dict_items.is_some()) << 2
        | u8::from(rebuild.state_setter.is_some()) << 3;
    w.out.push(flags);
    if let Some(s) = &rebuild.state {
        put(it, s, w)?;
    }
    if let Some(items) = &rebuild.list_items {
        put_len(&mut w.out, items.len());
        put_items(it, items, w)?;
    }
    // Keys and values alternate: the count is of pairs.
    if let Some(items) = &rebuild.dict_items {
        put_len(&mut w.out, items.len() / 2);
        put_items(it, items, w)?;
    }
    if let Some(f) = &rebuild.state_setter {
        put(it, f, w)?;
    }
    Ok(())
}

/// Interprets what `__reduce__`/`__reduce_ex__` returned, with CPython's errors for what it must
/// not be.
fn put_reduced(it: &mut Interp, obj: &Value, rv: Value, w: &mut Writer) -> Result<(), Exc> {
    let t = match &rv {
        Value::Str(name) => {
            let name = global_name(it, obj, name)?;
            w.out.push(b'G');
            put_str(&mut w.out, &name);
            return Ok(());
        }
        Value::Tuple(t) => t.clone(),
        _ => return Err(pickling_error("__reduce__ must return a string or tuple")),
    };
    if !(2..=6).contains(&t.len()) {
        return Err(pickling_error(
            "tuple returned by __reduce__ must contain 2 through 6 elements",
        ));
    }
    let (func, args) = (&t[0], &t[1]);
    if !callable(it, func)? {
        return Err(pickling_error(
            "first item of the tuple returned by __reduce__ must be callable",
        ));
    }
    if !matches!(args, Value::Tuple(_)) {
        return Err(pickling_error(
            "second item of the tuple returned by __reduce__ must be a tuple",
        ));
    }
    let given = |i: usize| t.get(i).filter(|v| !matches!(v, Value::None)).cloned();
    let mut rebuild = Rebuild {
        state: given(2),
        ..Default::default()
    };
    for (i, place) in [(3, "fourth"), (4, "fifth")] {
        let Some(items) = given(i) else { continue };
        if !matches!(items, Value::Iterator(_) | Value::Generator(_)) {
            return Err(pickling_error(format!(
                "{place} element of the tuple returned by __reduce__ must be an iterator, not {}",
                items.type_name()
            )));
        }
        let items = it.collect(&items)?;
        if i == 3 {
            rebuild.list_items = Some(items);
        } else {
            let mut flat = Vec::with_capacity(items.len() * 2);
            for pair in items {
                match pair {
                    Value::Tuple(p) if p.len() == 2 => flat.extend(p.iter().cloned()),
                    _ => {
                        return Err(pickling_error("dict items iterator must return 2-tuples"));
                    }
                }
            }
            rebuild.dict_items = Some(flat);
        }
    }
    if let Some(setter) = given(5) {
        if !callable(it, &setter)? {
            return Err(pickling_error(format!(
                "sixth element of the tuple returned by __reduce__ must be a function, not {}",
                setter.type_name()
            )));
        }
        rebuild.state_setter = Some(setter);
    }
    put_reduce(it, obj, func, args, rebuild, w)
}

/// A primitive passed to a process being spawned: its index in the inherited table.
fn put_inherited(inst: &Rc<Instance>, w: &mut Writer) -> Result<(), Exc> {
    let index = INHERITED.with(|t| {
        let mut t = t.borrow_mut();
        let table = t.as_mut().expect("only while spawning");
        table.push(Value::Instance(inst.clone()));
        table.len() - 1
    });
    w.out.push(b'H');
    w.out.extend_from_slice(&(index as u64).to_le_bytes());
    Ok(())
}

/// What an exception keeps outside its `__dict__` in CPython (`args` and the chaining slots), so
/// pickle leaves it out of the state: a copy has no cause, context or traceback.
const EXCEPTION_SLOTS: &[&str] = &[
    "args",
    "__cause__",
    "__context__",
    "__suppress_context__",
    "__traceback__",
];

/// An instance's `__dict__` as a dict (without the names in `skip`), or `None` when it is empty:
/// what `object.__getstate__` returns.
fn attrs_state(it: &mut Interp, inst: &Instance, skip: &[&str]) -> Result<Option<Value>, Exc> {
    let attrs: Vec<(Rc<str>, Value)> = inst
        .attrs
        .borrow()
        .iter()
        .filter(|(k, _)| !skip.contains(&&***k))
        .map(|(k, x)| (k.clone(), x.clone()))
        .collect();
    if attrs.is_empty() {
        return Ok(None);
    }
    let mut d = Dict::default();
    for (k, x) in attrs {
        it.dict_insert(&mut d, Value::Str(k), x)?;
    }
    Ok(Some(Value::dict(d)))
}

fn put_instance(
    it: &mut Interp,
    v: &Value,
    inst: &Rc<Instance>,
    w: &mut Writer,
) -> Result<(), Exc> {
    let connection = inst
        .native
        .borrow()
        .as_ref()
        .is_some_and(|b| super::pipe::is_connection(&**b));
    let spawning = INHERITED.with(|t| t.borrow().is_some());
    if connection && spawning {
        return put_inherited(inst, w);
    }
    if let Some(kind) = super::sync::shared_kind(inst) {
        if !spawning {
            return Err(inheritance_error(kind));
        }
        return put_inherited(inst, w);
    }
    let kind = inst.class.native_kind();
    if kind == Some(NativeKind::Process) && &*inst.class.name == "_MainProcess" {
        return Err(pickling_error(
            "Can't pickle <class 'multiprocessing.process._MainProcess'>: attribute lookup \
             _MainProcess on multiprocessing.process failed",
        ));
    }
    if &*inst.class.name == "Pool" && inst.native.borrow().is_some() {
        return Err(Exc::new(
            "NotImplementedError",
            "pool objects cannot be passed between processes or pickled",
        ));
    }
    if kind == Some(NativeKind::Process) {
        // A Process carries its authkey, which CPython refuses to pickle.
        return Err(type_error(
            "Pickling an AuthenticationString object is disallowed for security reasons",
        ));
    }
    // The program's own reduction first, as `object.__reduce_ex__` prefers it.
    if let Some(hook) = user_hook(it, v, "__reduce_ex__")? {
        let rv = it.call(&hook, Args::new(vec![Value::Int(PROTOCOL)]))?;
        return put_reduced(it, v, rv, w);
    }
    if let Some(hook) = user_hook(it, v, "__reduce__")? {
        let rv = it.call(&hook, Args::new(vec![]))?;
        return put_reduced(it, v, rv, w);
    }
    let is_exc = kind == Some(NativeKind::BaseException);
    if !is_exc
        && (!matches!(kind, None | Some(NativeKind::Object)) || inst.native.borrow().is_some())
    {
        return Err(type_error(format!(
            "cannot pickle '{}' object",
            inst.class.name
        )));
    }
    let state = match user_hook(it, v, "__getstate__")? {
        Some(hook) => {
            Some(it.call(&hook, Args::new(vec![]))?).filter(|s| !matches!(s, Value::None))
        }
        None => attrs_state(it, inst, if is_exc { EXCEPTION_SLOTS } else { &[] })?,
    };
    let cls = Value::Class(inst.class.clone());
    if is_exc {
        // `BaseException.__reduce__`: (type(e), e.args, e.__dict__), so the receiver calls the
        // class with `args`.
        let args = inst
            .attrs
            .borrow()
            .get("args")
            .cloned()
            .unwrap_or_else(|| Value::tuple(vec![]));
        let args = match args {
            Value::Tuple(_) => args,
            other => Value::tuple(vec![other]),
        };
        let rebuild = Rebuild {
            state,
            ..Default::default()
        };
        return put_reduce(it, v, &cls, &args, rebuild, w);
    }
    // `object.__reduce_ex__(4)`: `cls.__new__(cls)`, then the state.
    w.out.push(b'O');
    put(it, &cls, w)?;
    w.memoize(v);
    match state {
        Some(s) => {
            w.out.push(1);
            put(it, &s, w)?;
        }
        None => w.out.push(0),
    }
    Ok(())
}

/// Reads one frame. Nothing in a frame is trusted: every length is checked against what is left,
/// every memo index against the memo, nesting stops far past what the writer makes, and the
/// number of values at what one list may hold, so a hostile or torn message is an
/// `UnpicklingError` (or `MemoryError`), never a crash.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    /// Values made so far (each takes a slot somewhere).
    made: usize,
    /// The objects the writer memoized, in the same order.
    memo: Vec<Value>,
}

fn truncated() -> Exc {
    unpickling_error("pickle data was truncated")
}

impl Reader<'_> {
    fn left(&self) -> usize {
        self.b.len() - self.pos
    }
    fn take(&mut self, n: usize) -> Result<&[u8], Exc> {
        if n > self.left() {
            return Err(truncated());
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn byte(&mut self) -> Result<u8, Exc> {
        Ok(self.take(1)?[0])
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Exc> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn i64(&mut self) -> Result<i64, Exc> {
        Ok(i64::from_le_bytes(self.array()?))
    }
    fn len(&mut self) -> Result<usize, Exc> {
        Ok(u32::from_le_bytes(self.array()?) as usize)
    }
    /// A count of items that follow: each takes at least one byte, so a count above the bytes
    /// left is a lie, refused before anything is reserved for it.
    fn count(&mut self) -> Result<usize, Exc> {
        let n = self.len()?;
        if n > self.left() {
            return Err(truncated());
        }
        self.made = self.made.saturating_add(n);
        crate::python::alloc::check_items(self.made)?;
        Ok(n)
    }
    fn str(&mut self) -> Result<Rc<str>, Exc> {
        let n = self.len()?;
        let s = self.take(n)?;
        std::str::from_utf8(s)
            .map(Rc::from)
            .map_err(|_| unpickling_error("invalid utf-8 in pickle data"))
    }
    fn memoize(&mut self, v: &Value) {
        self.memo.push(v.clone());
    }
    /// CPython's words for a memo index that was never stored.
    fn memo_get(&mut self) -> Result<Value, Exc> {
        let i = self.len()?;
        self.memo
            .get(i)
            .cloned()
            .ok_or_else(|| unpickling_error(format!("Memo value not found at index {i}")))
    }
    /// The trailer of an object made after its items (see [`made_after_items`]): `None` when it
    /// is to be made now, or the copy already made.
    fn made_already(&mut self) -> Result<Option<Value>, Exc> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(self.memo_get()?)),
            other => Err(invalid_load_key(other)),
        }
    }
}

/// Reads `n` values, one level deeper.
fn get_items(it: &mut Interp, r: &mut Reader, n: usize, depth: usize) -> Result<Vec<Value>, Exc> {
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        items.push(get(it, r, depth)?);
    }
    Ok(items)
}

fn get(it: &mut Interp, r: &mut Reader, depth: usize) -> Result<Value, Exc> {
    if depth > MAX_READ_DEPTH {
        // The writer never nests deeper, so only a forged message gets here.
        return Err(unpickling_error(
            "maximum recursion depth exceeded while unpickling an object",
        ));
    }
    crate::python::interp::stack::maybe_grow(64 * 1024, 1 << 20, || get_inner(it, r, depth + 1))
}

fn get_inner(it: &mut Interp, r: &mut Reader, d: usize) -> Result<Value, Exc> {
    Ok(match r.byte()? {
        b'N' => Value::None,
        b'e' => Value::Ellipsis,
        b'T' => Value::Bool(true),
        b'F' => Value::Bool(false),
        b'i' => Value::Int(r.i64()?),
        // The length is checked against the bytes left before anything is made of them.
        b'I' => {
            let n = r.len()?;
            crate::python::bigint::norm(num_bigint::BigInt::from_signed_bytes_le(r.take(n)?))
        }
        b'f' => Value::Float(f64::from_bits(r.i64()? as u64)),
        b's' => {
            let v = Value::Str(r.str()?);
            r.memoize(&v);
            v
        }
        b'b' => {
            let n = r.len()?;
            let v = Value::Bytes(Rc::from(r.take(n)?));
            r.memoize(&v);
            v
        }
        b'g' => r.memo_get()?,
        // Mutable containers are made and memoized first, filled after their items are read, so
        // an item may be the container itself.
        b'l' => {
            let v = Value::list(vec![]);
            r.memoize(&v);
            let n = r.count()?;
            let items = get_items(it, r, n, d)?;
            if let Value::List(l) = &v {
                l.borrow_mut().extend(items);
            }
            v
        }
        b'd' => {
            let v = Value::dict(Dict::default());
            r.memoize(&v);
            let n = r.count()?;
            let pairs = get_items(it, r, n.saturating_mul(2), d)?;
            let mut m = Dict::default();
            for pair in pairs.chunks(2) {
                it.dict_insert(&mut m, pair[0].clone(), pair[1].clone())?;
            }
            if let Value::Dict(cell) = &v {
                *cell.borrow_mut() = m;
            }
            v
        }
        b'S' => {
            let v = Value::Set(Rc::new(std::cell::RefCell::new(Set::default())));
            r.memoize(&v);
            let n = r.count()?;
            let items = get_items(it, r, n, d)?;
            let mut s = Set::default();
            for x in items {
                it.set_insert(&mut s, x)?;
            }
            if let Value::Set(cell) = &v {
                *cell.borrow_mut() = s;
            }
            v
        }
        tag @ (b't' | b'Z') => {
            let n = r.count()?;
            let items = get_items(it, r, n, d)?;
            if let Some(made) = r.made_already()? {
                return Ok(made);
            }
            let v = if tag == b't' {
                Value::tuple(items)
            } else {
                let mut s = Set::default();
                for x in items {
                    it.set_insert(&mut s, x)?;
                }
                Value::FrozenSet(Rc::new(s))
            };
            r.memoize(&v);
            v
        }
        b'r' => {
            let (start, stop, step) = (r.i64()?, r.i64()?, r.i64()?);
            if step == 0 {
                return Err(unpickling_error("bad range in pickle data"));
            }
            Value::Range(Rc::new(crate::python::value::Range { start, stop, step }))
        }
        b'H' => {
            let index = r.i64()? as u64;
            let found = INHERITED.with(|t| {
                t.borrow()
                    .as_ref()
                    .and_then(|table| usize::try_from(index).ok().and_then(|i| table.get(i)))
                    .cloned()
            });
            // Only a process being spawned passes primitives; anywhere else it is forged data.
            found.ok_or_else(|| unpickling_error("an inherited object outside of spawning"))?
        }
        b'G' => {
            let name = r.str()?;
            lookup_global(it, &name).ok_or_else(|| {
                let module = match it.globals.borrow().get("__name__") {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => "__main__".to_string(),
                };
                Exc::new(
                    "AttributeError",
                    format!(
                        "Can't get attribute '{name}' on <module '{module}' from '{}'>",
                        it.file
                    ),
                )
            })?
        }
        // `cls.__new__(cls)`, memoized, then its state.
        b'O' => {
            let cls = match get(it, r, d)? {
                Value::Class(c) if matches!(c.native_kind(), None | Some(NativeKind::Object)) => c,
                _ => return Err(unpickling_error("bad object class in pickle data")),
            };
            let v = Value::Instance(Rc::new(Instance {
                class: cls,
                attrs: Default::default(),
                native: Default::default(),
            }));
            r.memoize(&v);
            match r.byte()? {
                0 => {}
                1 => {
                    let state = get(it, r, d)?;
                    build(it, &v, state)?;
                }
                other => return Err(invalid_load_key(other)),
            }
            v
        }
        b'R' => get_reduce(it, r, d)?,
        other => return Err(invalid_load_key(other)),
    })
}

/// Builtins a frame may not have the receiver call: they wait for a person or touch files, which
/// no object's rebuilding does (a forged frame naming them is refused, not obeyed).
const NEVER_CALLED: &[&str] = &["input", "open", "breakpoint", "exit", "quit", "help"];

/// `R`: call the callable with the args (or take the copy a cycle already made), then apply the
/// state and the items.
fn get_reduce(it: &mut Interp, r: &mut Reader, d: usize) -> Result<Value, Exc> {
    let func = get(it, r, d)?;
    let allowed = match &func {
        Value::Class(_) | Value::Function(_) | Value::BoundMethod(_) => true,
        Value::Builtin(b) => !NEVER_CALLED.contains(&&*b.name),
        _ => false,
    };
    if !allowed {
        return Err(unpickling_error("bad callable in pickle data"));
    }
    let Value::Tuple(args) = get(it, r, d)? else {
        return Err(unpickling_error("bad reduce args in pickle data"));
    };
    let obj = match r.made_already()? {
        Some(made) => made,
        None => {
            let v = it.call(&func, Args::new(args.to_vec()))?;
            r.memoize(&v);
            v
        }
    };
    let flags = r.byte()?;
    if flags > 0b1111 {
        return Err(invalid_load_key(flags));
    }
    let state = if flags & 1 != 0 {
        Some(get(it, r, d)?)
    } else {
        None
    };
    if flags & 2 != 0 {
        let n = r.count()?;
        let items = get_items(it, r, n, d)?;
        match &obj {
            Value::List(l) => l.borrow_mut().extend(items),
            _ => {
                let append = it.getattr(&obj, "append")?;
                for x in items {
                    it.call(&append, Args::new(vec![x]))?;
                }
            }
        }
    }
    if flags & 4 != 0 {
        let n = r.count()?;
        let items = get_items(it, r, n.saturating_mul(2), d)?;
        for pair in items.chunks(2) {
            it.setitem(&obj, pair[0].clone(), pair[1].clone())?;
        }
    }
    let setter = if flags & 8 != 0 {
        Some(get(it, r, d)?)
    } else {
        None
    };
    if let Some(state) = state {
        match setter {
            Some(f) => {
                it.call(&f, Args::new(vec![obj.clone(), state]))?;
            }
            None => build(it, &obj, state)?,
        }
    }
    Ok(obj)
}

/// pickle's `BUILD`: `obj.__setstate__(state)` when the class defines it, else the state (a dict,
/// or a `(dict, slots)` pair) updates the instance's `__dict__`.
fn build(it: &mut Interp, obj: &Value, state: Value) -> Result<(), Exc> {
    if let Some(hook) = user_hook(it, obj, "__setstate__")? {
        it.call(&hook, Args::new(vec![state]))?;
        return Ok(());
    }
    let (dict, slots) = match state {
        Value::Tuple(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
        other => (other, Value::None),
    };
    for part in [dict, slots] {
        let pairs: Vec<(Value, Value)> = match &part {
            Value::None => continue,
            Value::Dict(m) => m.borrow().map.values().cloned().collect(),
            _ => return Err(unpickling_error("state is not a dictionary")),
        };
        let Value::Instance(inst) = obj else {
            return Err(Exc::new(
                "AttributeError",
                format!("'{}' object has no attribute '__dict__'", obj.type_name()),
            ));
        };
        for (k, x) in pairs {
            let Value::Str(k) = k else {
                return Err(unpickling_error("state is not a dictionary"));
            };
            inst.attrs.borrow_mut().insert(k, x);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_ints_cross_exactly_and_a_forged_length_is_refused() {
        crate::python::exceptions::install();
        let mut it = Interp::new("wire.py", "");
        for text in [
            "18446744073709551616",
            "-340282366920938463463374607431768211457",
        ] {
            let n: num_bigint::BigInt = text.parse().expect("a number");
            let v = crate::python::bigint::norm(n);
            let frame = dumps(&mut it, &v).expect("dumps");
            let back = loads(&mut it, &frame).expect("loads");
            assert!(matches!(&back, Value::BigInt(b) if b.to_string() == text));
        }
        // A frame claiming four gigabytes of digits holds eight: truncated, nothing reserved.
        let mut forged = MAGIC.to_vec();
        forged.push(b'I');
        forged.extend_from_slice(&u32::MAX.to_le_bytes());
        forged.extend_from_slice(&[1; 8]);
        assert!(loads(&mut it, &forged).is_err());
    }

    /// An interpreter that has run `source` (its classes and functions are globals), and the
    /// value its global `name` holds.
    fn run(source: &str) -> Interp {
        crate::python::exceptions::install();
        let module = crate::python::parse_program(source, "wire.py").expect("parses");
        let mut it = Interp::new("wire.py", source);
        it.run_module(&module).expect("runs");
        // The functions made by the program refer into its syntax tree for the whole test.
        std::mem::forget(module);
        it
    }

    fn global(it: &Interp, name: &str) -> Value {
        it.globals.borrow().get(name).cloned().expect("defined")
    }

    fn round_trip(it: &mut Interp, v: &Value) -> Value {
        let frame = dumps(it, v).expect("dumps");
        loads(it, &frame).expect("loads")
    }

    fn round_trip_global(it: &mut Interp, name: &str) -> Value {
        let v = global(it, name);
        round_trip(it, &v)
    }

    fn dumps_global(it: &mut Interp, name: &str) -> Result<Vec<u8>, Exc> {
        let v = global(it, name);
        dumps(it, &v)
    }

    fn item(v: &Value, i: usize) -> Value {
        match v {
            Value::List(l) => l.borrow()[i].clone(),
            Value::Tuple(t) => t[i].clone(),
            _ => panic!("not a sequence"),
        }
    }

    fn attr(v: &Value, name: &str) -> Value {
        let Value::Instance(inst) = v else {
            panic!("not an instance")
        };
        inst.attrs
            .borrow()
            .get(name)
            .cloned()
            .expect("has the attribute")
    }

    #[test]
    fn the_memo_keeps_one_object_shared_and_a_copy_new() {
        let mut it = run("x = [1, 2]\ns = 'a string longer than twenty'\nboth = [x, x, s, s]\n");
        let both = global(&it, "both");
        let back = round_trip(&mut it, &both);
        assert!(item(&back, 0).is(&item(&back, 1)), "one object twice");
        assert!(
            !item(&back, 0).is(&item(&both, 0)),
            "a copy, not the sender's"
        );
        assert!(item(&back, 2).is(&item(&back, 3)));
        // The memo lives for one message: two messages are two copies.
        let again = round_trip(&mut it, &both);
        assert!(!item(&again, 0).is(&item(&back, 0)));
    }

    #[test]
    fn cycles_through_lists_dicts_tuples_and_instances_arrive_whole() {
        let mut it = run(concat!(
            "class Node:\n    pass\n",
            "l = [1]\nl.append(l)\n",
            "d = {}\nd['me'] = d\n",
            "t = ([],)\nt[0].append(t)\n",
            "a = Node()\nb = Node()\na.other = b\nb.other = a\na.me = a\n",
        ));
        let l = round_trip_global(&mut it, "l");
        assert!(item(&l, 1).is(&l));
        let d = round_trip_global(&mut it, "d");
        let Value::Dict(m) = &d else { panic!("a dict") };
        let inner = m.borrow().map.values().next().expect("one item").1.clone();
        assert!(inner.is(&d));
        let t = round_trip_global(&mut it, "t");
        assert!(matches!(t, Value::Tuple(_)));
        assert!(
            item(&item(&t, 0), 0).is(&t),
            "the tuple inside is the tuple itself"
        );
        let a = round_trip_global(&mut it, "a");
        assert!(attr(&attr(&a, "other"), "other").is(&a));
        assert!(attr(&a, "me").is(&a));
    }

    #[test]
    fn deep_nesting_is_a_recursion_error_in_the_writer_and_no_overflow_in_the_reader() {
        // On the test thread's own (small) stack, on purpose: neither side may overflow it.
        let mut it = run(concat!(
            "deep = []\nfor _ in range(10000):\n    deep = [deep]\n",
            "fine = []\nfor _ in range(400):\n    fine = [fine]\n",
        ));
        let e = dumps_global(&mut it, "deep").expect_err("too deep");
        assert_eq!(&*e.class_name(), "RecursionError");
        assert!(it.format_exception(&e).contains("while pickling an object"));
        assert_eq!(it.depth, 0, "the depth is given back after the error");
        let back = round_trip_global(&mut it, "fine");
        let mut n = 0;
        let mut cur = back;
        while let Value::List(l) = cur.clone() {
            let Some(next) = l.borrow().first().cloned() else {
                break;
            };
            cur = next;
            n += 1;
        }
        assert_eq!(n, 400);
        // A frame nesting far deeper than any writer makes decodes or is refused, never overflows.
        let mut frame = MAGIC.to_vec();
        for _ in 0..MAX_READ_DEPTH - 10 {
            frame.extend_from_slice(b"l\x01\x00\x00\x00");
        }
        frame.push(b'N');
        assert!(loads(&mut it, &frame).is_ok());
        let mut forged = MAGIC.to_vec();
        for _ in 0..MAX_READ_DEPTH + 10 {
            forged.extend_from_slice(b"l\x01\x00\x00\x00");
        }
        forged.push(b'N');
        let e = loads(&mut it, &forged).expect_err("deeper than the limit");
        assert_eq!(&*e.class_name(), "UnpicklingError");
        // Dropping the program's 10000-deep list is recursive in Rust; lesson processes run on a
        // big stack for that, this test thread does not.
        std::mem::forget(it);
    }

    #[test]
    fn reduce_getstate_and_setstate_are_honoured() {
        let mut it = run(concat!(
            "calls = []\n",
            "class Guarded:\n",
            "    def __init__(self):\n        self.n = 5\n        self.lock = 'a lock'\n",
            "    def __getstate__(self):\n        calls.append('get')\n        return {'n': self.n}\n",
            "    def __setstate__(self, state):\n        calls.append('set')\n        self.n = state['n']\n        self.lock = 'new lock'\n",
            "def rebuild(n):\n    calls.append('rebuild')\n    return n * 10\n",
            "class Reduced:\n    def __reduce__(self):\n        return (rebuild, (4,))\n",
            "class Both:\n",
            "    def __reduce_ex__(self, protocol):\n        return (rebuild, (protocol,))\n",
            "    def __reduce__(self):\n        return (rebuild, (0,))\n",
            "class Bad:\n    def __reduce__(self):\n        return (rebuild,)\n",
            "class Err(Exception):\n    def __init__(self, a, b):\n        super().__init__(a)\n",
            "g = Guarded()\nr = Reduced()\nboth = Both()\nbad = Bad()\nerr = Err(1, 2)\n",
        ));
        let g = round_trip_global(&mut it, "g");
        assert!(matches!(attr(&g, "lock"), Value::Str(s) if &*s == "new lock"));
        assert!(matches!(attr(&g, "n"), Value::Int(5)));
        let r = round_trip_global(&mut it, "r");
        assert!(matches!(r, Value::Int(40)), "rebuilt by calling rebuild(4)");
        let b = round_trip_global(&mut it, "both");
        assert!(
            matches!(b, Value::Int(40)),
            "__reduce_ex__(4) wins over __reduce__"
        );
        let calls = global(&it, "calls");
        let calls = it.repr(&calls).expect("repr");
        assert_eq!(calls, "['get', 'set', 'rebuild', 'rebuild']");
        let e = dumps_global(&mut it, "bad").expect_err("a 1-tuple");
        assert!(it.format_exception(&e).contains(
            "PicklingError: tuple returned by __reduce__ must contain 2 through 6 elements"
        ));
        // An exception is rebuilt by calling its class with args: Err(1) lacks `b`.
        let frame = dumps_global(&mut it, "err").expect("dumps");
        let e = loads(&mut it, &frame).expect_err("cannot call Err(1)");
        assert!(
            it.format_exception(&e)
                .contains("TypeError: Err.__init__() missing 1 required positional argument: 'b'")
        );
    }
}
