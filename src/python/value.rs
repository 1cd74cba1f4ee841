//! Python values as forkyard holds them.
//!
//! One interpreter lives in one process and is single-threaded, so values share with `Rc` and mutate
//! through `RefCell`. `fork()` copies the whole heap into the child, which is exactly Python's fork
//! semantics: the child starts with copies of every object, and later changes stay on their side.

use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

use super::ast::FunctionDef;
use super::exceptions::Exc;
use super::interp::Interp;
pub use super::thin::{PyStr, ThinRc};

/// The result of anything that can raise.
pub type PyResult<T = Value> = Result<T, Exc>;

/// A native function: positional arguments (for a method, `self` first) and keyword arguments.
pub type NativeFn = fn(&mut Interp, Args) -> PyResult;

/// Arguments of a call.
#[derive(Default, Clone)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(PyStr, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
}

/// A Python value.
///
/// `repr(C, u64)`: the tag is a whole word and every payload starts at offset 8, so a value has no
/// byte that is sometimes payload and sometimes padding. With the default layout a `Bool`'s byte
/// sat right after the tag, and every move of a `Value` whose tag was already in a register copied
/// bytes 1..8 as overlapping unaligned pieces: the next 16-byte load of the value then missed
/// store-to-load forwarding (a stall of about a dozen cycles), which `perf annotate` showed on the
/// hottest instructions of `eval`, `exec_stmt` and `run_function`. The size (16 bytes: the
/// shared payloads are one pointer each, see `thin.rs`) and the niches that keep `Option<Value>`
/// and `Result<Value, Exc>` at 16 bytes hold.
#[repr(C, u64)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// An int past 64 bits (never one that fits in `Int`: see src/python/bigint.rs).
    BigInt(Rc<num_bigint::BigInt>),
    Float(f64),
    Str(PyStr),
    Bytes(ThinRc<u8>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(ThinRc<Value>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iterator(Rc<RefCell<Iter>>),
    /// A generator object (`interp::generator`).
    Generator(Rc<super::interp::Generator>),
    /// The result of zero-argument `super()`: look methods up after `class` in `this`'s MRO.
    Super(Rc<(Rc<Class>, Value)>),
    /// Python's `...`.
    Ellipsis,
}

/// A copy of a value: an int, float, bool or `None` is copied where the clone is asked for (every
/// read of a name clones its value, and most of those are numbers); a shared value counts one
/// more owner, out of line. The derived `Clone` was one out-of-line call with a jump table for
/// every clone, 4% of a loop of calls' samples.
impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(x) => Value::Float(*x),
            _ => self.clone_shared(),
        }
    }
}

impl Value {
    /// `clone` of a value that holds a shared (`Rc`) payload.
    #[inline(never)]
    fn clone_shared(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(x) => Value::Float(*x),
            Value::Ellipsis => Value::Ellipsis,
            Value::BigInt(v) => Value::BigInt(v.clone()),
            Value::Str(v) => Value::Str(v.clone()),
            Value::Bytes(v) => Value::Bytes(v.clone()),
            Value::List(v) => Value::List(v.clone()),
            Value::Tuple(v) => Value::Tuple(v.clone()),
            Value::Dict(v) => Value::Dict(v.clone()),
            Value::Set(v) => Value::Set(v.clone()),
            Value::FrozenSet(v) => Value::FrozenSet(v.clone()),
            Value::Range(v) => Value::Range(v.clone()),
            Value::Slice(v) => Value::Slice(v.clone()),
            Value::Function(v) => Value::Function(v.clone()),
            Value::Builtin(v) => Value::Builtin(v.clone()),
            Value::BoundMethod(v) => Value::BoundMethod(v.clone()),
            Value::Class(v) => Value::Class(v.clone()),
            Value::Instance(v) => Value::Instance(v.clone()),
            Value::Module(v) => Value::Module(v.clone()),
            Value::Iterator(v) => Value::Iterator(v.clone()),
            Value::Generator(v) => Value::Generator(v.clone()),
            Value::Super(v) => Value::Super(v.clone()),
        }
    }
}

