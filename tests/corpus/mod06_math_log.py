# math.log with and without a base, log2, log10, log1p; logs of ints too big for a float.
import math

print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log(2, 0.5))
print(math.log2(1024), math.log2(3), math.log10(1000), math.log10(2), math.log1p(1e-10))
print(math.log(10**400), math.log2(2**2000), math.log10(10**500), math.log(10**400, 10))
print(math.log(math.inf), math.log(True + 1))
for bad in [0, -1, -(10**400), 0.0, "x"]:
    try:
        math.log(bad)
    except (ValueError, TypeError) as e:
        print(repr(bad)[:8], type(e).__name__, e)
for f in [lambda: math.log(10, 1), lambda: math.log1p(-1), lambda: math.log2(0), lambda: math.log10(-5)]:
    try:
        f()
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
