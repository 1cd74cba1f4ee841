# time.time and time.monotonic measure sleeps. A sleep never ends early; it may end a little late
# (more so at a high --speed on a busy machine), so the checks are bounds, not rounded values.
import time
t0 = time.time()
time.sleep(0.2)
t1 = time.time()
print("slept 0.2:", 0.2 <= t1 - t0 < 0.5)
m0 = time.monotonic()
time.sleep(0.3)
time.sleep(0.1)
m1 = time.monotonic()
print("slept 0.4:", 0.4 <= m1 - m0 < 0.7)
print(type(t0).__name__, t1 > t0, t0 > 1_600_000_000)
p0 = time.perf_counter()
time.sleep(0)
print("zero sleep under 0.2:", time.perf_counter() - p0 < 0.2)
start = time.time()
for i in range(3):
    time.sleep(0.1)
print("three sleeps of 0.1:", 0.3 <= time.time() - start < 0.6)
