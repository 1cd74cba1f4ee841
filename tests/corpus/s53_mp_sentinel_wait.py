# Process.sentinel: an int fd that becomes ready when the process ends; wait() over the
# sentinels of children ending in a known order returns each as it ends; before start() it is
# a ValueError; after join() it stays ready.
import multiprocessing as mp
import time
from multiprocessing.connection import wait


def nap(t):
    time.sleep(t)


if __name__ == "__main__":
    p = mp.Process(target=nap, args=(0.1,), name="early")
    try:
        p.sentinel
    except ValueError as e:
        print("before start:", type(e).__name__, e)
    procs = [mp.Process(target=nap, args=(t,), name=n)
             for n, t in [("slow", 0.6), ("fast", 0.2), ("middle", 0.4)]]
    for q in procs:
        q.start()
    print("sentinel is an int:", all(isinstance(q.sentinel, int) for q in procs))
    print("distinct:", len({q.sentinel for q in procs}))
    print("nothing yet:", wait([q.sentinel for q in procs], timeout=0.05))
    by_sentinel = {q.sentinel: q for q in procs}
    pending = list(by_sentinel)
    while pending:
        for s in wait(pending):
            q = by_sentinel[s]
            q.join()
            print("ended:", q.name, q.exitcode)
            pending.remove(s)
    print("still ready after join:", len(wait([q.sentinel for q in procs], timeout=0)))
    p.start()
    p.join()
    print("ready at once:", wait([p.sentinel], timeout=1) == [p.sentinel])
    p.close()
    try:
        p.sentinel
    except ValueError as e:
        print("after close:", e)
