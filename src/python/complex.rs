//! Python's `complex`: an instance of the native class `complex` carrying its two parts (a new
//! `Value` variant would grow every match in the interpreter and could not keep `Value` at 24
//! bytes). Arithmetic takes part through the class's dunder methods, as a program's own number
//! class would, and follows CPython 3.11's `complexobject.c`: an int or float operand is made a
//! complex first, division is Smith's method, integral powers up to 100 are repeated
//! multiplication.

use crate::python::bind::Sig;
use std::rc::Rc;

use super::ast::BinOp;
use super::exceptions::{Exc, ExcKind, type_error, value_error};
use super::interp::{Interp, bind};
use super::modules::sync::{init_with, instance_with, native_class, payload};
use super::value::{Args, Class, HashKey, Instance, NativeFn, PyStr, Value};

mod parse;

/// The payload of a `complex` instance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cpx {
    pub re: f64,
    pub im: f64,
}

type R = Result<Value, Exc>;

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", init),
    ("__add__", add),
    ("__radd__", add),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__truediv__", div),
    ("__rtruediv__", rdiv),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
    ("__bool__", truth),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__hash__", hash),
    ("__repr__", repr),
    ("__str__", repr),
    ("__format__", format),
    ("__complex__", pos),
    ("__getnewargs__", getnewargs),
    ("conjugate", conjugate),
];

/// The class `complex` (one per interpreter).
pub fn class() -> Rc<Class> {
    native_class("complex", "builtins", METHODS)
}

/// A new complex number.
pub fn new(re: f64, im: f64) -> Value {
    instance_with(class(), Cpx { re, im })
}

/// What a literal `2j` evaluates to (`src/python/convert.rs`): the number its two parts make.
pub fn literal(_: &mut Interp, a: Args) -> R {
    match a.pos.as_slice() {
        [Value::Float(re), Value::Float(im)] => Ok(new(*re, *im)),
        _ => Err(type_error("a complex literal is two floats")),
    }
}

/// The parts of a complex number (or of an instance of a class derived from `complex`).
pub fn get(v: &Value) -> Option<Cpx> {
    payload::<Cpx>(v)
}

impl super::native_object::NativeObject for Cpx {
    fn slots(&self) -> &'static super::native_object::Slots {
        static SLOTS: super::native_object::Slots = super::native_object::Slots {
            attr: Some(attr),
            set_attr: Some(set_attr),
            ..super::native_object::Slots::NONE
        };
        &SLOTS
    }
}

/// `z.real`, `z.imag`: read-only attributes of the value.
fn attr(_: &mut Interp, inst: &Rc<Instance>, name: &str) -> Result<Option<Value>, Exc> {
    if !matches!(name, "real" | "imag") {
        return Ok(None);
    }
    let c = inst
        .native
        .borrow()
        .as_ref()
        .and_then(|b| b.downcast_ref::<Cpx>().copied());
    Ok(c.map(|c| Value::Float(if name == "real" { c.re } else { c.im })))
}

/// Assignment to an attribute of a complex number: `real` and `imag` are read-only, and a plain
/// complex has no `__dict__` for others (an instance of a derived class has one: `false`, the
/// assignment goes there).
fn set_attr(_: &mut Interp, inst: &Rc<Instance>, name: &str, _: &Value) -> Result<bool, Exc> {
    if matches!(name, "real" | "imag") {
        return Err(Exc::new(ExcKind::AttributeError, "readonly attribute"));
    }
    if Rc::ptr_eq(&inst.class, &class()) {
        return Err(Exc::new(
            ExcKind::AttributeError,
            format!("'complex' object has no attribute '{name}'"),
        ));
    }
    Ok(false)
}

/// The dict key of a complex number: `None` for one with no imaginary part, which is keyed as the
/// float it equals (so `{1: 'a'}[1+0j]` finds the int key); any other is keyed by its CPython hash and compared with
/// `__eq__`.
pub fn hash_key(v: &Value) -> Option<Result<HashKey, Exc>> {
    let c = get(v)?;
    if c.im == 0.0 {
        return None;
    }
    Some(Ok(HashKey::User {
        hash: cpython_hash(c),
        id: v.ptr().unwrap_or(0),
    }))
}

/// An operand of mixed arithmetic as a complex (`None` for a type complex does not mix with).
fn operand(v: &Value) -> Result<Option<Cpx>, Exc> {
    Ok(match v {
        Value::Int(i) => Some(Cpx {
            re: *i as f64,
            im: 0.0,
        }),
        Value::Bool(b) => Some(Cpx {
            re: *b as i64 as f64,
            im: 0.0,
        }),
        Value::BigInt(b) => Some(Cpx {
            re: super::bigint::to_f64(b)?,
            im: 0.0,
        }),
        Value::Float(f) => Some(Cpx { re: *f, im: 0.0 }),
        _ => get(v),
    })
}

