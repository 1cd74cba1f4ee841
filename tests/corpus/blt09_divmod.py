def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7, 0.5), (2**70, 3), (-(2**70), 7), (True, 2), (0, 5)]:
    t(lambda: divmod(a, b))
t(lambda: divmod(7, 0))
t(lambda: divmod(7.0, 0))
t(lambda: divmod(7, 0.0))
t(lambda: divmod("a", 1))
t(lambda: divmod(1, "a"))
t(lambda: divmod(1))
