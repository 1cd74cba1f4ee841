# randint and every form of randrange, small and big ranges, from a seeded generator.
import random

random.seed(2024)
print([random.randint(1, 6) for _ in range(12)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(6)], [random.randrange(50, 5, -7) for _ in range(6)])
print(random.randrange(-10, -2), random.randint(-5, 5), random.randrange(start=3, stop=9), random.randrange(0, 1))
print(random.randrange(10**30, 10**30 + 10**25), random.randint(0, 2**100), random.randrange(2**64))
print(random.randint(7, 7), random.randrange(1, 2**70, 2**60))
