# Attribute access and method calls per second.
import time


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n = self.n + k


n = 300000
c = Counter()
t0 = time.perf_counter()
for i in range(n):
    c.bump(1)
dt = time.perf_counter() - t0
assert c.n == n
print(f"figure: method_calls {n / dt / 1e6:.3f} M/s")
