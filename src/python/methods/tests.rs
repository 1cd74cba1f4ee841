//! In-process programs for the types in this directory that have no Rust-level helpers worth
//! testing alone: bytearray and memoryview protocols, slice objects, and what forkyard refuses.

use crate::python::tests::{out, run};

#[test]
fn bytearray_mutates_in_place_and_shares_with_its_views() {
    let src = "ba = bytearray(b'abc')\nalias = ba\nba.append(100)\nba[0:1] = b'XY'\n\
               m = memoryview(ba)\nm[1] = 122\nprint(alias, m.tobytes(), len(m))\n\
               try:\n    ba.pop()\nexcept BufferError as e:\n    print(e)\n\
               m.release()\nprint(ba.pop(), ba)\n\
               try:\n    len(m)\nexcept ValueError as e:\n    print(e)";
    assert_eq!(
        out(src),
        "bytearray(b'Xzbcd') b'Xzbcd' 5\n\
         Existing exports of data: object cannot be re-sized\n\
         100 bytearray(b'Xzbc')\n\
         operation forbidden on released memoryview object\n"
    );
}

#[test]
fn memoryview_of_bytes_is_read_only() {
    let (code, _, stderr) = run("m = memoryview(b'ab')\nm[0] = 1");
    assert_eq!(code, 1);
    assert!(
        stderr.ends_with("TypeError: cannot modify read-only memory\n"),
        "{stderr}"
    );
}

#[test]
fn slices_built_by_hand_index_like_the_syntax() {
    assert_eq!(
        out("s = slice(None, None, -2)\nprint('abcde'[s] == 'abcde'[::-2], s.indices(5), s.step)"),
        "True (4, -1, -2) -2\n"
    );
}

#[test]
fn complex_numbers_compute() {
    let (code, stdout, stderr) = run("print(complex(1, 2) * 1j, abs(3+4j), (1+2j).conjugate())");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "(-2+1j) 5.0 (1-2j)\n");
}

#[test]
fn codecs_round_trip_and_name_the_bad_byte() {
    assert_eq!(
        out("print('é€'.encode().decode(), 'é'.encode('latin-1'), b'\\xe9'.decode('latin-1'))"),
        "é€ b'\\xe9' é\n"
    );
    let (_, _, stderr) = run("b'ok\\xff'.decode()");
    assert!(
        stderr.ends_with(
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte\n"
        ),
        "{stderr}"
    );
}

/// Each line's refusal, as CPython 3.11 words it: the methods bind through `Sig` in the dialect
/// of their CPython counterpart (tuple parser, counted, exactly one, nameable parameters).
#[test]
fn str_and_bytes_methods_refuse_arguments_in_cpythons_words() {
    let calls = [
        (
            "'abc'.split(',', 1, 2)",
            "split() takes at most 2 arguments (3 given)",
        ),
        (
            "'abc'.find('a', 0, 1, 2)",
            "find() takes at most 3 arguments (4 given)",
        ),
        (
            "'abc'.find(sub='a')",
            "str.find() takes no keyword arguments",
        ),
        (
            "'abc'.replace('a')",
            "replace expected at least 2 arguments, got 1",
        ),
        (
            "'abc'.strip(1, 2)",
            "strip expected at most 1 argument, got 2",
        ),
        (
            "'abc'.zfill()",
            "str.zfill() takes exactly one argument (0 given)",
        ),
        (
            "'abc'.expandtabs(1, 2)",
            "expandtabs() takes at most 1 argument (2 given)",
        ),
        (
            "b'x'.hex(1, 2, 3)",
            "hex() takes at most 2 arguments (3 given)",
        ),
        (
            "b'x'.split(sepp=b',')",
            "'sepp' is an invalid keyword argument for split()",
        ),
        (
            "bytearray().extend(b'a', b'b')",
            "bytearray.extend() takes exactly one argument (2 given)",
        ),
        ("bytearray().__getitem__()", "expected 1 argument, got 0"),
    ];
    for (call, said) in calls {
        let src = format!("try:\n    {call}\nexcept TypeError as e:\n    print(e)");
        assert_eq!(out(&src), format!("{said}\n"), "{call}");
    }
    assert_eq!(
        out("print('a,b,c'.split(sep=',', maxsplit=1), b'ab'.hex(sep=':', bytes_per_sep=1))"),
        "['a', 'b,c'] 61:62\n"
    );
}

#[test]
fn class_methods_reached_from_an_instance_use_its_class() {
    // `True.from_bytes` is `bool.from_bytes`: a bool, as CPython's classmethod makes it.
    assert_eq!(
        out(
            "print(repr(True.from_bytes(b'\\x01', 'big')), repr((5).from_bytes(b'\\x02', 'big')), \
             b''.fromhex('61'), {}.fromkeys('a'), 'x'.maketrans('a', 'b'))"
        ),
        "True 2 b'a' {'a': None} {97: 98}\n"
    );
}

#[test]
fn memoryview_casts_keep_the_bytes_and_change_the_items() {
    let src = "m = memoryview(bytearray(b'abcd'))\nh = m.cast('h')\nh[0] = 0x4142\n\
               print(h.format, h.itemsize, h.shape, h.strides, m.tobytes(), len(h))\n\
               print(m.cast('B', shape=[2, 2]).tolist(), m.cast('I').cast('B').shape)\n\
               for bad in ('e', '<I', 'BB'):\n    try:\n        m.cast(bad)\n\
               \x20   except ValueError as e:\n        print(bad, e)\n\
               try:\n    del m[0]\nexcept TypeError as e:\n    print(e)";
    assert_eq!(
        out(src),
        "h 2 (2,) (2,) b'BAcd' 2\n\
         [[66, 65], [99, 100]] (4,)\n\
         e memoryview: destination format must be a native single character format prefixed \
         with an optional '@'\n\
         <I memoryview: destination format must be a native single character format prefixed \
         with an optional '@'\n\
         BB memoryview: destination format must be a native single character format prefixed \
         with an optional '@'\n\
         cannot delete memory\n"
    );
}
