//! Unit tests of the message format: the memo, cycles, depth, reduction.

use super::read::MAX_READ_DEPTH;
use super::*;

#[test]
fn big_ints_cross_exactly_and_a_forged_length_is_refused() {
    crate::python::exceptions::install();
    let mut it = Interp::new("wire.py", "");
    for text in [
        "18446744073709551616",
        "-340282366920938463463374607431768211457",
    ] {
        let n: num_bigint::BigInt = text.parse().expect("a number");
        let v = crate::python::bigint::norm(n);
        let frame = dumps(&mut it, &v).expect("dumps");
        let back = loads(&mut it, &frame).expect("loads");
        assert!(matches!(&back, Value::BigInt(b) if b.to_string() == text));
    }
    // A frame claiming four gigabytes of digits holds eight: truncated, nothing reserved.
    let mut forged = MAGIC.to_vec();
    forged.push(b'I');
    forged.extend_from_slice(&u32::MAX.to_le_bytes());
    forged.extend_from_slice(&[1; 8]);
    assert!(loads(&mut it, &forged).is_err());
}

/// An interpreter that has run `source` (its classes and functions are globals).
fn run(source: &str) -> Interp {
    crate::python::exceptions::install();
    let module = crate::python::parse_program(source, "wire.py").expect("parses");
    let mut it = Interp::new("wire.py", source);
    it.run_module(&module).expect("runs");
    // The functions made by the program refer into its syntax tree for the whole test.
    std::mem::forget(module);
    it
}

fn global(it: &Interp, name: &str) -> Value {
    it.globals.borrow().get(name).cloned().expect("defined")
}

fn round_trip(it: &mut Interp, v: &Value) -> Value {
    let frame = dumps(it, v).expect("dumps");
    loads(it, &frame).expect("loads")
}

fn round_trip_global(it: &mut Interp, name: &str) -> Value {
    let v = global(it, name);
    round_trip(it, &v)
}

fn dumps_global(it: &mut Interp, name: &str) -> Result<Vec<u8>, Exc> {
    let v = global(it, name);
    dumps(it, &v)
}

fn item(v: &Value, i: usize) -> Value {
    match v {
        Value::List(l) => l.borrow()[i].clone(),
        Value::Tuple(t) => t[i].clone(),
        _ => panic!("not a sequence"),
    }
}

fn attr(v: &Value, name: &str) -> Value {
    let Value::Instance(inst) = v else {
        panic!("not an instance")
    };
    inst.attrs
        .borrow()
        .get(name)
        .cloned()
        .expect("has the attribute")
}

#[test]
fn the_memo_keeps_one_object_shared_and_a_copy_new() {
    let mut it = run("x = [1, 2]\ns = 'a string longer than twenty'\nboth = [x, x, s, s]\n");
    let both = global(&it, "both");
    let back = round_trip(&mut it, &both);
    assert!(item(&back, 0).is(&item(&back, 1)), "one object twice");
    assert!(
        !item(&back, 0).is(&item(&both, 0)),
        "a copy, not the sender's"
    );
    assert!(item(&back, 2).is(&item(&back, 3)));
    // The memo lives for one message: two messages are two copies.
    let again = round_trip(&mut it, &both);
    assert!(!item(&again, 0).is(&item(&back, 0)));
}

#[test]
fn cycles_through_lists_dicts_tuples_and_instances_arrive_whole() {
    let mut it = run(concat!(
        "class Node:\n    pass\n",
        "l = [1]\nl.append(l)\n",
        "d = {}\nd['me'] = d\n",
        "t = ([],)\nt[0].append(t)\n",
        "a = Node()\nb = Node()\na.other = b\nb.other = a\na.me = a\n",
    ));
    let l = round_trip_global(&mut it, "l");
    assert!(item(&l, 1).is(&l));
    let d = round_trip_global(&mut it, "d");
    let Value::Dict(m) = &d else { panic!("a dict") };
    let inner = m.borrow().map.values().next().expect("one item").1.clone();
    assert!(inner.is(&d));
    let t = round_trip_global(&mut it, "t");
    assert!(matches!(t, Value::Tuple(_)));
    assert!(
        item(&item(&t, 0), 0).is(&t),
        "the tuple inside is the tuple itself"
    );
    let a = round_trip_global(&mut it, "a");
    assert!(attr(&attr(&a, "other"), "other").is(&a));
    assert!(attr(&a, "me").is(&a));
}

