//! Operators: arithmetic, comparison, truthiness, hashing, indexing. Numbers follow CPython exactly
//! (floor division and modulo round toward minus infinity; `/` is true division); user classes
//! take part through their dunder methods.

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::cmp::Ordering;
use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};
use super::bigint;
use super::exceptions::{Exc, index_error, type_error};
use super::interp::{Interp, bind, namespace_view};
use super::keys::set_members;
use super::value::*;
use num_bigint::BigInt;

/// The dunder method name of an operator (`__add__`).
pub fn dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__add__",
        BinOp::Sub => "__sub__",
        BinOp::Mul => "__mul__",
        BinOp::MatMul => "__matmul__",
        BinOp::Div => "__truediv__",
        BinOp::FloorDiv => "__floordiv__",
        BinOp::Mod => "__mod__",
        BinOp::Pow => "__pow__",
        BinOp::LShift => "__lshift__",
        BinOp::RShift => "__rshift__",
        BinOp::BitOr => "__or__",
        BinOp::BitXor => "__xor__",
        BinOp::BitAnd => "__and__",
    }
}

fn symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

/// A float's integer part, as `int(f)` gives it: exact at any size (`int(1e300)`); NaN and
/// infinities raise what CPython raises.
pub fn float_to_int(f: f64) -> PyResult {
    bigint::from_f64(f)
}

/// A number as a float for mixed arithmetic: an int too large for a double is CPython's
/// OverflowError.
fn to_float(v: &Value) -> Result<f64, Exc> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        Value::BigInt(b) => bigint::to_f64(b),
        _ => Err(type_error("a number is required")),
    }
}

/// `a op b` again on big ints, after the 64-bit result did not fit.
fn big_op(op: BinOp, a: i64, b: i64) -> PyResult {
    bigint::int_op(op, &BigInt::from(a), &BigInt::from(b))
}

/// Both operands as ints, at least one of them past 64 bits.
fn big_pair(a: &Value, b: &Value) -> (BigInt, BigInt) {
    (
        bigint::to_big(a).unwrap_or_default(),
        bigint::to_big(b).unwrap_or_default(),
    )
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn int_op(op: BinOp, a: i64, b: i64) -> Result<Value, Exc> {
    Ok(Value::Int(match op {
        BinOp::Add => match a.checked_add(b) {
            Some(r) => r,
            None => return big_op(op, a, b),
        },
        BinOp::Sub => match a.checked_sub(b) {
            Some(r) => r,
            None => return big_op(op, a, b),
        },
        BinOp::Mul => match a.checked_mul(b) {
            Some(r) => r,
            None => return big_op(op, a, b),
        },
        BinOp::Div => {
            if b == 0 {
                return Err(Exc::new(ExcKind::ZeroDivisionError, "division by zero"));
            }
            // Past 2**53 a double does not hold every int: divide exactly, round once.
            if a.unsigned_abs() > 1 << 53 || b.unsigned_abs() > 1 << 53 {
                return big_op(op, a, b);
            }
            return Ok(Value::Float(a as f64 / b as f64));
        }
        BinOp::FloorDiv => {
            if b == 0 {
                return Err(Exc::new(
                    ExcKind::ZeroDivisionError,
                    "integer division or modulo by zero",
                ));
            }
            match a.checked_div_euclid(b) {
                Some(_) => floor_div(a, b),
                // -2**63 // -1
                None => return big_op(op, a, b),
            }
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(Exc::new(
                    ExcKind::ZeroDivisionError,
                    "integer modulo by zero",
                ));
            }
            py_mod(a, b)
        }
        BinOp::Pow => {
            if b < 0 {
                if a == 0 {
                    return Err(Exc::new(
                        ExcKind::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return Ok(Value::Float((a as f64).powf(b as f64)));
            }
            match u32::try_from(b).ok().and_then(|e| a.checked_pow(e)) {
                Some(r) => r,
                None => return big_op(op, a, b),
            }
        }
        BinOp::LShift => {
            if b < 0 {
                return Err(Exc::new(ExcKind::ValueError, "negative shift count"));
            }
            if a == 0 {
                // Zero stays zero however far it moves (and `b` may be past any shift width).
                return Ok(Value::Int(0));
            }
            if b >= 63 || (a << b) >> b != a {
                return big_op(op, a, b);
            }
            a << b
        }
        BinOp::RShift => {
            if b < 0 {
                return Err(Exc::new(ExcKind::ValueError, "negative shift count"));
            }
            a >> b.min(63)
        }
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::BitAnd => a & b,
        BinOp::MatMul => {
            return Err(type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ));
        }
    }))
}

fn floor_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn py_mod(a: i64, b: i64) -> i64 {
    // `i64::MIN % -1` overflows in Rust (and traps); its remainder is 0.
    let r = a.checked_rem(b).unwrap_or(0);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn float_op(op: BinOp, a: f64, b: f64) -> Result<Value, Exc> {
    Ok(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Err(Exc::new(
                    ExcKind::ZeroDivisionError,
                    "float division by zero",
                ));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(Exc::new(
                    ExcKind::ZeroDivisionError,
                    "float floor division by zero",
                ));
            }
            (a / b).floor()
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(Exc::new(ExcKind::ZeroDivisionError, "float modulo"));
            }
            let r = a % b;
            if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
                r + b
            } else {
                r
            }
        }
        BinOp::Pow => {
            if a == 0.0 && b < 0.0 {
                return Err(Exc::new(
                    ExcKind::ZeroDivisionError,
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if a < 0.0 && b.is_finite() && b.fract() != 0.0 {
                // CPython's `float_pow` hands this to `complex.__pow__`: `(-8) ** 0.5` is complex.
                use super::complex::{Cpx, power};
                let c = power(Cpx { re: a, im: 0.0 }, Cpx { re: b, im: 0.0 })?;
                return Ok(super::complex::new(c.re, c.im));
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return Err(Exc::with_args(
                    ExcKind::OverflowError,
                    vec![Value::Int(34), Value::str("Numerical result out of range")],
                ));
            }
            r
        }
        _ => return Err(type_error("unsupported operand")),
    }))
}

