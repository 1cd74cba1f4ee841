# Function calls per second.
import time


def add(a, b):
    return a + b


n = 300000
t0 = time.perf_counter()
x = 0
for i in range(n):
    x = add(x, i)
dt = time.perf_counter() - t0
print(f"figure: function_calls {n / dt / 1e6:.3f} M/s")