#[test]
fn deep_nesting_is_a_recursion_error_in_the_writer_and_no_overflow_in_the_reader() {
    // On the test thread's own (small) stack, on purpose: neither side may overflow it.
    let mut it = run(concat!(
        "deep = []\nfor _ in range(10000):\n    deep = [deep]\n",
        "fine = []\nfor _ in range(400):\n    fine = [fine]\n",
    ));
    let e = dumps_global(&mut it, "deep").expect_err("too deep");
    assert_eq!(&*e.class_name(), "RecursionError");
    assert!(it.format_exception(&e).contains("while pickling an object"));
    assert_eq!(it.depth, 0, "the depth is given back after the error");
    let back = round_trip_global(&mut it, "fine");
    let mut n = 0;
    let mut cur = back;
    while let Value::List(ref l) = cur.clone() {
        let Some(next) = l.borrow().first().cloned() else {
            break;
        };
        cur = next;
        n += 1;
    }
    assert_eq!(n, 400);
    // A frame nesting far deeper than any writer makes decodes or is refused, never overflows.
    let mut frame = MAGIC.to_vec();
    for _ in 0..MAX_READ_DEPTH - 10 {
        frame.extend_from_slice(b"l\x01\x00\x00\x00");
    }
    frame.push(b'N');
    assert!(loads(&mut it, &frame).is_ok());
    let mut forged = MAGIC.to_vec();
    for _ in 0..MAX_READ_DEPTH + 10 {
        forged.extend_from_slice(b"l\x01\x00\x00\x00");
    }
    forged.push(b'N');
    let e = loads(&mut it, &forged).expect_err("deeper than the limit");
    assert_eq!(&*e.class_name(), "UnpicklingError");
    // Dropping the program's 10000-deep list is recursive in Rust; lesson processes run on a
    // big stack for that, this test thread does not.
    std::mem::forget(it);
}

#[test]
fn reduce_getstate_and_setstate_are_honoured() {
    let mut it = run(concat!(
        "calls = []\n",
        "class Guarded:\n",
        "    def __init__(self):\n        self.n = 5\n        self.lock = 'a lock'\n",
        "    def __getstate__(self):\n        calls.append('get')\n        return {'n': self.n}\n",
        "    def __setstate__(self, state):\n        calls.append('set')\n        self.n = state['n']\n        self.lock = 'new lock'\n",
        "def rebuild(n):\n    calls.append('rebuild')\n    return n * 10\n",
        "class Reduced:\n    def __reduce__(self):\n        return (rebuild, (4,))\n",
        "class Both:\n",
        "    def __reduce_ex__(self, protocol):\n        return (rebuild, (protocol,))\n",
        "    def __reduce__(self):\n        return (rebuild, (0,))\n",
        "class Bad:\n    def __reduce__(self):\n        return (rebuild,)\n",
        "class Err(Exception):\n    def __init__(self, a, b):\n        super().__init__(a)\n",
        "g = Guarded()\nr = Reduced()\nboth = Both()\nbad = Bad()\nerr = Err(1, 2)\n",
    ));
    let g = round_trip_global(&mut it, "g");
    assert!(matches!(attr(&g, "lock"), Value::Str(ref s) if &**s == "new lock"));
    assert!(matches!(attr(&g, "n"), Value::Int(5)));
    let r = round_trip_global(&mut it, "r");
    assert!(matches!(r, Value::Int(40)), "rebuilt by calling rebuild(4)");
    let b = round_trip_global(&mut it, "both");
    assert!(
        matches!(b, Value::Int(40)),
        "__reduce_ex__(4) wins over __reduce__"
    );
    let calls = global(&it, "calls");
    let calls = it.repr(&calls).expect("repr");
    assert_eq!(calls, "['get', 'set', 'rebuild', 'rebuild']");
    let e = dumps_global(&mut it, "bad").expect_err("a 1-tuple");
    assert!(
        it.format_exception(&e).contains(
            "PicklingError: tuple returned by __reduce__ must contain 2 through 6 elements"
        )
    );
    // An exception is rebuilt by calling its class with args: Err(1) lacks `b`.
    let frame = dumps_global(&mut it, "err").expect("dumps");
    let e = loads(&mut it, &frame).expect_err("cannot call Err(1)");
    assert!(
        it.format_exception(&e)
            .contains("TypeError: Err.__init__() missing 1 required positional argument: 'b'")
    );
}

