//! Each refusal against CPython 3.11's own words (the expected strings were printed by python3 for
//! the same calls, written as comments beside them).

use super::Sig;
use crate::python::value::{Args, Value};

const PUT: Sig = Sig::py("Queue.put", &["obj", "block", "timeout"], 1).method();
const NOWAIT: Sig = Sig::py("Queue.get_nowait", &[], 0).method();
const RANDINT: Sig = Sig::py("Random.randint", &["a", "b"], 2).method();
const F: Sig = Sig::py("f", &["x", "y", "k"], 1).kwonly(1);
const K: Sig = Sig::py("k", &["x", "k"], 2).kwonly(1);
const G: Sig = Sig::py("g", &["a", "b"], 2).posonly(1);
const TO_BYTES: Sig = Sig::c("to_bytes", &["length", "byteorder", "signed"], 0)
    .kwonly(1)
    .method();
const FROM_BYTES: Sig = Sig::c("from_bytes", &["bytes", "byteorder", "signed"], 1).kwonly(1);
const SUM: Sig = Sig::c("sum", &["iterable", "start"], 1).posonly(1);
const POW: Sig = Sig::c("pow", &["base", "exp", "mod"], 2);
const SQRT: Sig = Sig::c_pos("sqrt", "math", &["x"], 1);
const MPOW: Sig = Sig::c_pos("pow", "math", &["x", "y"], 2);
const FLOAT: Sig = Sig::c_pos("float", "", &["x"], 0).method();
const UPPER: Sig = Sig::c_pos("upper", "str", &[], 0).method();
const SPLIT: Sig = Sig::c("split", &["sep", "maxsplit"], 0).method();

/// A call with `pos` positional arguments (after `self`, which a method gets unless `unbound`) and
/// these keywords.
fn call(sig: &Sig, pos: usize, kw: &[&str], unbound: bool) -> Args {
    let this = usize::from(sig.method && !unbound);
    Args {
        pos: (0..pos + this).map(|i| Value::Int(i as i64)).collect(),
        kw: kw
            .iter()
            .map(|k| (crate::python::value::PyStr::from(*k), Value::None))
            .collect(),
    }
}

fn refusal<const N: usize>(sig: &Sig, pos: usize, kw: &[&str]) -> String {
    crate::python::exceptions::install();
    message(sig.bind::<N>(&call(sig, pos, kw, false)).map(|_| ()))
}

fn message(r: Result<(), crate::python::exceptions::Exc>) -> String {
    match r {
        Ok(()) => "bound".into(),
        Err(e) => match e.args().first() {
            Some(Value::Str(s)) => format!("{}: {s}", e.class_name()),
            _ => "no message".into(),
        },
    }
}

fn te(s: &str) -> String {
    format!("TypeError: {s}")
}

#[test]
fn python_functions_refuse_in_python_words() {
    // Q.put()
    assert_eq!(
        refusal::<3>(&PUT, 0, &[]),
        te("Queue.put() missing 1 required positional argument: 'obj'")
    );
    // Q.put(1,2,3,4)
    assert_eq!(
        refusal::<3>(&PUT, 4, &[]),
        te("Queue.put() takes from 2 to 4 positional arguments but 5 were given")
    );
    // Q.put(1, obj=2)
    assert_eq!(
        refusal::<3>(&PUT, 1, &["obj"]),
        te("Queue.put() got multiple values for argument 'obj'")
    );
    // Q.put(1, x=2)
    assert_eq!(
        refusal::<3>(&PUT, 1, &["x"]),
        te("Queue.put() got an unexpected keyword argument 'x'")
    );
    // Queue.put()
    assert_eq!(
        message(PUT.bind::<3>(&call(&PUT, 0, &[], true)).map(|_| ())),
        te("Queue.put() missing 2 required positional arguments: 'self' and 'obj'")
    );
    // Q.get_nowait(1), Q.get_nowait(x=1)
    assert_eq!(
        refusal::<0>(&NOWAIT, 1, &[]),
        te("Queue.get_nowait() takes 1 positional argument but 2 were given")
    );
    assert_eq!(
        refusal::<0>(&NOWAIT, 0, &["x"]),
        te("Queue.get_nowait() got an unexpected keyword argument 'x'")
    );
    // R.randint(), R.randint(1,2,3)
    assert_eq!(
        refusal::<2>(&RANDINT, 0, &[]),
        te("Random.randint() missing 2 required positional arguments: 'a' and 'b'")
    );
    assert_eq!(
        refusal::<2>(&RANDINT, 3, &[]),
        te("Random.randint() takes 3 positional arguments but 4 were given")
    );
}

