# Manager: a Barrier held by the server (its action runs in the server process; indexes by arrival;
# a timeout breaks it; reset and abort), and proxies given to children of the spawn start method.
import multiprocessing as mp
import time


def arrive(b, name, indexes):
    indexes[name] = b.wait()


def until_waiting(b, n):
    while b.n_waiting < n:
        time.sleep(0.01)


def announce():
    print("all arrived")


def work(d, lock):
    with lock:
        d["n"] = d.get("n", 0) + 1


if __name__ == "__main__":
    with mp.Manager() as m:
        b = m.Barrier(3, action=announce)
        print(b.parties, b.n_waiting, b.broken, str(b)[:19])
        indexes = m.dict()
        ps = [mp.Process(target=arrive, args=(b, f"child {i}", indexes)) for i in range(2)]
        for i, p in enumerate(ps):
            p.start()
            until_waiting(b, i + 1)
        print("main index", b.wait())
        for p in ps:
            p.join()
        print(sorted(indexes.items()))
        b2 = m.Barrier(2, timeout=0.1)
        try:
            b2.wait()
        except Exception as e:
            print(type(e).__name__, b2.broken)
        b2.reset()
        print("after reset", b2.broken)
        b2.abort()
        try:
            b2.wait()
        except Exception as e:
            print(type(e).__name__, repr(e))
    ctx = mp.get_context("spawn")
    with ctx.Manager() as m:
        d = m.dict()
        lock = m.Lock()
        ps = [ctx.Process(target=work, args=(d, lock)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(d, m._process.name, [p.name for p in ps], [p.exitcode for p in ps])
