# Condition.notify_all wakes every waiter; notify without holding the lock raises.
import time
from multiprocessing import Process, Condition, Value


def waiter(cond, woken):
    with cond:
        cond.wait()
        woken.value += 1


if __name__ == "__main__":
    cond = Condition()
    woken = Value("i", 0)
    ps = [Process(target=waiter, args=(cond, woken)) for _ in range(4)]
    for p in ps:
        p.start()
    time.sleep(0.3)
    with cond:
        cond.notify_all()
    for p in ps:
        p.join()
    print("woken", woken.value, [p.exitcode for p in ps])
    try:
        cond.notify()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        cond.wait()
    except AssertionError as e:
        print("AssertionError:", e)
