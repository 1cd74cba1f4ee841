//! `memoryview` of `bytes`, a `bytearray` or a shared memory block: a window onto the object's
//! bytes, not a copy. It reads through to its source each time, so a view of a bytearray sees
//! later changes, and writing through it (`m[0] = 65`) changes the bytearray.
//!
//! A view is CPython's buffer description: a start offset into the source, a format (one native
//! `struct` letter), an item size, a shape and strides. Slicing moves the start and scales the
//! first stride; `cast` reinterprets a C-contiguous view as another format and shape. Element
//! layout and the errors follow CPython 3.11's `Objects/memoryobject.c`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::bytearray::slot;
use super::memoryview_items::{decode, encode, is_byte_format, item_of, native_letter, same_item};
use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, ExcKind, index_error, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::modules::shared_memory;
use crate::python::ops::slice_bounds;
use crate::python::value::{
    Args, Builtin, Instance, Namespace, NativeFn, NativeKind, PyStr, ThinRc, Value,
};

type R = Result<Value, Exc>;

/// CPython's limit on a view's dimensions (`PyBUF_MAX_NDIM`).
const MAX_NDIM: usize = 64;

/// What a view looks at and how.
#[derive(Clone)]
struct View {
    source: Value,
    /// Byte offset in the source of the first element.
    start: isize,
    /// The format as reported (`'B'`, `'@I'`...); `code` is its letter.
    format: String,
    code: char,
    itemsize: usize,
    shape: Vec<usize>,
    strides: Vec<isize>,
    readonly: bool,
    released: Cell<bool>,
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

impl View {
    fn nitems(&self) -> usize {
        self.shape.iter().product()
    }

    fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }

    /// Source offset of the element at C-order position `flat`.
    fn elem_at(&self, mut flat: usize) -> usize {
        let mut off = self.start;
        for d in (0..self.shape.len()).rev() {
            let n = self.shape[d].max(1);
            off += (flat % n) as isize * self.strides[d];
            flat /= n;
        }
        off as usize
    }

    /// Source offset of byte `k` of the view read in C order.
    fn byte_at(&self, k: usize) -> usize {
        self.elem_at(k / self.itemsize) + k % self.itemsize
    }

    /// Source offsets of every element, in C order (`fortran`: first index fastest).
    fn elements(&self, fortran: bool) -> Vec<usize> {
        let n = self.nitems();
        if !fortran {
            return (0..n).map(|i| self.elem_at(i)).collect();
        }
        let mut out = Vec::with_capacity(n);
        for mut flat in 0..n {
            let mut off = self.start;
            for d in 0..self.shape.len() {
                let m = self.shape[d].max(1);
                off += (flat % m) as isize * self.strides[d];
                flat /= m;
            }
            out.push(off as usize);
        }
        out
    }

    /// CPython's `_IsCContiguous`/`_IsFortranContiguous` for two or more dimensions.
    fn contiguous_in(&self, fortran: bool) -> bool {
        if self.nbytes() == 0 {
            return true;
        }
        let mut want = self.itemsize as isize;
        let dims: Vec<usize> = if fortran {
            (0..self.shape.len()).collect()
        } else {
            (0..self.shape.len()).rev().collect()
        };
        for d in dims {
            if self.shape[d] > 1 && self.strides[d] != want {
                return false;
            }
            want *= self.shape[d] as isize;
        }
        true
    }