impl Interp {
    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult {
        use Value::*;
        match (a, b) {
            (Int(_) | Bool(_), Int(_) | Bool(_)) => {
                let (x, y) = (as_int(a).unwrap_or(0), as_int(b).unwrap_or(0));
                if let (Bool(p), Bool(q), BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) = (a, b, op)
                {
                    return Ok(Bool(match op {
                        BinOp::BitAnd => *p & *q,
                        BinOp::BitOr => *p | *q,
                        _ => *p ^ *q,
                    }));
                }
                return int_op(op, x, y);
            }
            (Int(_) | Bool(_) | BigInt(_), Int(_) | Bool(_) | BigInt(_)) => {
                let (x, y) = big_pair(a, b);
                return bigint::int_op(op, &x, &y);
            }
            (Float(_) | Int(_) | Bool(_) | BigInt(_), Float(_) | Int(_) | Bool(_) | BigInt(_))
                if !matches!(
                    op,
                    BinOp::BitAnd
                        | BinOp::BitOr
                        | BinOp::BitXor
                        | BinOp::LShift
                        | BinOp::RShift
                        | BinOp::MatMul
                ) =>
            {
                return float_op(op, to_float(a)?, to_float(b)?);
            }
            (Str(x), Str(y)) if op == BinOp::Add => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Str(PyStr::from(s)));
            }
            (Str(_) | List(_) | Tuple(_) | Bytes(_), Int(_) | Bool(_)) if op == BinOp::Mul => {
                return self.repeat(a, as_int(b).unwrap_or(0));
            }
            (Int(_) | Bool(_), Str(_) | List(_) | Tuple(_) | Bytes(_)) if op == BinOp::Mul => {
                return self.repeat(b, as_int(a).unwrap_or(0));
            }
            // A count past 64 bits, of either sign, is CPython's OverflowError.
            (Str(_) | List(_) | Tuple(_) | Bytes(_), BigInt(_))
            | (BigInt(_), Str(_) | List(_) | Tuple(_) | Bytes(_))
                if op == BinOp::Mul =>
            {
                return Err(bigint::index_overflow(ExcKind::OverflowError));
            }
            (Str(s), _) if op == BinOp::Mod => {
                return Ok(Str(PyStr::from(self.percent_format(s, b)?)));
            }
            (Bytes(f), _) if op == BinOp::Mod => {
                return Ok(Bytes(ThinRc::from(super::methods::bytes_percent(
                    self, f, b,
                )?)));
            }
            (List(x), List(y)) if op == BinOp::Add => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (Tuple(x), Tuple(y)) if op == BinOp::Add => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (Bytes(x), Bytes(y)) if op == BinOp::Add => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                return Ok(Bytes(ThinRc::from(v)));
            }
            // `b'ab' + bytearray(b'c')` is bytes (the left operand's type).
            (Bytes(x), Instance(_)) if op == BinOp::Add => {
                if let Some(y) = super::methods::bytes_like(b) {
                    let mut v = x.to_vec();
                    v.extend_from_slice(&y);
                    return Ok(Bytes(ThinRc::from(v)));
                }
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_))
                if matches!(
                    op,
                    BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
                ) =>
            {
                return self.set_op(op, a, b);
            }
            // An instance's `__dict__` is a dict in CPython: `d | obj.__dict__` merges its copy.
            (Dict(_) | Instance(_), Dict(_) | Instance(_))
                if op == BinOp::BitOr
                    && (namespace_view::is_instance_dict(a)
                        || namespace_view::is_instance_dict(b)) =>
            {
                let plain = |v: &Value| namespace_view::plain_dict(v).unwrap_or_else(|| v.clone());
                let (pa, pb) = (plain(a), plain(b));
                if let (Dict(_), Dict(_)) = (&pa, &pb) {
                    return self.binop(op, &pa, &pb);
                }
            }
            (Dict(x), Dict(y)) if op == BinOp::BitOr => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().map.iter() {
                    d.insert(k.clone(), v.0.clone(), v.1.clone());
                }
                return Ok(Value::dict(d));
            }
            // A complex number with a number or another complex: computed here, without looking
            // up, binding and calling its dunder method (a Mandelbrot loop is nothing else).
            (Instance(_), _) | (_, Instance(_)) => {
                if let Some(r) = super::complex::exact_binop(op, a, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        let name = dunder(op);
        if let Instance(i) = a
            && let Some(m) = i.class.lookup(name)
        {
            let r = self.call(&bind(m, a), Args::new(vec![b.clone()]))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Instance(i) = b {
            let rname = format!("__r{}", &name[2..]);
            if let Some(m) = i.class.lookup(&rname) {
                let r = self.call(&bind(m, b), Args::new(vec![a.clone()]))?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        // A class whose metaclass defines the operator (ctypes' `c_int * 4` is an array type).
        if let Class(c) = a
            && let Some(m) = super::interp::meta_method(c, name)
        {
            let r = self.call(&bind(m, a), Args::new(vec![b.clone()]))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Class(c) = b
            && let Some(m) = super::interp::meta_method(c, &format!("__r{}", &name[2..]))
        {
            let r = self.call(&bind(m, b), Args::new(vec![a.clone()]))?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        // The builtin type's own method on the other side gets its turn, as CPython's
        // `dict.__ror__` takes a dict subclass: `Counter(...) | {'q': 1}` is a dict when
        // Counter's `__or__` declines a plain dict.
        if let Some(r) = self.builtin_after_not_implemented(op, a, b)? {
            return Ok(r);
        }
        // `int | None` in an annotation (PEP 604).
        if op == BinOp::BitOr
            && let Some(u) = self.type_union(a, b)
        {
            return Ok(u);
        }
        Err(type_error(binop_message(op, a, b)))
    }

    /// When one operand is a plain builtin value and the other an instance of a class derived
    /// from a builtin type whose own method returned NotImplemented, the builtin operation on
    /// the instance's base value; `None` when that is a TypeError too (the caller's message names
    /// the operands' own types).
    fn builtin_after_not_implemented(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> Result<Option<Value>, Exc> {
        let (x, y) = match (a, b) {
            (Value::Instance(_), Value::Instance(_)) => return Ok(None),
            (Value::Instance(_), _) => match super::subclass::base_of(a) {
                Some(base) => (base, b.clone()),
                None => return Ok(None),
            },
            (_, Value::Instance(_)) => match super::subclass::base_of(b) {
                Some(base) => (a.clone(), base),
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        match self.binop(op, &x, &y) {
            Err(e) if e.value.class.is_subclass(&ExcKind::TypeError.class()) => Ok(None),
            r => r.map(Some),
        }
    }

    fn repeat(&mut self, seq: &Value, n: i64) -> PyResult {
        use super::alloc;
        let n = alloc::count(n);
        let items = |v: &[Value]| -> Result<Vec<Value>, Exc> {
            let mut out = alloc::vec_with_capacity(v.len().saturating_mul(n))?;
            for _ in 0..n {
                out.extend(v.iter().cloned());
            }
            Ok(out)
        };
        Ok(match seq {
            Value::Str(s) => Value::Str(PyStr::from(alloc::repeat_str(s, n)?)),
            Value::List(l) => {
                let l = l.borrow().clone();
                Value::list(items(&l)?)
            }
            Value::Tuple(t) => Value::tuple(items(t)?),
            Value::Bytes(b) => Value::Bytes(ThinRc::from(alloc::repeat_bytes(b, n)?)),
            _ => return Err(type_error("can't multiply sequence")),
        })
    }

    fn set_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult {
        let plain = {
            let (x, y) = (set_ref(a), set_ref(b));
            match (x.as_deref(), y.as_deref()) {
                (Some(x), Some(y)) => plain_set_op(op, x, y),
                _ => None,
            }
        };
        if let Some(out) = plain {
            return Ok(match a {
                Value::FrozenSet(_) => Value::FrozenSet(Rc::new(out)),
                _ => Value::Set(Rc::new(std::cell::RefCell::new(out))),
            });
        }
        let get = |v: &Value| -> Set {
            match v {
                Value::Set(s) => s.borrow().clone(),
                Value::FrozenSet(s) => (**s).clone(),
                _ => Set::default(),
            }
        };
        let (x, y) = (get(a), get(b));
        let mut out = Set::default();
        match op {
            BinOp::BitOr => {
                out = x;
                for v in y.map.into_values() {
                    self.set_insert(&mut out, v)?;
                }
            }
            BinOp::BitAnd => {
                for (k, v) in x.map {
                    if y.map.contains_key(&self.key_in_set(&y, &k, &v)?) {
                        out.map.insert(k, v);
                    }
                }
            }
            BinOp::Sub => {
                for (k, v) in x.map {
                    if !y.map.contains_key(&self.key_in_set(&y, &k, &v)?) {
                        out.map.insert(k, v);
                    }
                }
            }
            _ => {
                for (k, v) in x.map.iter() {
                    if !y.map.contains_key(&self.key_in_set(&y, k, v)?) {
                        out.map.insert(k.clone(), v.clone());
                    }
                }
                for (k, v) in y.map.iter() {
                    if !x.map.contains_key(&self.key_in_set(&x, k, v)?) {
                        out.map.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        Ok(match a {
            Value::FrozenSet(_) => Value::FrozenSet(Rc::new(out)),
            _ => Value::Set(Rc::new(std::cell::RefCell::new(out))),
        })
    }

    pub fn unary(&mut self, op: UnaryOp, v: &Value) -> PyResult {
        Ok(match (op, v) {
            (UnaryOp::Not, _) => Value::Bool(!self.truthy(v)?),
            (UnaryOp::Neg, Value::Int(i)) => match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => bigint::norm(-BigInt::from(*i)),
            },
            (UnaryOp::Neg, Value::BigInt(b)) => bigint::norm(-&**b),
            (UnaryOp::Pos, Value::BigInt(_)) => v.clone(),
            (UnaryOp::Invert, Value::BigInt(b)) => bigint::norm(!&**b),
            (UnaryOp::Neg, Value::Bool(b)) => Value::Int(-(*b as i64)),
            (UnaryOp::Neg, Value::Float(f)) => Value::Float(-f),
            (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => v.clone(),
            (UnaryOp::Pos, Value::Bool(b)) => Value::Int(*b as i64),
            (UnaryOp::Invert, Value::Int(i)) => Value::Int(!i),
            (UnaryOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
            (_, Value::Instance(i)) => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match i.class.lookup(name) {
                    Some(m) => return self.call(&bind(m, v), Args::default()),
                    None => return Err(self.bad_unary(op, v)),
                }
            }
            _ => return Err(self.bad_unary(op, v)),
        })
    }

    fn bad_unary(&self, op: UnaryOp, v: &Value) -> Exc {
        let s = match op {
            UnaryOp::Neg => "unary -",
            UnaryOp::Pos => "unary +",
            _ => "unary ~",
        };
        type_error(format!("bad operand type for {s}: '{}'", v.type_name()))
    }

    /// Python truthiness, calling `__bool__`/`__len__` on instances.
    pub fn truthy(&mut self, v: &Value) -> Result<bool, Exc> {
        if let Some(b) = v.truthy_simple() {
            return Ok(b);
        }
        if let Value::Instance(i) = v {
            if let Some(m) = i.class.lookup("__bool__") {
                return match self.call(&bind(m, v), Args::default())? {
                    Value::Bool(b) => Ok(b),
                    other => Err(type_error(format!(
                        "__bool__ should return bool, returned {}",
                        other.type_name()
                    ))),
                };
            }
            if i.class.lookup("__len__").is_some() {
                return Ok(self.len_of(v)? != 0);
            }
        }
        Ok(true)
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> Result<bool, Exc> {
        match op {
            CmpOp::Eq => self.eq(a, b),
            CmpOp::NotEq => Ok(!self.eq(a, b)?),
            CmpOp::Is => Ok(a.is(b)),
            CmpOp::IsNot => Ok(!a.is(b)),
            CmpOp::In => self.contains(b, a),
            CmpOp::NotIn => Ok(!self.contains(b, a)?),
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE
                if set_members(a).is_some() && set_members(b).is_some() =>
            {
                // Sets are ordered by inclusion.
                let (x, y) = (
                    set_members(a).unwrap_or_default(),
                    set_members(b).unwrap_or_default(),
                );
                Ok(match op {
                    CmpOp::Lt => x.map.len() < y.map.len() && self.is_subset(&x, &y)?,
                    CmpOp::LtE => self.is_subset(&x, &y)?,
                    CmpOp::Gt => x.map.len() > y.map.len() && self.is_subset(&y, &x)?,
                    _ => self.is_subset(&y, &x)?,
                })
            }
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE
                if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) =>
            {
                let (name, reflected, sym) = match op {
                    CmpOp::Lt => ("__lt__", "__gt__", "<"),
                    CmpOp::LtE => ("__le__", "__ge__", "<="),
                    CmpOp::Gt => ("__gt__", "__lt__", ">"),
                    _ => ("__ge__", "__le__", ">="),
                };
                // PyObject_RichCompare's level, named when `__lt__` recursing through `<`
                // passes the limit there.
                self.nested("in comparison", |it| {
                    // As CPython: the right operand goes first when its class derives from the
                    // left's and defines the reflected method; NotImplemented passes the turn.
                    let right_first = match (a, b) {
                        (Value::Instance(x), Value::Instance(y)) => {
                            !Rc::ptr_eq(&x.class, &y.class)
                                && y.class.is_subclass(&x.class)
                                && y.class.lookup(reflected).is_some()
                        }
                        _ => false,
                    };
                    if right_first && let Some(r) = it.rich(b, reflected, a)? {
                        return it.truthy(&r);
                    }
                    if let Some(r) = it.rich(a, name, b)? {
                        return it.truthy(&r);
                    }
                    if !right_first && let Some(r) = it.rich(b, reflected, a)? {
                        return it.truthy(&r);
                    }
                    Err(type_error(format!(
                        "'{sym}' not supported between instances of '{}' and '{}'",
                        a.type_name(),
                        b.type_name()
                    )))
                })
            }
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                let ord = self.order(a, b, op)?;
                Ok(match op {
                    CmpOp::Lt => ord == Ordering::Less,
                    CmpOp::LtE => ord != Ordering::Greater,
                    CmpOp::Gt => ord == Ordering::Greater,
                    _ => ord != Ordering::Less,
                })
            }
        }
    }

    fn rich(&mut self, a: &Value, name: &str, b: &Value) -> Result<Option<Value>, Exc> {
        if let Value::Instance(i) = a
            && let Some(m) = i.class.lookup(name)
        {
            let r = self.call(&bind(m, a), Args::new(vec![b.clone()]))?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// Ordering for `<` and friends, and for `sorted`.
    pub fn order(&mut self, a: &Value, b: &Value, op: CmpOp) -> Result<Ordering, Exc> {
        use Value::*;
        Ok(match (a, b) {
            (Int(_) | Bool(_), Int(_) | Bool(_)) => as_int(a).cmp(&as_int(b)),
            (Int(_) | Bool(_) | BigInt(_), Int(_) | Bool(_) | BigInt(_)) => {
                let (x, y) = big_pair(a, b);
                x.cmp(&y)
            }
            (Float(x), Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
            (Int(_) | Bool(_) | BigInt(_), Float(y)) => {
                bigint::cmp_float(a, *y).unwrap_or(Ordering::Equal)
            }
            (Float(x), Int(_) | Bool(_) | BigInt(_)) => bigint::cmp_float(b, *x)
                .map(Ordering::reverse)
                .unwrap_or(Ordering::Equal),
            (Str(x), Str(y)) => x.cmp(y),
            (Bytes(x), Bytes(y)) => x.cmp(y),
            (Tuple(xs), Tuple(ys)) => {
                for (x, y) in xs.iter().zip(ys.iter()) {
                    if !self.eq(x, y)? {
                        return self.order(x, y, op);
                    }
                }
                xs.len().cmp(&ys.len())
            }
            (List(xs), List(ys)) => {
                // Item by item without copying either list, as `eq` above.
                let mut i = 0;
                loop {
                    let (x, y) = {
                        let (xb, yb) = (xs.borrow(), ys.borrow());
                        match (xb.get(i), yb.get(i)) {
                            (Some(x), Some(y)) => (x.clone(), y.clone()),
                            _ => break,
                        }
                    };
                    if !self.eq(&x, &y)? {
                        return self.order(&x, &y, op);
                    }
                    i += 1;
                }
                let (n, m) = (xs.borrow().len(), ys.borrow().len());
                n.cmp(&m)
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
                return Err(type_error("forkyard compares sets only with == and !="));
            }
            _ => {
                if let Instance(_) = a
                    && let Some(r) = self.rich(a, "__lt__", b)?
                {
                    if self.truthy(&r)? {
                        return Ok(Ordering::Less);
                    }
                    if let Some(r2) = self.rich(b, "__lt__", a)?
                        && self.truthy(&r2)?
                    {
                        return Ok(Ordering::Greater);
                    }
                    return Ok(Ordering::Equal);
                }
                let s = match op {
                    CmpOp::Lt => "<",
                    CmpOp::LtE => "<=",
                    CmpOp::Gt => ">",
                    _ => ">=",
                };
                return Err(type_error(format!(
                    "'{s}' not supported between instances of '{}' and '{}'",
                    a.type_name(),
                    b.type_name()
                )));
            }
        })
    }

    /// `a == b`.
    pub fn eq(&mut self, a: &Value, b: &Value) -> Result<bool, Exc> {
        match a {
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Instance(_) => {
                self.nested("in comparison", |it| it.eq_inner(a, b))
            }
            // PyObject_RichCompare's level: it is met first when `__eq__` recurses through `==`.
            _ if matches!(b, Value::Instance(_)) => {
                self.nested("in comparison", |it| it.eq_inner(a, b))
            }
            _ => self.eq_inner(a, b),
        }
    }

    fn eq_inner(&mut self, a: &Value, b: &Value) -> Result<bool, Exc> {
        use Value::*;
        Ok(match (a, b) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Int(_) | Bool(_), Int(_) | Bool(_)) => as_int(a) == as_int(b),
            // One form per number (src/python/bigint.rs): a big int equals only a big int.
            (BigInt(x), BigInt(y)) => x == y,
            (Int(_) | Bool(_) | BigInt(_), Int(_) | Bool(_) | BigInt(_)) => false,
            (Float(x), Float(y)) => x == y,
            (Int(_) | Bool(_) | BigInt(_), Float(y)) => {
                bigint::cmp_float(a, *y) == Some(Ordering::Equal)
            }
            (Float(x), Int(_) | Bool(_) | BigInt(_)) => {
                bigint::cmp_float(b, *x) == Some(Ordering::Equal)
            }
            (Str(x), Str(y)) => x == y,
            (Bytes(x), Bytes(y)) => x == y,
            (Tuple(xs), Tuple(ys)) => {
                if xs.len() != ys.len() {
                    return Ok(false);
                }
                for (x, y) in xs.iter().zip(ys.iter()) {
                    if !(x.is(y) || self.eq(x, y)?) {
                        return Ok(false);
                    }
                }
                true
            }
            (List(xs), List(ys)) => {
                // Item by item, as CPython's list_richcompare: an item's `__eq__` may change
                // either list, so each pair is read afresh and the lengths decide at the end.
                // (Copying both lists first cost two lists' worth of memory for a moment: the
                // peak of a program comparing million-item results.)
                if xs.borrow().len() != ys.borrow().len() {
                    return Ok(false);
                }
                let mut i = 0;
                loop {
                    let pair = {
                        let (xb, yb) = (xs.borrow(), ys.borrow());
                        match (xb.get(i), yb.get(i)) {
                            (Some(x), Some(y)) => (x.clone(), y.clone()),
                            _ => break,
                        }
                    };
                    if !(pair.0.is(&pair.1) || self.eq(&pair.0, &pair.1)?) {
                        return Ok(false);
                    }
                    i += 1;
                }
                xs.borrow().len() == ys.borrow().len()
            }
            (Dict(x), Dict(y)) => {
                // Entry by entry, as CPython's dict_equal, with neither dict copied: a key's or
                // value's `__eq__` may change either, so nothing stays borrowed across it.
                if x.borrow().len() != y.borrow().len() {
                    return Ok(false);
                }
                let mut i = 0;
                loop {
                    let Some((k, key, v)) = x
                        .borrow()
                        .map
                        .get_index(i)
                        .map(|(k, (key, v))| (k.clone(), key.clone(), v.clone()))
                    else {
                        break;
                    };
                    let candidates = y.borrow().same_hash(&k);
                    let k = match k {
                        HashKey::User { .. } => self.match_stored(k, &key, candidates)?,
                        k => k,
                    };
                    let w = y.borrow().get(&k).cloned();
                    match w {
                        Some(w) => {
                            if !(v.is(&w) || self.eq(&v, &w)?) {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                    i += 1;
                }
                true
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
                let (x, y) = (
                    set_members(a).unwrap_or_default(),
                    set_members(b).unwrap_or_default(),
                );
                x.map.len() == y.map.len() && self.is_subset(&x, &y)?
            }
            (Range(x), Range(y)) => super::methods::range::equal(x, y),
            (Slice(x), Slice(y)) => {
                for (p, q) in x.iter().zip(y.iter()) {
                    if !(p.is(q) || self.eq(p, q)?) {
                        return Ok(false);
                    }
                }
                true
            }
            (Instance(_), _) | (_, Instance(_)) => {
                // The right operand first when its class derives from the left's and has its
                // own `__eq__`, as CPython.
                if let (Instance(x), Instance(y)) = (a, b)
                    && !Rc::ptr_eq(&x.class, &y.class)
                    && y.class.is_subclass(&x.class)
                    && y.class.attrs.borrow().contains_key("__eq__")
                    && let Some(r) = self.rich(b, "__eq__", a)?
                {
                    return self.truthy(&r);
                }
                if let Some(r) = self.rich(a, "__eq__", b)? {
                    return self.truthy(&r);
                }
                if let Some(r) = self.rich(b, "__eq__", a)? {
                    return self.truthy(&r);
                }
                // A plain builtin value's own `==` takes an instance derived from a builtin type
                // when that instance's `__eq__` declined (`Counter(a=1) == {'a': 1}`).
                match (a, b) {
                    (Instance(_), Instance(_)) => a.is(b),
                    (Instance(_), _) if let Some(base) = super::subclass::base_of(a) => {
                        self.eq(&base, b)?
                    }
                    (_, Instance(_)) if let Some(base) = super::subclass::base_of(b) => {
                        self.eq(a, &base)?
                    }
                    _ => a.is(b),
                }
            }
            _ => a.is(b),
        })
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> Result<bool, Exc> {
        match container {
            Value::Str(s) => match item {
                Value::Str(x) => Ok(s.contains(&**x)),
                Value::Instance(_)
                    if let Some(Value::Str(ref x)) = super::subclass::base_of(item) =>
                {
                    Ok(s.contains(&**x))
                }
                _ => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::Bytes(b) => match item {
                Value::Int(i) => match u8::try_from(*i) {
                    Ok(x) => Ok(b.contains(&x)),
                    Err(_) => Err(Exc::new(
                        ExcKind::ValueError,
                        "byte must be in range(0, 256)",
                    )),
                },
                Value::Bool(x) => Ok(b.contains(&(*x as u8))),
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &**sub))
                }
                other => match super::methods::bytearray::contents(other) {
                    Some(sub) => Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &*sub)),
                    None => Err(type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        other.type_name()
                    ))),
                },
            },
            Value::Dict(d) => {
                let k = self.key_in(item, |k| d.borrow().same_hash(k))?;
                Ok(d.borrow().map.contains_key(&k))
            }
            Value::Set(s) => {
                let k = self.key_in(item, |k| s.borrow().same_hash(k))?;
                Ok(s.borrow().map.contains_key(&k))
            }
            Value::FrozenSet(s) => {
                let k = self.key_in(item, |k| s.same_hash(k))?;
                Ok(s.map.contains_key(&k))
            }
            Value::Range(r) if r.big.is_none() && as_int(item).is_some() => {
                Ok(r.contains(as_int(item).unwrap_or(0)))
            }
            Value::Range(r) if bigint::is_int(item) => {
                Ok(r.contains_big(&bigint::to_big(item).unwrap_or_default()))
            }
            // Anything else is compared with each item, as CPython walks the range for it.
            Value::Range(_) => {
                let iter = self.iter(container)?;
                while let Some(v) = self.next(&iter)? {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            // Read afresh at each step: an item's `__eq__` may change the list.
            Value::List(l) => self.seq_contains(item, |i| plain_find(&l.borrow(), i, item)),
            Value::Tuple(t) => self.seq_contains(item, |i| plain_find(t, i, item)),
            Value::Instance(inst) if inst.class.lookup("__contains__").is_some() => {
                let m = bind(
                    inst.class.lookup("__contains__").expect("checked"),
                    container,
                );
                let r = self.call(&m, Args::new(vec![item.clone()]))?;
                self.truthy(&r)
            }
            _ => {
                // Item by item, stopping at the first match (an endless generator can hold it).
                let it = match self.iter(container) {
                    Ok(it) => it,
                    Err(e)
                        if e.is(ExcKind::TypeError) && matches!(container, Value::Instance(_)) =>
                    {
                        return Err(type_error(format!(
                            "argument of type '{}' is not iterable",
                            container.type_name()
                        )));
                    }
                    Err(e) => return Err(e),
                };
                while let Some(x) = self.next(&it)? {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// `item in seq` for a list or tuple, `find(i)` giving what is at or after `i` (see
    /// [`plain_find`]): each item it cannot decide is compared as `==` compares, itself first.
    fn seq_contains(
        &mut self,
        item: &Value,
        mut find: impl FnMut(usize) -> Found,
    ) -> Result<bool, Exc> {
        let mut i = 0;
        loop {
            match find(i) {
                Found::Equal => return Ok(true),
                Found::End => return Ok(false),
                Found::Ask(at, x) => {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i = at + 1;
                }
            }
        }
    }

    /// The dict key form of a value; unhashable values raise `TypeError` as in CPython.
    pub fn hash_key(&mut self, v: &Value) -> Result<HashKey, Exc> {
        Ok(match v {
            Value::None => HashKey::None,
            Value::Ellipsis => HashKey::Ellipsis,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(i) => HashKey::Int(*i),
            Value::BigInt(b) => HashKey::BigInt(b.clone()),
            Value::Float(f) => {
                // An integral float is the int it equals (`{2.0**64: 1}[2**64]`).
                if f.is_finite() && f.fract() == 0.0 {
                    match bigint::from_f64(*f)? {
                        Value::Int(i) => HashKey::Int(i),
                        Value::BigInt(ref b) => HashKey::BigInt(b.clone()),
                        _ => HashKey::Float(f.to_bits()),
                    }
                } else {
                    HashKey::Float(f.to_bits())
                }
            }
            Value::Str(s) => HashKey::Str(s.clone()),
            Value::Bytes(b) => HashKey::Bytes(b.clone()),
            Value::Tuple(t) => {
                let mut ks = Vec::with_capacity(t.len());
                for x in t.iter() {
                    // Nested 100 000 deep, a tuple still hashes, as in CPython: on more stack.
                    let k =
                        super::interp::stack::maybe_grow(64 * 1024, 1 << 20, || self.hash_key(x))?;
                    ks.push(k);
                }
                user_container(v, HashKey::Tuple(Rc::from(ks)))
            }
            Value::FrozenSet(s) => {
                user_container(v, HashKey::FrozenSet(s.map.keys().cloned().collect()))
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(type_error(format!("unhashable type: '{}'", v.type_name())));
            }
            // A complex number: by its CPython hash and `__eq__`, or as the float it equals.
            Value::Instance(_) if let Some(k) = super::complex::hash_key(v) => return k,
            // A read-only view of bytes is the key its bytes are (CPython: equal, same hash).
            Value::Instance(_) if let Some(b) = super::methods::memoryview::hash_bytes(v) => {
                return self.hash_key(&Value::Bytes(b?));
            }
            Value::Instance(_) if let Some(c) = super::complex::get(v) => {
                return self.hash_key(&Value::Float(c.re));
            }
            Value::Instance(i)
                if let Some(base) = super::subclass::base_of_instance(i)
                    && !defines_own_hash_or_eq(&i.class) =>
            {
                // `Point(1, 2)` is the key `(1, 2)` is: equal, with the same hash.
                return self.hash_key(&base);
            }
            Value::Instance(i) => {
                // As CPython's type creation: a class that defines __eq__ without __hash__ has
                // `__hash__ = None`, for itself and the classes that inherit it.
                let own_hash = i.class.mro.borrow().iter().find_map(|c| {
                    let attrs = c.attrs.borrow();
                    if let Some(h) = attrs.get("__hash__") {
                        Some(h.clone())
                    } else if attrs.get("__eq__").is_some() {
                        Some(Value::None)
                    } else {
                        None
                    }
                });
                if let Some(h) = own_hash {
                    if matches!(h, Value::None) {
                        return Err(type_error(format!("unhashable type: '{}'", v.type_name())));
                    }
                    let n = match self.call(&bind(h, v), Args::default())? {
                        Value::Int(n) => n,
                        Value::Bool(b) => b as i64,
                        // CPython reduces a big `__hash__` result as it hashes that int.
                        Value::BigInt(ref b) => bigint::hash_big(b),
                        _ => {
                            return Err(type_error("__hash__ method should return an integer"));
                        }
                    };
                    // Without an __eq__ of its own, equality is identity (object's), so two
                    // instances with the same hash are still two keys.
                    if !matches!(i.class.lookup("__eq__"), Some(Value::Function(_))) {
                        return Ok(HashKey::Ptr(v.ptr().unwrap_or(0)));
                    }
                    // With one, two instances are one key when `__eq__` says so: the container's
                    // lookup calls it (src/python/keys.rs).
                    return Ok(HashKey::User {
                        hash: n,
                        id: v.ptr().unwrap_or(0),
                    });
                }
                HashKey::Ptr(v.ptr().unwrap_or(0))
            }
            Value::Range(r) => super::methods::range::hash_key(r),
            other => HashKey::Ptr(other.ptr().unwrap_or(0)),
        })
    }

    /// `obj[idx]`.
    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> PyResult {
        match (obj, idx) {
            (Value::List(l), Value::Int(_) | Value::Bool(_)) => {
                let l = l.borrow();
                let i = norm_index(as_int(idx).unwrap_or(0), l.len())
                    .ok_or_else(|| index_error("list index out of range"))?;
                Ok(l[i].clone())
            }
            (Value::Tuple(t), Value::Int(_) | Value::Bool(_)) => {
                let i = norm_index(as_int(idx).unwrap_or(0), t.len())
                    .ok_or_else(|| index_error("tuple index out of range"))?;
                Ok(t[i].clone())
            }
            (Value::Str(s), Value::Int(i)) => {
                let n = s.chars().count();
                let i =
                    norm_index(*i, n).ok_or_else(|| index_error("string index out of range"))?;
                Ok(Value::Str(PyStr::from(
                    s.chars().nth(i).map(String::from).unwrap_or_default(),
                )))
            }
            (Value::Bytes(b), Value::Int(i)) => {
                let i = norm_index(*i, b.len()).ok_or_else(|| index_error("index out of range"))?;
                Ok(Value::Int(b[i] as i64))
            }
            (Value::Range(r), Value::Int(i)) if r.big.is_none() => {
                let x = r
                    .at(*i)
                    .ok_or_else(|| index_error("range object index out of range"))?;
                Ok(Value::Int(x))
            }
            // A range past 64 bits, or an index past them: exact, as CPython's.
            (Value::Range(r), Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
                let i = bigint::to_big(idx).unwrap_or_default();
                match r.at_big(&i) {
                    Some(x) => Ok(bigint::norm(x)),
                    None => Err(index_error("range object index out of range")),
                }
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_),
                Value::BigInt(_),
            ) => Err(bigint::index_overflow(ExcKind::IndexError)),
            (Value::Dict(d), _) => {
                let k = self.key_in(idx, |k| d.borrow().same_hash(k))?;
                if let Some(v) = d.borrow().get(&k) {
                    return Ok(v.clone());
                }
                Err(Exc::with_args(ExcKind::KeyError, vec![idx.clone()]))
            }
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Range(_),
                Value::Slice(s),
            ) => self.slice(obj, s),
            (Value::Class(c), _) => self.class_getitem(c, idx),
            // An object with `__index__` indexes a sequence as the int it gives.
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Range(_),
                Value::Instance(i),
            ) if i.class.lookup("__index__").is_some() => {
                let n = self.call_method(idx, "__index__", vec![])?;
                if !matches!(n, Value::Int(_) | Value::BigInt(_)) {
                    return Err(type_error(format!(
                        "__index__ returned non-int (type {})",
                        n.type_name()
                    )));
                }
                self.getitem(obj, &n)
            }
            (Value::Instance(i), _) => match i.class.lookup("__getitem__") {
                Some(m) => self.call(&bind(m, obj), Args::new(vec![idx.clone()])),
                None => match super::natives::getitem(self, i, idx)? {
                    Some(v) => Ok(v),
                    None => Err(type_error(format!(
                        "'{}' object is not subscriptable",
                        obj.type_name()
                    ))),
                },
            },
            (Value::List(_) | Value::Tuple(_) | Value::Str(_), _) => Err(type_error(format!(
                "{} indices must be integers or slices, not {}",
                obj.type_name(),
                idx.type_name()
            ))),
            (Value::Bytes(_), _) => Err(type_error(format!(
                "byte indices must be integers or slices, not {}",
                idx.type_name()
            ))),
            _ => Err(type_error(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    fn slice(&mut self, obj: &Value, s: &[Value; 3]) -> PyResult {
        if let Value::Range(r) = obj {
            return Ok(Value::Range(Rc::new(super::methods::range::slice(r, s)?)));
        }
        let len = match obj {
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Str(s) => s.chars().count(),
            Value::Bytes(b) => b.len(),
            _ => 0,
        };
        let idx = slice_indices(s, len)?;
        Ok(match obj {
            // A run of items (`xs[10:-10]`, step 1) is copied as one block: item by item through
            // the index iterator it was 15x CPython's time.
            Value::List(l) => {
                let l = l.borrow();
                Value::list(match idx.run() {
                    Some(run) => clone_run(&l[run]),
                    None => idx.map(|i| l[i].clone()).collect(),
                })
            }
            Value::Tuple(t) => Value::Tuple(match idx.run() {
                Some(run) => ThinRc::from(&t[run]),
                None => idx.map(|i| t[i].clone()).collect(),
            }),
            Value::Str(st) => Value::Str(PyStr::from(slice_str(st, len, s)?)),
            Value::Bytes(b) => Value::Bytes(ThinRc::from(idx.map(|i| b[i]).collect::<Vec<u8>>())),
            _ => Value::None,
        })
    }

    /// `obj[idx] = v`.
    pub fn setitem(&mut self, obj: &Value, idx: Value, v: Value) -> Result<(), Exc> {
        match (obj, &idx) {
            (Value::List(_), Value::BigInt(_)) => Err(bigint::index_overflow(ExcKind::IndexError)),
            (Value::List(l), Value::Int(i)) => {
                let mut l = l.borrow_mut();
                let n = l.len();
                let i = norm_index(*i, n)
                    .ok_or_else(|| index_error("list assignment index out of range"))?;
                l[i] = v;
                Ok(())
            }
            (Value::List(l), Value::Slice(s)) => {
                let items = self.collect(&v)?;
                let n = l.borrow().len();
                let (start, stop, step) = slice_bounds(s, n)?;
                if step != 1 {
                    let idx = slice_indices(s, n)?;
                    if idx.len() != items.len() {
                        return Err(Exc::new(
                            ExcKind::ValueError,
                            format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                idx.len()
                            ),
                        ));
                    }
                    let mut l = l.borrow_mut();
                    for (i, x) in idx.into_iter().zip(items) {
                        l[i] = x;
                    }
                    return Ok(());
                }
                let stop = stop.max(start);
                let mut l = l.borrow_mut();
                // `list_ass_slice`: CPython's `list_resize` before growing, after shrinking
                // (python/sizeof.rs).
                let new_len = n + items.len() - (stop - start) as usize;
                if new_len > n {
                    super::sizeof::list_resize(&mut l, new_len)?;
                }
                l.splice(start as usize..stop as usize, items);
                if new_len < n {
                    super::sizeof::list_shrunk(&mut l);
                }
                Ok(())
            }
            (Value::Dict(d), _) => {
                let k = self.key_in(&idx, |k| d.borrow().same_hash(k))?;
                d.borrow_mut().insert(k, idx, v);
                Ok(())
            }
            (Value::Instance(i), _) => match i.class.lookup("__setitem__") {
                Some(m) => {
                    self.call(&bind(m, obj), Args::new(vec![idx, v]))?;
                    Ok(())
                }
                None => {
                    if super::natives::setitem(self, i, &idx, &v)? {
                        return Ok(());
                    }
                    Err(type_error(format!(
                        "'{}' object does not support item assignment",
                        obj.type_name()
                    )))
                }
            },
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    /// `del obj[idx]`.
    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> Result<(), Exc> {
        match (obj, idx) {
            (Value::List(_), Value::BigInt(_)) => Err(bigint::index_overflow(ExcKind::IndexError)),
            (Value::List(l), Value::Int(i)) => {
                let mut l = l.borrow_mut();
                let n = l.len();
                let i = norm_index(*i, n)
                    .ok_or_else(|| index_error("list assignment index out of range"))?;
                l.remove(i);
                // CPython's `list_resize` may give slots back (python/sizeof.rs).
                super::sizeof::list_shrunk(&mut l);
                Ok(())
            }
            (Value::List(l), Value::Slice(s)) => {
                let n = l.borrow().len();
                let mut gone = vec![false; n];
                for i in slice_indices(s, n)? {
                    gone[i] = true;
                }
                let mut k = 0;
                let mut l = l.borrow_mut();
                l.retain(|_| {
                    k += 1;
                    !gone[k - 1]
                });
                super::sizeof::list_shrunk(&mut l);
                Ok(())
            }
            (Value::Dict(d), _) => {
                let k = self.key_in(idx, |k| d.borrow().same_hash(k))?;
                match d.borrow_mut().map.shift_remove(&k) {
                    Some(_) => Ok(()),
                    None => Err(Exc::with_args(ExcKind::KeyError, vec![idx.clone()])),
                }
            }
            (Value::Instance(i), _) => match i.class.lookup("__delitem__") {
                Some(m) => {
                    self.call(&bind(m, obj), Args::new(vec![idx.clone()]))?;
                    Ok(())
                }
                None => Err(type_error(format!(
                    "'{}' object doesn't support item deletion",
                    obj.type_name()
                ))),
            },
            _ => Err(type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            ))),
        }
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: &Value) -> Result<i64, Exc> {
        Ok(match v {
            Value::Str(s) => s.chars().count() as i64,
            Value::Bytes(b) => b.len() as i64,
            Value::List(l) => l.borrow().len() as i64,
            Value::Tuple(t) => t.len() as i64,
            Value::Dict(d) => d.borrow().len() as i64,
            Value::Set(s) => s.borrow().map.len() as i64,
            Value::FrozenSet(s) => s.map.len() as i64,
            Value::Range(r) => i64::try_from(r.len_big()).map_err(|_| {
                Exc::new(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C ssize_t",
                )
            })?,
            Value::Class(c) if super::interp::meta_method(c, "__len__").is_some() => {
                let m = super::interp::meta_method(c, "__len__").expect("checked");
                match self.call(&bind(m, v), Args::default())? {
                    Value::Int(n) if n >= 0 => n,
                    _ => return Err(type_error("__len__() should return a non-negative int")),
                }
            }
            Value::Instance(i) => match i.class.lookup("__len__") {
                Some(m) => match self.call(&bind(m, v), Args::default())? {
                    Value::Int(n) if n < 0 => {
                        return Err(Exc::new(
                            ExcKind::ValueError,
                            "__len__() should return >= 0",
                        ));
                    }
                    Value::Int(n) => n,
                    Value::Bool(b) => b as i64,
                    Value::BigInt(_) => return Err(bigint::index_overflow(ExcKind::OverflowError)),
                    other => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )));
                    }
                },
                None => match super::natives::len(self, i)? {
                    Some(n) => n,
                    None => {
                        return Err(type_error(format!(
                            "object of type '{}' has no len()",
                            v.type_name()
                        )));
                    }
                },
            },
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )));
            }
        })
    }
}

/// CPython's wording for an operator its operands do not support.
fn binop_message(op: BinOp, a: &Value, b: &Value) -> String {
    let (ta, tb) = (a.type_name(), b.type_name());
    let seq = |v: &Value| {
        matches!(
            v,
            Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
        )
    };
    match op {
        BinOp::Add if matches!(a, Value::Bytes(_)) => format!("can't concat {tb} to bytes"),
        BinOp::Add if seq(a) => format!("can only concatenate {ta} (not \"{tb}\") to {ta}"),
        BinOp::Mul if seq(a) => format!("can't multiply sequence by non-int of type '{tb}'"),
        BinOp::Mul if seq(b) => format!("can't multiply sequence by non-int of type '{ta}'"),
        _ => format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            symbol(op)
        ),
    }
}

/// A tuple or frozenset holding a user key is equal to another only as `__eq__` says, so it is
/// itself keyed as a user key: its hash (which ignores the members' identities) and its identity;
/// the lookup then compares the two containers with `==`, which calls the members' `__eq__`.
fn user_container(v: &Value, key: HashKey) -> HashKey {
    let (HashKey::Tuple(ks) | HashKey::FrozenSet(ks)) = &key else {
        return key;
    };
    if !ks.iter().any(|k| matches!(k, HashKey::User { .. })) {
        return key;
    }
    // CPython's number where the members have one (python/cpython_hash.rs), so that `hash()` of
    // the container and a set's order of such containers are CPython's.
    let hash = super::cpython_hash::of_key(&key).unwrap_or_else(|| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut h);
        h.finish() as i64
    });
    HashKey::User {
        hash,
        id: v.ptr().unwrap_or(0),
    }
}

pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Builtin(b) if &*b.name == "NotImplemented")
}

/// A Python index into a sequence of `len`, negative from the end; `None` when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        None
    } else {
        Some(i as usize)
    }
}

fn slice_part(v: &Value) -> Result<Option<i64>, Exc> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        // Past any length either way: clamped like CPython's slice indices.
        Value::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN + 1
        } else {
            i64::MAX
        })),
        // An instance of an int subclass (an IntEnum member) slices as its int.
        Value::Instance(i)
            if let Some(base @ (Value::Int(_) | Value::BigInt(_))) =
                super::subclass::base_of_instance(i) =>
        {
            slice_part(&base)
        }
        _ => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// CPython's `slice.indices(len)`.
