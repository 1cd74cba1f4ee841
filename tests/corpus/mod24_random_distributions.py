# The float distributions draw exactly CPython's numbers from a seeded generator.
import random

random.seed(3)
print(random.random(), random.uniform(1, 5), random.uniform(5, 1))
print(random.gauss(0, 1), random.gauss(0, 1), random.gauss(), random.gauss(mu=10, sigma=2))
print(random.normalvariate(10, 2), random.normalvariate(), random.lognormvariate(0, 1))
print(random.expovariate(2), random.triangular(), random.triangular(0, 10, 2), random.triangular(5, 5, 5))
print(random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1))
print(random.paretovariate(3), random.weibullvariate(1, 2))
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print(type(e).__name__, e)
