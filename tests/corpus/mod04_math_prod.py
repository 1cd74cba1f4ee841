# math.prod multiplies with Python's *: ints stay exact, start= is keyword-only.
import math

print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([], start=7), math.prod([2.5, 2]))
print(math.prod(range(1, 26)), math.prod([3, 4], start=0.5))
print(math.prod(x for x in [1, 2, 3] if x > 1), math.prod(["ab", 3]), math.prod([[1], 2]))
try:
    math.prod([1, 2], 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    math.prod(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
