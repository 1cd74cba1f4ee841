# choices with replacement: plain, weights, cumulative weights, k; CPython's errors.
import random

random.seed(5)
print(random.choices("abc", k=8))
print(random.choices(["win", "lose"], [1, 9], k=10))
print(random.choices(range(5), cum_weights=[1, 2, 10, 10, 12], k=6))
print(random.choices("xy", weights=[0.5, 1.5], k=5), random.choices([1, 2]))
for f in [lambda: random.choices("ab", [1]), lambda: random.choices("ab", 2), lambda: random.choices("ab", [1, 1], cum_weights=[1, 2]),
          lambda: random.choices("ab", [0, 0]), lambda: random.choices("ab", [1, float("inf")])]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
