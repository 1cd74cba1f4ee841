# active_children() lists started, still-running children, and reaps the ones that ended.
import time
from multiprocessing import Process, active_children


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    ps = [Process(target=nap, args=(s,), name=f"nap-{s}") for s in (0.2, 0.6)]
    unstarted = Process(target=nap, args=(0,))
    print("before start:", active_children())
    for p in ps:
        p.start()
    print("running:", sorted([c.name for c in active_children()]))
    time.sleep(0.4)
    print("later:", [c.name for c in active_children()])
    print("first exitcode:", ps[0].exitcode, "second:", ps[1].exitcode)
    for p in ps:
        p.join()
    print("after join:", active_children(), [p.exitcode for p in ps])
