//! `memoryview` of `bytes` or a `bytearray`: a window onto the object's bytes, not a copy. It
//! reads through to its source each time, so a view of a bytearray sees later changes, and writing
//! through it (`m[0] = 65`) changes the bytearray. One-dimensional, format `'B'` only: the views a
//! lesson needs (`len`, indexing, slicing, `tobytes`, `tolist`, `hex`, `==`).

use std::cell::RefCell;
use std::rc::Rc;

use super::bytearray::slot;
use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, index_error, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::modules::shared_memory;
use crate::python::ops::{norm_index, slice_indices};
use crate::python::value::{Args, Instance, Namespace, NativeFn, NativeKind, PyStr, ThinRc, Value};

type R = Result<Value, Exc>;

/// What a view looks at: its source and which of the source's bytes, in order.
struct View {
    source: Value,
    picks: Vec<usize>,
    released: std::cell::Cell<bool>,
}

impl crate::python::native_object::NativeObject for View {}

/// A view that goes away without `release()` stops exporting its bytearray then.
impl Drop for View {
    fn drop(&mut self) {
        if !self.released.get() {
            export(&self.source, -1);
        }
    }
}

pub fn install(it: &mut Interp) {
    let mut attrs = Namespace::default();
    let own: &[(&str, NativeFn)] = &[
        ("__new__", new),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__eq__", eq),
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
    ];
    for (name, f) in own {
        attrs.insert(PyStr::from(*name), Value::builtin(name, *f));
    }
    let cls = it.classes.define_type(
        "memoryview",
        it.classes.object.clone(),
        attrs,
        Some(NativeKind::Other),
    );
    it.builtins
        .insert(PyStr::from("memoryview"), Value::Class(cls));
}

fn view_ref<T>(v: &Value, f: impl FnOnce(&View) -> T) -> Option<T> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let native = inst.native.borrow();
    Some(f(native.as_ref()?.downcast_ref::<View>()?))
}

fn view_of(v: &Value) -> Option<(Value, Vec<usize>)> {
    view_ref(v, |view| (view.source.clone(), view.picks.clone()))
}

/// A view starts (`+1`) or stops (`-1`) exporting its source: a bytearray cannot change size, a
/// shared memory block cannot be closed, while one does.
fn export(source: &Value, delta: isize) {
    super::bytearray::export(source, delta);
    shared_memory::export(source, delta);
}

fn source_bytes(source: &Value) -> Vec<u8> {
    match source {
        Value::Bytes(b) => b.to_vec(),
        other => super::bytearray::contents(other)
            .or_else(|| shared_memory::mapping_bytes(other))
            .unwrap_or_default(),
    }
}

/// Byte `at` of the source; a shared memory block is read in place, not copied whole.
fn source_byte(source: &Value, at: usize) -> u8 {
    shared_memory::mapping_byte(source, at)
        .unwrap_or_else(|| source_bytes(source).get(at).copied().unwrap_or(0))
}

/// Stores `v` at `at` of the source: a bytearray through its own `__setitem__`, a shared memory
/// block in place.
fn store(it: &mut Interp, source: &Value, at: usize, v: Value) -> Result<(), Exc> {
    if shared_memory::is_mapping(source) {
        let byte = match v {
            Value::Int(n) if (0..=255).contains(&n) => n as u8,
            Value::Int(_) => {
                return Err(value_error("memoryview: invalid value for format 'B'"));
            }
            _ => return Err(type_error("memoryview: invalid type for format 'B'")),
        };
        shared_memory::mapping_store(source, at, byte);
        return Ok(());
    }
    it.setitem(source, Value::Int(at as i64), v)
}

/// Writes `data` into the view `view` from its byte `offset` (`struct.pack_into`); the caller
/// checked the bounds.
pub fn write_into(it: &mut Interp, view: &Value, offset: usize, data: &[u8]) -> Result<(), Exc> {
    // Only the picks written to are copied out of the view (not its whole index list).
    let Some((source, picks)) = view_ref(view, |v| {
        let end = offset.saturating_add(data.len()).min(v.picks.len());
        (
            v.source.clone(),
            v.picks.get(offset..end).unwrap_or(&[]).to_vec(),
        )
    }) else {
        return Err(type_error(
            "argument must be read-write bytes-like object, not memoryview",
        ));
    };
    if matches!(source, Value::Bytes(_)) {
        return Err(type_error(
            "argument must be read-write bytes-like object, not memoryview",
        ));
    }
    for (i, b) in data.iter().enumerate() {
        if let Some(&at) = picks.get(i) {
            store(it, &source, at, Value::Int(*b as i64))?;
        }
    }
    Ok(())
}

/// The number of bytes the view `v` shows, if `v` is one.
pub fn len_of(v: &Value) -> Option<usize> {
    view_ref(v, |view| view.picks.len())
}

