# Start and join one child: pid is None before start, join() returns None, exitcode 0.
import os
import time
from multiprocessing import Process


def work(n, label="x"):
    time.sleep(0.2)
    print("worker got", n, label)
    return "ignored"


if __name__ == "__main__":
    p = Process(target=work, args=(7,), kwargs={"label": "y"})
    print("before start: pid", p.pid, "exitcode", p.exitcode, "alive", p.is_alive())
    p.start()
    print("after start: pid is int", isinstance(p.pid, int), "differs from main", p.pid != os.getpid())
    result = p.join()
    print("join returned", result, "exitcode", p.exitcode, "alive", p.is_alive())