    /// The view's `c_contiguous` and `f_contiguous` flags, as CPython's `init_flags` sets them.
    fn flags(&self) -> (bool, bool) {
        match self.shape.len() {
            0 => (true, true),
            1 => {
                let c = self.shape[0] == 1 || self.strides[0] == self.itemsize as isize;
                (c, c)
            }
            _ => (self.contiguous_in(false), self.contiguous_in(true)),
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
        ("__delitem__", delitem),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__eq__", eq),
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("cast", cast),
        ("toreadonly", toreadonly),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    for (name, f) in own {
        attrs.insert(PyStr::from(*name), Value::builtin(name, *f));
    }
    // The view's attributes live on each view; the class holds their descriptors, as CPython's
    // does (`dir(memoryview)` lists them, `memoryview.ndim` is one).
    for name in VIEW_ATTRS {
        let descriptor = Builtin {
            name: PyStr::from(*name),
            f: super::dunders::getset_call,
            data: Some(Value::str(&format!(
                "<attribute '{name}' of 'memoryview' objects>"
            ))),
            alone: None,
        };
        attrs.insert(PyStr::from(*name), Value::Builtin(Rc::new(descriptor)));
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

/// The attributes a view holds, and its class describes.
const VIEW_ATTRS: &[&str] = &[
    "obj",
    "nbytes",
    "readonly",
    "itemsize",
    "format",
    "ndim",
    "shape",
    "strides",
    "suboffsets",
    "c_contiguous",
    "f_contiguous",
    "contiguous",
];

fn view_ref<T>(v: &Value, f: impl FnOnce(&View) -> T) -> Option<T> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let native = inst.native.borrow();
    Some(f(native.as_ref()?.downcast_ref::<View>()?))
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

/// Reads the source's bytes at `offsets`; a shared memory block is read in place, not copied.
fn read_at(source: &Value, offsets: impl Iterator<Item = usize>) -> Vec<u8> {
    if shared_memory::is_mapping(source) {
        return offsets
            .map(|i| shared_memory::mapping_byte(source, i).unwrap_or(0))
            .collect();
    }
    let all = match source {
        Value::Bytes(b) => return offsets.map(|i| b.get(i).copied().unwrap_or(0)).collect(),
        other => source_bytes(other),
    };
    offsets.map(|i| all.get(i).copied().unwrap_or(0)).collect()
}

/// Stores `byte` at `at` of the source: a bytearray through its own `__setitem__`, a shared
/// memory block in place.
fn store(it: &mut Interp, source: &Value, at: usize, byte: u8) -> Result<(), Exc> {
    if shared_memory::is_mapping(source) {
        shared_memory::mapping_store(source, at, byte);
        return Ok(());
    }
    it.setitem(source, Value::Int(at as i64), Value::Int(byte as i64))
}

/// Writes `data` into the view `view` from its byte `offset` (`struct.pack_into`); the caller
/// checked the bounds.
pub fn write_into(it: &mut Interp, view: &Value, offset: usize, data: &[u8]) -> Result<(), Exc> {
    let Some((source, at)) = view_ref(view, |v| {
        let end = offset.saturating_add(data.len()).min(v.nbytes());
        let at: Vec<usize> = (offset..end).map(|k| v.byte_at(k)).collect();
        (v.source.clone(), at)
    }) else {
        return Err(type_error(
            "argument must be read-write bytes-like object, not memoryview",
        ));
    };
    if view_ref(view, |v| v.readonly).unwrap_or(true) {
        return Err(type_error(
            "argument must be read-write bytes-like object, not memoryview",
        ));
    }
    for (b, at) in data.iter().zip(at) {
        store(it, &source, at, *b)?;
    }
    Ok(())
}

/// The number of bytes the view `v` shows, if `v` is one.
pub fn len_of(v: &Value) -> Option<usize> {
    view_ref(v, |view| view.nbytes())
}

/// `len` bytes of the view `v` from its byte `offset` (`struct.unpack_from`), read where they
/// lie: a `ShareableList` item read through `shm.buf` reads those bytes, not the whole block.
/// `None` if `v` is not a view or the range is not inside it.
pub fn read_range(v: &Value, offset: usize, len: usize) -> Option<Vec<u8>> {
    view_ref(v, |view| {
        let end = offset.checked_add(len)?;
        if end > view.nbytes() {
            return None;
        }
        Some(read_at(
            &view.source,
            (offset..end).map(|k| view.byte_at(k)),
        ))
    })?
}

/// The bytes a memoryview shows now, in C order, if `v` is one.
pub fn contents(v: &Value) -> Option<Vec<u8>> {
    view_ref(v, |view| c_bytes(view, false))
}

/// The view's bytes, element by element in C (or Fortran) order.
fn c_bytes(view: &View, fortran: bool) -> Vec<u8> {
    let n = view.itemsize;
    let elems = view.elements(fortran);
    read_at(
        &view.source,
        elems.into_iter().flat_map(|e| (0..n).map(move |k| e + k)),
    )
}

fn make(view: View) -> Value {
    view.released.set(false);
    export(&view.source, 1);
    let (c, f) = view.flags();
    let ints = |xs: Vec<i64>| Value::tuple(xs.into_iter().map(Value::Int).collect());
    let mut attrs = Namespace::default();
    let mut put = |k: &str, v: Value| {
        attrs.insert(PyStr::from(k), v);
    };
    put("readonly", Value::Bool(view.readonly));
    put("nbytes", Value::Int(view.nbytes() as i64));
    put("format", Value::str(&view.format));
    put("itemsize", Value::Int(view.itemsize as i64));
    put("obj", view.source.clone());
    put("ndim", Value::Int(view.shape.len() as i64));
    put(
        "shape",
        ints(view.shape.iter().map(|&n| n as i64).collect()),
    );
    put(
        "strides",
        ints(view.strides.iter().map(|&n| n as i64).collect()),
    );
    put("suboffsets", Value::tuple(vec![]));
    put("c_contiguous", Value::Bool(c));
    put("f_contiguous", Value::Bool(f));
    put("contiguous", Value::Bool(c || f));
    Value::Instance(Rc::new(Instance {
        class: crate::python::builtin_classes::builtin_type("memoryview"),
        attrs: RefCell::new(attrs),
        native: RefCell::new(Some(Box::new(view))),
    }))
}

fn new(_: &mut Interp, a: Args) -> R {
    let Some(obj) = a.pos.get(1) else {
        return Err(type_error(
            "memoryview() missing required argument 'object' (pos 1)",
        ));
    };
    if let Some(view) = describe(obj) {
        return view.map(make).ok_or_else(released);
    }
    let (n, readonly) = match obj {
        Value::Bytes(b) => (b.len(), true),
        other => match super::bytearray::contents(other)
            .or_else(|| shared_memory::mapping_bytes(other))
        {
            Some(b) => (b.len(), false),
            None => {
                return Err(type_error(format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    other.type_name()
                )));
            }
        },
    };
    Ok(make(View {
        source: obj.clone(),
        start: 0,
        format: "B".into(),
        code: 'B',
        itemsize: 1,
        shape: vec![n],
        strides: vec![1],
        readonly,
        released: Cell::new(false),
    }))
}

fn released() -> Exc {
    value_error("operation forbidden on released memoryview object")
}

/// A copy of the description of the view `v` (`None` if `v` is none, `Some(None)` if released).
/// The copy exports nothing of its own (it counts as released) until `make` makes it a view.
fn describe(v: &Value) -> Option<Option<View>> {
    view_ref(v, |v| {
        (!v.released.get()).then(|| {
            let d = v.clone();
            d.released.set(true);
            d
        })
    })
}

/// The description of the view `self`; a released view refuses, as CPython's does.
fn live(a: &Args) -> Result<View, Exc> {
    describe(&a.pos[0]).flatten().ok_or_else(released)
}

fn len(_: &mut Interp, a: Args) -> R {
    slot(&a, "__len__", 0, false)?;
    let v = live(&a)?;
    Ok(Value::Int(v.shape.first().copied().unwrap_or(1) as i64))
}

/// The element at source offset `at`.
fn element(v: &View, at: usize) -> Value {
    let b = read_at(&v.source, at..at + v.itemsize);
    decode(v.code, &b)
}

/// The source's bytes read once, for a walk over many elements (reading a bytearray copies
/// it); `None` for a shared memory block, which is read in place.
fn snapshot(source: &Value) -> Option<Vec<u8>> {
    (!shared_memory::is_mapping(source)).then(|| source_bytes(source))
}

/// The element at source offset `at`, from `snap` when there is one.
fn element_in(v: &View, snap: &Option<Vec<u8>>, at: usize) -> Value {
    match snap {
        Some(all) => {
            let b: Vec<u8> = (at..at + v.itemsize)
                .map(|i| all.get(i).copied().unwrap_or(0))
                .collect();
            decode(v.code, &b)
        }
        None => element(v, at),
    }
}

/// An index into dimension `dim` (1-based in messages), as an offset from `base`.
fn step_in(v: &View, base: usize, dim: usize, key: &Value) -> Result<usize, Exc> {
    let i = match key {
        Value::Int(i) => *i,
        Value::BigInt(_) => {
            return Err(index_error("cannot fit 'int' into an index-sized integer"));
        }
        _ => return Err(type_error("memoryview: invalid slice key")),
    };
    let n = v.shape[dim] as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error(format!(
            "index out of bounds on dimension {}",
            dim + 1
        )));
    }
    Ok((base as isize + j as isize * v.strides[dim]) as usize)
}

fn is_index(k: &Value) -> bool {
    matches!(k, Value::Int(_) | Value::BigInt(_))
}

/// Where an item key points: `Ok(Some(offset))` for one element, `Ok(None)` for a slice.
fn locate(v: &View, key: &Value) -> Result<Option<usize>, Exc> {
    let base = v.start as usize;
    if v.shape.is_empty() {
        return match key {
            Value::Tuple(t) if t.is_empty() => Ok(Some(base)),
            _ => Err(type_error("invalid indexing of 0-dim memory")),
        };
    }
    match key {
        k if is_index(k) => {
            if v.shape.len() > 1 {
                return Err(Exc::new(
                    ExcKind::NotImplementedError,
                    "multi-dimensional sub-views are not implemented",
                ));
            }
            step_in(v, base, 0, k).map(Some)
        }
        Value::Slice(_) => Ok(None),
        Value::Tuple(t) if !t.is_empty() && t.iter().all(is_index) => {
            if t.len() < v.shape.len() {
                return Err(Exc::new(
                    ExcKind::NotImplementedError,
                    "sub-views are not implemented",
                ));
            }
            if t.len() > v.shape.len() {
                return Err(type_error(format!(
                    "cannot index {}-dimension view with {}-element tuple",
                    v.shape.len(),
                    t.len()
                )));
            }
            let mut at = base;
            for (d, k) in t.iter().enumerate() {
                at = step_in(v, at, d, k)?;
            }
            Ok(Some(at))
        }
        Value::Tuple(t) if !t.is_empty() && t.iter().all(|k| matches!(k, Value::Slice(_))) => {
            Err(Exc::new(
                ExcKind::NotImplementedError,
                "multi-dimensional slicing is not implemented",
            ))
        }
        _ => Err(type_error("memoryview: invalid slice key")),
    }
}

/// The view sliced along its first dimension.
fn sliced(v: &View, s: &[Value; 3]) -> Result<View, Exc> {
    let (start, _, step) = slice_bounds(s, v.shape[0])?;
    let n = crate::python::ops::slice_indices(s, v.shape[0])?.len();
    let mut out = v.clone();
    out.start = v.start + start as isize * v.strides[0];
    out.shape[0] = n;
    out.strides[0] = v.strides[0] * step as isize;
    Ok(out)
}

fn getitem(_: &mut Interp, a: Args) -> R {
    slot(&a, "__getitem__", 1, false)?;
    let key = a.pos[1].clone();
    let v = live(&a)?;
    if v.shape.is_empty() && matches!(key, Value::Ellipsis) {
        return Ok(a.pos[0].clone());
    }
    match locate(&v, &key)? {
        Some(at) => Ok(element(&v, at)),
        None => {
            let Value::Slice(s) = &key else {
                unreachable!("locate answers None for slices only")
            };
            Ok(make(sliced(&v, s)?))
        }
    }
}

/// `m[key] = value` and `del m[key]` (`value` None), checked in CPython's order.
fn assign(it: &mut Interp, a: &Args, value: Option<&Value>) -> R {
    let v = live(a)?;
    if v.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(type_error("cannot delete memory"));
    };
    let key = &a.pos[1];
    if let Value::Slice(s) = key
        && v.shape.len() == 1
    {
        let dest = sliced(&v, s)?;
        return copy_into(it, &dest, value);
    }
    if matches!(key, Value::Slice(_)) && !v.shape.is_empty() {
        return Err(Exc::new(
            ExcKind::NotImplementedError,
            "memoryview slice assignments are currently restricted to ndim = 1",
        ));
    }
    if is_index(key) && v.shape.len() > 1 {
        return Err(Exc::new(
            ExcKind::NotImplementedError,
            "sub-views are not implemented",
        ));
    }
    let at = match locate(&v, key) {
        Err(e) if matches!(key, Value::Tuple(t) if t.iter().all(|k| matches!(k, Value::Slice(_)))) =>
        {
            let _ = e;
            return Err(Exc::new(
                ExcKind::NotImplementedError,
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        r => r?,
    };
    let Some(at) = at else {
        return Err(type_error("memoryview: invalid slice key"));
    };
    let bytes = encode(it, v.code, value)?;
    for (k, b) in bytes.into_iter().enumerate() {
        store(it, &v.source, at + k, b)?;
    }
    Ok(Value::None)
}

/// `dest[...] = src` for a one-dimensional slice: same format and shape, or CPython refuses.
fn copy_into(it: &mut Interp, dest: &View, src: &Value) -> R {
    let (sfmt, sshape, data) = match view_ref(src, |s| {
        (
            s.format.trim_start_matches('@').to_string(),
            s.shape.clone(),
            c_bytes(s, false),
        )
    }) {
        Some(x) => x,
        None => match super::bytes::bytes_like(src) {
            Some(b) => ("B".to_string(), vec![b.len()], b.to_vec()),
            None => {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    src.type_name()
                )));
            }
        },
    };
    if sfmt != dest.format.trim_start_matches('@') || sshape != dest.shape {
        return Err(value_error(
            "memoryview assignment: lvalue and rvalue have different structures",
        ));
    }
    // The source was read whole first: an overlapping copy sees the old bytes, as memmove does.
    let n = dest.itemsize;
    for (e, at) in dest.elements(false).into_iter().enumerate() {
        for k in 0..n {
            store(it, &dest.source, at + k, data[e * n + k])?;
        }
    }
    Ok(Value::None)
}

