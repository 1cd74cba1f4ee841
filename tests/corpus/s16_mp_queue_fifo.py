# A Queue between two processes keeps its order; get blocks until something arrives.
import time
from multiprocessing import Process, Queue


def produce(q):
    for i in range(5):
        q.put(i)
    time.sleep(0.3)
    q.put("late")
    q.put(None)


if __name__ == "__main__":
    q = Queue()
    p = Process(target=produce, args=(q,))
    p.start()
    got = []
    while True:
        item = q.get()
        if item is None:
            break
        got.append(item)
    print(got)
    p.join()
    print("exitcode", p.exitcode, "empty", q.empty())