/// `len` bytes of the view `v` from its byte `offset` (`struct.unpack_from`), read where they
/// lie: a `ShareableList` item read through `shm.buf` used to copy the whole view, and its
/// index list, for every few bytes it unpacked. `None` if `v` is not a view or the range is
/// not inside it.
pub fn read_range(v: &Value, offset: usize, len: usize) -> Option<Vec<u8>> {
    view_ref(v, |view| {
        let picks = view.picks.get(offset..offset.checked_add(len)?)?;
        let source = &view.source;
        Some(match source {
            Value::Bytes(b) => picks
                .iter()
                .map(|&i| b.get(i).copied().unwrap_or(0))
                .collect(),
            _ if shared_memory::is_mapping(source) => picks
                .iter()
                .map(|&i| shared_memory::mapping_byte(source, i).unwrap_or(0))
                .collect(),
            _ => {
                let b = source_bytes(source);
                picks
                    .iter()
                    .map(|&i| b.get(i).copied().unwrap_or(0))
                    .collect()
            }
        })
    })?
}

/// The bytes a memoryview shows now, if `v` is one.
pub fn contents(v: &Value) -> Option<Vec<u8>> {
    let (source, picks) = view_of(v)?;
    let b = source_bytes(&source);
    Some(picks.iter().filter_map(|&i| b.get(i).copied()).collect())
}

fn make(source: Value, picks: Vec<usize>) -> Value {
    export(&source, 1);
    let readonly = matches!(source, Value::Bytes(_));
    let mut attrs = Namespace::default();
    attrs.insert(PyStr::from("readonly"), Value::Bool(readonly));
    attrs.insert(PyStr::from("nbytes"), Value::Int(picks.len() as i64));
    attrs.insert(PyStr::from("format"), Value::str("B"));
    attrs.insert(PyStr::from("itemsize"), Value::Int(1));
    attrs.insert(PyStr::from("obj"), source.clone());
    Value::Instance(Rc::new(Instance {
        class: crate::python::builtin_classes::builtin_type("memoryview"),
        attrs: RefCell::new(attrs),
        native: RefCell::new(Some(Box::new(View {
            source,
            picks,
            released: std::cell::Cell::new(false),
        }))),
    }))
}

fn new(_: &mut Interp, a: Args) -> R {
    let Some(obj) = a.pos.get(1) else {
        return Err(type_error(
            "memoryview() missing required argument 'object' (pos 1)",
        ));
    };
    if let Some((source, picks)) = view_of(obj) {
        return Ok(make(source, picks));
    }
    let n = match obj {
        Value::Bytes(b) => b.len(),
        other => match super::bytearray::contents(other)
            .or_else(|| shared_memory::mapping_bytes(other))
        {
            Some(b) => b.len(),
            None => {
                return Err(type_error(format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    other.type_name()
                )));
            }
        },
    };
    Ok(make(obj.clone(), (0..n).collect()))
}

/// The view's source and picks; a released view refuses, as CPython's does.
fn live(a: &Args) -> Result<(Value, Vec<usize>), Exc> {
    if view_ref(&a.pos[0], |v| v.released.get()).unwrap_or(false) {
        return Err(value_error(
            "operation forbidden on released memoryview object",
        ));
    }
    Ok(view_of(&a.pos[0]).unwrap_or((Value::None, Vec::new())))
}

fn len(_: &mut Interp, a: Args) -> R {
    slot(&a, "__len__", 0, false)?;
    Ok(Value::Int(live(&a)?.1.len() as i64))
}

/// The source and the byte an integer index picks, without copying the view's picks (a shared
/// memory block's view is as long as the block); `None` for a key that is not an int.
fn one_pick(a: &Args, key: &Value) -> Option<Result<(Value, usize), Exc>> {
    let Value::Int(i) = key else { return None };
    view_ref(&a.pos[0], |v| {
        if v.released.get() {
            return Err(value_error(
                "operation forbidden on released memoryview object",
            ));
        }
        let at = norm_index(*i, v.picks.len())
            .ok_or_else(|| index_error("index out of bounds on dimension 1"))?;
        Ok((v.source.clone(), v.picks[at]))
    })
}

fn getitem(_: &mut Interp, a: Args) -> R {
    slot(&a, "__getitem__", 1, false)?;
    let key = a.pos[1].clone();
    if let Some(found) = one_pick(&a, &key) {
        let (source, at) = found?;
        return Ok(Value::Int(source_byte(&source, at) as i64));
    }
    let (source, picks) = live(&a)?;
    match key {
        Value::Int(i) => {
            let at = norm_index(i, picks.len())
                .ok_or_else(|| index_error("index out of bounds on dimension 1"))?;
            Ok(Value::Int(source_byte(&source, picks[at]) as i64))
        }
        Value::Slice(ref s) => {
            let sub = slice_indices(s, picks.len())?.map(|i| picks[i]).collect();
            Ok(make(source, sub))
        }
        other => Err(type_error(format!(
            "memoryview: invalid slice key, not {}",
            other.type_name()
        ))),
    }
}