fn setitem(it: &mut Interp, a: Args) -> R {
    slot(&a, "__setitem__", 2, true)?;
    assign(it, &a, Some(&a.pos[2].clone()))
}

fn delitem(it: &mut Interp, a: Args) -> R {
    slot(&a, "__delitem__", 1, true)?;
    assign(it, &a, None)
}

/// Every element's value, nested by dimension (`tolist`).
fn nested(v: &View, snap: &Option<Vec<u8>>, dim: usize, at: isize) -> Value {
    if dim == v.shape.len() {
        return element_in(v, snap, at as usize);
    }
    Value::list(
        (0..v.shape[dim])
            .map(|i| nested(v, snap, dim + 1, at + i as isize * v.strides[dim]))
            .collect(),
    )
}

fn iter(it: &mut Interp, a: Args) -> R {
    slot(&a, "__iter__", 0, false)?;
    let v = live(&a)?;
    match v.shape.len() {
        0 => Err(type_error("invalid indexing of 0-dim memory")),
        1 => {
            let items = nested(&v, &snapshot(&v.source), 0, v.start);
            it.iter(&items)
        }
        _ => Err(Exc::new(
            ExcKind::NotImplementedError,
            "multi-dimensional sub-views are not implemented",
        )),
    }
}

fn repr(_: &mut Interp, a: Args) -> R {
    slot(&a, "__repr__", 0, false)?;
    let at = a.pos[0].ptr().unwrap_or(0);
    let gone = view_ref(&a.pos[0], |v| v.released.get()).unwrap_or(false);
    let word = if gone { "released memory" } else { "memory" };
    Ok(Value::Str(PyStr::from(format!("<{word} at 0x{at:x}>"))))
}