/// `range(start, stop, step)`.
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Bounds past 64 bits (`range(2**64, 2**64 + 3)`); `None` for every range whose bounds fit,
    /// so that the loops' fast path stays as it was. With `Some`, the `i64` fields are those of
    /// an empty range (`0, 0, 1`) and every operation reads the bounds from here.
    pub big: Option<Rc<BigRange>>,
}

/// The bounds of a range that do not all fit 64 bits.
pub struct BigRange {
    pub start: num_bigint::BigInt,
    pub stop: num_bigint::BigInt,
    pub step: num_bigint::BigInt,
}

impl Range {
    /// A range of 64-bit bounds (the step is not zero).
    pub fn small(start: i64, stop: i64, step: i64) -> Range {
        Range {
            start,
            stop,
            step,
            big: None,
        }
    }

    /// A range of any bounds (the step is not zero): 64-bit fields when they all fit.
    pub fn new(
        start: num_bigint::BigInt,
        stop: num_bigint::BigInt,
        step: num_bigint::BigInt,
    ) -> Range {
        match (
            i64::try_from(&start),
            i64::try_from(&stop),
            i64::try_from(&step),
        ) {
            (Ok(a), Ok(b), Ok(c)) => Range::small(a, b, c),
            _ => Range {
                big: Some(Rc::new(BigRange { start, stop, step })),
                ..Range::small(0, 0, 1)
            },
        }
    }

    /// `(start, stop, step)` as ints of any size.
    pub fn bounds(&self) -> (num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt) {
        match &self.big {
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
            None => (self.start.into(), self.stop.into(), self.step.into()),
        }
    }

    /// The number of items, of any size.
    pub fn len_big(&self) -> num_bigint::BigInt {
        use num_bigint::BigInt;
        let Some(b) = &self.big else {
            return self.len_exact().into();
        };
        let zero = BigInt::from(0);
        let one = BigInt::from(1);
        if b.step > zero && b.start < b.stop {
            (&b.stop - &b.start - &one) / &b.step + one
        } else if b.step < zero && b.start > b.stop {
            (&b.start - &b.stop - &one) / -&b.step + one
        } else {
            zero
        }
    }

    /// `r[i]` for an index of any size, negative counting from the end; `None` out of range.
    pub fn at_big(&self, i: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
        let len = self.len_big();
        let i = if i.sign() == num_bigint::Sign::Minus {
            i + &len
        } else {
            i.clone()
        };
        if i.sign() == num_bigint::Sign::Minus || i >= len {
            return None;
        }
        let (start, _, step) = self.bounds();
        Some(start + step * i)
    }

    /// Whether the int `x`, of any size, is one of the items.
    pub fn contains_big(&self, x: &num_bigint::BigInt) -> bool {
        use num_integer::Integer;
        let (start, stop, step) = self.bounds();
        let inside = if step.sign() == num_bigint::Sign::Plus {
            *x >= start && *x < stop
        } else {
            *x <= start && *x > stop
        };
        inside && (x - start).mod_floor(&step) == num_bigint::BigInt::from(0)
    }

    pub fn is_empty(&self) -> bool {
        match &self.big {
            Some(_) => self.len_big() == num_bigint::BigInt::from(0),
            None => self.len() == 0,
        }
    }

    /// The number of items, exactly (`range(-2**63, 2**63-1)` has more than `i64::MAX`); of a
    /// big range, at most `i128::MAX` (see [`Range::len_big`]).
    pub fn len_exact(&self) -> i128 {
        if self.big.is_some() {
            return i128::try_from(self.len_big()).unwrap_or(i128::MAX);
        }
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    }