#[test]
fn library_and_native_module_functions_cross_by_module_and_name() {
    let mut it = run(
        "import functools, os, collections\npartial = functools.partial\ngetpid = os.getpid\nPoint = collections.namedtuple('Point', 'x y')\n",
    );
    // A namedtuple class belongs to the module that made it (`__main__` here), as in CPython.
    for (name, by_module) in [("partial", true), ("getpid", true), ("Point", false)] {
        let sent = global(&it, name);
        let frame = dumps(&mut it, &sent).expect("dumps");
        let text = String::from_utf8_lossy(&frame).into_owned();
        assert_eq!(text.contains(':'), by_module, "{name}: {text:?}");
        let back = loads(&mut it, &frame).expect("loads");
        assert!(back.is(&sent), "{name} arrives as the same object");
    }
    // A module forkyard does not have is forged data, not an import of anything.
    let mut forged = MAGIC.to_vec();
    forged.push(b'G');
    let name = b"nosuchmodule:thing";
    forged.extend_from_slice(&(name.len() as u32).to_le_bytes());
    forged.extend_from_slice(name);
    assert!(loads(&mut it, &forged).is_err());
}

/// A slice crosses as `slice(start, stop, step)` (a manager's list proxy sends `l[1:3]`), and a
/// native module's class (`queue.Empty`, which a manager's Queue raises) by its module's name.
#[test]
fn slices_and_native_module_classes_cross() {
    let mut it = run("import queue\ns = slice(1, None, -2)\nE = queue.Empty\n");
    let s = round_trip_global(&mut it, "s");
    assert_eq!(it.repr(&s).unwrap(), "slice(1, None, -2)");
    let e = round_trip_global(&mut it, "E");
    assert!(
        e.is(&global(&it, "E")),
        "the same class, found again by name"
    );
}

/// The items left in an iterator, drained.
fn rest(it: &mut Interp, v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    while let Some(x) = it.next(v).expect("next") {
        out.push(x);
    }
    out
}

fn ints(values: &[Value]) -> Vec<i64> {
    values
        .iter()
        .map(|v| match v {
            Value::Int(i) => *i,
            _ => panic!("an int"),
        })
        .collect()
}

