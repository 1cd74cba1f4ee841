# A seeded Monte Carlo estimate of pi, then the same estimate with math.fsum and statistics by hand.
import math
import random

random.seed(2026)
inside = 0
n = 20000
for _ in range(n):
    x, y = random.random(), random.random()
    if math.hypot(x, y) <= 1.0:
        inside += 1
est = 4 * inside / n
print(inside, est, abs(est - math.pi) < 0.05)
data = [random.gauss(100, 15) for _ in range(1000)]
mean = math.fsum(data) / len(data)
sd = math.sqrt(math.fsum((d - mean) ** 2 for d in data) / (len(data) - 1))
print(mean, sd, math.floor(mean), math.ceil(sd))
