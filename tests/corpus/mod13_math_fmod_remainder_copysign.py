# fmod keeps the sign of x (unlike %), remainder rounds to nearest, copysign and fabs.
import math

print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.fmod(7, -3), math.fmod(5.5, 2), math.fmod(1, math.inf))
print(math.remainder(7, 3), math.remainder(5, 2), math.remainder(-5, 2), math.remainder(10, 4), math.remainder(1, math.inf))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(1, -math.nan), math.fabs(-3), math.fabs(2.5))
for f in [lambda: math.fmod(1, 0), lambda: math.fmod(math.inf, 2), lambda: math.remainder(1, 0), lambda: math.remainder(math.inf, 1)]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
