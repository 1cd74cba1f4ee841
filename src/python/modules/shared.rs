//! `multiprocessing.Value` and `Array`: ctypes-like numbers in a `MAP_SHARED` mapping made before
//! fork, so every process sees the same memory, with an RLock (or the given lock) as `get_lock()`.
//! `v.value += 1` is a read then a write, exactly as racy as in CPython.

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::rc::Rc;

use super::sync::{self, instance_with, new_id, os_error, payload, this};
use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, index_error, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::ops::{norm_index, slice_indices};
use crate::python::value::{Args, Class, Instance, Value};
use crate::runtime::sync::Shared;
use crate::trace::Op;

type R = Result<Value, Exc>;

/// A ctypes element type, by its typecode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Code {
    Char,
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
}

impl Code {
    fn parse(s: &str) -> Option<Code> {
        Some(match s {
            "c" => Code::Char,
            "b" => Code::I8,
            "B" => Code::U8,
            "h" => Code::I16,
            "H" => Code::U16,
            "i" => Code::I32,
            "I" => Code::U32,
            "l" | "q" => Code::I64,
            "L" | "Q" => Code::U64,
            "f" => Code::F32,
            "d" => Code::F64,
            _ => return None,
        })
    }
    fn size(self) -> usize {
        match self {
            Code::Char | Code::I8 | Code::U8 => 1,
            Code::I16 | Code::U16 => 2,
            Code::I32 | Code::U32 | Code::F32 => 4,
            Code::I64 | Code::U64 | Code::F64 => 8,
        }
    }
    /// The native class name of a raw value of this type (`sync::native_class` keys).
    fn raw_class(self) -> &'static str {
        match self {
            Code::Char => "shared.c_char",
            Code::I8 => "shared.c_byte",
            Code::U8 => "shared.c_ubyte",
            Code::I16 => "shared.c_short",
            Code::U16 => "shared.c_ushort",
            Code::I32 => "shared.c_int",
            Code::U32 => "shared.c_uint",
            Code::I64 => "shared.c_long",
            Code::U64 => "shared.c_ulong",
            Code::F32 => "shared.c_float",
            Code::F64 => "shared.c_double",
        }
    }
    fn ctype(self) -> &'static str {
        match self {
            Code::Char => "c_char",
            Code::I8 => "c_byte",
            Code::U8 => "c_ubyte",
            Code::I16 => "c_short",
            Code::U16 => "c_ushort",
            Code::I32 => "c_int",
            Code::U32 => "c_uint",
            Code::I64 => "c_long",
            Code::U64 => "c_ulong",
            Code::F32 => "c_float",
            Code::F64 => "c_double",
        }
    }
}

/// A shared number or array of numbers.
#[derive(Debug)]
pub struct SharedArr {
    code: Code,
    len: usize,
    is_array: bool,
    shm: Rc<Shared>,
    /// The lock object (`None` for `lock=False`: a raw ctypes object).
    lock: Option<Value>,
    /// Its id in the trace.
    id: u32,
}

impl SharedArr {
    fn get(&self, i: usize) -> Value {
        let size = self.code.size();
        let mut b = [0u8; 8];
        self.shm.read(i * size, &mut b[..size]);
        match self.code {
            Code::Char => Value::Bytes(ThinRc::from(&b[..1])),
            Code::I8 => Value::Int(b[0] as i8 as i64),
            Code::U8 => Value::Int(b[0] as i64),
            Code::I16 => Value::Int(i16::from_le_bytes([b[0], b[1]]) as i64),
            Code::U16 => Value::Int(u16::from_le_bytes([b[0], b[1]]) as i64),
            Code::I32 => Value::Int(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64),
            Code::U32 => Value::Int(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64),
            Code::I64 => Value::Int(i64::from_le_bytes(b)),
            Code::U64 => crate::python::bigint::norm(u64::from_le_bytes(b).into()),
            Code::F32 => Value::Float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
            Code::F64 => Value::Float(f64::from_le_bytes(b)),
        }
    }