/// `m == other`: equal shapes and equal element values (CPython's `memory_richcompare`; NaN
/// items are unequal, `b'a'` is not 97).
fn eq(_: &mut Interp, a: Args) -> R {
    slot(&a, "__eq__", 1, false)?;
    let Some(mine) = describe(&a.pos[0]).flatten() else {
        return Ok(Value::Bool(
            a.pos[0].ptr().is_some() && a.pos[0].ptr() == a.pos[1].ptr(),
        ));
    };
    let other = &a.pos[1];
    let theirs = match describe(other) {
        Some(Some(v)) => v,
        Some(None) => return Ok(Value::Bool(false)),
        None => match super::bytes::bytes_like(other) {
            Some(b) => {
                let n = b.len();
                View {
                    source: Value::Bytes(b),
                    start: 0,
                    format: "B".into(),
                    code: 'B',
                    itemsize: 1,
                    shape: vec![n],
                    strides: vec![1],
                    readonly: true,
                    released: Cell::new(true),
                }
            }
            None => return Ok(Value::Bool(false)),
        },
    };
    if mine.shape.len() != theirs.shape.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in mine.shape.iter().zip(&theirs.shape) {
        if x != y {
            return Ok(Value::Bool(false));
        }
        if *x == 0 {
            break;
        }
    }
    let (snap_x, snap_y) = (snapshot(&mine.source), snapshot(&theirs.source));
    let xs = mine.elements(false);
    let ys = theirs.elements(false);
    let equal = xs.into_iter().zip(ys).all(|(x, y)| {
        same_item(
            item_of(element_in(&mine, &snap_x, x)),
            item_of(element_in(&theirs, &snap_y, y)),
        )
    });
    Ok(Value::Bool(equal))
}

