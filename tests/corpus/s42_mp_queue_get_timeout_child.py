# A child's get(timeout) raises queue.Empty when the parent is late, and gets the item when it is not.
import time
import queue
from multiprocessing import Process, Queue


def getter(q, t):
    try:
        print("child got", q.get(timeout=t))
    except queue.Empty:
        print("child: Empty")


if __name__ == "__main__":
    q = Queue()
    p = Process(target=getter, args=(q, 0.2))
    p.start()
    p.join()
    p = Process(target=getter, args=(q, 1))
    p.start()
    time.sleep(0.2)
    q.put("x")
    p.join()
    print("exitcodes done")