    /// The number of items, at most `i64::MAX` (`len()` raises OverflowError past it, see
    /// [`Range::len_exact`]).
    pub fn len(&self) -> i64 {
        i64::try_from(self.len_exact()).unwrap_or(i64::MAX)
    }

    /// The `i`-th item (`i` < the length, so the result lies between start and stop).
    pub fn item(&self, i: usize) -> i64 {
        (self.start as i128 + self.step as i128 * i as i128) as i64
    }

    /// `r[i]`, negative `i` counting from the end; `None` out of range. Exact for any length.
    pub fn at(&self, i: i64) -> Option<i64> {
        let len = self.len_exact();
        let i = if i < 0 { i as i128 + len } else { i as i128 };
        (0..len)
            .contains(&i)
            .then(|| (self.start as i128 + self.step as i128 * i) as i64)
    }

    /// Whether `x` is one of the items.
    pub fn contains(&self, x: i64) -> bool {
        let (x, start, step) = (x as i128, self.start as i128, self.step as i128);
        let inside = if step > 0 {
            x >= start && x < self.stop as i128
        } else {
            x <= start && x > self.stop as i128
        };
        inside && (x - start) % step == 0
    }
}

/// A user function: its definition and what it captured.
pub struct Function {
    pub def: Rc<FunctionDef>,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<Option<Value>>,
    /// Cells of enclosing scopes this function reads or writes (`def.free` says which).
    pub closure: Vec<CellRef>,
    pub globals: Rc<RefCell<Namespace>>,
    /// The class whose body defined this function, for zero-argument `super()`.
    pub class: RefCell<Option<std::rc::Weak<Class>>>,
    pub qualname: PyStr,
    /// Attributes the program set on the function (`f.calls = 0`, `f.__doc__ = ...`).
    pub attrs: RefCell<Namespace>,
    /// `__annotations__`, evaluated when the def ran (`None`: the def has none).
    pub annotations: Option<Value>,
}

/// A shared variable captured by a closure.
pub type CellRef = Rc<RefCell<Option<Value>>>;

/// A function written in Rust.
pub struct Builtin {
    pub name: PyStr,
    pub f: NativeFn,
    /// Extra data a native function was made with (`functools`-like binding), passed as `pos[0]`.
    pub data: Option<Value>,
    /// The same method called on its object with no other argument (`lock.acquire()`), taking the
    /// object by reference: the method-call site then builds no `Args` vector (an allocation and
    /// a free per call, a sixth of a Lock pair's lesson time). Set for the commonest native
    /// methods only; `f` stays the method in every other case.
    pub alone: Option<NativeAlone>,
}

/// A native method's form for a call with its object alone ([`Builtin::alone`]).
pub type NativeAlone = fn(&mut Interp, &Value) -> PyResult;

/// A function bound to the object it was looked up on.
pub struct BoundMethod {
    pub this: Value,
    pub func: Value,
}

/// Whether `v` is a `property` object (of the builtin class itself, not a program's own class that
/// is named `property`).
pub fn is_property(p: &Instance) -> bool {
    super::builtin_classes::is(&p.class, |b| &b.property)
}

/// Whether `p` is a data descriptor: a `property`, or an object whose class defines `__set__` or
/// `__delete__`. A data descriptor on the class wins over the instance's own attribute.
pub fn is_data_descriptor(p: &Instance) -> bool {
    is_property(p) || p.class.lookup("__set__").is_some() || p.class.lookup("__delete__").is_some()
}

/// The names whose definition in a class makes attribute access take the general path.
pub const ACCESS_HOOKS: [&str; 4] = [
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__slots__",
];

