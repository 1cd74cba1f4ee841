# A child's event.wait(timeout) returns False if the parent sets too late, True if in time.
import time
from multiprocessing import Process, Event, Queue


def waiter(e, q, t):
    q.put(e.wait(t))


if __name__ == "__main__":
    q = Queue()
    e = Event()
    p = Process(target=waiter, args=(e, q, 0.2))
    p.start()
    print("short wait:", q.get())
    p.join()
    p = Process(target=waiter, args=(e, q, 1.0))
    p.start()
    time.sleep(0.2)
    e.set()
    print("long wait:", q.get())
    p.join()
    p = Process(target=waiter, args=(e, q, 0))
    p.start()
    print("already set:", q.get())
    p.join()
