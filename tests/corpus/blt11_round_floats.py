def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for x in [0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 2.675, 0.125, 1e20, 1234.5678, -1234.5678]:
    print(repr(x), round(x), round(x, 2), round(x, -1), round(x, -2))
t(lambda: round(2.675, 2))
t(lambda: round(1.23456789e300, -299))
t(lambda: round(5e-324, 400))
t(lambda: round(1e300, -400))
t(lambda: round(float("inf")))
t(lambda: round(float("nan")))
t(lambda: round(float("inf"), 2))
t(lambda: round(2.5, None))
t(lambda: round(1.5, 1.0))
t(lambda: round("x"))
t(lambda: round())
t(lambda: round(0.45, 1))
t(lambda: round(-0.0))
t(lambda: round(-0.4, 0))