/// What `hash(m)` hashes, if `v` is a view: its bytes, for a read-only view of a byte format
/// whose object is hashable; refused in CPython's words and order otherwise.
pub fn hash_bytes(v: &Value) -> Option<Result<ThinRc<u8>, Exc>> {
    let view = describe(v)?;
    Some((|| {
        let view = view.ok_or_else(released)?;
        if !view.readonly {
            return Err(value_error("cannot hash writable memoryview object"));
        }
        if !is_byte_format(view.code) {
            return Err(value_error(
                "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
            ));
        }
        if !matches!(view.source, Value::Bytes(_)) {
            return Err(type_error(format!(
                "unhashable type: '{}'",
                view.source.type_name()
            )));
        }
        Ok(ThinRc::from(c_bytes(&view, false)))
    })())
}

/// A method without arguments refuses any, as `memoryview.tolist()` does.
fn noargs(a: &Args, m: &str) -> Result<(), Exc> {
    Sig::c_pos(m, "memoryview", &[], 0)
        .method()
        .bind::<0>(a)
        .map(|_| ())
}

/// `m.tobytes(order='C')`: the elements in C order, or Fortran order for `'F'`.
fn tobytes(_: &mut Interp, a: Args) -> R {
    let [order] = Sig::c("tobytes", &["order"], 0).method().bind(&a)?;
    let fortran = match order {
        None | Some(Value::None) => false,
        Some(Value::Str(o)) if matches!(&**o, "C" | "A") => false,
        Some(Value::Str(o)) if &**o == "F" => true,
        Some(Value::Str(_)) => return Err(value_error("order must be 'C', 'F' or 'A'")),
        Some(other) => {
            return Err(type_error(format!(
                "tobytes() argument 'order' must be str or None, not {}",
                other.type_name()
            )));
        }
    };
    let v = live(&a)?;
    Ok(Value::Bytes(ThinRc::from(c_bytes(&v, fortran))))
}

