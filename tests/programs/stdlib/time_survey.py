# A survey of time: the calendar functions on fixed times, the clocks by their types.
import time

t = time.gmtime(1234567890)
print("gmtime", t)
print("fields", t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print("strftime", time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", t))
print("asctime", time.asctime(t))
print("mktime", time.mktime(time.localtime(1e9)) == 1e9)
print("localtime", len(time.localtime()), type(time.localtime()).__name__)
print("ctime", len(time.ctime(0)))
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    print(name, type(getattr(time, name)()).__name__)
for name in ["time_ns", "monotonic_ns", "perf_counter_ns", "process_time_ns", "thread_time_ns"]:
    print(name, type(getattr(time, name)()).__name__)
t0 = time.time()
time.sleep(0.2)
print("sleep", round(time.time() - t0, 1))
