# A survey of the builtins and of every str and bytes method: each is called on sample inputs and
# its result (or its exception, type and message) printed one per line. tests/stdlib_survey.rs runs
# this under CPython 3.11 and under forkyard and requires the two outputs to be identical.


def show(label, f, *args, **kw):
    try:
        r = repr(f(*args, **kw))
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(label, "->", r)


def survey(samples, methods):
    for s in samples:
        for name, calls in methods:
            for args in calls:
                show(f"{s!r}.{name}{args!r}", getattr(s, name), *args)


STR_SAMPLES = ["", "abc", "Hello World", "  padded\t ", "a,b,,c", "ǅx ß Σς ΣΑΣ", "123", "½²٣",
               "tab\there\nline\r\nend\x0bv\u2028", "MiXeD 3rd's", "\u2003é\x85"]
STR_METHODS = [
    ("capitalize", [()]), ("casefold", [()]), ("center", [(9,), (8, "*"), (2,)]),
    ("count", [("a",), ("",), ("b", 1, 4)]), ("encode", [(), ("ascii", "replace"), ("latin-1", "ignore")]),
    ("endswith", [("c",), (("d", "s"),), ("l", 0, 3)]), ("expandtabs", [(), (4,)]),
    ("find", [("b",), ("",), ("e", 2), ("zz",)]), ("format", [(1, 2)]), ("format_map", [({},)]),
    ("index", [("a",)]), ("isalnum", [()]), ("isalpha", [()]), ("isascii", [()]),
    ("isdecimal", [()]), ("isdigit", [()]), ("isidentifier", [()]), ("islower", [()]),
    ("isnumeric", [()]), ("isprintable", [()]), ("isspace", [()]), ("istitle", [()]),
    ("isupper", [()]), ("join", [(["x", "y"],), ("",)]), ("ljust", [(8,), (8, "-")]),
    ("lower", [()]), ("lstrip", [(), ("a ",)]), ("partition", [(",",), ("l",)]),
    ("removeprefix", [("a",), ("",)]), ("removesuffix", [("d",)]),
    ("replace", [("a", "A"), ("", "-"), ("l", "", 1)]), ("rfind", [("a",), ("l", 0, 5)]),
    ("rindex", [("c",)]), ("rjust", [(8,), (8, "0")]), ("rpartition", [(",",), ("l",)]),
    ("rsplit", [(), (",",), (None, 1), (",", 1)]), ("rstrip", [(), ("d ",)]),
    ("split", [(), (",",), (None, 1), ("l", 1)]), ("splitlines", [(), (True,)]),
    ("startswith", [("a",), (("H", "t"),), ("b", 1)]), ("strip", [(), ("a ",)]),
    ("swapcase", [()]), ("title", [()]), ("translate", [({97: "4", 101: None},)]),
    ("upper", [()]), ("zfill", [(6,)]),
]

BYTES_SAMPLES = [b"", b"abc", b"Hello World", b"  padded\t ", b"a,b,,c", b"123", b"caf\xc3\xa9",
                 b"\xff\x00'\"", b"line\r\nend\rx\n", bytearray(b"Mut able")]
BYTES_METHODS = [
    ("capitalize", [()]), ("center", [(9,), (8, b"*")]), ("count", [(b"a",), (b"",), (108,)]),
    ("decode", [(), ("latin-1",), ("ascii", "replace"), ("utf-8", "backslashreplace")]),
    ("endswith", [(b"c",), ((b"d", b"s"),)]), ("expandtabs", [(), (4,)]),
    ("find", [(b"b",), (b"",), (101, 2), (b"zz",)]), ("hex", [(), (":",), ("-", 2)]),
    ("index", [(b"a",)]), ("isalnum", [()]), ("isalpha", [()]), ("isascii", [()]),
    ("isdigit", [()]), ("islower", [()]), ("isspace", [()]), ("istitle", [()]),
    ("isupper", [()]), ("join", [([b"x", b"y"],)]), ("ljust", [(8,), (8, b"-")]),
    ("lower", [()]), ("lstrip", [(), (b"a ",)]), ("partition", [(b",",), (b"l",)]),
    ("removeprefix", [(b"a",)]), ("removesuffix", [(b"d",)]),
    ("replace", [(b"a", b"A"), (b"", b"-"), (b"l", b"", 1)]), ("rfind", [(b"a",), (b"l", 0, 5)]),
    ("rindex", [(b"c",)]), ("rjust", [(8,), (8, b"0")]), ("rpartition", [(b",",)]),
    ("rsplit", [(), (b",",), (None, 1)]), ("rstrip", [(), (b"d ",)]),
    ("split", [(), (b",",), (None, 1), (b"l", 1)]), ("splitlines", [(), (True,)]),
    ("startswith", [(b"a",), ((b"H", b"t"),)]), ("strip", [(), (b"a ",)]), ("swapcase", [()]),
    ("title", [()]), ("translate", [(None, b"aeiou")]), ("upper", [()]), ("zfill", [(6,)]),
]

