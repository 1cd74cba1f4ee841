def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = slice(1, 5, 2)
t(lambda: s)
t(lambda: slice(3))
t(lambda: slice(None, -1))
t(lambda: (s.start, s.stop, s.step))
t(lambda: [0, 1, 2, 3, 4, 5, 6][s])
t(lambda: "abcdefg"[s])
t(lambda: (1, 2, 3, 4, 5, 6)[slice(None, None, -1)])
t(lambda: b"abcdef"[s])
t(lambda: range(10)[slice(2, 8, 3)])
t(lambda: slice(1, 2) == slice(1, 2))
t(lambda: slice(1, 2) == slice(1, 3))
t(lambda: type(s).__name__)
t(lambda: isinstance(s, slice))
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: [1, 2, 3][slice(0, 3, 0)])
xs = list(range(8))
xs[slice(0, 8, 2)] = "abcd"
print(xs)
del xs[slice(1, None, 2)]
print(xs)
