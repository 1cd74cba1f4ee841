//! `range` objects beyond the loop's fast path: `start`/`stop`/`step`, `count` and `index`,
//! equality and hash as CPython's (two ranges are equal when they give the same items), the repr,
//! and ranges whose bounds pass 64 bits (`range(2**64, 2**64 + 3)`), walked by a
//! `longrange_iterator` as CPython walks them.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;

use crate::python::bigint::{norm, to_big};
use crate::python::exceptions::{self, Exc, ExcKind, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, HashKey, Instance, Namespace, NativeFn, NativeKind};
use crate::python::value::{PyStr, Range, Value};

type R = Result<Value, Exc>;

/// `r.start`, `r.stop`, `r.step`.
pub fn attr(r: &Range, name: &str) -> Value {
    if r.big.is_none() {
        return Value::Int(match name {
            "start" => r.start,
            "stop" => r.stop,
            _ => r.step,
        });
    }
    let (start, stop, step) = r.bounds();
    norm(match name {
        "start" => start,
        "stop" => stop,
        _ => step,
    })
}

pub fn lookup(name: &str) -> Option<NativeFn> {
    match name {
        "count" => Some(count),
        "index" => Some(index),
        _ => None,
    }
}

fn this(a: &Args, m: &str) -> Result<Rc<Range>, Exc> {
    match a.pos.first() {
        Some(Value::Range(r)) => Ok(r.clone()),
        _ => Err(type_error(format!(
            "descriptor '{m}' for 'range' objects needs a range"
        ))),
    }
}

fn one_arg(a: &Args, m: &str) -> Result<Value, Exc> {
    if !a.kw.is_empty() {
        return Err(type_error(format!(
            "range.{m}() takes no keyword arguments"
        )));
    }
    match &a.pos[1..] {
        [x] => Ok(x.clone()),
        more => Err(type_error(format!(
            "range.{m}() takes exactly one argument ({} given)",
            more.len()
        ))),
    }
}

/// The position of `x` among the items: exact for an int, by `==` for anything else (CPython
/// walks the range then, `1.0` is found at 1).
fn position(it: &mut Interp, r: &Rc<Range>, x: &Value) -> Result<Option<BigInt>, Exc> {
    if let Some(n) = to_big(x) {
        if !r.contains_big(&n) {
            return Ok(None);
        }
        let (start, _, step) = r.bounds();
        return Ok(Some((n - start).div_floor(&step)));
    }
    let iter = it.iter(&Value::Range(r.clone()))?;
    let mut k = BigInt::from(0);
    while let Some(v) = it.next(&iter)? {
        if it.eq(&v, x)? {
            return Ok(Some(k));
        }
        k += 1;
    }
    Ok(None)
}

