# Condition: notify wakes one waiter at a time; wait returns True when notified.
import time
from multiprocessing import Process, Condition, Value


def waiter(cond, woken, i):
    with cond:
        r = cond.wait()
        woken.value += 1
        print("a waiter woke:", r)


if __name__ == "__main__":
    cond = Condition()
    woken = Value("i", 0)
    ps = [Process(target=waiter, args=(cond, woken, i)) for i in range(3)]
    for p in ps:
        p.start()
    time.sleep(0.3)
    for n in range(3):
        with cond:
            cond.notify()
        time.sleep(0.2)
        print("after notify", n + 1, "woken", woken.value)
    for p in ps:
        p.join()
    print("exitcodes", [p.exitcode for p in ps])