    fn encode(&self, v: &Value) -> Result<Vec<u8>, Exc> {
        let int = |v: &Value| -> Result<i64, Exc> {
            match v {
                Value::Int(i) => Ok(*i),
                Value::Bool(b) => Ok(*b as i64),
                // ctypes keeps the low bits of a larger int, as CPython's `c_longlong(2**64 + 1)`.
                Value::BigInt(b) => {
                    let low = &**b & num_bigint::BigInt::from(u64::MAX);
                    Ok(u64::try_from(&low).unwrap_or(0) as i64)
                }
                other => Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                ))),
            }
        };
        let float = |v: &Value| -> Result<f64, Exc> {
            match v {
                Value::Int(i) => Ok(*i as f64),
                Value::BigInt(b) => crate::python::bigint::to_f64(b),
                Value::Bool(b) => Ok(*b as i64 as f64),
                Value::Float(f) => Ok(*f),
                other => Err(type_error(format!(
                    "must be real number, not {}",
                    other.type_name()
                ))),
            }
        };
        Ok(match self.code {
            Code::Char => match v {
                Value::Bytes(b) if b.len() == 1 => vec![b[0]],
                Value::Int(i) if (0..256).contains(i) => vec![*i as u8],
                _ => {
                    return Err(type_error(
                        "one character bytes, bytearray or integer expected",
                    ));
                }
            },
            Code::I8 | Code::U8 => vec![int(v)? as u8],
            Code::I16 | Code::U16 => (int(v)? as u16).to_le_bytes().to_vec(),
            Code::I32 | Code::U32 => (int(v)? as u32).to_le_bytes().to_vec(),
            Code::I64 | Code::U64 => int(v)?.to_le_bytes().to_vec(),
            Code::F32 => (float(v)? as f32).to_le_bytes().to_vec(),
            Code::F64 => float(v)?.to_le_bytes().to_vec(),
        })
    }

    fn set(&self, i: usize, v: &Value) -> Result<(), Exc> {
        let b = self.encode(v)?;
        self.shm.write(i * self.code.size(), &b);
        Ok(())
    }

    fn items(&self) -> Vec<Value> {
        (0..self.len).map(|i| self.get(i)).collect()
    }

    /// The bytes of a `c_char` array up to the first NUL (its `.value`).
    fn char_value(&self) -> Value {
        let mut b = vec![0u8; self.len];
        self.shm.read(0, &mut b);
        let end = b.iter().position(|c| *c == 0).unwrap_or(b.len());
        Value::Bytes(ThinRc::from(&b[..end]))
    }
}

/// The CPython class name for "... objects should only be shared between processes through inheritance".
const CODES: [Code; 11] = [
    Code::Char,
    Code::I8,
    Code::U8,
    Code::I16,
    Code::U16,
    Code::I32,
    Code::U32,
    Code::I64,
    Code::U64,
    Code::F32,
    Code::F64,
];

/// Writes the description of a `Value` or `Array` (and of its lock) for a process that did not
/// inherit it; `false` for anything else, or a lock that cannot be described.
pub fn describe(inst: &Instance, out: &mut super::handover::Out) -> bool {
    let s = {
        let n = inst.native.borrow();
        match n.as_ref().and_then(|b| b.downcast_ref::<Rc<SharedArr>>()) {
            Some(s) => s.clone(),
            None => return false,
        }
    };
    out.u64(super::handover::SHARED);
    let code = CODES.iter().position(|c| *c == s.code).unwrap_or(0);
    out.u64(code as u64);
    out.u64(s.len as u64);
    out.u64(u64::from(s.is_array));
    out.u64(s.id as u64);
    out.shm(s.shm.handover());
    match &s.lock {
        None => {
            out.u64(0);
            true
        }
        Some(Value::Instance(l)) => {
            out.u64(1);
            super::handover::describe(l, out)
        }
        Some(_) => false,
    }
}