fn tolist(_: &mut Interp, a: Args) -> R {
    noargs(&a, "tolist")?;
    let v = live(&a)?;
    Ok(nested(&v, &snapshot(&v.source), 0, v.start))
}

fn hex(_: &mut Interp, a: Args) -> R {
    let v = live(&a)?;
    super::bytes::hex_of(&c_bytes(&v, false), &a)
}

/// `m.toreadonly()`: the same view, refusing writes.
fn toreadonly(_: &mut Interp, a: Args) -> R {
    noargs(&a, "toreadonly")?;
    let mut v = live(&a)?;
    v.readonly = true;
    Ok(make(v))
}

/// `m.cast(format, shape=None)`, checked in CPython's order (`memoryview_cast_impl`).
fn cast(_: &mut Interp, a: Args) -> R {
    let [format, shape] = Sig::c("cast", &["format", "shape"], 1).method().bind(&a)?;
    let format = match format {
        Some(Value::Str(f)) => f.to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "cast() argument 'format' must be str, not {}",
                other.type_name()
            )));
        }
        None => {
            return Err(type_error(
                "cast() missing required argument 'format' (pos 1)",
            ));
        }
    };
    let v = live(&a)?;
    if !v.flags().0 {
        return Err(type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    if (shape.is_some() || v.shape.len() != 1) && v.shape.contains(&0) {
        return Err(type_error(
            "memoryview: cannot cast view with zeros in shape or strides",
        ));
    }
    let dims: Option<Vec<Value>> = match shape {
        None => None,
        Some(Value::List(l)) => Some(l.borrow().clone()),
        Some(Value::Tuple(t)) => Some(t.to_vec()),
        Some(_) => return Err(type_error("shape must be a list or a tuple")),
    };
    if let Some(d) = &dims {
        if d.len() > MAX_NDIM {
            return Err(value_error(
                "memoryview: number of dimensions must not exceed 64",
            ));
        }
        if v.shape.len() != 1 && d.len() != 1 {
            return Err(type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
    }
    let Some((code, itemsize)) = native_letter(&format) else {
        return Err(value_error(
            "memoryview: destination format must be a native single character format \
             prefixed with an optional '@'",
        ));
    };
    if !is_byte_format(v.code) && !is_byte_format(code) {
        return Err(type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let nbytes = v.nbytes();
    if nbytes % itemsize != 0 {
        return Err(type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let shape = match dims {
        None => vec![nbytes / itemsize],
        Some(d) => {
            let mut out = Vec::with_capacity(d.len());
            let mut len = itemsize;
            for x in &d {
                let n = match x {
                    Value::Int(n) => *n,
                    Value::Bool(b) => *b as i64,
                    Value::BigInt(_) => {
                        return Err(Exc::new(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C ssize_t",
                        ));
                    }
                    _ => {
                        return Err(type_error(
                            "memoryview.cast(): elements of shape must be integers",
                        ));
                    }
                };
                if n <= 0 {
                    return Err(value_error(
                        "memoryview.cast(): elements of shape must be integers > 0",
                    ));
                }
                len = len
                    .checked_mul(n as usize)
                    .filter(|&l| l <= isize::MAX as usize)
                    .ok_or_else(|| value_error("memoryview.cast(): product(shape) > SSIZE_MAX"))?;
                out.push(n as usize);
            }
            if len != nbytes {
                return Err(type_error(
                    "memoryview: product(shape) * itemsize != buffer size",
                ));
            }
            out
        }
    };
    // C-contiguous strides for the new shape.
    let mut strides = vec![0isize; shape.len()];
    let mut step = itemsize as isize;
    for d in (0..shape.len()).rev() {
        strides[d] = step;
        step *= shape[d] as isize;
    }
    let mut out = v.clone();
    out.format = format;
    out.code = code;
    out.itemsize = itemsize;
    out.shape = shape;
    out.strides = strides;
    Ok(make(out))
}

/// `with memoryview(x) as m:` gives the view itself (a released one refuses).
fn enter(_: &mut Interp, a: Args) -> R {
    live(&a)?;
    Ok(a.pos[0].clone())
}

/// The end of the `with` block releases the view.
fn exit(it: &mut Interp, a: Args) -> R {
    release(it, Args::new(vec![a.pos[0].clone()]))
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
    // Its attributes go with it: the class's descriptors then refuse (`unheld`).
    if let Value::Instance(inst) = &a.pos[0] {
        let mut attrs = inst.attrs.borrow_mut();
        for name in VIEW_ATTRS {
            attrs.shift_remove(*name);
        }
    }
    Ok(Value::None)
}

/// `m.ndim` of a view that no longer holds the attribute its class describes: a released view,
/// in CPython's words.
pub fn unheld(obj: &Value, name: &str) -> Exc {
    if view_ref(obj, |v| v.released.get()).unwrap_or(false) {
        return released();
    }
    crate::python::exceptions::attribute_error(format!(
        "'{}' object has no attribute '{name}'",
        obj.type_name()
    ))
}