/// A class: user classes, the builtin exception hierarchy and native classes like `Process`.
pub struct Class {
    pub name: PyStr,
    pub qualname: PyStr,
    pub module: PyStr,
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, this class first.
    pub mro: RefCell<Vec<Rc<Class>>>,
    pub attrs: RefCell<Namespace>,
    /// Native classes say how their instances are made (for `Process`, `Lock`...).
    pub native: Option<NativeKind>,
    /// Whether a `property` (or another data descriptor) was ever among this class's own
    /// attributes: a store to an instance looks for a setter only in classes of its MRO that have
    /// one.
    pub has_property: std::cell::Cell<bool>,
    /// The metaclass, when it is not `type` (`class A(metaclass=M)`, or inherited from a base).
    pub meta: RefCell<Option<Rc<Class>>>,
    /// Whether this class or a base overrides `__getattribute__`, `__setattr__` or `__delattr__`,
    /// or lays its instances out with `__slots__`: attribute access then takes the general path,
    /// never an inline cache's shortcut.
    pub hooks: std::cell::Cell<bool>,
}

/// Which native payload instances of a native class carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeKind {
    BaseException,
    Object,
    Process,
    Other,
}

/// An instance of a class.
pub struct Instance {
    pub class: Rc<Class>,
    pub attrs: RefCell<Namespace>,
    /// State of native classes (a Process's pid, a Lock's fds...): it answers for the instance's
    /// native attributes, repr, items (`python::native_object`).
    pub native: RefCell<Option<Box<dyn super::native_object::NativeObject>>>,
}

/// A module object (`multiprocessing`, `time`...).
pub struct Module {
    pub name: PyStr,
    /// Shared with the functions a module written in Python defines: they are its globals.
    pub attrs: Rc<RefCell<Namespace>>,
}

/// Attributes of an object, globals of a module: names to values, in insertion order. Hashed with
/// Fx (rustc's hasher): these maps are looked up on every name and attribute access, and their keys
/// come from the program, not from an adversary.
pub type Namespace = IndexMap<PyStr, Value, FxBuildHasher>;

/// A Python dict: insertion-ordered, keyed by the hashable form of the key.
#[derive(Default, Clone)]
pub struct Dict {
    pub map: IndexMap<HashKey, (Value, Value), super::key_hash::KeyHashing>,
}

/// A Python set.
#[derive(Default, Clone)]
pub struct Set {
    pub map: IndexMap<HashKey, Value, super::key_hash::KeyHashing>,
}

/// An iterator over a builtin sequence, or a materialised one.
pub enum Iter {
    Seq {
        items: ThinRc<Value>,
        pos: usize,
        /// The CPython type it stands for (`tuple_iterator`, `dict_keyiterator`...).
        kind: super::iter_kind::IterKind,
    },
    List {
        list: Rc<RefCell<Vec<Value>>>,
        pos: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: PyStr,
        pos: usize,
    },
    /// A Python object with `__next__`.
    Object(Value),
    /// `iter(callable, sentinel)`: call until the sentinel comes back.
    Call {
        func: Value,
        sentinel: Value,
    },
    /// `zip(a, b, ...)`: an item from each iterator, until the shortest ends. Lazy, as in
    /// CPython, so `zip(endless_generator(), "abc")` stops after three.
    Zip(ThinRc<Value>),
    /// `map(f, a, ...)`: `f` called on an item from each iterator.
    Map(Value, ThinRc<Value>),
    /// `enumerate(it, start)`: the next count and item.
    Enumerate(Value, i64),
    /// `filter(f, it)`: the items `f` (or their truth, when `f` is None) keeps.
    Filter(Value, Value),
    /// A dict's keys, values or items, read from the dict itself at each step, with CPython's
    /// checks for a dict changed under the loop (src/python/dict_iter.rs).
    Dict(super::dict_iter::DictIter),
    /// A set's members, with CPython's check for a set that changed size.
    Set(super::dict_iter::SetIter),
    /// Exhausted; still the kind it was.
    Done(super::iter_kind::IterKind),
}

