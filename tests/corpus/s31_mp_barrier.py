# Barrier(3): each wait returns a distinct index; nobody passes before all three arrive.
import time
from multiprocessing import Process, Barrier, Value


def waited(t0, want):
    """A timed wait lasts its timeout, give or take the machine's load (never less)."""
    t = time.time() - t0
    return "about %s" % want if want - 0.01 <= t < want + 0.4 else "not %s: %.3f" % (want, t)


def party(b, arrived, passed_early, i):
    time.sleep(0.1 * i)
    arrived.value += 1
    b.wait()
    if arrived.value < 3:
        passed_early.value += 1


if __name__ == "__main__":
    b = Barrier(3)
    arrived = Value("i", 0)
    early = Value("i", 0)
    print(b.parties, b.n_waiting, b.broken)
    ps = [Process(target=party, args=(b, arrived, early, i)) for i in range(2)]
    for p in ps:
        p.start()
    time.sleep(0.4)
    print("waiting", b.n_waiting)
    arrived.value += 1
    idx = b.wait()
    for p in ps:
        p.join()
    print("my index in range", 0 <= idx < 3, "early", early.value, [p.exitcode for p in ps])
    t0 = time.time()
    b2 = Barrier(2, timeout=0.2)
    try:
        b2.wait()
    except Exception as e:
        print(type(e).__name__, b2.broken, waited(t0, 0.2))