/// A `Value` or `Array` on the memory another process described ([`describe`]).
pub fn rebuild(input: &mut super::handover::In) -> Option<Value> {
    let code = *CODES.get(usize::try_from(input.u64()?).ok()?)?;
    let len = usize::try_from(input.u64()?).ok()?;
    let is_array = input.u64()? == 1;
    let id = u32::try_from(input.u64()?).ok()?;
    let shm = input.shm()?;
    if code.size().checked_mul(len.max(1))? > shm.len() {
        return None;
    }
    let lock = match input.u64()? {
        0 => None,
        _ => Some(super::handover::rebuild(input)?),
    };
    let locked = lock.is_some();
    let s = SharedArr {
        code,
        len,
        is_array,
        shm: Rc::new(shm),
        lock,
        id,
    };
    Some(instance_with(
        class_for(is_array, locked, code, len),
        Rc::new(s),
    ))
}

fn class_for(is_array: bool, locked: bool, code: Code, len: usize) -> Rc<Class> {
    let common: &[(&str, crate::python::value::NativeFn)] = &[
        ("get_lock", get_lock),
        ("get_obj", get_obj),
        ("acquire", acquire),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    // SynchronizedArray's own methods besides, which a program may also call by name.
    let items = &[
        common,
        &[
            ("__len__", len_method as crate::python::value::NativeFn),
            ("__getitem__", getitem_method),
            ("__setitem__", setitem_method),
        ],
    ]
    .concat();
    match (is_array, locked) {
        (true, true) if code == Code::Char => sync::native_class(
            "shared.SynchronizedString",
            "multiprocessing.sharedctypes",
            items,
        ),
        (false, true) => sync::native_class(
            "shared.Synchronized",
            "multiprocessing.sharedctypes",
            common,
        ),
        (true, true) => sync::native_class(
            "shared.SynchronizedArray",
            "multiprocessing.sharedctypes",
            items,
        ),
        // A raw value's class is named as its ctypes type (`type(RawValue('i', 7))` is c_int).
        (false, false) => sync::native_class(code.raw_class(), "ctypes", &[]),
        // A raw array's class is ctypes' array type, `c_int_Array_3` (one per type and length).
        (true, false) => sync::native_class(
            array_type_name(code, len),
            "multiprocessing.sharedctypes",
            &[],
        ),
    }
}

thread_local! {
    /// The array type names made so far ("shared.c_int_Array_3"), one per type and length as
    /// ctypes makes one array type each.
    static ARRAY_TYPES: std::cell::RefCell<std::collections::HashMap<(u8, usize), &'static str>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// "shared.c_int_Array_3": the (class-table) name of the raw array type of `len` items of `code`.
fn array_type_name(code: Code, len: usize) -> &'static str {
    let key = (
        CODES.iter().position(|c| *c == code).unwrap_or(0) as u8,
        len,
    );
    ARRAY_TYPES.with(|t| {
        *t.borrow_mut().entry(key).or_insert_with(|| {
            // Leaked once per distinct type and length, as the class made for it lives on.
            Box::leak(format!("shared.{}_Array_{len}", code.ctype()).into_boxed_str())
        })
    })
}

/// A typecode, or one of ctypes' own simple types with a typecode here (`c_double` is `'d'`).
/// `None` for anything else (a Structure, an array type, `c_bool`, `'u'`, a subclass of `c_int`,
/// a typecode no ctypes type has): `multiprocessing.sharedctypes` lays those out in Python, or
/// fails as CPython's does.
fn typecode(a: &Args, func: &str) -> Result<Option<Code>, Exc> {
    // Given by position, or by its name (`Value(typecode_or_type='i')`).
    let given = a.pos.first().or_else(|| {
        a.kw.iter()
            .find(|(k, _)| &**k == "typecode_or_type")
            .map(|(_, v)| v)
    });
    Ok(match given {
        Some(Value::Class(c)) => {
            let code = match c.lookup("_type_") {
                Some(Value::Str(ref t)) => Code::parse(t),
                _ => None,
            };
            code.filter(|k| &*c.module == "ctypes" && &*c.name == k.ctype())
        }
        Some(Value::Str(s)) => Code::parse(s),
        Some(_) => None,
        None => {
            return Err(type_error(format!(
                "BaseContext.{func}() missing 1 required positional argument: 'typecode_or_type'"
            )));
        }
    })
}

/// The lock argument: `True` (default) makes an RLock, `False` none, a lock object is used as is.
fn lock_arg(it: &mut Interp, lock: Option<&Value>, owner: u32) -> Result<Option<Value>, Exc> {
    match lock.cloned() {
        // The lock made here is the object's own: the viewer folds it under the object.
        // CPython asks `lock in (True, None)`, by equality: 1 and 1.0 are True there.
        None
        | Some(Value::Bool(true))
        | Some(Value::None)
        | Some(Value::Int(1))
        | Some(Value::Float(1.0)) => Ok(Some(sync::new_rlock_of(it, Some(owner))?)),
        Some(Value::Bool(false)) => Ok(None),
        Some(v) if payload::<Rc<sync::SemLock>>(&v).is_some() => Ok(Some(v)),
        // As CPython: any object with an `acquire` will do (a manager's Lock proxy).
        Some(v) if it.getattr(&v, "acquire").is_ok() => Ok(Some(v)),
        Some(v) => Err(Exc::new(
            ExcKind::AttributeError,
            format!("{} has no method 'acquire'", it.repr(&v)?),
        )),
    }
}

fn make(
    id: u32,
    code: Code,
    len: usize,
    is_array: bool,
    lock: Option<Value>,
) -> Result<SharedArr, Exc> {
    // As ctypes: an array whose size in bytes does not fit a Py_ssize_t is an OverflowError;
    // past what one object may take, MemoryError (never a wrapped size: that would map a few bytes
    // and let an index reach other memory).
    let bytes = code
        .size()
        .checked_mul(len.max(1))
        .filter(|n| isize::try_from(*n).is_ok())
        .ok_or_else(|| Exc::new(ExcKind::OverflowError, "array too large"))?;
    if bytes > crate::python::alloc::MAX_OBJECT_BYTES {
        return Err(crate::python::alloc::memory_error());
    }
    let shm = Shared::new(bytes).map_err(os_error)?;
    sync::created(
        id,
        if is_array { "Array" } else { "Value" },
        Some(len as i64),
    );
    Ok(SharedArr {
        code,
        len,
        is_array,
        shm: Rc::new(shm),
        lock,
        id,
    })
}

/// `Value(typecode_or_type, *args, lock=True)`.
pub fn value(it: &mut Interp, a: Args) -> R {
    let Some(code) = typecode(&a, "Value")? else {
        return laid_out_in_python(it, "_typed_value", a);
    };
    let [_, lock] = Sig::py("BaseContext.Value", &["typecode_or_type", "lock"], 1)
        .bound()
        .kwonly(1)
        .varargs()
        .bind(&a)?;
    if a.pos.len() > 2 {
        // The extra arguments go to the ctypes type, which takes one.
        return Err(type_error(format!(
            "__init__ expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    // Its id comes first, so that its own lock can name it as its owner.
    let id = new_id(it);
    let lock = lock_arg(it, lock, id)?;
    let s = make(id, code, 1, false, lock)?;
    if let Some(v) = a.pos.get(1) {
        s.set(0, v)?;
    }
    // What it starts with, so the inspector shows a value from the first moment.
    let first = it.repr(&s.get(0))?;
    sync::op(id, Op::Stored, Some(format!("value={first}")));
    let locked = s.lock.is_some();
    Ok(instance_with(
        class_for(false, locked, s.code, 1),
        Rc::new(s),
    ))
}

/// A Value or Array of a ctypes type other than the simple ones above, made by
/// `multiprocessing.sharedctypes` (`func`) on a block of `_ctypes_mem`.
fn laid_out_in_python(it: &mut Interp, func: &str, a: Args) -> R {
    let m = super::import(it, "multiprocessing.sharedctypes")?;
    let f = it.getattr(&m, func)?;
    it.call(&f, a)
}

/// `RawValue(typecode_or_type, *args)`: a Value without a lock.
pub fn raw_value(it: &mut Interp, a: Args) -> R {
    Sig::py("BaseContext.RawValue", &["typecode_or_type"], 1)
        .bound()
        .varargs()
        .bind::<1>(&a)?;
    value(it, unlocked(a))
}

/// `RawArray(typecode_or_type, size_or_initializer)`: an Array without a lock.
pub fn raw_array(it: &mut Interp, a: Args) -> R {
    Sig::py(
        "BaseContext.RawArray",
        &["typecode_or_type", "size_or_initializer"],
        2,
    )
    .bound()
    .bind::<2>(&a)?;
    array(it, unlocked(a))
}

fn unlocked(mut a: Args) -> Args {
    a.kw.push((PyStr::from("lock"), Value::Bool(false)));
    a
}

/// `Array(typecode_or_type, size_or_initializer, *, lock=True)`.
pub fn array(it: &mut Interp, a: Args) -> R {
    let Some(code) = typecode(&a, "Array")? else {
        return laid_out_in_python(it, "_typed_array", a);
    };
    let [_, init, lock] = Sig::py(
        "BaseContext.Array",
        &["typecode_or_type", "size_or_initializer", "lock"],
        2,
    )
    .bound()
    .kwonly(1)
    .bind(&a)?;
    let init = init.cloned().unwrap_or(Value::None);
    let items = match &init {
        Value::Int(n) if *n < 0 => {
            return Err(value_error(format!("Array length must be >= 0, not {n}")));
        }
        Value::Int(_) => None,
        Value::BigInt(_) => {
            return Err(crate::python::bigint::index_overflow(
                ExcKind::OverflowError,
            ));
        }
        Value::Bytes(b) if code == Code::Char => Some(
            b.iter()
                .map(|c| Value::Bytes(ThinRc::from(&[*c][..])))
                .collect(),
        ),
        v => {
            // CPython asks for its length first: `object of type 'float' has no len()`.
            it.len_of(v)?;
            Some(it.collect(v)?)
        }
    };
    let len = match (&init, &items) {
        (Value::Int(n), _) => *n as usize,
        (_, Some(v)) => v.len(),
        _ => 0,
    };
    let id = new_id(it);
    let lock = lock_arg(it, lock, id)?;
    let s = make(id, code, len, true, lock)?;
    for (i, v) in items.iter().flatten().enumerate() {
        s.set(i, v)?;
    }
    let locked = s.lock.is_some();
    Ok(instance_with(
        class_for(true, locked, s.code, s.len),
        Rc::new(s),
    ))
}

/// The label of a `Value` or `Array` ("Value#1"), for a held run's step names.
pub fn label_of(inst: &Rc<Instance>) -> Option<String> {
    let s = arr(&Value::Instance(inst.clone()))?;
    let class = if s.is_array { "Array" } else { "Value" };
    Some(format!("{class}#{}", s.id))
}

/// In a held run, after a step read a `Value`'s `value`: a `read` op with what it read, so the
/// playground can show each read of a lost update (`Process-2 read 0`). A free run emits nothing.
fn traced_read(it: &mut Interp, inst: &Rc<Instance>, got: &Value) -> Result<(), Exc> {
    if !crate::runtime::gate::is_held() {
        return Ok(());
    }
    if let Some(s) = arr(&Value::Instance(inst.clone())).filter(|s| !s.is_array) {
        let now = it.repr(got)?;
        sync::op(s.id, Op::Read, Some(format!("value={now}")));
    }
    Ok(())
}

fn arr(v: &Value) -> Option<Rc<SharedArr>> {
    payload::<Rc<SharedArr>>(v)
}

fn the_lock(a: &Args) -> Result<Value, Exc> {
    let s: Rc<SharedArr> = this(&a.clone(), "Synchronized")?;
    s.lock.clone().ok_or_else(|| {
        Exc::new(
            ExcKind::AttributeError,
            "object has no attribute 'get_lock'",
        )
    })
}

fn get_lock(_: &mut Interp, a: Args) -> R {
    Sig::py("SynchronizedBase.get_lock", &[], 0)
        .method()
        .bind::<0>(&a)?;
    the_lock(&a)
}

fn get_obj(_: &mut Interp, a: Args) -> R {
    let s: Rc<SharedArr> = this(&a, "Synchronized")?;
    Sig::py("SynchronizedBase.get_obj", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let raw = SharedArr {
        code: s.code,
        len: s.len,
        is_array: s.is_array,
        shm: s.shm.clone(),
        lock: None,
        id: s.id,
    };
    Ok(instance_with(
        class_for(s.is_array, false, s.code, s.len),
        Rc::new(raw),
    ))
}

fn lock_call(it: &mut Interp, a: Args, method: &str) -> R {
    let l = the_lock(&a)?;
    let rest = Args {
        pos: a.pos[1..].to_vec(),
        kw: a.kw.clone(),
    };
    let m = it.getattr(&l, method)?;
    it.call(&m, rest)
}

fn acquire(it: &mut Interp, a: Args) -> R {
    lock_call(it, a, "acquire")
}
fn release(it: &mut Interp, a: Args) -> R {
    lock_call(it, a, "release")
}
fn enter(it: &mut Interp, a: Args) -> R {
    lock_call(it, a, "__enter__")
}
fn exit(it: &mut Interp, a: Args) -> R {
    lock_call(it, a, "__exit__")
}

// ---- the kind's hooks (`native_object`) ---------------------------------------------------------

impl crate::python::native_object::NativeObject for Rc<SharedArr> {
    fn shared_kind(&self) -> Option<&'static str> {
        Some(match (self.is_array, self.lock.is_some()) {
            (false, true) => "Synchronized",
            // An Array('c') is CPython's SynchronizedString (with .value and .raw as bytes).
            (true, true) if matches!(self.code, Code::Char) => "SynchronizedString",
            (true, true) => "SynchronizedArray",
            (false, false) => self.code.ctype(),
            (true, false) => array_type_name(self.code, self.len)
                .strip_prefix("shared.")
                .unwrap_or("RawArray"),
        })
    }

    fn trace_id(&self) -> Option<u32> {
        Some(self.id)
    }

    fn slots(&self) -> &'static crate::python::native_object::Slots {
        static SLOTS: crate::python::native_object::Slots = crate::python::native_object::Slots {
            attr: Some(get_attr),
            set_attr: Some(set_attr),
            repr: Some(repr),
            len: Some(len),
            item: Some(getitem),
            set_item: Some(setitem),
            iter: Some(iterate),
        };
        &SLOTS
    }
}

/// `value` (and `raw` of a char Array): in a held run, a read step first, and a traced read after.
fn get_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str) -> Result<Option<Value>, Exc> {
    if matches!(name, "value" | "raw") {
        crate::python::steps::shared_access(inst, false);
    }
    let got = read_attr(inst, name);
    if name == "value"
        && let Some(v) = &got
    {
        traced_read(it, inst, v)?;
    }
    Ok(got)
}

fn read_attr(inst: &Rc<Instance>, name: &str) -> Option<Value> {
    let s = arr(&Value::Instance(inst.clone()))?;
    match (name, s.is_array, s.code) {
        ("value", false, _) => Some(s.get(0)),
        ("value", true, Code::Char) => Some(s.char_value()),
        ("raw", true, Code::Char) => {
            let mut b = vec![0u8; s.len];
            s.shm.read(0, &mut b);
            Some(Value::Bytes(ThinRc::from(b)))
        }
        _ => None,
    }
}

/// `value = ...` (and `raw` of a char Array): in a held run, a write step first.
fn set_attr(it: &mut Interp, inst: &Rc<Instance>, name: &str, v: &Value) -> Result<bool, Exc> {
    if matches!(name, "value" | "raw") {
        crate::python::steps::shared_access(inst, true);
    }
    let Some(s) = arr(&Value::Instance(inst.clone())) else {
        return Ok(false);
    };
    match (name, s.is_array, s.code) {
        ("value", false, _) => {
            s.set(0, v)?;
            // What it holds now (as stored: an int wraps, a float rounds), for the inspector.
            let now = it.repr(&s.get(0))?;
            sync::op(s.id, Op::Stored, Some(format!("value={now}")));
            Ok(true)
        }
        ("value" | "raw", true, Code::Char) => {
            let Value::Bytes(b) = v else {
                return Err(type_error(format!(
                    "bytes expected instead of {} instance",
                    v.type_name()
                )));
            };
            if b.len() > s.len {
                return Err(value_error("byte string too long"));
            }
            s.shm.write(0, b);
            if b.len() < s.len && name == "value" {
                s.shm.write(b.len(), &[0]);
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn repr(it: &mut Interp, inst: &Rc<Instance>) -> Result<Option<String>, Exc> {
    let v = Value::Instance(inst.clone());
    let Some(s) = arr(&v) else { return Ok(None) };
    let inner = if s.is_array {
        format!(
            "<multiprocessing.sharedctypes.{}_Array_{} object at 0x{:x}>",
            s.code.ctype(),
            s.len,
            v.ptr().unwrap_or(0)
        )
    } else {
        let x = s.get(0);
        format!("{}({})", s.code.ctype(), it.repr(&x)?)
    };
    Ok(Some(match (s.lock.is_some(), s.is_array) {
        (false, _) => inner,
        (true, false) => format!("<Synchronized wrapper for {inner}>"),
        (true, true) if matches!(s.code, Code::Char) => {
            format!("<SynchronizedString wrapper for {inner}>")
        }
        (true, true) => format!("<SynchronizedArray wrapper for {inner}>"),
    }))
}

fn array_of(inst: &Rc<Instance>) -> Option<Rc<SharedArr>> {
    arr(&Value::Instance(inst.clone())).filter(|s| s.is_array)
}

/// `a[i]`, `a[i:j]` of an Array (in a held run, a read step first, also for a Value).
fn getitem(_: &mut Interp, inst: &Rc<Instance>, idx: &Value) -> Result<Option<Value>, Exc> {
    crate::python::steps::shared_access(inst, false);
    let Some(s) = array_of(inst) else {
        return Ok(None);
    };
    Ok(Some(match idx {
        Value::Int(i) => {
            let i = norm_index(*i, s.len).ok_or_else(|| index_error("invalid index"))?;
            s.get(i)
        }
        Value::BigInt(_) => return Err(crate::python::bigint::index_overflow(ExcKind::IndexError)),
        Value::Slice(sl) => {
            let picks = slice_indices(sl, s.len)?;
            crate::python::alloc::check_items(picks.len())?;
            let items: Vec<Value> = picks.map(|i| s.get(i)).collect();
            if s.code == Code::Char {
                let b: Vec<u8> = items
                    .iter()
                    .map(|x| if let Value::Bytes(b) = x { b[0] } else { 0 })
                    .collect();
                Value::Bytes(ThinRc::from(b))
            } else {
                Value::list(items)
            }
        }
        // ctypes' Array_subscript says no more.
        _ => return Err(type_error("indices must be integers")),
    }))
}

/// `a[i] = v`, `a[i:j] = vs` of an Array (in a held run, a write step first, also for a Value).
fn setitem(it: &mut Interp, inst: &Rc<Instance>, idx: &Value, v: &Value) -> Result<bool, Exc> {
    crate::python::steps::shared_access(inst, true);
    let Some(s) = array_of(inst) else {
        return Ok(false);
    };
    match idx {
        Value::Int(i) => {
            let i = norm_index(*i, s.len).ok_or_else(|| index_error("invalid index"))?;
            s.set(i, v)?;
        }
        Value::Slice(sl) => {
            let at = slice_indices(sl, s.len)?;
            let vals = match (v, s.code) {
                (Value::Bytes(b), Code::Char) => b
                    .iter()
                    .map(|c| Value::Bytes(ThinRc::from(&[*c][..])))
                    .collect(),
                _ => it.collect(v)?,
            };
            if vals.len() != at.len() {
                return Err(value_error("Can only assign sequence of same size"));
            }
            for (i, x) in at.into_iter().zip(vals.iter()) {
                s.set(i, x)?;
            }
        }
        // ctypes' Array_ass_subscript, in its own words.
        _ => return Err(type_error("indices must be integer")),
    }
    Ok(true)
}

fn array_self(a: &Args) -> Result<Rc<Instance>, Exc> {
    match a.pos.first() {
        Some(Value::Instance(i)) if array_of(i).is_some() => Ok(i.clone()),
        _ => Err(type_error("descriptor needs a SynchronizedArray")),
    }
}

/// `a.__len__()`.
fn len_method(it: &mut Interp, a: Args) -> R {
    let [] = Sig::py("SynchronizedArray.__len__", &[], 0)
        .method()
        .bind(&a)?;
    let inst = array_self(&a)?;
    Ok(Value::Int(len(it, &inst)?.unwrap_or(0)))
}

/// `a.__getitem__(i)`.
fn getitem_method(it: &mut Interp, a: Args) -> R {
    let [i] = Sig::py("SynchronizedArray.__getitem__", &["i"], 1)
        .method()
        .bind(&a)?;
    let inst = array_self(&a)?;
    Ok(getitem(it, &inst, i.unwrap_or(&Value::None))?.unwrap_or(Value::None))
}

/// `a.__setitem__(i, value)`.
fn setitem_method(it: &mut Interp, a: Args) -> R {
    let [i, v] = Sig::py("SynchronizedArray.__setitem__", &["i", "value"], 2)
        .method()
        .bind(&a)?;
    let inst = array_self(&a)?;
    setitem(
        it,
        &inst,
        i.unwrap_or(&Value::None),
        v.unwrap_or(&Value::None),
    )?;
    Ok(Value::None)
}

fn len(_: &mut Interp, inst: &Rc<Instance>) -> Result<Option<i64>, Exc> {
    Ok(array_of(inst).map(|s| s.len as i64))
}

/// The items of an Array, or `MemoryError` when they are more than one list may hold.
fn iterate(_: &mut Interp, inst: &Rc<Instance>) -> Result<Option<Vec<Value>>, Exc> {
    let Some(s) = array_of(inst) else {
        return Ok(None);
    };
    crate::python::alloc::check_items(s.len)?;
    Ok(Some(s.items()))
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn raw_arrays_are_named_as_ctypes_array_types_and_index_errors_as_ctypes_says() {
        let src = "import multiprocessing as mp\n\
            a = mp.RawArray('i', 3)\n\
            b = mp.RawArray('d', [1.5])\n\
            print(type(a).__name__, type(b).__name__, type(mp.RawArray('i', 3)) is type(a))\n\
            s = mp.Array('i', 2)\n\
            s.__setitem__(1, 9)\n\
            print(s.__len__(), s.__getitem__(1), type(s.get_obj()).__name__)\n\
            for f in (lambda: s['x'], lambda: s.__setitem__('x', 1)):\n\
            \x20   try:\n\
            \x20       f()\n\
            \x20   except TypeError as e:\n\
            \x20       print(e)\n\
            print(type(mp.Value('i', 1, lock=1).get_lock()).__name__)\n";
        assert_eq!(
            out(src),
            "c_int_Array_3 c_double_Array_1 True\n\
             2 9 c_int_Array_2\n\
             indices must be integers\n\
             indices must be integer\n\
             RLock\n"
        );
    }
}
