# A builtin type's method reached through the type runs on an instance of the type or of a class
# derived from it (the derived instance's builtin value), refuses anything else, and is one object
# per type and name (pprint compares `type(x).__repr__ is dict.__repr__`).


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


class I(int):
    pass


class F(float):
    pass


class S(str):
    pass


class B(bytes):
    pass


class BA(bytearray):
    pass


class L(list):
    pass


class T(tuple):
    pass


class D(dict):
    pass


class St(set):
    pass


class FS(frozenset):
    pass


class C(complex):
    pass


show("int.__repr__(I(7))", lambda: int.__repr__(I(7)))
show("int.__add__(3, 4)", lambda: int.__add__(3, 4))
show("int.__add__(3, 'x')", lambda: int.__add__(3, "x"))
show("int.__add__(I(3), 4)", lambda: int.__add__(I(3), 4))
show("int.__add__(True, 4)", lambda: int.__add__(True, 4))
show("int.bit_length(I(255))", lambda: int.bit_length(I(255)))
show("int.__format__(I(3), '05')", lambda: int.__format__(I(3), "05"))
show("bool.__and__(True, False)", lambda: bool.__and__(True, False))
show("bool.__and__(1, 1)", lambda: bool.__and__(1, 1))
show("bool.__add__(True, 1)", lambda: bool.__add__(True, 1))
show("bool.__repr__(True)", lambda: bool.__repr__(True))
show("float.__repr__(F(1.5))", lambda: float.__repr__(F(1.5)))
show("float.hex(F(1.5))", lambda: float.hex(F(1.5)))
show("float.__repr__(1)", lambda: float.__repr__(1))
show("complex.__repr__(C(1, 2))", lambda: complex.__repr__(C(1, 2)))
show("complex.conjugate(1j)", lambda: complex.conjugate(1j))
show("complex.__lt__(1j, 2j)", lambda: complex.__lt__(1j, 2j))
show("str.upper(S('ab'))", lambda: str.upper(S("ab")))
show("str.upper(b'ab')", lambda: str.upper(b"ab"))
show("str.__len__(S('abc'))", lambda: str.__len__(S("abc")))
show("str.join(',', 'ab')", lambda: str.join(",", "ab"))
show("str.__getitem__(S('abc'), 1)", lambda: str.__getitem__(S("abc"), 1))
show("bytes.upper(B(b'ab'))", lambda: bytes.upper(B(b"ab")))
show("bytes.upper(bytearray(b'ab'))", lambda: bytes.upper(bytearray(b"ab")))
show("bytearray.upper(b'ab')", lambda: bytearray.upper(b"ab"))
ba = BA(b"a")
show("bytearray.append(BA(b'a'), 98)", lambda: (bytearray.append(ba, 98), ba))
show("list.__len__(L([1, 2]))", lambda: list.__len__(L([1, 2])))
show("list.__len__((1,))", lambda: list.__len__((1,)))
show("list.__getitem__((5,), 0)", lambda: list.__getitem__((5,), 0))
show("list.__init__((), [1])", lambda: list.__init__((), [1]))
lst = L()
show("list.append(L(), 1)", lambda: (list.append(lst, 1), lst))
show("list.__init__(L(), [1])", lambda: (list.__init__(lst, [2]), lst))
show("tuple.__len__(T((1, 2)))", lambda: tuple.__len__(T((1, 2))))
show("tuple.count([1], 1)", lambda: tuple.count([1], 1))
show("dict.keys(D(a=1))", lambda: dict.keys(D(a=1)))
show("dict.keys([])", lambda: dict.keys([]))
show("dict.__getitem__(D(a=1), 'a')", lambda: dict.__getitem__(D(a=1), "a"))
show("dict.__setitem__([], 'a', 1)", lambda: dict.__setitem__([], "a", 1))
show("dict.__contains__([], 1)", lambda: dict.__contains__([], 1))
show("dict.get(D(a=1), 'a')", lambda: dict.get(D(a=1), "a"))
show("D.fromkeys('ab')", lambda: D.fromkeys("ab"))
show("D.keys([])", lambda: D.keys([]))
show("D.__getitem__([], 0)", lambda: D.__getitem__([], 0))
show("set.add(frozenset(), 1)", lambda: set.add(frozenset(), 1))
show("set.union(St({1}), {2})", lambda: set.union(St({1}), {2}))
show("set.union(frozenset({1}), {2})", lambda: set.union(frozenset({1}), {2}))
show("frozenset.union(FS({1}), {2})", lambda: frozenset.union(FS({1}), {2}))
show("frozenset.union({1}, {2})", lambda: frozenset.union({1}, {2}))
show("range.count(range(3), 1)", lambda: range.count(range(3), 1))
show("range.__len__(range(3))", lambda: range.__len__(range(3)))
show("range.__getitem__(range(3), -1)", lambda: range.__getitem__(range(3), -1))
show("range.__len__([1])", lambda: range.__len__([1]))
show("slice.indices(slice(1, 5), 3)", lambda: slice.indices(slice(1, 5), 3))
show("memoryview.tobytes(memoryview(b'ab'))", lambda: memoryview.tobytes(memoryview(b"ab")))
show("memoryview.tobytes(b'ab')", lambda: memoryview.tobytes(b"ab"))
show("int.__repr__()", lambda: int.__repr__())
show("str.upper()", lambda: str.upper())
show("str.upper(x=1)", lambda: str.upper(x=1))
print(int.__repr__, str.upper, dict.__getitem__, D.keys, list.__len__, set.__contains__)
print(dict.__repr__ is dict.__repr__, D.__repr__ is dict.__repr__, str.upper is str.upper)
print(list(map(str.upper, ["a", "b"])), sorted(["b", "A", "c"], key=str.lower))
show("list(map(str.upper, [1]))", lambda: list(map(str.upper, [1])))