/// The hashable identity of a dict key or set member, equal where Python's `==` and `hash` agree.
#[derive(Clone, Debug)]
pub enum HashKey {
    None,
    Int(i64),
    /// An int past 64 bits, or an integral float of that size.
    BigInt(Rc<num_bigint::BigInt>),
    /// A float that is not integral (integral floats hash as `Int`, like Python: `1.0 == 1`).
    Float(u64),
    Str(PyStr),
    Bytes(ThinRc<u8>),
    Tuple(Rc<[HashKey]>),
    FrozenSet(Rc<[HashKey]>),
    /// Objects hashed by identity (functions, classes, instances without `__hash__`).
    Ptr(usize),
    Ellipsis,
    /// An instance whose class defines `__hash__` and `__eq__`: its hash and its identity. Two
    /// such keys are one key only by identity here; equal but distinct objects are matched by
    /// calling `__eq__` before the container is touched (`Interp::key_in`, src/python/keys.rs).
    User {
        hash: i64,
        id: usize,
    },
}

impl PartialEq for HashKey {
    fn eq(&self, other: &HashKey) -> bool {
        use HashKey::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a == b,
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => super::interp::stack::maybe_grow(32 * 1024, 1 << 20, || a == b),
            (FrozenSet(a), FrozenSet(b)) => a.len() == b.len() && a.iter().all(|x| b.contains(x)),
            (Ptr(a), Ptr(b)) => a == b,
            (User { id: a, .. }, User { id: b, .. }) => a == b,
            _ => false,
        }
    }
}

impl Eq for HashKey {}

impl Hash for HashKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        use HashKey::*;
        match self {
            None => 0u8.hash(state),
            Ellipsis => 1u8.hash(state),
            Int(i) => i.hash(state),
            BigInt(b) => b.hash(state),
            Float(f) => f.hash(state),
            Str(s) => s.hash(state),
            Bytes(b) => b.hash(state),
            // A key nested 100 000 deep hashes (CPython's does), on more stack if it needs it.
            Tuple(t) => super::interp::stack::maybe_grow(32 * 1024, 1 << 20, || t.hash(state)),
            // Order-independent: sum of member hashes.
            FrozenSet(m) => {
                let mut total: u64 = 0;
                for k in m.iter() {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    k.hash(&mut h);
                    total = total.wrapping_add(h.finish());
                }
                total.hash(state)
            }
            Ptr(p) => p.hash(state),
            // As `Int`: an int key and an object whose `__hash__` returns that int share a
            // bucket, so the lookup can find both and let `__eq__` decide.
            User { hash, .. } => hash.hash(state),
        }
    }
}