#[test]
fn iterators_cross_at_their_position_and_share_their_list() {
    let mut it = run("items = [1, 2, 3, 4]\n\
         a = iter(items)\n\
         next(a)\n\
         r = iter(range(10, 0, -3))\n\
         next(r)\n\
         e = enumerate(zip(iter((7, 8, 9)), map(abs, [-1, -2, -3])), 5)\n\
         next(e)\n\
         done = iter('ab')\n\
         list(done)\n\
         pair = (items, a, a)\n");
    let a = round_trip_global(&mut it, "a");
    assert_eq!(ints(&rest(&mut it, &a)), [2, 3, 4]);
    let r = round_trip_global(&mut it, "r");
    assert_eq!(ints(&rest(&mut it, &r)), [7, 4, 1]);
    let e = round_trip_global(&mut it, "e");
    let left = rest(&mut it, &e);
    assert_eq!(left.len(), 2);
    let shown = it.repr(&Value::list(left)).expect("repr");
    assert_eq!(shown, "[(6, (8, 2)), (7, (9, 3))]");
    let done = round_trip_global(&mut it, "done");
    assert!(rest(&mut it, &done).is_empty());
    // The list and the iterator over it arrive sharing the list; the iterator twice is one.
    let pair = round_trip_global(&mut it, "pair");
    let Value::Tuple(parts) = &pair else {
        panic!("a tuple")
    };
    assert!(parts[1].is(&parts[2]));
    if let Value::List(l) = &parts[0] {
        l.borrow_mut().push(Value::Int(5));
    }
    assert_eq!(ints(&rest(&mut it, &parts[1])), [2, 3, 4, 5]);
    // The original has not moved.
    let a = global(&it, "a");
    assert_eq!(ints(&rest(&mut it, &a)), [2, 3, 4]);
}

#[test]
fn an_iterator_over_a_generator_is_refused_and_a_forged_iterator_is_an_error() {
    let mut it = run("def g():\n    yield 1\nz = zip([1], g())\n");
    let err = dumps_global(&mut it, "z").expect_err("a generator inside");
    let text = it.format_exception(&err);
    assert!(
        text.ends_with("TypeError: cannot pickle 'generator' object\n"),
        "{text}"
    );
    for body in [
        // An unknown kind.
        &b"j\x63\0\0\0\0\0\0\0\0\0"[..],
        // A range iterator with a zero step.
        &b"j\x02\0\0\0\0\x03\0\0\0\0\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"[..],
        // A list iterator missing its position.
        &b"j\x01\x01\0\0\0l\0\0\0\0\0\0\0\0\0"[..],
    ] {
        let mut forged = MAGIC.to_vec();
        forged.extend_from_slice(body);
        assert!(loads(&mut it, &forged).is_err(), "{body:?}");
    }
}

#[test]
fn an_int_in_a_list_meets_the_depth_limits_as_any_other_item() {
    // Ints in a list are written and read without `put`/`get` (the fast path for big lists):
    // at every depth around both limits, an int must fare exactly as `None` does there.
    crate::python::exceptions::install();
    let mut it = Interp::new("wire.py", "");
    let nest = |leaf: Value, d: usize| {
        let mut v = Value::list(vec![leaf, Value::None]);
        for _ in 0..d {
            v = Value::list(vec![v]);
        }
        v
    };
    let mut refused = 0;
    for d in 480..=520 {
        let with_int = dumps(&mut it, &nest(Value::Int(7), d));
        let with_none = dumps(&mut it, &nest(Value::None, d));
        assert_eq!(with_int.is_ok(), with_none.is_ok(), "writing at depth {d}");
        refused += usize::from(with_int.is_err());
        if let Ok(frame) = with_int {
            let mut back = loads(&mut it, &frame).expect("loads");
            for _ in 0..d {
                back = item(&back, 0);
            }
            assert!(matches!(item(&back, 0), Value::Int(7)));
        }
    }
    assert!(
        refused > 0 && refused < 41,
        "the limit falls inside the range"
    );
    // The reader's limit: an int item one list past it is refused as a `None` item is.
    for extra in [0, 1, 2] {
        let forged = |leaf: &[u8]| {
            let mut f = MAGIC.to_vec();
            for _ in 0..MAX_READ_DEPTH - 1 + extra {
                f.extend_from_slice(b"l\x01\x00\x00\x00");
            }
            f.extend_from_slice(b"l\x01\x00\x00\x00");
            f.extend_from_slice(leaf);
            f
        };
        let int = loads(&mut it, &forged(b"i\x07\x00\x00\x00\x00\x00\x00\x00")).is_ok();
        let none = loads(&mut it, &forged(b"N")).is_ok();
        assert_eq!(int, none, "reading {extra} past the limit");
    }
    assert_eq!(it.depth, 0);
}
