# Condition.wait(timeout) returns False when nobody notifies, True when notified in time.
import time
from multiprocessing import Process, Condition


def waited(t0, want):
    """A timed wait lasts its timeout, give or take the machine's load (never less)."""
    t = time.time() - t0
    return "about %s" % want if want - 0.01 <= t < want + 0.4 else "not %s: %.3f" % (want, t)


def notifier(cond):
    time.sleep(0.2)
    with cond:
        cond.notify()


if __name__ == "__main__":
    cond = Condition()
    t0 = time.time()
    with cond:
        r = cond.wait(0.3)
    print("no notify:", r, waited(t0, 0.3))
    p = Process(target=notifier, args=(cond,))
    with cond:
        p.start()
        r = cond.wait(2)
    print("notified:", r)
    p.join()
    print("exitcode", p.exitcode)
