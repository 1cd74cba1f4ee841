# Truthiness of values and the short-circuit operators.
for v in [0, 1, -1, 0.0, 0.5, "", " ", "0", [], [0], (), (None,), {}, {0: 0}, set(), None, True, False]:
    print(repr(v), "truthy" if v else "falsy")
print(0 or "default", "set" or "default", None or 0 or [] or "last")
print(1 and 2, 0 and 2, "a" and "", [] and 1)
print(not 0, not "x", not None, not [])
x = None
print(x is None, x is not None, not x)
name = ""
print(name or "anonymous")
def side(v):
    print("evaluated", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(bool(side(0) or side("")))
