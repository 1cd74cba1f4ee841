# The type of each builtin iterator, by CPython's name, before and after it is used up.
d = {"a": 1, "b": 2}
cases = [
    ("iter([1, 2])", iter([1, 2])),
    ("iter((1, 2))", iter((1, 2))),
    ("iter(range(3))", iter(range(3))),
    ("iter('ab')", iter("ab")),
    ("iter('héllo')", iter("héllo")),
    ("iter(b'ab')", iter(b"ab")),
    ("iter(d)", iter(d)),
    ("iter(d.keys())", iter(d.keys())),
    ("iter(d.values())", iter(d.values())),
    ("iter(d.items())", iter(d.items())),
    ("reversed(d)", reversed(d)),
    ("reversed(d.values())", reversed(d.values())),
    ("reversed(d.items())", reversed(d.items())),
    ("iter({1, 2})", iter({1, 2})),
    ("iter(frozenset({1}))", iter(frozenset({1}))),
    ("reversed([1, 2])", reversed([1, 2])),
    ("reversed((1, 2))", reversed((1, 2))),
    ("reversed('ab')", reversed("ab")),
    ("reversed(range(3))", reversed(range(3))),
    ("iter(callable, 0)", iter([3, 0].pop, 0)),
    ("enumerate('ab')", enumerate("ab")),
    ("zip('ab', 'cd')", zip("ab", "cd")),
    ("map(str, [1])", map(str, [1])),
    ("filter(None, [1])", filter(None, [1])),
    ("genexpr", (x for x in [1])),
]
for name, it in cases:
    before = type(it).__name__
    rest = list(it)
    after = type(it).__name__
    print(f"{name:22} {before:26} {after:26} {type(it).__module__} {rest}")


class Old:
    # The old sequence protocol: CPython's plain `iterator`.
    def __getitem__(self, i):
        if i < 2:
            return i * 10
        raise IndexError(i)


it = iter(Old())
print(type(it).__name__, list(it))
print(type(iter([])) is type(iter([5])), type(iter([])) is type(iter(())))
print(type(iter("a")) is type(iter("b")), type(iter("a")) is type(iter("é")))
print(type(iter({}.keys())) is type(iter({})))
