# math.fsum adds floats exactly (Shewchuk's partial sums) where sum() accumulates rounding error.
import math

tenth = [0.1] * 10
print(sum(tenth), math.fsum(tenth))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1, 1e-16, 1e-16]), math.fsum([]), math.fsum([5, 7]), math.fsum(range(10)))
print(math.fsum([0.3, 0.3, 0.3, -0.9]), sum([0.3, 0.3, 0.3, -0.9]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -1e308]), math.fsum([math.nan, 1.0]))
for bad in [[1e308, 1e308], [math.inf, -math.inf], ["a"]]:
    try:
        math.fsum(bad)
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
