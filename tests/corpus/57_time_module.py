# time.time and time.monotonic measure sleeps (printed rounded, so any speed matches).
import time
t0 = time.time()
time.sleep(0.2)
t1 = time.time()
print("slept", round(t1 - t0, 1))
m0 = time.monotonic()
time.sleep(0.3)
time.sleep(0.1)
m1 = time.monotonic()
print("slept", round(m1 - m0, 1))
print(type(t0).__name__, t1 > t0, t0 > 1_600_000_000)
p0 = time.perf_counter()
time.sleep(0)
print("zero sleep", round(time.perf_counter() - p0, 1))
start = time.time()
for i in range(3):
    time.sleep(0.1)
print("three sleeps", round(time.time() - start, 1))
