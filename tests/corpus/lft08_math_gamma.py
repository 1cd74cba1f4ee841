# math.gamma and math.lgamma: CPython's results, domain and range errors.
import math

for x in [1, 2, 5, 0.5, 1.5, -0.5, -2.5, 10.1, 23, 24, 30.5, 100, 170.5, -170.5, 1e-10,
          -1e-10, 1e-30, -200.5, -250.5, 0.1, 3.7]:
    print(x, math.gamma(x), math.lgamma(x))
for x in [0, 0.0, -0.0, -1, -2.0, 200, 171.7, 1e308, float('inf'), float('-inf'), float('nan'),
          5e-324, 2**1100]:
    for fn in (math.gamma, math.lgamma):
        try:
            print(fn.__name__, x, fn(x))
        except (ValueError, OverflowError) as e:
            print(fn.__name__, x, type(e).__name__, e)
print(math.lgamma(1e300), math.lgamma(-1e-300), math.lgamma(2.5e305))
print(math.gamma(True), math.lgamma(False) if False else math.lgamma(3))
for bad in ["1", None, [1]]:
    try:
        math.gamma(bad)
    except TypeError as e:
        print(e)
try:
    math.gamma()
except TypeError as e:
    print(e)
try:
    math.lgamma(1, 2)
except TypeError as e:
    print(e)
print(round(math.exp(math.lgamma(7.5)) / math.gamma(7.5), 12))
