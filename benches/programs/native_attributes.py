# Attribute lookups on native objects per second: a shared Value's `value`, a Process's `pid`,
# a Lock's bound `acquire` (looked up, not called).
import multiprocessing as mp
import time

n = 100000
v = mp.Value("i", 7)
p = mp.Process(target=print)
lock = mp.Lock()
total = 0
t0 = time.perf_counter()
for i in range(n):
    total += v.value
    if p.pid is not None:
        total += 1
    m = lock.acquire
dt = time.perf_counter() - t0
assert total == 7 * n
print(f"figure: native_attributes {3 * n / dt / 1e6:.3f} M/s")
