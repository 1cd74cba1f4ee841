def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in [slice(1, 10, 3), slice(None, None, -1), slice(-3, None), slice(-100, 100), slice(5, 1), slice(None, None, 2), slice(10, None, -3)]:
    for n in [0, 4, 10]:
        print(s, n, s.indices(n), list(range(*s.indices(n))) == list(range(n))[s])
t(lambda: slice(0, 1, 0).indices(3))
t(lambda: slice(1).indices(-1))
t(lambda: slice(1).indices("3"))
