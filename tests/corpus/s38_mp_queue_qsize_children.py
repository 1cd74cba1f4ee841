# qsize counts what children put, once it has arrived; get() empties it in order per child.
import time
from multiprocessing import Process, Queue


def put_n(q, n):
    for i in range(n):
        q.put(i)


if __name__ == "__main__":
    q = Queue()
    ps = [Process(target=put_n, args=(q, n)) for n in (3, 4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    time.sleep(0.2)
    print("qsize", q.qsize(), "empty", q.empty())
    got = sorted([q.get() for _ in range(7)])
    print(got, q.qsize(), q.empty())