fn not_implemented() -> Value {
    Value::builtin("NotImplemented", |_, _| {
        Err(type_error("'NotImplementedType' object is not callable"))
    })
}

fn this(a: &Args) -> Result<Cpx, Exc> {
    a.pos
        .first()
        .and_then(get)
        .ok_or_else(|| type_error("descriptor requires a 'complex' object"))
}

/// `a op b` when one side is a plain `complex` (not a derived class, whose methods may be the
/// program's own) and the other a number or a plain complex; `None` otherwise, for the dunder path.
pub fn exact_binop(op: BinOp, a: &Value, b: &Value) -> Result<Option<Value>, Exc> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow
    ) {
        return Ok(None);
    }
    let exact = |v: &Value| match v {
        Value::Instance(i) => {
            let c = i
                .native
                .borrow()
                .as_ref()
                .and_then(|b| b.downcast_ref::<Cpx>().copied());
            c.filter(|_| Rc::ptr_eq(&i.class, &class())).map(Some)
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => Some(None),
        _ => None,
    };
    let (Some(x), Some(y)) = (exact(a), exact(b)) else {
        return Ok(None);
    };
    if x.is_none() && y.is_none() {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(a)?, operand(b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => c_sum(x, y),
        BinOp::Sub => c_diff(x, y),
        BinOp::Mul => c_prod(x, y),
        BinOp::Div => c_quot(x, y).ok_or_else(zero_division)?,
        _ => power(x, y)?,
    };
    Ok(Some(new(r.re, r.im)))
}

/// `self` and the other operand of a binary method, or `None` (NotImplemented).
fn pair(a: &Args) -> Result<Option<(Cpx, Cpx)>, Exc> {
    let x = this(a)?;
    match a.pos.get(1) {
        Some(o) => Ok(operand(o)?.map(|y| (x, y))),
        None => Err(type_error("expected 1 argument, got 0")),
    }
}

fn binary(a: &Args, f: impl Fn(Cpx, Cpx) -> Result<Cpx, Exc>) -> R {
    match pair(a)? {
        Some((x, y)) => f(x, y).map(|c| new(c.re, c.im)),
        None => Ok(not_implemented()),
    }
}

pub fn c_sum(a: Cpx, b: Cpx) -> Cpx {
    Cpx {
        re: a.re + b.re,
        im: a.im + b.im,
    }
}

pub fn c_diff(a: Cpx, b: Cpx) -> Cpx {
    Cpx {
        re: a.re - b.re,
        im: a.im - b.im,
    }
}

pub fn c_prod(a: Cpx, b: Cpx) -> Cpx {
    Cpx {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// CPython's `_Py_c_quot` (Smith's method); `None` for a zero divisor.
pub fn c_quot(a: Cpx, b: Cpx) -> Option<Cpx> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Cpx {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Cpx {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        // At least one part of the divisor is a NaN.
        Some(Cpx {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

fn zero_division() -> Exc {
    Exc::new(ExcKind::ZeroDivisionError, "complex division by zero")
}

fn add(_: &mut Interp, a: Args) -> R {
    binary(&a, |x, y| Ok(c_sum(x, y)))
}
fn sub(_: &mut Interp, a: Args) -> R {
    binary(&a, |x, y| Ok(c_diff(x, y)))
}
fn rsub(_: &mut Interp, a: Args) -> R {
    binary(&a, |x, y| Ok(c_diff(y, x)))
}
fn mul(_: &mut Interp, a: Args) -> R {
    binary(&a, |x, y| Ok(c_prod(x, y)))
}
fn div(_: &mut Interp, a: Args) -> R {
    binary(&a, |x, y| c_quot(x, y).ok_or_else(zero_division))
}
fn rdiv(_: &mut Interp, a: Args) -> R {
    binary(&a, |x, y| c_quot(y, x).ok_or_else(zero_division))
}

/// `x ** y` as CPython's `complex_pow`: an integral exponent of at most 100 by repeated squaring,
/// any other through polar form; a zero base to a negative or complex power, or an infinite
/// result, raise CPython's errors.
pub fn power(x: Cpx, y: Cpx) -> Result<Cpx, Exc> {
    let domain = || {
        Exc::new(
            ExcKind::ZeroDivisionError,
            "0.0 to a negative or complex power",
        )
    };
    let p = if y.im == 0.0 && y.re == (y.re as i64) as f64 && y.re.abs() <= 100.0 {
        let n = y.re as i64;
        if n > 0 {
            c_powu(x, n as u64)
        } else {
            c_quot(Cpx { re: 1.0, im: 0.0 }, c_powu(x, n.unsigned_abs())).ok_or_else(domain)?
        }
    } else if y.re == 0.0 && y.im == 0.0 {
        Cpx { re: 1.0, im: 0.0 }
    } else if x.re == 0.0 && x.im == 0.0 {
        if y.im != 0.0 || y.re < 0.0 {
            return Err(domain());
        }
        Cpx { re: 0.0, im: 0.0 }
    } else {
        let vabs = x.re.hypot(x.im);
        let mut len = vabs.powf(y.re);
        let at = x.im.atan2(x.re);
        let mut phase = at * y.re;
        if y.im != 0.0 {
            len /= (at * y.im).exp();
            phase += y.im * vabs.ln();
        }
        Cpx {
            re: len * phase.cos(),
            im: len * phase.sin(),
        }
    };
    if p.re.is_infinite() || p.im.is_infinite() {
        return Err(Exc::new(ExcKind::OverflowError, "complex exponentiation"));
    }
    Ok(p)
}

fn c_powu(x: Cpx, n: u64) -> Cpx {
    let mut r = Cpx { re: 1.0, im: 0.0 };
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn modulo_refused(a: &Args) -> Result<(), Exc> {
    if a.pos.get(2).is_some_and(|m| !matches!(m, Value::None)) {
        return Err(value_error("complex modulo"));
    }
    Ok(())
}

fn pow(_: &mut Interp, a: Args) -> R {
    modulo_refused(&a)?;
    binary(&a, power)
}
fn rpow(_: &mut Interp, a: Args) -> R {
    modulo_refused(&a)?;
    binary(&a, |x, y| power(y, x))
}

fn neg(_: &mut Interp, a: Args) -> R {
    let c = this(&a)?;
    Ok(new(-c.re, -c.im))
}

/// `+z` (and `z.__complex__()`): the same number, as a plain complex.
fn pos(_: &mut Interp, a: Args) -> R {
    let c = this(&a)?;
    Ok(new(c.re, c.im))
}

/// `abs(z)`: CPython's `_Py_c_abs`, an infinite part giving inf even beside a NaN.
pub fn modulus(c: Cpx) -> Result<f64, Exc> {
    if c.re.is_infinite() || c.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if c.re.is_nan() || c.im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = c.re.hypot(c.im);
    if r.is_infinite() {
        return Err(Exc::new(ExcKind::OverflowError, "absolute value too large"));
    }
    Ok(r)
}

fn abs(_: &mut Interp, a: Args) -> R {
    Ok(Value::Float(modulus(this(&a)?)?))
}

fn truth(_: &mut Interp, a: Args) -> R {
    let c = this(&a)?;
    Ok(Value::Bool(c.re != 0.0 || c.im != 0.0))
}

/// `z == other`: exact against an int of any size, as CPython compares a float with an int.
fn equal(it: &mut Interp, a: &Args) -> Result<Option<bool>, Exc> {
    let x = this(a)?;
    let Some(o) = a.pos.get(1) else {
        return Err(type_error("expected 1 argument, got 0"));
    };
    Ok(match o {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            Some(x.im == 0.0 && it.eq(&Value::Float(x.re), o)?)
        }
        _ => operand(o)?.map(|y| x.re == y.re && x.im == y.im),
    })
}

fn eq(it: &mut Interp, a: Args) -> R {
    Ok(equal(it, &a)?.map_or_else(not_implemented, Value::Bool))
}

fn ne(it: &mut Interp, a: Args) -> R {
    Ok(equal(it, &a)?.map_or_else(not_implemented, |b| Value::Bool(!b)))
}

/// CPython's `complex_hash`: the real part's hash plus 1000003 times the imaginary part's.
pub fn cpython_hash(c: Cpx) -> i64 {
    let h = super::float_hash::hash_double(c.re)
        .wrapping_add(1_000_003i64.wrapping_mul(super::float_hash::hash_double(c.im)));
    if h == -1 { -2 } else { h }
}

fn hash(_: &mut Interp, a: Args) -> R {
    Ok(Value::Int(cpython_hash(this(&a)?)))
}

/// CPython's `complex_repr`: each part as `repr(float)` gives it without a trailing `.0`, the
/// real part left out when it is a positive zero, parentheses otherwise.
pub fn repr_of(c: Cpx) -> String {
    super::format::complex::format_complex(c.re, c.im, "").unwrap_or_default()
}

fn repr(_: &mut Interp, a: Args) -> R {
    Ok(Value::str(&repr_of(this(&a)?)))
}

fn format(_: &mut Interp, a: Args) -> R {
    let c = this(&a)?;
    let spec = match a.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )));
        }
        None => PyStr::from(""),
    };
    Ok(Value::str(&super::format::complex::format_complex(
        c.re, c.im, &spec,
    )?))
}

fn conjugate(_: &mut Interp, a: Args) -> R {
    let c = this(&a)?;
    Ok(new(c.re, -c.im))
}

/// What `complex(re, im)` is called with again when the value is rebuilt (pickle, copy).
fn getnewargs(_: &mut Interp, a: Args) -> R {
    let c = this(&a)?;
    Ok(Value::tuple(vec![Value::Float(c.re), Value::Float(c.im)]))
}

/// `complex(real=0, imag=0)` and `complex(string)`, as CPython 3.11's `complex_new`.
fn init(it: &mut Interp, a: Args) -> R {
    let [real, imag] = Sig::c("complex", &["real", "imag"], 0).method().bind(&a)?;
    let c = construct(it, real.cloned(), imag.cloned())?;
    init_with(&a, c)
}

fn construct(it: &mut Interp, real: Option<Value>, imag: Option<Value>) -> Result<Cpx, Exc> {
    let Some(r) = real else {
        return match imag {
            None => Ok(Cpx { re: 0.0, im: 0.0 }),
            Some(i) => construct(it, Some(Value::Int(0)), Some(i)),
        };
    };
    if let Value::Str(s) = &r {
        if imag.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        // Underscores are checked (each between two digits) and removed before parsing, with
        // CPython's own message for a misplaced one.
        let b = s.as_bytes();
        let misplaced = (0..b.len()).any(|i| {
            b[i] == b'_'
                && !(i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        });
        if misplaced {
            return Err(value_error(format!(
                "could not convert string to complex: {}",
                super::format::str_repr(s)
            )));
        }
        return parse::parse(&s.replace('_', ""))
            .ok_or_else(|| value_error("complex() arg is a malformed string"));
    }
    if matches!(imag, Some(Value::Str(_))) {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let r_value = r.clone();
    let r = match part(it, &r)? {
        Some(c) => c,
        None => {
            return Err(type_error(format!(
                "complex() first argument must be a string or a number, not '{}'",
                r.type_name()
            )));
        }
    };
    let i = match &imag {
        None => Cpx { re: 0.0, im: 0.0 },
        Some(v) => part(it, v)?.ok_or_else(|| {
            type_error(format!(
                "complex() second argument must be a number, not '{}'",
                v.type_name()
            ))
        })?,
    };
    // `complex(a, b)` is `a + b*1j`; as in CPython, a part is added only where an argument is a
    // complex, so `complex(0, -0.0)` keeps its negative zero.
    let is_complex = |v: &Value| {
        get(v).is_some()
            || matches!(v, Value::Instance(i) if i.class.lookup("__complex__").is_some())
    };
    let (r_complex, i_complex) = (is_complex(&r_value), imag.as_ref().is_some_and(is_complex));
    Ok(Cpx {
        re: if i_complex { r.re - i.im } else { r.re },
        im: if r_complex { r.im + i.re } else { i.re },
    })
}

/// A number given to `complex()`: a complex, an int or float, or an object with `__complex__`
/// (which must give a complex) or `__float__`.
fn part(it: &mut Interp, v: &Value) -> Result<Option<Cpx>, Exc> {
    if let Some(c) = operand(v)? {
        return Ok(Some(c));
    }
    if let Value::Instance(i) = v {
        if let Some(m) = i.class.lookup("__complex__") {
            let got = it.call(&bind(m, v), Args::default())?;
            return match get(&got) {
                Some(c) => Ok(Some(c)),
                None => Err(type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    got.type_name()
                ))),
            };
        }
        if let Some(m) = i.class.lookup("__float__") {
            let got = it.call(&bind(m, v), Args::default())?;
            return match got {
                Value::Float(f) => Ok(Some(Cpx { re: f, im: 0.0 })),
                other => Err(type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    i.class.name,
                    other.type_name()
                ))),
            };
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_cpythons() {
        // python3 -c 'print(hash(1+2j), hash(0.5j))'
        assert_eq!(cpython_hash(Cpx { re: 1.0, im: 2.0 }), 2000007);
        assert_eq!(cpython_hash(Cpx { re: 0.0, im: 0.5 }), 3458764513820540928);
    }

    #[test]
    fn division_by_zero_is_none() {
        assert!(c_quot(Cpx { re: 1.0, im: 0.0 }, Cpx { re: 0.0, im: 0.0 }).is_none());
        assert_eq!(
            c_quot(Cpx { re: 1.0, im: 2.0 }, Cpx { re: 1.0, im: 2.0 }),
            Some(Cpx { re: 1.0, im: 0.0 })
        );
    }
}
