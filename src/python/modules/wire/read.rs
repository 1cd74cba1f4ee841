//! The reading half of [`super`]: one message rebuilt, every byte of it checked.

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::rc::Rc;

use super::{INHERITED, invalid_load_key, lookup_global, unpickling_error, user_hook};
use crate::python::exceptions::Exc;
use crate::python::interp::Interp;
use crate::python::value::{Args, Dict, Instance, NativeKind, Set, Value};

/// How deep a frame may nest before the reader calls it forged: past what the writer makes (it
/// stops at the recursion limit, 1000 levels, and one level it writes is at most two to read), so
/// only a hostile frame meets it.
pub(super) const MAX_READ_DEPTH: usize = 3_000;

/// Rebuilds the value of one message (its bytes after the magic prefix).
pub(super) fn message(it: &mut Interp, body: &[u8]) -> Result<Value, Exc> {
    let mut r = Reader {
        b: body,
        pos: 0,
        made: 0,
        memo: Vec::new(),
    };
    get(it, &mut r, 0)
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
    fn str(&mut self) -> Result<PyStr, Exc> {
        let n = self.len()?;
        let s = self.take(n)?;
        std::str::from_utf8(s)
            .map(PyStr::from)
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
        // An int, what a big list (a Pool's chunk of items or results) is mostly made of, is read
        // here without the call and stack check of `get`: decoding was 12% of a Pool.map's time.
        if depth <= MAX_READ_DEPTH && r.left() >= 9 && r.b[r.pos] == b'i' {
            r.pos += 1;
            items.push(Value::Int(r.i64()?));
            continue;
        }
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
            let v = Value::Bytes(ThinRc::from(r.take(n)?));
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
        b'j' => {
            let kind = r.byte()?;
            let n = r.count()?;
            let values = get_items(it, r, n, d)?;
            let n = r.count()?;
            let mut ints = Vec::with_capacity(n.min(8));
            for _ in 0..n {
                ints.push(r.i64()?);
            }
            if let Some(made) = r.made_already()? {
                return Ok(made);
            }
            let v = super::iterators::rebuild(super::iterators::Parts { kind, values, ints })?;
            r.memoize(&v);
            v
        }
        b'c' => {
            let mut parts = get_items(it, r, 3, d)?.into_iter();
            let mut next = || parts.next().unwrap_or(Value::None);
            Value::Slice(Rc::new([next(), next(), next()]))
        }
        b'r' => {
            let (start, stop, step) = (r.i64()?, r.i64()?, r.i64()?);
            if step == 0 {
                return Err(unpickling_error("bad range in pickle data"));
            }
            Value::Range(Rc::new(crate::python::value::Range::small(
                start, stop, step,
            )))
        }
        b'W' => {
            let mut b = Vec::with_capacity(3);
            for _ in 0..3 {
                let v = get(it, r, d)?;
                b.push(
                    crate::python::bigint::to_big(&v)
                        .ok_or_else(|| unpickling_error("bad range in pickle data"))?,
                );
            }
            let (step, stop, start) = (b.pop(), b.pop(), b.pop());
            match (start, stop, step) {
                (Some(a), Some(z), Some(s)) if s != num_bigint::BigInt::from(0) => {
                    Value::Range(Rc::new(crate::python::value::Range::new(a, z, s)))
                }
                _ => return Err(unpickling_error("bad range in pickle data")),
            }
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
            let found =
                found.ok_or_else(|| unpickling_error("an inherited object outside of spawning"))?;
            // A Barrier's action is the one its pickle names in this process (`__mp_main__`'s).
            crate::python::modules::sync::unpickled_in_child(&found);
            found
        }
        b'G' => {
            let name = r.str()?;
            lookup_global(it, &name).ok_or_else(|| {
                let module = match it.globals.borrow().get("__name__") {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => "__main__".to_string(),
                };
                Exc::new(
                    ExcKind::AttributeError,
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
                Value::Class(ref c)
                    if matches!(c.native_kind(), None | Some(NativeKind::Object)) =>
                {
                    c.clone()
                }
                _ => return Err(unpickling_error("bad object class in pickle data")),
            };
            let v = Value::Instance(Rc::new(Instance {
                class: cls.clone(),
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
    let Value::Tuple(ref args) = get(it, r, d)? else {
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
        Value::Tuple(ref t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
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
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '__dict__'", obj.type_name()),
            ));
        };
        for (k, x) in pairs {
            let Value::Str(ref k) = k else {
                return Err(unpickling_error("state is not a dictionary"));
            };
            inst.attrs.borrow_mut().insert(k.clone(), x);
        }
    }
    Ok(())
}
