# Queue: 200k small ints from one process to another; messages per second.
import multiprocessing
import time

N = 200000


def producer(q):
    for i in range(N):
        q.put(i)
    q.put(None)


if __name__ == '__main__':
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q,))
    t0 = time.perf_counter()
    p.start()
    n = 0
    while q.get() is not None:
        n += 1
    dt = time.perf_counter() - t0
    p.join()
    assert n == N
    print(f"figure: queue_messages {N / dt / 1000:.1f} k/s")