pub fn slice_bounds(s: &[Value; 3], len: usize) -> Result<(i64, i64, i64), Exc> {
    let len = len as i64;
    let step = slice_part(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(Exc::new(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x + len).max(lo),
            Some(x) => x.min(hi),
        }
    };
    if step > 0 {
        Ok((
            clamp(slice_part(&s[0])?, 0, 0, len),
            clamp(slice_part(&s[1])?, len, 0, len),
            step,
        ))
    } else {
        Ok((
            clamp(slice_part(&s[0])?, len - 1, -1, len - 1),
            clamp(slice_part(&s[1])?, -1, -1, len - 1),
            step,
        ))
    }
}

/// What [`plain_find`] saw from an index on.
enum Found {
    /// An item equal to the one sought.
    Equal,
    /// No item left.
    End,
    /// An item at this index that only `==` can compare (a copy, to compare with no borrow held).
    Ask(usize, Value),
}

/// Looks through `items` from `from` for `item` while both are ints or both strs, which compare
/// here exactly as `==` compares them (no Python can run); stops at the first other item. Through
/// an iterator and the generic `==`, `999 in xs` was 2.3x CPython's time.
fn plain_find(items: &[Value], from: usize, item: &Value) -> Found {
    let rest = items.get(from..).unwrap_or(&[]);
    for (k, x) in rest.iter().enumerate() {
        match (x, item) {
            (Value::Int(a), Value::Int(b)) if a == b => return Found::Equal,
            (Value::Int(_), Value::Int(_)) => {}
            (Value::Str(a), Value::Str(b)) if a == b => return Found::Equal,
            (Value::Str(_), Value::Str(_)) => {}
            _ => return Found::Ask(from + k, x.clone()),
        }
    }
    Found::End
}

