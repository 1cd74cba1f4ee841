//! The writing half of [`super`]: one message, with its memo, written as the receiver will
//! rebuild it (see the module's account of the format).

use crate::python::exceptions::ExcKind;
use std::collections::HashMap;
use std::rc::Rc;

use super::{
    INHERITED, MAGIC, callable, global_name, inheritance_error, library_name, module_builtin_name,
    pickling_error, user_hook,
};
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Dict, Instance, NativeKind, PyStr, Value};

/// The protocol `__reduce_ex__` is asked for: CPython 3.11's default, which multiprocessing uses.
const PROTOCOL: i64 = 4;

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
pub(super) fn message(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    let mut w = Writer {
        out: MAGIC.to_vec(),
        memo: HashMap::new(),
        keep: Vec::new(),
    };
    put(it, v, &mut w)?;
    Ok(w.out)
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
            // An int (what a Pool's chunks of items and results are mostly made of) is written
            // here, past `put`'s call and stack check, when `put` would not refuse its depth.
            if let Value::Int(i) = x
                && !it.at_recursion_limit()
            {
                w.out.push(b'i');
                w.out.extend_from_slice(&i.to_le_bytes());
                continue;
            }
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
            w.out.push(b'l');
            w.memoize(v);
            put_len(&mut w.out, l.borrow().len());
            // A list of ints (a Pool's chunk of items or results) runs no code of the program
            // while it is written, so nothing can change it: written in place, not copied first.
            let ints = l.borrow().iter().all(|x| matches!(x, Value::Int(_)));
            if ints {
                put_items(it, &l.borrow(), w)?;
            } else {
                let items = l.borrow().clone();
                put_items(it, &items, w)?;
            }
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
        Value::Slice(s) => {
            // CPython pickles a slice by its reduce, `slice(start, stop, step)`; a manager's
            // list proxy sends one for `l[1:3]`.
            w.out.push(b'c');
            for x in s.iter() {
                put(it, x, w)?;
            }
        }
        // A range past 64 bits: its three bounds as ints.
        Value::Range(r) if r.big.is_some() => {
            w.out.push(b'W');
            let (start, stop, step) = r.bounds();
            for n in [start, stop, step] {
                put(it, &crate::python::bigint::norm(n), w)?;
            }
        }
        Value::Range(r) => {
            w.out.push(b'r');
            for n in [r.start, r.stop, r.step] {
                w.out.extend_from_slice(&n.to_le_bytes());
            }
        }
        Value::Function(f) => {
            // The name `functools.wraps` gave it, if any: a decorated function is found under the
            // name it was decorated as, as CPython pickles it by `__qualname__`; a library
            // module's function by `module:qualname`.
            let q = crate::python::function_attrs::qualname(f);
            let module = crate::python::function_attrs::module_of(f);
            let name = match library_name(it, v, &module, &q)? {
                Some(name) => name,
                None => global_name(it, v, &q)?,
            };
            w.out.push(b'G');
            put_str(&mut w.out, &name);
        }
        Value::Class(c) => {
            let name = if it.builtins.get(&*c.name).is_some_and(|b| b.is(v)) {
                c.name.to_string()
            } else {
                let (q, module) = (c.qualname.clone(), c.module.clone());
                match library_name(it, v, &module, &q)? {
                    Some(name) => name,
                    // A native module's class (`_queue.Empty`, raised in a manager's server).
                    None => match module_builtin_name(it, v, &q) {
                        Some(name) => name,
                        None => global_name(it, v, &q)?,
                    },
                }
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
        Value::Builtin(b)
            if b.data.is_none()
                && let Some(name) = module_builtin_name(it, v, &b.name) =>
        {
            w.out.push(b'G');
            put_str(&mut w.out, &name);
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
        // An iterator keeps its position (see `iterators`): made after its parts, as a tuple.
        Value::Iterator(state) => {
            let p = super::iterators::parts_of(&state.borrow());
            w.out.push(b'j');
            w.out.push(p.kind);
            put_len(&mut w.out, p.values.len());
            put_items(it, &p.values, w)?;
            put_len(&mut w.out, p.ints.len());
            for n in &p.ints {
                w.out.extend_from_slice(&n.to_le_bytes());
            }
            made_after_items(v, w);
        }
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

/// An instance of a class derived from a builtin type, reduced as CPython's
/// `object.__reduce_ex__(4)` reduces it: `copyreg.__newobj__(cls, *args)` (the value itself as the
/// argument for an immutable type: a tuple, an int, a str), the instance's attributes as the
/// state, and a list's items appended or a dict's items set after it is made. A set reduces as
/// `set.__reduce__` does: `cls(list(items))`.
fn builtin_derived_reduction(
    it: &mut Interp,
    v: &Value,
    inst: &Instance,
    base: Value,
) -> Result<Value, Exc> {
    let state = match user_hook(it, v, "__getstate__")? {
        Some(hook) => it.call(&hook, Args::new(vec![]))?,
        None => attrs_state(it, inst, &[])?.unwrap_or(Value::None),
    };
    let cls = Value::Class(inst.class.clone());
    // An iterator type's instance (`class Z(zip)`): `cls(*args)`, without its attributes, as
    // CPython's `zip.__reduce__` gives.
    if let Some(args) = crate::python::subclass::iterator_args(&base) {
        return Ok(Value::tuple(vec![cls, args]));
    }
    if let Value::Set(s) = &base {
        let items: Vec<Value> = s.borrow().map.values().cloned().collect();
        return Ok(Value::tuple(vec![
            cls,
            Value::tuple(vec![Value::list(items)]),
            state,
        ]));
    }
    let copyreg = super::super::import(it, "copyreg")?;
    let newobj = it.getattr(&copyreg, "__newobj__")?;
    // `__getnewargs__` (a namedtuple's) gives the arguments `__new__` is called with again.
    if let Some(hook) = user_hook(it, v, "__getnewargs__")? {
        let Value::Tuple(ref extra) = it.call(&hook, Args::new(vec![]))? else {
            return Err(type_error("__getnewargs__ should return a tuple"));
        };
        let mut args = vec![cls];
        args.extend(extra.iter().cloned());
        return Ok(Value::tuple(vec![newobj, Value::tuple(args), state]));
    }
    Ok(match &base {
        Value::List(l) => {
            let items = Value::list(l.borrow().clone());
            Value::tuple(vec![
                newobj,
                Value::tuple(vec![cls]),
                state,
                it.iter(&items)?,
            ])
        }
        Value::Dict(d) => {
            let pairs: Vec<Value> = d
                .borrow()
                .map
                .values()
                .map(|(k, x)| Value::tuple(vec![k.clone(), x.clone()]))
                .collect();
            Value::tuple(vec![
                newobj,
                Value::tuple(vec![cls]),
                state,
                Value::None,
                it.iter(&Value::list(pairs))?,
            ])
        }
        _ => Value::tuple(vec![newobj, Value::tuple(vec![cls, base]), state]),
    })
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
                    Value::Tuple(ref p) if p.len() == 2 => flat.extend(p.iter().cloned()),
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
    let attrs: Vec<(PyStr, Value)> = inst
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
        .is_some_and(|b| crate::python::modules::pipe::is_connection(&**b));
    let spawning = INHERITED.with(|t| t.borrow().is_some());
    if connection && spawning && !super::connections_by_broker() {
        return put_inherited(inst, w);
    }
    // A Connection to a process of the run that did not inherit it: as CPython's fork context
    // reduces it (`resource_sharer`), its fd handed over through the run's broker.
    if connection
        && let Some(rv) = crate::python::modules::resource_sharer::reduce_connection(it, v)
    {
        return put_reduced(it, v, rv?, w);
    }
    if let Some(kind) = crate::python::modules::sync::shared_kind(inst) {
        if !spawning {
            return Err(inheritance_error(kind));
        }
        // A Barrier's action is pickled with it, as CPython's (a lambda fails here).
        crate::python::modules::sync::pickle_action(it, inst)?;
        return put_inherited(inst, w);
    }
    let kind = inst.class.native_kind();
    // `_MainProcess` classes are made afresh for each stand-in object (process.rs): known by their
    // module and name, which a program's own Process subclass does not have.
    if kind == Some(NativeKind::Process)
        && &*inst.class.name == "_MainProcess"
        && &*inst.class.module == "multiprocessing.process"
    {
        return Err(pickling_error(
            "Can't pickle <class 'multiprocessing.process._MainProcess'>: attribute lookup \
             _MainProcess on multiprocessing.process failed",
        ));
    }
    if inst
        .class
        .is_subclass(&crate::python::modules::pool::pool_class())
        && inst.native.borrow().is_some()
    {
        return Err(Exc::new(
            ExcKind::NotImplementedError,
            "pool objects cannot be passed between processes or pickled",
        ));
    }
    if kind == Some(NativeKind::Process) {
        // A Process carries its authkey, which CPython refuses to pickle.
        return Err(type_error(
            "Pickling an AuthenticationString object is disallowed for security reasons",
        ));
    }
    // A complex number is rebuilt as `complex(re, im)` (CPython's `__getnewargs__`).
    if let Some(c) = crate::python::complex::get(v) {
        let args = Value::tuple(vec![Value::Float(c.re), Value::Float(c.im)]);
        let rv = Value::tuple(vec![Value::Class(inst.class.clone()), args]);
        return put_reduced(it, v, rv, w);
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
    // A bytearray, or an instance of a class derived from it: its own `__reduce_ex__`, as
    // CPython's (`(cls, (bytes,), __dict__)`).
    if crate::python::methods::bytearray::contents(v).is_some()
        && let Some(hook) = it.getattr_opt(v, "__reduce_ex__")?
    {
        let rv = it.call(&hook, Args::new(vec![Value::Int(PROTOCOL)]))?;
        return put_reduced(it, v, rv, w);
    }
    if let Some(base) = crate::python::subclass::base_of_instance(inst) {
        let rv = builtin_derived_reduction(it, v, inst, base)?;
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
