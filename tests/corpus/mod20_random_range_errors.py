# The errors of randrange and randint, in CPython's words (float bounds are left out: CPython 3.11
# also prints a DeprecationWarning for them, which forkyard does not).
import random

tests = [
    lambda: random.randrange(0),
    lambda: random.randrange(-3),
    lambda: random.randint(5, 1),
    lambda: random.randrange(5, 5),
    lambda: random.randrange(1, 10, 0),
    lambda: random.randrange(10, 1, 2),
    lambda: random.randrange(None),
    lambda: random.randint(1),
]
for t in tests:
    try:
        t()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