impl Dict {
    pub fn get(&self, key: &HashKey) -> Option<&Value> {
        self.map.get(key).map(|(_, v)| v)
    }
    pub fn insert(&mut self, hk: HashKey, key: Value, value: Value) {
        // One lookup (a `get_mut`, then an `insert` hashed and probed again: a sixth of a dict
        // comprehension's time).
        match self.map.entry(hk) {
            // Python keeps the first key object and its position; only the value changes.
            indexmap::map::Entry::Occupied(mut slot) => slot.get_mut().1 = value,
            indexmap::map::Entry::Vacant(slot) => {
                slot.insert((key, value));
            }
        }
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(PyStr::from(s))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(ThinRc::from_vec(items))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn builtin(name: &str, f: NativeFn) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name: PyStr::from(name),
            f,
            data: None,
            alone: None,
        }))
    }

    /// Python's truthiness for values that need no method call.
    pub fn truthy_simple(&self) -> Option<bool> {
        Some(match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().map.is_empty(),
            Value::FrozenSet(s) => !s.map.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) => return None,
            _ => true,
        })
    }

    /// Identity, as Python's `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints and interned strings are shared in CPython; equal immutables are a close
            // enough stand-in for the programs forkyard runs.
            (Value::Int(a), Value::Int(b)) => a == b,
            // Floats are not boxed here, so a float is "itself" when its bits are the same: a
            // name bound to `float('nan')` is found in a list by identity, as in CPython (two
            // separately made NaNs are one object here, where CPython has two).
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => PyStr::ptr_eq(a, b) || (a.len() <= 20 && a == b),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a heap object, for identity and `id()`.
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::Str(s) => PyStr::as_ptr(s) as usize,
            Value::Bytes(b) => ThinRc::as_ptr(b) as usize,
            Value::List(l) => Rc::as_ptr(l) as usize,
            Value::Tuple(t) => ThinRc::as_ptr(t) as *const Value as usize,
            Value::Dict(d) => Rc::as_ptr(d) as usize,
            Value::Set(s) => Rc::as_ptr(s) as usize,
            Value::FrozenSet(s) => Rc::as_ptr(s) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::BigInt(b) => Rc::as_ptr(b) as usize,
            Value::Slice(s) => Rc::as_ptr(s) as *const Value as usize,
            Value::Function(f) => Rc::as_ptr(f) as usize,
            Value::Builtin(b) => Rc::as_ptr(b) as usize,
            Value::BoundMethod(b) => Rc::as_ptr(b) as usize,
            Value::Class(c) => Rc::as_ptr(c) as usize,
            Value::Instance(i) => Rc::as_ptr(i) as usize,
            Value::Module(m) => Rc::as_ptr(m) as usize,
            Value::Iterator(i) => Rc::as_ptr(i) as usize,
            Value::Generator(g) => Rc::as_ptr(g) as usize,
            Value::Super(s) => Rc::as_ptr(s) as *const u8 as usize,
            _ => return None,
        })
    }

    /// The name of a plain data value's type (`None`, numbers, strings, the containers), which
    /// no subclass can change: `None` for the others (see [`Value::type_name`]).
    pub fn data_type_name(&self) -> Option<&'static str> {
        Some(match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Range(_) => "range",
            Value::Slice(_) => "slice",
            _ => return None,
        })
    }

    /// The name of the value's type, as `type(x).__name__` says.
    pub fn type_name(&self) -> PyStr {
        PyStr::from(match self {
            Value::Function(_) => "function",
            // (A builtin type's method reached through the type is a descriptor.)
            Value::Builtin(b) => {
                super::descriptors::type_name(b).unwrap_or("builtin_function_or_method")
            }
            // A builtin type's method bound to its object is CPython's builtin_function_or_method.
            Value::BoundMethod(m) if matches!(m.func, Value::Builtin(_)) => {
                "builtin_function_or_method"
            }
            Value::BoundMethod(_) => "method",
            Value::Class(_) => "type",
            Value::Instance(i) => return i.class.name.clone(),
            Value::Module(_) => "module",
            // An iterator being advanced is borrowed; its name is then the generic one.
            Value::Iterator(i) => i.try_borrow().map_or("iterator", |i| i.kind().name()),
            Value::Generator(g) => g.kind.type_name(),
            Value::Super(_) => "super",
            Value::Ellipsis => "ellipsis",
            data => data.data_type_name().unwrap_or("object"),
        })
    }
}

impl Class {
    /// Look a name up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        for c in self.mro.borrow().iter().skip(1) {
            if let Some(v) = c.attrs.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// The property `name` of this class or a base, if a class of the MRO holds properties.
    pub fn property(&self, name: &str) -> Option<Rc<Instance>> {
        match self.data_descriptor(name) {
            Some(p) if is_property(&p) => Some(p),
            _ => None,
        }
    }

    /// The data descriptor (a property, or an object with `__set__`/`__delete__`) `name` of this
    /// class or a base, if a class of the MRO holds any.
    pub fn data_descriptor(&self, name: &str) -> Option<Rc<Instance>> {
        if !self.mro.borrow().iter().any(|c| c.has_property.get()) {
            return None;
        }
        match self.lookup(name) {
            Some(Value::Instance(ref p)) if is_data_descriptor(p) => Some(p.clone()),
            _ => None,
        }
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.borrow().iter().any(|c| std::ptr::eq(&**c, other))
    }

