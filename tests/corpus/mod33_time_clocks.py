# The clocks: sleeps measured by time, monotonic and perf_counter, in seconds and nanoseconds.
import time

t0, m0, p0, n0 = time.time(), time.monotonic(), time.perf_counter(), time.monotonic_ns()
time.sleep(0.3)
# A sleep never ends early and may end late (at --speed 10 on a busy machine, a few milliseconds
# of real time are a good part of 0.1 s): bounds, not rounded values.
print([0.3 <= d < 0.6 for d in (time.time() - t0, time.monotonic() - m0, time.perf_counter() - p0)])
print(0.3 <= (time.monotonic_ns() - n0) / 1e9 < 0.6)
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__, type(time.process_time_ns()).__name__)
print(type(time.process_time()).__name__, type(time.thread_time()).__name__, time.process_time() >= 0)
print(abs(time.time_ns() / 1e9 - time.time()) < 1)
for bad in [-1, "1"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
