# math.comb, math.perm and math.isqrt: exact integer results, including big ones.
import math

print(math.comb(52, 5), math.comb(5, 0), math.comb(5, 7), math.comb(100, 50))
print(math.perm(5), math.perm(10, 3), math.perm(3, 5), math.perm(0), math.perm(20, 20) == math.factorial(20))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40 + 5), math.isqrt(2**127))
tests = [
    lambda: math.comb(-1, 2),
    lambda: math.comb(5, -1),
    lambda: math.comb(5),
    lambda: math.perm(-1),
    lambda: math.perm(-1, 2),
    lambda: math.perm(4, -2),
    lambda: math.isqrt(-1),
    lambda: math.isqrt(2.5),
]
for t in tests:
    try:
        t()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