#[test]
fn python_functions_with_keyword_only_and_positional_only_parameters() {
    // def f(x, y=None, *, k=None): f(), f(1,2,3), f(1,2,3,k=4); def k(x, *, k): k(1)
    assert_eq!(
        refusal::<3>(&F, 0, &[]),
        te("f() missing 1 required positional argument: 'x'")
    );
    assert_eq!(
        refusal::<2>(&K, 1, &[]),
        te("k() missing 1 required keyword-only argument: 'k'")
    );
    assert_eq!(
        refusal::<3>(&F, 3, &[]),
        te("f() takes from 1 to 2 positional arguments but 3 were given")
    );
    assert_eq!(
        refusal::<3>(&F, 3, &["k"]),
        te(
            "f() takes from 1 to 2 positional arguments but 3 positional arguments \
            (and 1 keyword-only argument) were given"
        )
    );
    assert_eq!(refusal::<3>(&F, 1, &["k"]), "bound");
    // def g(a, /, b): g(a=1, b=2)
    assert_eq!(
        refusal::<2>(&G, 0, &["a", "b"]),
        te("g() got some positional-only arguments passed as keyword arguments: 'a'")
    );
    // Three missing names are listed with commas and "and".
    const H: Sig = Sig::py("h", &["a", "b", "c"], 3);
    assert_eq!(
        refusal::<3>(&H, 0, &[]),
        te("h() missing 3 required positional arguments: 'a', 'b', and 'c'")
    );
}

#[test]
fn c_functions_with_named_parameters_refuse_in_c_words() {
    // (1).to_bytes(1,2,3,4) / (1,2,3) / (length=1,byteorder=2,signed=3,x=4) / (1,x=2) / (1,length=2)
    assert_eq!(
        refusal::<3>(&TO_BYTES, 4, &[]),
        te("to_bytes() takes at most 3 arguments (4 given)")
    );
    assert_eq!(
        refusal::<3>(&TO_BYTES, 3, &[]),
        te("to_bytes() takes at most 2 positional arguments (3 given)")
    );
    assert_eq!(
        refusal::<3>(&TO_BYTES, 0, &["length", "byteorder", "signed", "x"]),
        te("to_bytes() takes at most 3 keyword arguments (4 given)")
    );
    assert_eq!(
        refusal::<3>(&TO_BYTES, 1, &["x"]),
        te("'x' is an invalid keyword argument for to_bytes()")
    );
    assert_eq!(
        refusal::<3>(&TO_BYTES, 1, &["length"]),
        te("argument for to_bytes() given by name ('length') and position (1)")
    );
    assert_eq!(refusal::<3>(&TO_BYTES, 1, &["signed"]), "bound");
    // int.from_bytes(), int.from_bytes(byteorder=1)
    for kw in [&[][..], &["byteorder"]] {
        assert_eq!(
            refusal::<3>(&FROM_BYTES, 0, kw),
            te("from_bytes() missing required argument 'bytes' (pos 1)")
        );
    }
    // sum(), sum(iterable=1), sum(1,2,3)
    for kw in [&[][..], &["iterable"]] {
        assert_eq!(
            refusal::<2>(&SUM, 0, kw),
            te("sum() takes at least 1 positional argument (0 given)")
        );
    }
    assert_eq!(
        refusal::<2>(&SUM, 3, &[]),
        te("sum() takes at most 2 arguments (3 given)")
    );
    // pow(1), pow(1,2,3,4)
    assert_eq!(
        refusal::<3>(&POW, 1, &[]),
        te("pow() missing required argument 'exp' (pos 2)")
    );
    assert_eq!(
        refusal::<3>(&POW, 4, &[]),
        te("pow() takes at most 3 arguments (4 given)")
    );
    // ''.split(1,2,3)
    assert_eq!(
        refusal::<2>(&SPLIT, 3, &[]),
        te("split() takes at most 2 arguments (3 given)")
    );
}

