def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(list(zip("ab", [1, 2], strict=True)), list(zip()), list(zip("abc", [1])))
t(lambda: list(zip("ab", [1], strict=True)))
t(lambda: list(zip("a", [1, 2], strict=True)))
t(lambda: list(zip("ab", "ab", "abc", strict=True)))
t(lambda: list(zip("a", foo=1)))
print(list(reversed(range(3))), list(reversed("abc")), list(reversed([1, 2])), list(reversed((1, 2))), list(reversed(b"ab")))
print(list(reversed({"a": 1, "b": 2})), list(enumerate("ab", 1)), list(enumerate("ab", start=5)))
print(min([3, 1, 2], key=lambda x: -x), max(1, 2, key=None), max([], default=3), sum([0.1] * 10), sum([[1], [2]], []))