/// A copy of a run of values: a number, a bool or `None` is copied as its bits (no jump on its
/// tag), anything else counts one more owner. `to_vec` cloned each item through `Value::clone`'s
/// match, 6 ns an item of `xs[10:-10]`.
pub fn clone_run(src: &[Value]) -> Vec<Value> {
    let mut out = Vec::with_capacity(src.len());
    out.extend(src.iter().map(|v| {
        if matches!(
            v,
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)
        ) {
            // SAFETY: these variants own nothing (no `Rc`, no heap), so a bitwise copy is a
            // clone, and dropping either copy frees nothing.
            unsafe { std::ptr::read(v) }
        } else {
            v.clone()
        }
    }));
    out
}

/// A set or frozenset's members where they are (a set borrowed, a frozenset as it is).
fn set_ref(v: &Value) -> Option<SetRef<'_>> {
    match v {
        Value::Set(s) => Some(SetRef::Borrowed(s.borrow())),
        Value::FrozenSet(s) => Some(SetRef::Frozen(s)),
        _ => None,
    }
}

enum SetRef<'a> {
    Borrowed(std::cell::Ref<'a, Set>),
    Frozen(&'a Set),
}

impl std::ops::Deref for SetRef<'_> {
    type Target = Set;
    fn deref(&self) -> &Set {
        match self {
            SetRef::Borrowed(s) => s,
            SetRef::Frozen(s) => s,
        }
    }
}