    /// Whether this class or a class of its MRO has access hooks (see `Class::hooks`): a hook set
    /// on a base after its subclasses were made counts too.
    pub fn has_hooks(&self) -> bool {
        self.mro.borrow().iter().any(|c| c.hooks.get())
    }

    /// The native kind of the nearest native class in the MRO.
    pub fn native_kind(&self) -> Option<NativeKind> {
        self.mro.borrow().iter().find_map(|c| c.native)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}>", self.type_name())
    }
}

impl Set {
    /// The members in the order CPython iterates them. For sets of numbers that order is fixed
    /// (an int's hash is the int), and programs print such sets, so forkyard lays them out in a
    /// table the way CPython's `setobject.c` does; so are tuples and frozensets of numbers, and
    /// objects whose `__hash__` gives such a number (python/cpython_hash.rs). Other members hash
    /// differently in every CPython process, so for them insertion order is as good as CPython's.
    pub fn iteration_order(&self) -> Vec<Value> {
        let mut hashes = Vec::with_capacity(self.map.len());
        for (k, v) in self.map.iter() {
            let fixed = match k {
                // A complex number with a NaN part hashes by address since 3.10.
                HashKey::User { .. } => super::complex::get(v)
                    .is_none_or(|c| !c.re.is_nan() && !c.im.is_nan())
                    .then(|| super::cpython_hash::of_key(k))
                    .flatten(),
                _ => super::cpython_hash::of_key(k),
            };
            match fixed {
                Some(h) => hashes.push(h as u64),
                None => return self.map.values().cloned().collect(),
            }
        }
        const LINEAR_PROBES: usize = 9;
        // A slot holds the member's place in `hashes` (4 bytes, not an `Option<usize>`'s 16: the
        // table is laid out afresh at each loop over the set, and its size is memory traffic).
        const EMPTY: u32 = u32::MAX;
        let insert = |table: &mut Vec<u32>, h: u64, idx: u32| {
            let mask = table.len() - 1;
            let mut perturb = h;
            let mut i = (h as usize) & mask;
            loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in 0..=probes {
                    if table[i + j] == EMPTY {
                        table[i + j] = idx;
                        return;
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        };
        let mut table: Vec<u32> = vec![EMPTY; 8];
        for (n, &h) in hashes.iter().enumerate() {
            insert(&mut table, h, n as u32);
            let used = n + 1;
            if used * 5 >= (table.len() - 1) * 3 {
                let minused = if used > 50000 { used * 2 } else { used * 4 };
                let mut size = 8;
                while size <= minused {
                    size <<= 1;
                }
                let old = std::mem::replace(&mut table, vec![EMPTY; size]);
                for idx in old.into_iter().filter(|&i| i != EMPTY) {
                    insert(&mut table, hashes[idx as usize], idx);
                }
            }
        }
        let values: Vec<&Value> = self.map.values().collect();
        table
            .into_iter()
            .filter(|&i| i != EMPTY)
            .map(|i| values[i as usize].clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Range;

    #[test]
    fn ranges_past_i64_count_index_and_test_membership_exactly() {
        let all = Range::small(i64::MIN, i64::MAX, 1);
        assert_eq!(all.len_exact(), u64::MAX as i128);
        assert_eq!(all.len(), i64::MAX);
        assert_eq!(all.at(-1), Some(i64::MAX - 1));
        assert_eq!(all.at(0), Some(i64::MIN));
        assert!(all.contains(0));
        let wide = Range::small(i64::MAX - 1, i64::MIN, i64::MIN);
        assert_eq!(wide.len_exact(), 2);
        assert_eq!(wide.at(1), Some(-2));
        assert!(!wide.contains(0));
        assert_eq!(wide.at(2), None);
    }
}