fn setitem(it: &mut Interp, a: Args) -> R {
    slot(&a, "__setitem__", 2, true)?;
    let key = a.pos[1].clone();
    let readonly = view_ref(&a.pos[0], |v| {
        !v.released.get() && matches!(v.source, Value::Bytes(_))
    });
    if readonly == Some(true) {
        return Err(type_error("cannot modify read-only memory"));
    }
    if let Some(found) = one_pick(&a, &key) {
        let (source, at) = found?;
        store(it, &source, at, a.pos[2].clone())?;
        return Ok(Value::None);
    }
    let (source, picks) = live(&a)?;
    if matches!(source, Value::Bytes(_)) {
        return Err(type_error("cannot modify read-only memory"));
    }
    let v = a.pos[2].clone();
    match key {
        Value::Int(i) => {
            let at = norm_index(i, picks.len())
                .ok_or_else(|| index_error("index out of bounds on dimension 1"))?;
            store(it, &source, picks[at], v)
        }
        Value::Slice(ref s) => {
            let targets: Vec<usize> = slice_indices(s, picks.len())?.map(|i| picks[i]).collect();
            let Some(new) = super::bytes::bytes_like(&v) else {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    v.type_name()
                )));
            };
            if new.len() != targets.len() {
                return Err(value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            for (t, b) in targets.into_iter().zip(new.iter()) {
                store(it, &source, t, Value::Int(*b as i64))?;
            }
            Ok(())
        }
        other => Err(type_error(format!(
            "memoryview: invalid slice key, not {}",
            other.type_name()
        ))),
    }?;
    Ok(Value::None)
}

fn bytes_now(a: &Args) -> Result<Vec<u8>, Exc> {
    live(a)?;
    Ok(contents(&a.pos[0]).unwrap_or_default())
}

fn iter(it: &mut Interp, a: Args) -> R {
    slot(&a, "__iter__", 0, false)?;
    let ints = bytes_now(&a)?
        .into_iter()
        .map(|b| Value::Int(b as i64))
        .collect();
    it.iter(&Value::list(ints))
}

fn repr(_: &mut Interp, a: Args) -> R {
    slot(&a, "__repr__", 0, false)?;
    let at = a.pos[0].ptr().unwrap_or(0);
    Ok(Value::Str(PyStr::from(format!("<memory at 0x{at:x}>"))))
}

fn eq(_: &mut Interp, a: Args) -> R {
    slot(&a, "__eq__", 1, false)?;
    let other = a.pos.get(1).and_then(super::bytes::bytes_like);
    let mine = bytes_now(&a)?;
    Ok(Value::Bool(other.is_some_and(|o| *o == *mine)))
}

/// A method without arguments refuses any, as `memoryview.tolist()` does.
fn noargs(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, "memoryview", &[], 0)
        .method()
        .bind::<0>(a)
        .map(|_| ())
}

/// `m.tobytes(order='C')`: one dimension reads the same in every order.
fn tobytes(_: &mut Interp, a: Args) -> R {
    let [order] = Sig::c("tobytes", &["order"], 0).method().bind(&a)?;
    match order {
        None | Some(Value::None) => {}
        Some(Value::Str(o)) if matches!(&**o, "C" | "F" | "A") => {}
        Some(Value::Str(_)) => return Err(value_error("order must be 'C', 'F' or 'A'")),
        Some(other) => {
            return Err(type_error(format!(
                "tobytes() argument 'order' must be str or None, not {}",
                other.type_name()
            )));
        }
    }
    Ok(Value::Bytes(ThinRc::from(bytes_now(&a)?)))
}

fn tolist(_: &mut Interp, a: Args) -> R {
    noargs(&a, "tolist")?;
    Ok(Value::list(
        bytes_now(&a)?
            .into_iter()
            .map(|b| Value::Int(b as i64))
            .collect(),
    ))
}

fn hex(_: &mut Interp, a: Args) -> R {
    super::bytes::hex_of(&bytes_now(&a)?, &a)
}

/// `m.release()`: the bytearray may change size again; the view answers no more.
fn release(_: &mut Interp, a: Args) -> R {
    noargs(&a, "release")?;
    let source = view_ref(&a.pos[0], |v| {
        (!v.released.replace(true)).then(|| v.source.clone())
    })
    .flatten();
    if let Some(source) = source {
        export(&source, -1);
    }
    Ok(Value::None)
}