/// `x | y`, `x & y`, `x - y` or `x ^ y` read in place, with no copy of either set, when every
/// member looked up is matched by its stored key alone: no `__eq__` (Python) runs, so nothing can
/// change either set meanwhile. `None` (before anything is decided) at the first member whose class
/// defines `__eq__`; the caller then works on copies. The result's order is the copying path's.
/// Copying both sets first was most of `a & b`'s time (4.6x CPython's).
fn plain_set_op(op: BinOp, x: &Set, y: &Set) -> Option<Set> {
    let plain = |k: &HashKey| !matches!(k, HashKey::User { .. });
    let mut out = Set::default();
    match op {
        BinOp::BitOr => {
            if !y.map.keys().all(plain) {
                return None;
            }
            out.map = x.map.clone();
            out.map.reserve(y.map.len());
            for (k, v) in y.map.iter() {
                out.map.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        BinOp::BitAnd | BinOp::Sub => {
            let keep_found = matches!(op, BinOp::BitAnd);
            out.map.reserve(if keep_found {
                x.map.len().min(y.map.len())
            } else {
                x.map.len()
            });
            for (k, v) in x.map.iter() {
                if !plain(k) {
                    return None;
                }
                if y.map.contains_key(k) == keep_found {
                    out.map.insert(k.clone(), v.clone());
                }
            }
        }
        _ => {
            if !x.map.keys().all(plain) || !y.map.keys().all(plain) {
                return None;
            }
            for (k, v) in x.map.iter() {
                if !y.map.contains_key(k) {
                    out.map.insert(k.clone(), v.clone());
                }
            }
            for (k, v) in y.map.iter() {
                if !x.map.contains_key(k) {
                    out.map.insert(k.clone(), v.clone());
                }
            }
        }
    }
    Some(out)
}

/// The indices a slice selects, one at a time: a slice of a big sequence never has its indices
/// all in memory at once.
pub fn slice_indices(s: &[Value; 3], len: usize) -> Result<Picks, Exc> {
    let (start, stop, step) = slice_bounds(s, len)?;
    let r = super::value::Range::small(start, stop, step);
    Ok(Picks {
        at: start,
        step,
        // At most `len` (all clamped into 0..len), so it fits.
        left: r.len_exact() as usize,
    })
}

/// `s[a:b:c]` of a str of `len` characters, walking the text (no array of its characters).
fn slice_str(st: &str, len: usize, s: &[Value; 3]) -> Result<String, Exc> {
    let (start, stop, step) = slice_bounds(s, len)?;
    let n = slice_indices(s, len)?.len();
    if n == 0 {
        return Ok(String::new());
    }
    if step == 1 {
        let byte_at = |k: i64| {
            st.char_indices()
                .nth(k as usize)
                .map_or(st.len(), |(b, _)| b)
        };
        return Ok(st[byte_at(start)..byte_at(stop)].to_string());
    }
    let mut out = super::alloc::string_with_capacity(n)?;
    let stride = step.unsigned_abs().min(usize::MAX as u64) as usize;
    if step > 0 {
        out.extend(st.chars().skip(start as usize).step_by(stride).take(n));
    } else {
        let from_end = len - 1 - start as usize;
        out.extend(st.chars().rev().skip(from_end).step_by(stride).take(n));
    }
    Ok(out)
}

/// The indices of a slice (see [`slice_indices`]), in order.
#[derive(Clone, Debug)]
pub struct Picks {
    at: i64,
    step: i64,
    left: usize,
}

impl Picks {
    /// The indices left as one ascending range, when the step is 1.
    pub fn run(&self) -> Option<std::ops::Range<usize>> {
        if self.step != 1 || self.left == 0 {
            return (self.left == 0).then_some(0..0);
        }
        let at = self.at as usize;
        Some(at..at + self.left)
    }
}

impl Iterator for Picks {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.left == 0 {
            return None;
        }
        let i = self.at as usize;
        self.left -= 1;
        // The last index may be followed by one past i64 (`x[1::2**63-1]`); it is never used.
        self.at = self.at.wrapping_add(self.step);
        Some(i)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Picks {}

/// Whether a class derived from a builtin type defines `__hash__` or `__eq__` itself (in a class
/// of its MRO before the builtin type), which then decide its hashing as for any class.
fn defines_own_hash_or_eq(c: &super::value::Class) -> bool {
    for k in c.mro.borrow().iter() {
        if &*k.module == "builtins" {
            return false;
        }
        let attrs = k.attrs.borrow();
        if attrs.contains_key("__hash__") || attrs.contains_key("__eq__") {
            return true;
        }
    }
    false
}
