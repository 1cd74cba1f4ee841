def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for x in [1.5, 0.1, -0.0, 0.0, 1.0, -2.75, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 3.0, 0.5]:
    print(repr(x), x.hex())
t(lambda: (1.0).hex(1))
