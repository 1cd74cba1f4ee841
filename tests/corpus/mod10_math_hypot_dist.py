# hypot takes any number of coordinates, dist two points of equal dimension.
import math

print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5), math.hypot(1e200, 1e200))
print(math.hypot(0.1, 0.2, 0.3, 0.4), math.hypot(1e-200, 1e-200), math.hypot(math.inf, math.nan))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((1.5,), (-2.25,)))
for f in [lambda: math.dist([1], [1, 2]), lambda: math.hypot("3", 4), lambda: math.dist(1, 2)]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
