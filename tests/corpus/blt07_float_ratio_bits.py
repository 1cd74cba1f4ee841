def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for x in [0.75, 0.1, -2.5, 3.0, 1e300, 5e-324, 0.0, -0.0]:
    t(lambda: x.as_integer_ratio())
t(lambda: float("inf").as_integer_ratio())
t(lambda: float("nan").as_integer_ratio())
for x in [3.0, 3.5, -0.0, 1e300, float("inf"), float("nan")]:
    print(repr(x), x.is_integer())
for n in [0, 1, 255, -7, 2**64 - 1, -(2**100 - 1), True]:
    print(n, n.bit_count(), n.bit_length())
t(lambda: (5).bit_count(1))