#[test]
fn c_functions_with_positional_only_parameters_refuse_in_c_words() {
    // math.sqrt(), math.sqrt(1,2), math.sqrt(x=1)
    assert_eq!(
        refusal::<1>(&SQRT, 0, &[]),
        te("math.sqrt() takes exactly one argument (0 given)")
    );
    assert_eq!(
        refusal::<1>(&SQRT, 2, &[]),
        te("math.sqrt() takes exactly one argument (2 given)")
    );
    assert_eq!(
        refusal::<1>(&SQRT, 0, &["x"]),
        te("math.sqrt() takes no keyword arguments")
    );
    // math.pow(1), math.pow(1,2,3)
    assert_eq!(
        refusal::<2>(&MPOW, 1, &[]),
        te("pow expected 2 arguments, got 1")
    );
    assert_eq!(
        refusal::<2>(&MPOW, 3, &[]),
        te("pow expected 2 arguments, got 3")
    );
    // float(1,2)
    assert_eq!(
        refusal::<1>(&FLOAT, 2, &[]),
        te("float expected at most 1 argument, got 2")
    );
    // 'a'.upper(1), str.upper()
    assert_eq!(
        refusal::<0>(&UPPER, 1, &[]),
        te("str.upper() takes no arguments (1 given)")
    );
    assert_eq!(
        message(UPPER.bind::<0>(&call(&UPPER, 0, &[], true)).map(|_| ())),
        te("unbound method str.upper() needs an argument")
    );
}

#[test]
fn bound_values_come_by_position_or_by_name() {
    let a = Args {
        pos: vec![Value::Int(0), Value::Int(7)],
        kw: vec![(crate::python::value::PyStr::from("timeout"), Value::Int(9))],
    };
    let [obj, block, timeout] = PUT.bind(&a).expect("binds");
    assert!(matches!(obj, Some(Value::Int(7))));
    assert!(block.is_none());
    assert!(matches!(timeout, Some(Value::Int(9))));
}

#[test]
fn varargs_varkw_and_counted_forms() {
    // reversed(), reversed(x=1): a type's constructor counts even its one argument.
    const REVERSED: Sig = Sig::c_pos("reversed", "", &["sequence"], 1).counted();
    assert_eq!(
        refusal::<1>(&REVERSED, 0, &[]),
        te("reversed expected 1 argument, got 0")
    );
    assert_eq!(
        refusal::<1>(&REVERSED, 0, &["x"]),
        te("reversed() takes no keyword arguments")
    );
    // sorted([], 1): its keywords are list.sort's, so left to the caller here.
    const SORTED: Sig = Sig::c_pos("sorted", "", &["iterable"], 1).varkw();
    assert_eq!(
        refusal::<1>(&SORTED, 2, &[]),
        te("sorted expected 1 argument, got 2")
    );
    assert_eq!(refusal::<1>(&SORTED, 1, &["key"]), "bound");
    // def v(t, *args, lock=True): v(), v(1,2,3,x=1), v(1,t=2)
    const V: Sig = Sig::py("v", &["t", "lock"], 1).kwonly(1).varargs();
    assert_eq!(
        refusal::<2>(&V, 0, &[]),
        te("v() missing 1 required positional argument: 't'")
    );
    assert_eq!(
        refusal::<2>(&V, 3, &["x"]),
        te("v() got an unexpected keyword argument 'x'")
    );
    assert_eq!(
        refusal::<2>(&V, 1, &["t"]),
        te("v() got multiple values for argument 't'")
    );
    assert_eq!(refusal::<2>(&V, 3, &["lock"]), "bound");
}

#[test]
fn format_string_functions_count_in_their_own_words() {
    // os.kill(), os.kill(x=1)
    const KILL: Sig = Sig::c_pos("kill", "posix", &["pid", "signal"], 2).tuple_form();
    assert_eq!(
        refusal::<2>(&KILL, 0, &[]),
        te("kill() takes exactly 2 arguments (0 given)")
    );
    assert_eq!(
        refusal::<2>(&KILL, 0, &["x"]),
        te("posix.kill() takes no keyword arguments")
    );
}
