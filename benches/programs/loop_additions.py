# A pure-Python loop: 10**6 additions.
import time

t0 = time.perf_counter()
s = 0
for i in range(10**6):
    s += i
dt = time.perf_counter() - t0
assert s == 499999500000
print(f"figure: loop_1e6_additions {dt * 1000:.1f} ms")