/// `r.count(x)`.
fn count(it: &mut Interp, a: Args) -> R {
    let r = this(&a, "count")?;
    let x = one_arg(&a, "count")?;
    if let Some(n) = to_big(&x) {
        return Ok(Value::Int(i64::from(r.contains_big(&n))));
    }
    let iter = it.iter(&Value::Range(r))?;
    let mut n = 0i64;
    while let Some(v) = it.next(&iter)? {
        if it.eq(&v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `r.index(x)`.
fn index(it: &mut Interp, a: Args) -> R {
    let r = this(&a, "index")?;
    let x = one_arg(&a, "index")?;
    match position(it, &r, &x)? {
        Some(k) => Ok(norm(k)),
        None if to_big(&x).is_some() => {
            let shown = it.repr(&x)?;
            Err(value_error(format!("{shown} is not in range")))
        }
        None => Err(value_error("sequence.index(x): x not in sequence")),
    }
}

/// `a == b` for ranges: the same items (`range(0) == range(2, 1)`, `range(0, 3, 2) ==
/// range(0, 4, 2)`), as CPython compares them.
pub fn equal(a: &Range, b: &Range) -> bool {
    if a.big.is_none() && b.big.is_none() {
        let n = a.len_exact();
        return n == b.len_exact()
            && (n == 0 || (a.start == b.start && (n == 1 || a.step == b.step)));
    }
    let n = a.len_big();
    let zero = BigInt::from(0);
    let (sa, _, pa) = a.bounds();
    let (sb, _, pb) = b.bounds();
    n == b.len_big() && (n == zero || (sa == sb && (n == BigInt::from(1) || pa == pb)))
}

/// What CPython hashes a range as: `(len, start, step)`, with `start` and `step` `None` where
/// they do not change the items (an empty range, a range of one item).
pub fn hash_tuple(r: &Range) -> Value {
    let n = r.len_big();
    let (start, _, step) = r.bounds();
    let (start, step) = if n == BigInt::from(0) {
        (Value::None, Value::None)
    } else if n == BigInt::from(1) {
        (norm(start), Value::None)
    } else {
        (norm(start), norm(step))
    };
    Value::tuple(vec![norm(n), start, step])
}

/// A range as a dict key: equal ranges are one key. The first member is no object's address,
/// so no tuple's key is ever equal to a range's.
pub fn hash_key(r: &Range) -> HashKey {
    let tuple = hash_tuple(r);
    let Value::Tuple(t) = &tuple else {
        return HashKey::Ptr(usize::MAX);
    };
    let part = |v: &Value| match v {
        Value::Int(i) => HashKey::Int(*i),
        Value::BigInt(b) => HashKey::BigInt(b.clone()),
        _ => HashKey::None,
    };
    let mut key = vec![HashKey::Ptr(usize::MAX)];
    key.extend(t.iter().map(part));
    HashKey::Tuple(key.into())
}

/// `repr(r)`: `range(1, 10)`, with the step only when it is not 1.
pub fn repr(r: &Range) -> String {
    let (start, stop, step) = r.bounds();
    if step == BigInt::from(1) {
        format!("range({start}, {stop})")
    } else {
        format!("range({start}, {stop}, {step})")
    }
}

// ---- ranges past 64 bits ----------------------------------------------------------------------

/// A `longrange_iterator`'s place: the next item, the items left, the step.
struct LongIter {
    next: BigInt,
    left: BigInt,
    step: BigInt,
}

impl crate::python::native_object::NativeObject for LongIter {}

/// The `longrange_iterator` class, made once per interpreter (`per_interp`).
static LONG_ITER: crate::python::builtin_classes::InterpSlot<Rc<Class>> =
    crate::python::builtin_classes::InterpSlot::new();

fn long_iter_class() -> Rc<Class> {
    crate::python::builtin_classes::per_interp(&LONG_ITER, || {
        let mut attrs = Namespace::default();
        let methods: [(&str, NativeFn); 3] = [
            ("__iter__", long_iter_iter),
            ("__next__", long_iter_next),
            ("__length_hint__", long_iter_length_hint),
        ];
        for (n, f) in methods {
            attrs.insert(PyStr::from(n), Value::builtin(n, f));
        }
        exceptions::make_class(
            "longrange_iterator",
            "builtins",
            vec![crate::python::builtin_classes::object()],
            attrs,
            Some(NativeKind::Other),
        )
        .expect("one base")
    })
}

/// `iter(r)` (or `reversed(r)`) of a range whose bounds pass 64 bits.
pub fn long_iter(r: &Range, reverse: bool) -> Value {
    let (start, _, step) = r.bounds();
    let left = r.len_big();
    let (next, step) = if reverse && left > BigInt::from(0) {
        (&start + &step * (&left - 1), -step)
    } else {
        (start, step)
    };
    Value::Instance(Rc::new(Instance {
        class: long_iter_class(),
        attrs: RefCell::new(Namespace::default()),
        native: RefCell::new(Some(Box::new(LongIter { next, left, step }))),
    }))
}

fn with_long_iter<T>(a: &Args, f: impl FnOnce(&mut LongIter) -> T) -> Result<T, Exc> {
    let Some(Value::Instance(i)) = a.pos.first() else {
        return Err(type_error("expected a longrange_iterator"));
    };
    let mut native = i.native.borrow_mut();
    match native.as_mut().and_then(|b| b.downcast_mut::<LongIter>()) {
        Some(s) => Ok(f(s)),
        None => Err(type_error("expected a longrange_iterator")),
    }
}

fn long_iter_iter(_: &mut Interp, a: Args) -> R {
    with_long_iter(&a, |_| ())?;
    Ok(a.pos[0].clone())
}

fn long_iter_next(_: &mut Interp, a: Args) -> R {
    let item = with_long_iter(&a, |s| {
        if s.left <= BigInt::from(0) {
            return None;
        }
        s.left -= 1;
        let item = s.next.clone();
        s.next += &s.step;
        Some(item)
    })?;
    match item {
        Some(n) => Ok(norm(n)),
        None => Err(Exc::with_args(ExcKind::StopIteration, vec![])),
    }
}

fn long_iter_length_hint(_: &mut Interp, a: Args) -> R {
    let left = with_long_iter(&a, |s| s.left.clone())?;
    Ok(norm(left))
}

/// `r[a:b:c]`: a range (never its items), computed on ints of any size as CPython's
/// `compute_slice` does.
pub fn slice(r: &Range, s: &[Value; 3]) -> Result<Range, Exc> {
    let part = |v: &Value| -> Result<Option<BigInt>, Exc> {
        match v {
            Value::None => Ok(None),
            v => to_big(v).map(Some).ok_or_else(|| {
                type_error("slice indices must be integers or None or have an __index__ method")
            }),
        }
    };
    let zero = BigInt::from(0);
    let step = part(&s[2])?.unwrap_or_else(|| BigInt::from(1));
    if step == zero {
        return Err(value_error("slice step cannot be zero"));
    }
    let len = r.len_big();
    let back = step < zero;
    let (lower, upper) = if back {
        (BigInt::from(-1), &len - 1)
    } else {
        (zero, len.clone())
    };
    let clamp = |v: Option<BigInt>, default: &BigInt| match v {
        None => default.clone(),
        Some(mut k) => {
            if k.sign() == num_bigint::Sign::Minus {
                k += &len;
                if k < lower {
                    k = lower.clone();
                }
            } else if k > upper {
                k = upper.clone();
            }
            k
        }
    };
    let start = clamp(part(&s[0])?, if back { &upper } else { &lower });
    let stop = clamp(part(&s[1])?, if back { &lower } else { &upper });
    let (r_start, _, r_step) = r.bounds();
    Ok(Range::new(
        &r_start + &r_step * start,
        &r_start + &r_step * stop,
        r_step * step,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::tests::out;

    #[test]
    fn bounds_past_64_bits_take_the_big_form_and_fitting_ones_do_not() {
        let small = Range::new(BigInt::from(1), BigInt::from(10), BigInt::from(3));
        assert!(small.big.is_none());
        assert_eq!((small.start, small.stop, small.step), (1, 10, 3));
        let big = Range::new(BigInt::from(1) << 64, (BigInt::from(1) << 64) + 3, 1.into());
        assert!(big.big.is_some() && big.len() == 3 && big.len_big() == BigInt::from(3));
        assert!(!big.is_empty());
        assert_eq!(
            repr(&big),
            "range(18446744073709551616, 18446744073709551619)"
        );
        assert!(equal(&Range::small(0, 0, 1), &Range::small(5, 2, 7)));
        assert!(!equal(&big, &Range::small(0, 3, 1)));
    }

    #[test]
    fn slices_of_a_range_are_ranges_computed_exactly() {
        let src = "r = range(2**100)\nprint(r[::2**98], r[-3:-1], r[5:2], r[::-1][0] == 2**100 - 1)\n\
                   print(range(10)[2:8:3], range(10)[::-3], range(0, 10, 2)[-2:])";
        assert_eq!(
            out(src),
            "range(0, 1267650600228229401496703205376, 316912650057057350374175801344) \
             range(1267650600228229401496703205373, 1267650600228229401496703205375) \
             range(5, 2) True\nrange(2, 8, 3) range(9, -1, -3) range(6, 10, 2)\n"
        );
    }
}
