//! `x.__reduce_ex__(protocol)` and `x.__reduce__()` called directly, as pickle and `copy` call
//! them in CPython. The builtin types that define their own `__reduce__` (set, frozenset, range,
//! slice) answer here; every other value gets `object`'s, which CPython writes partly in `copyreg`
//! and which forkyard keeps there too (`src/python/lib/copyreg.py`: `_reduce_ex` for protocols 0
//! and 1, `_reduce_newobj` for 2 and up).

use super::super::builtin_classes::builtin_type;
use super::super::exceptions::{Exc, type_error};
use super::super::interp::Interp;
use super::super::value::{Args, NativeFn, Value};
use crate::python::bind::Sig;

type R = Result<Value, Exc>;

/// The reduce method `name` that every value of the program has.
pub fn method(obj: &Value, name: &str) -> Option<NativeFn> {
    if !reducible(obj) {
        return None;
    }
    match name {
        "__reduce_ex__" => Some(reduce_ex),
        "__reduce__" => Some(reduce),
        "__getstate__" if matches!(obj, Value::Instance(_)) => Some(getstate),
        _ => None,
    }
}

/// The values `object`'s methods answer for here: builtin data and instances of the program's
/// classes (functions, classes, iterators and native objects reduce by rules of their own).
fn reducible(obj: &Value) -> bool {
    match obj {
        Value::Instance(inst) => {
            inst.native.borrow().is_none()
                || super::super::subclass::base_of_instance(inst).is_some()
                || inst.class.native_kind() == Some(super::super::value::NativeKind::BaseException)
        }
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::List(_)
        | Value::Tuple(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::FrozenSet(_)
        | Value::Range(_)
        | Value::Slice(_) => true,
        _ => false,
    }
}

/// `set.__reduce__`, `range.__reduce__`...: the types whose own reduction CPython gives.
fn own_reduce(it: &mut Interp, obj: &Value) -> Result<Option<Value>, Exc> {
    let cls = |n: &str| Value::Class(builtin_type(n));
    Ok(Some(match obj {
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().map.values().cloned().collect();
            Value::tuple(vec![
                cls("set"),
                Value::tuple(vec![Value::list(items)]),
                Value::None,
            ])
        }
        Value::FrozenSet(s) => {
            let items: Vec<Value> = s.map.values().cloned().collect();
            Value::tuple(vec![
                cls("frozenset"),
                Value::tuple(vec![Value::list(items)]),
                Value::None,
            ])
        }
        Value::Range(r) => {
            let (start, stop, step) = r.bounds();
            let n = crate::python::bigint::norm;
            Value::tuple(vec![
                cls("range"),
                Value::tuple(vec![n(start), n(stop), n(step)]),
            ])
        }
        Value::Slice(s) => Value::tuple(vec![cls("slice"), Value::tuple(s.to_vec())]),
        // A class of the program that defines `__reduce__` (`object.__reduce_ex__` prefers it).
        Value::Instance(inst) => match inst.class.lookup("__reduce__") {
            Some(_) => {
                let f = it.getattr(obj, "__reduce__")?;
                it.call(&f, Args::default())?
            }
            None => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

fn protocol_of(a: &Args) -> Result<i64, Exc> {
    let [protocol] = Sig::c_pos("__reduce_ex__", "object", &["protocol"], 1)
        .method()
        .bind(a)?;
    match protocol.unwrap_or(&Value::None) {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        v => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

fn copyreg_call(it: &mut Interp, f: &str, args: Vec<Value>) -> R {
    let copyreg = super::super::modules::import(it, "copyreg")?;
    let f = it.getattr(&copyreg, f)?;
    it.call(&f, Args::new(args))
}

/// `x.__reduce_ex__(protocol)`.
fn reduce_ex(it: &mut Interp, a: Args) -> R {
    let proto = protocol_of(&a)?;
    if let Some(rv) = own_reduce(it, &a.pos[0])? {
        return Ok(rv);
    }
    copyreg_call(
        it,
        "_object_reduce_ex",
        vec![a.pos[0].clone(), Value::Int(proto)],
    )
}

/// `x.__reduce__()`: the type's own, else `object.__reduce__`, which is protocol 0's.
fn reduce(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("__reduce__", "object", &[], 0)
        .method()
        .bind::<0>(&a)?;
    if !matches!(a.pos[0], Value::Instance(_))
        && let Some(rv) = own_reduce(it, &a.pos[0])?
    {
        return Ok(rv);
    }
    copyreg_call(
        it,
        "_object_reduce_ex",
        vec![a.pos[0].clone(), Value::Int(0)],
    )
}

/// `obj.__getstate__()` of an instance whose class does not define it.
fn getstate(it: &mut Interp, a: Args) -> R {
    Sig::c_pos("__getstate__", "object", &[], 0)
        .method()
        .bind::<0>(&a)?;
    copyreg_call(it, "_default_getstate", vec![a.pos[0].clone()])
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn builtin_values_reduce_as_cpython_does() {
        let src = "f, args, state, items, pairs = [1, 2].__reduce_ex__(2)\n\
                   print(f.__name__, args, state, list(items), pairs)\n\
                   print((5).__reduce_ex__(4)[1], range(3).__reduce__())\n\
                   try:\n    (5).__reduce__()\nexcept TypeError as e:\n    print(e)";
        assert_eq!(
            out(src),
            "__newobj__ (<class 'list'>,) None [1, 2] None\n(<class 'int'>, 5) \
             (<class 'range'>, (0, 3, 1))\ncannot pickle 'int' object\n"
        );
    }

    #[test]
    fn instances_reduce_with_their_state_and_own_reduce() {
        let src = "class P:\n    def __init__(self):\n        self.a = 1\n\
                   class R:\n    def __reduce__(self):\n        return (R, ())\n\
                   r = P().__reduce_ex__(1)\n\
                   print(r[0].__name__, r[1][1].__name__, r[2], P().__getstate__())\n\
                   print(R().__reduce_ex__(2)[0].__name__)";
        assert_eq!(out(src), "_reconstructor object {'a': 1} {'a': 1}\nR\n");
    }
}
