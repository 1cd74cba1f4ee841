//! How values cross processes (Queue, Pipe): serialized into bytes by the sender, rebuilt as new
//! objects by the receiver, so the receiver always gets a copy, as with CPython's pickle.
//!
//! What crosses: None, bools, ints (of any size), floats, str, bytes, lists, tuples, dicts, sets, frozensets,
//! ranges, nested; module-level functions and classes by name (the receiver, a fork of the same
//! program, finds them in its own `__main__`); instances of module-level classes (their attributes)
//! and exceptions (their args). What does not raises what CPython's pickling raises: a lambda or a
//! nested function, a multiprocessing primitive ("... should only be shared between processes
//! through inheritance"), a module...

use std::rc::Rc;

use crate::python::exceptions::{self, Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Dict, Instance, NativeKind, Set, Value};

/// Every serialized object starts with these bytes (raw `send_bytes` messages do not).
pub const MAGIC: &[u8] = b"\x80FY1";

const MAX_DEPTH: usize = 500;

/// Serializes `v` (with the magic prefix).
pub fn dumps(it: &mut Interp, v: &Value) -> Result<Vec<u8>, Exc> {
    let mut out = MAGIC.to_vec();
    put(it, v, &mut out, 0)?;
    Ok(out)
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
    };
    get(it, &mut r, 0)
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
            Err(pickle_error(
                "PicklingError",
                format!("Can't pickle {r}: it's not the same object as __main__.{qualname}"),
            ))
        }
        None => {
            let r = it.repr(v)?;
            let last = qualname.rsplit('.').next().unwrap_or(qualname);
            Err(pickle_error(
                "PicklingError",
                format!("Can't pickle {r}: attribute lookup {last} on __main__ failed"),
            ))
        }
    }
}

/// A function or class of a module written in Python (`concurrent.futures.process`...) travels as
/// `module:qualname`, as pickle names it by its module; the receiver imports that module. `None`
/// for anything else (the program's own objects, found in `__main__`).
fn library_name(
    it: &mut Interp,
    v: &Value,
    module: &str,
    qualname: &str,
) -> Result<Option<String>, Exc> {
    if !super::library::has(module) || qualname.contains("<locals>") {
        return Ok(None);
    }
    let name = format!("{module}:{qualname}");
    match lookup_global(it, &name) {
        Some(found) if found.is(v) => Ok(Some(name)),
        _ => {
            let r = it.repr(v)?;
            Err(pickle_error(
                "PicklingError",
                format!("Can't pickle {r}: it's not the same object as {module}.{qualname}"),
            ))
        }
    }
}

/// `module:name` for a native function found in one of the modules this process imported.
fn module_builtin_name(it: &Interp, v: &Value, name: &str) -> Option<String> {
    it.modules.iter().find_map(|(mname, m)| match m {
        Value::Module(module) if module.attrs.borrow().get(name).is_some_and(|x| x.is(v)) => {
            Some(format!("{mname}:{name}"))
        }
        _ => None,
    })
}

