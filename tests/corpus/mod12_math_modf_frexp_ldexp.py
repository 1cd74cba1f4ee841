# Splitting floats: modf, frexp, ldexp.
import math

print(math.modf(3.25), math.modf(-3.25), math.modf(0.0), math.modf(math.inf), math.modf(-math.inf))
print(math.frexp(8.0), math.frexp(-0.1), math.frexp(0.0), math.frexp(1e-310), math.frexp(math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(3, 2), math.ldexp(0.0, 5000))
m, e = math.frexp(123.456)
print(m, e, math.ldexp(m, e))
for f in [lambda: math.ldexp(1.0, 2000), lambda: math.ldexp(1.0, 2.0), lambda: math.modf("1")]:
    try:
        f()
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
