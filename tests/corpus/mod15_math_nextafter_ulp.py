# The spacing of floats: nextafter and ulp.
import math

print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0))
print(math.ulp(1.0), math.ulp(1e300), math.ulp(0.0), math.ulp(-2.0), math.ulp(math.inf), math.ulp(1.7976931348623157e308))
print(math.nextafter(1.0, 2.0) - 1.0 == math.ulp(1.0), 1.0 + math.ulp(1.0) / 2 == 1.0)
x = 0.1
print(x, math.nextafter(x, 1), math.nextafter(x, 0), math.ulp(x))
