# sample without replacement: the small-pool and the big-population branches, counts=.
import random

random.seed(11)
print(random.sample(range(100), 10))
print(random.sample(range(10**9), 5))
print(random.sample("abcdefgh", 8), random.sample([1, 2, 3], 0))
print(random.sample(["a", "b", "c"], k=4, counts=[2, 3, 1]))
print(random.sample(range(30), 25)[:5], random.sample(tuple("xyz"), k=2))
for f in [lambda: random.sample([1], 2), lambda: random.sample([1, 2], -1), lambda: random.sample({1, 2}, 1),
          lambda: random.sample("ab", 1, counts=[1]), lambda: random.sample("ab", 1, counts=[0, 0])]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