fn lookup_global(it: &mut Interp, qualname: &str) -> Option<Value> {
    if let Some((module, rest)) = qualname.split_once(':') {
        // Imported as the sender imported it: a name no forkyard module has is forged data.
        let mut cur = super::import(it, module).ok()?;
        for p in rest.split('.') {
            cur = it.getattr_opt(&cur, p).ok()??;
        }
        return Some(cur);
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

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put(it: &mut Interp, v: &Value, out: &mut Vec<u8>, depth: usize) -> Result<(), Exc> {
    if depth > MAX_DEPTH {
        return Err(Exc::new(
            "RecursionError",
            "maximum recursion depth exceeded while pickling an object",
        ));
    }
    let d = depth + 1;
    match v {
        Value::None => out.push(b'N'),
        Value::Ellipsis => out.push(b'e'),
        Value::Bool(true) => out.push(b'T'),
        Value::Bool(false) => out.push(b'F'),
        Value::Int(i) => {
            out.push(b'i');
            out.extend_from_slice(&i.to_le_bytes());
        }
        // An int past 64 bits: its two's-complement bytes, least significant first.
        Value::BigInt(b) => {
            let bytes = b.to_signed_bytes_le();
            out.push(b'I');
            put_len(out, bytes.len());
            out.extend_from_slice(&bytes);
        }
        Value::Float(f) => {
            out.push(b'f');
            out.extend_from_slice(&f.to_le_bytes());
        }
        Value::Str(s) => {
            out.push(b's');
            put_str(out, s);
        }
        Value::Bytes(b) => {
            out.push(b'b');
            put_len(out, b.len());
            out.extend_from_slice(b);
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            out.push(b'l');
            put_len(out, items.len());
            for x in &items {
                put(it, x, out, d)?;
            }
        }
        Value::Tuple(t) => {
            out.push(b't');
            put_len(out, t.len());
            for x in t.iter() {
                put(it, x, out, d)?;
            }
        }
        Value::Dict(m) => {
            let pairs: Vec<(Value, Value)> = m.borrow().map.values().cloned().collect();
            out.push(b'd');
            put_len(out, pairs.len());
            for (k, x) in &pairs {
                put(it, k, out, d)?;
                put(it, x, out, d)?;
            }
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().map.values().cloned().collect();
            out.push(b'S');
            put_len(out, items.len());
            for x in &items {
                put(it, x, out, d)?;
            }
        }
        Value::FrozenSet(s) => {
            let items: Vec<Value> = s.map.values().cloned().collect();
            out.push(b'Z');
            put_len(out, items.len());
            for x in &items {
                put(it, x, out, d)?;
            }
        }
        Value::Range(r) => {
            out.push(b'r');
            for n in [r.start, r.stop, r.step] {
                out.extend_from_slice(&n.to_le_bytes());
            }
        }
        Value::Function(f) => {
            let q = f.qualname.clone();
            let module = match f.globals.borrow().get("__name__") {
                Some(Value::Str(m)) => m.clone(),
                _ => Rc::from("__main__"),
            };
            let name = match library_name(it, v, &module, &q)? {
                Some(n) => n,
                None => global_name(it, v, &q)?,
            };
            out.push(b'G');
            put_str(out, &name);
        }
        Value::Class(c) => {
            let name = if it.builtins.get(&*c.name).is_some_and(|b| b.is(v)) {
                c.name.to_string()
            } else {
                let q = c.qualname.clone();
                match library_name(it, v, &c.module.clone(), &q)? {
                    Some(n) => n,
                    None => global_name(it, v, &q)?,
                }
            };
            out.push(b'G');
            put_str(out, &name);
        }
        Value::Builtin(b)
            if b.data.is_none() && it.builtins.get(&*b.name).is_some_and(|x| x.is(v)) =>
        {
            out.push(b'G');
            put_str(out, &b.name);
        }
        Value::Builtin(b) if b.data.is_none() => {
            // A module's native function (`os.getpid`, `time.sleep`), as pickle names it.
            let name = module_builtin_name(it, v, &b.name)
                .ok_or_else(|| type_error("cannot pickle 'builtin_function_or_method' object"))?;
            out.push(b'G');
            put_str(out, &name);
        }
        Value::Instance(inst) => put_instance(it, inst, out, d)?,
        other => {
            return Err(type_error(format!(
                "cannot pickle '{}' object",
                other.type_name()
            )));
        }
    }
    Ok(())
}

/// A primitive passed to a process being spawned: its index in the inherited table.
fn put_inherited(inst: &Rc<Instance>, out: &mut Vec<u8>) -> Result<(), Exc> {
    let index = INHERITED.with(|t| {
        let mut t = t.borrow_mut();
        let table = t.as_mut().expect("only while spawning");
        table.push(Value::Instance(inst.clone()));
        table.len() - 1
    });
    out.push(b'H');
    out.extend_from_slice(&(index as u64).to_le_bytes());
    Ok(())
}

fn put_instance(
    it: &mut Interp,
    inst: &Rc<Instance>,
    out: &mut Vec<u8>,
    d: usize,
) -> Result<(), Exc> {
    let connection = inst
        .native
        .borrow()
        .as_ref()
        .is_some_and(|b| super::pipe::is_connection(&**b));
    let spawning = INHERITED.with(|t| t.borrow().is_some());
    if connection && spawning {
        return put_inherited(inst, out);
    }
    if let Some(kind) = super::sync::shared_kind(inst) {
        if !spawning {
            return Err(inheritance_error(kind));
        }
        return put_inherited(inst, out);
    }
    let kind = inst.class.native_kind();
    if kind == Some(NativeKind::Process) && &*inst.class.name == "_MainProcess" {
        return Err(pickle_error(
            "PicklingError",
            "Can't pickle <class 'multiprocessing.process._MainProcess'>: attribute lookup \
             _MainProcess on multiprocessing.process failed"
                .into(),
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
    let is_exc = kind == Some(NativeKind::BaseException);
    if !is_exc
        && (!matches!(kind, None | Some(NativeKind::Object)) || inst.native.borrow().is_some())
    {
        return Err(type_error(format!(
            "cannot pickle '{}' object",
            inst.class.name
        )));
    }
    let cls = Value::Class(inst.class.clone());
    out.push(if is_exc { b'E' } else { b'O' });
    put(it, &cls, out, d)?;
    if is_exc {
        let args = inst
            .attrs
            .borrow()
            .get("args")
            .cloned()
            .unwrap_or_else(|| Value::tuple(vec![]));
        put(it, &args, out, d)?;
    }
    let attrs: Vec<(Rc<str>, Value)> = inst
        .attrs
        .borrow()
        .iter()
        .filter(|(k, _)| !(is_exc && &***k == "args"))
        .map(|(k, x)| (k.clone(), x.clone()))
        .collect();
    put_len(out, attrs.len());
    for (k, x) in &attrs {
        put_str(out, k);
        put(it, x, out, d)?;
    }
    Ok(())
}

/// Reads one frame. Nothing in a frame is trusted: every length is checked against what is left,
/// nesting stops at the encoder's depth, and the number of values at what one list may hold, so a
/// hostile or torn message is an `UnpicklingError` (or `MemoryError`), never a crash.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    /// Values made so far (each takes a slot somewhere).
    made: usize,
}

fn truncated() -> Exc {
    pickle_error("UnpicklingError", "pickle data was truncated".into())
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
            .map_err(|_| pickle_error("UnpicklingError", "invalid utf-8 in pickle data".into()))
    }
}

fn get(it: &mut Interp, r: &mut Reader, depth: usize) -> Result<Value, Exc> {
    if depth > MAX_DEPTH {
        // The encoder never nests deeper, so only a forged message gets here.
        return Err(pickle_error(
            "UnpicklingError",
            "maximum recursion depth exceeded while unpickling an object".into(),
        ));
    }
    let d = depth + 1;
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
        b's' => Value::Str(r.str()?),
        b'b' => {
            let n = r.len()?;
            Value::Bytes(Rc::from(r.take(n)?))
        }
        tag @ (b'l' | b't' | b'S' | b'Z') => {
            let n = r.count()?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(get(it, r, d)?);
            }
            match tag {
                b'l' => Value::list(items),
                b't' => Value::tuple(items),
                _ => {
                    let mut s = Set::default();
                    for x in items {
                        it.set_insert(&mut s, x)?;
                    }
                    if tag == b'S' {
                        Value::Set(Rc::new(std::cell::RefCell::new(s)))
                    } else {
                        Value::FrozenSet(Rc::new(s))
                    }
                }
            }
        }
        b'd' => {
            let n = r.count()?;
            let mut m = Dict::default();
            for _ in 0..n {
                let k = get(it, r, d)?;
                let x = get(it, r, d)?;
                it.dict_insert(&mut m, k, x)?;
            }
            Value::dict(m)
        }
        b'r' => {
            let (start, stop, step) = (r.i64()?, r.i64()?, r.i64()?);
            if step == 0 {
                return Err(pickle_error(
                    "UnpicklingError",
                    "bad range in pickle data".into(),
                ));
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
            found.ok_or_else(|| {
                pickle_error(
                    "UnpicklingError",
                    "an inherited object outside of spawning".into(),
                )
            })?
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
        tag @ (b'O' | b'E') => {
            // Only what the encoder writes: a plain class for 'O', an exception class for 'E'.
            let is_exc = tag == b'E';
            let cls = match get(it, r, d)? {
                Value::Class(c)
                    if (c.native_kind() == Some(NativeKind::BaseException)) == is_exc
                        && (is_exc
                            || matches!(c.native_kind(), None | Some(NativeKind::Object))) =>
                {
                    c
                }
                _ => {
                    return Err(pickle_error(
                        "UnpicklingError",
                        "bad object class in pickle data".into(),
                    ));
                }
            };
            let inst = if is_exc {
                let Value::Tuple(args) = get(it, r, d)? else {
                    return Err(pickle_error(
                        "UnpicklingError",
                        "bad exception args in pickle data".into(),
                    ));
                };
                exceptions::instance(cls, args.to_vec())
            } else {
                Rc::new(Instance {
                    class: cls,
                    attrs: Default::default(),
                    native: Default::default(),
                })
            };
            let n = r.count()?;
            for _ in 0..n {
                let k = r.str()?;
                let x = get(it, r, d)?;
                inst.attrs.borrow_mut().insert(k, x);
            }
            Value::Instance(inst)
        }
        other => return Err(invalid_load_key(other)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_function_crosses_by_module_and_name() {
        crate::python::exceptions::install();
        let mut it = Interp::new("wire.py", "");
        let m = super::super::import(&mut it, "bisect").expect("bisect imports");
        let f = it.getattr(&m, "bisect_left").expect("bisect_left");
        let frame = dumps(&mut it, &f).expect("dumps");
        assert!(frame.ends_with(b"bisect:bisect_left"));
        let back = loads(&mut it, &frame).expect("loads");
        assert!(back.is(&f));
        // A native module's function crosses the same way.
        let m = super::super::import(&mut it, "os").expect("os imports");
        let getpid = it.getattr(&m, "getpid").expect("getpid");
        let frame = dumps(&mut it, &getpid).expect("dumps os.getpid");
        assert!(loads(&mut it, &frame).expect("loads").is(&getpid));
        // A module forkyard does not have is refused.
        let mut forged = MAGIC.to_vec();
        forged.push(b'G');
        put_str(&mut forged, "nosuch:system");
        assert!(loads(&mut it, &forged).is_err());
    }

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
}
