# Event: is_set, set, clear, wait with and without a timeout, across a child.
import time
from multiprocessing import Process, Event


def waited(t0, want):
    """A timed wait lasts its timeout, give or take the machine's load (never less)."""
    t = time.time() - t0
    return "about %s" % want if want - 0.01 <= t < want + 0.4 else "not %s: %.3f" % (want, t)


def setter(e):
    time.sleep(0.3)
    print("child sets")
    e.set()


if __name__ == "__main__":
    e = Event()
    print("is_set", e.is_set())
    t0 = time.time()
    print("wait(0.2)", e.wait(0.2), waited(t0, 0.2))
    p = Process(target=setter, args=(e,))
    p.start()
    print("wait()", e.wait())
    print("is_set", e.is_set(), "wait(0) now", e.wait(0))
    p.join()
    e.clear()
    print("after clear", e.is_set(), e.wait(0.1))
    print("set returns", e.set(), "clear returns", e.clear())
