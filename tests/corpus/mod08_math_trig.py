# Trigonometry in radians, its inverses, atan2, degrees and radians.
import math

for x in [0, 0.5, 1, math.pi / 6, math.pi / 4, math.pi]:
    print(round(x, 4), math.sin(x), math.cos(x), math.tan(x))
print(math.asin(0.5), math.acos(0.5), math.atan(1), math.asin(1) * 2 == math.pi)
print(math.atan2(1, 1), math.atan2(1, -1), math.atan2(-0.0, -1), math.atan2(0, 0))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))
for f in [lambda: math.asin(2), lambda: math.acos(-1.5), lambda: math.sin(math.inf), lambda: math.cos("0")]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