BUILTINS = [
    (abs, [(-3,), (2.5,), (-(2**70),), ("x",)]),
    (ascii, [("é€😀",), ([b"\xff", "ü"],)]),
    (bin, [(10,), (-(2**65),), (1.5,)]),
    (bool, [(), (0,), ("",), ([0],)]),
    (bytes, [(3,), ([65, 66],), ("é", "utf-8"), (b"x",)]),
    (bytearray, [(2,), (b"ab",), ([1, 300],)]),
    (chr, [(65,), (0x1F600,), (-1,)]),
    (divmod, [(7, 2), (-7, 2), (7.5, -2), (1, 0), (1.0, 0)]),
    (float, [("1e3",), (" -inf ",), ("x",), (2**70,)]),
    (format, [(1234.5, ",.1f"), (255, "#x"), ("ab", "^6"), (0.5, "%"), (-0.0, "z.1f"), (None, "5")]),
    (hex, [(255,), (-1,), (2**70,)]),
    (int, [("42",), ("ff", 16), ("0b101", 0), (-2.7,), ("4.2",)]),
    (len, [("héllo",), (b"ab",), ([1, 2],), (5,)]),
    (max, [([3, 1, 2],), (1, 5, 3), ([],)]),
    (min, [([3, 1, 2],), ("bca",)]),
    (oct, [(8,), (-8,)]),
    (ord, [("a",), ("€",), (b"z",), ("ab",)]),
    (pow, [(2, 10), (3, -1, 7), (2, -1), (2, 0.5), (2, 3, 0)]),
    (range, [(5,), (1, 10, 3), (0, 1, 0)]),
    (repr, [("it's",), (b"\x00",), (1e16,), (0.1,), ([1, "a"],)]),
    (round, [(2.5,), (3.5,), (2.675, 2), (1250, -2), (1e300, -299), (0.5, 1.0)]),
    (slice, [(3,), (1, 2), (1, 2, 3)]),
    (sorted, [("bca",), ([3, 1, 2],)]),
    (str, [(1.5,), (b"ab",), (b"caf\xc3\xa9", "utf-8"), (b"\xff", "ascii", "replace")]),
    (sum, [([1, 2, 3],), ([0.1] * 10,), ([[1], [2]], [])]),
    (tuple, [("ab",), (b"ab",)]),
    (list, [("ab",), (b"ab",), (range(3),), (5,)]),
    (set, [("aab",), ([1, 1, 2],)]),
    (frozenset, [("ab",)]),
    (dict, [([("a", 1)],), ([1],)]),
    (all, [([],), ([1, 0],), ("ab",)]),
    (any, [([],), ([0, ""],), ([0, 1],)]),
    (callable, [(len,), (1,), (int,)]),
    (isinstance, [(1, int), (True, int), (b"", (str, bytes)), (1, 2)]),
    (issubclass, [(bool, int), (int, (str, bytes))]),
    (hash, [(1,), (-1,), (2**61,), (2.0,), ([],)]),
    (getattr, [("", "nope", None), (1, "nope"), (1, "real"), (True, "numerator"), (2.5, "imag")]),
    (hasattr, [("", "upper"), ("", "nope")]),
    (enumerate, [("ab",)]),
    (reversed, [("ab",), ({1},)]),
    (iter, [(5,)]),
    (zip, [()]),
    (map, [(None,)]),
    (filter, [(None,)]),
    (type, [(1,), (b"",), (bytearray(),), (slice(1),)]),
    (memoryview, [(b"ab",), ("ab",)]),
]

survey(STR_SAMPLES, STR_METHODS)
survey(BYTES_SAMPLES, BYTES_METHODS)
for f, calls in BUILTINS:
    for args in calls:
        if f in (enumerate, reversed, zip, map, filter, iter):
            # Their results are iterators: show what they yield.
            show(f"list({f.__name__}{args!r})", lambda: list(f(*args)))
        elif f is memoryview:
            show(f"{f.__name__}{args!r}.tolist()", lambda: f(*args).tolist())
        else:
            show(f"{f.__name__}{args!r}", f, *args)
show("next(iter('a'))", lambda: next(iter("a")))
show("next(iter(''), 'done')", lambda: next(iter(""), "done"))
for fmt, args in [(b"%s-%d", (b"a", 1)), (b"%r|%5.1f", ("\u00e9", 2.25)), (b"%s", ("str",))]:
    show(f"{fmt!r} % {args!r}", lambda: fmt % args)
for name, ba in [("bytearray(b'abc')", bytearray(b"abc"))]:
    show(f"{name}.append(100)", lambda: (ba.append(100), ba)[1])
    show(f"{name}.pop(0)", ba.pop, 0)
    show(f"{name}[1:2] = b'XY'", lambda: (ba.__setitem__(slice(1, 2), b"XY"), ba)[1])
for x in [0.1, -2.5, 1e300, 5e-324]:
    show(f"{x!r}.hex()", x.hex)
    show(f"{x!r}.as_integer_ratio()", x.as_integer_ratio)
    show(f"float.fromhex({x.hex()!r})", float.fromhex, x.hex())
for n in [0, 255, -7, 2**70]:
    show(f"{n!r}.bit_count()", n.bit_count)
    show(f"{n!r}.to_bytes(10, 'big', signed=True)", n.to_bytes, 10, "big", signed=True)
show("str.maketrans('ab', 'xy', 'z')", str.maketrans, "ab", "xy", "z")
show("bytes.maketrans(b'ab', b'xy')[97:99]", lambda: bytes.maketrans(b"ab", b"xy")[97:99])
show("bytes.fromhex('de ad')", bytes.fromhex, "de ad")
show("slice(1, 10, 3).indices(5)", slice(1, 10, 3).indices, 5)
show("memoryview(b'abc')[1:].tobytes()", lambda: memoryview(b"abc")[1:].tobytes())
