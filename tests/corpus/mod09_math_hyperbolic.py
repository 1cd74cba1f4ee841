# Hyperbolic functions and their inverses.
import math

for x in [0, 0.5, 1, 2, -3]:
    print(x, math.sinh(x), math.cosh(x), math.tanh(x))
print(math.asinh(1), math.acosh(2), math.atanh(0.5), math.asinh(-10), math.tanh(1000))
for f in [lambda: math.acosh(0.5), lambda: math.atanh(1), lambda: math.atanh(-2), lambda: math.cosh(1000), lambda: math.sinh(-1000)]:
    try:
        f()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
