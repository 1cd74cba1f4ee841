# Semaphore.acquire(timeout) waits that long for a child to release, or gives up with False.
import time
from multiprocessing import Process, Semaphore


def waited(t0, want):
    """A timed wait lasts its timeout, give or take the machine's load (never less)."""
    t = time.time() - t0
    return "about %s" % want if want - 0.01 <= t < want + 0.4 else "not %s: %.3f" % (want, t)


def release_later(s):
    time.sleep(0.3)
    print("child releases")
    s.release()


if __name__ == "__main__":
    s = Semaphore(0)
    t0 = time.time()
    print("timeout 0.2:", s.acquire(timeout=0.2), waited(t0, 0.2))
    print("timeout 0:", s.acquire(timeout=0))
    print("negative timeout:", s.acquire(timeout=-1))
    p = Process(target=release_later, args=(s,))
    p.start()
    t0 = time.time()
    r = s.acquire(timeout=1)
    print("got it:", r, time.time() - t0 < 0.8)
    p.join()
    print("value", s.get_value())
