# exp, expm1, exp2, pow, sqrt, cbrt: C library results, CPython's range and domain errors.
import math

print(math.exp(0), math.exp(1), math.exp(-745), math.expm1(1e-10), math.exp2(10))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(0, 0), math.pow(1, math.nan))
print(math.sqrt(2), math.sqrt(0), math.sqrt(10**20), math.cbrt(27), math.cbrt(-8), math.cbrt(2))
print(math.pow(math.inf, -1), math.sqrt(math.inf))
for f in [
    lambda: math.exp(1000),
    lambda: math.pow(10, 400),
    lambda: math.pow(0, -1),
    lambda: math.pow(-8, 1 / 3),
    lambda: math.sqrt(-1),
    lambda: math.sqrt(10**400),
    lambda: math.expm1(1000),
    lambda: math.sqrt("4"),
]:
    try:
        f()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
