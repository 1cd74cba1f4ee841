# Condition.wait_for: returns the predicate's value, at once if already true, after a timeout if never.
import time
from multiprocessing import Process, Condition, Value


def waited(t0, want):
    """A timed wait lasts its timeout, give or take the machine's load (never less)."""
    t = time.time() - t0
    return "about %s" % want if want - 0.01 <= t < want + 0.4 else "not %s: %.3f" % (want, t)


def producer(cond, state):
    for i in range(3):
        time.sleep(0.2)
        with cond:
            state.value += 1
            cond.notify_all()


if __name__ == "__main__":
    cond = Condition()
    state = Value("i", 0)
    with cond:
        print("already true:", cond.wait_for(lambda: state.value == 0))
    p = Process(target=producer, args=(cond, state))
    p.start()
    with cond:
        r = cond.wait_for(lambda: state.value >= 3)
        print("waited for 3:", r, state.value)
    p.join()
    t0 = time.time()
    with cond:
        r = cond.wait_for(lambda: state.value > 10, timeout=0.3)
    print("never true:", r, waited(t0, 0.3))
    with cond:
        print("value returned:", cond.wait_for(lambda: state.value * 10))
