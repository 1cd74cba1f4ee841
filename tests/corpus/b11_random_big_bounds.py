# random.randint/randrange/sample with bounds at and past 64 bits: facts about the draws, and the
# errors for empty ranges (no sequence is printed: it differs between runs).
import random
print(-2**63 <= random.randint(-2**63, 2**63 - 1) < 2**63, 0 <= random.randrange(2**200) < 2**200)
print(random.randint(2**100, 2**100) == 2**100, random.randrange(-5, -4), random.randint(7, 7))
vals = [random.randint(1, 3) for _ in range(300)]
print(sorted(set(vals)), len(random.sample([1, 2, 3, 4], 2)))
for f in [lambda: random.randint(5, 4), lambda: random.randrange(5, 5), lambda: random.randrange(0), lambda: random.sample([1], 2)]:
    try:
        print(f())
    except ValueError as e:
        print("ValueError", e)
