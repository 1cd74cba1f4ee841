# forkyard-compare: sorted
# Every waiter wakes when the event is set.
import time
from multiprocessing import Process, Event


def waiter(e, i):
    r = e.wait()
    print(f"waiter {i} woke: {r}\n", end="")


if __name__ == "__main__":
    e = Event()
    ps = [Process(target=waiter, args=(e, i)) for i in range(4)]
    for p in ps:
        p.start()
    time.sleep(0.3)
    print("setting\n", end="")
    e.set()
    for p in ps:
        p.join()
    print(f"exitcodes {[p.exitcode for p in ps]}\n", end="")
