# Lock acquire+release pairs per second, two processes contending (pairs of both, in total).
import multiprocessing
import time

N = 100000


def hammer(lock, ready, go):
    ready.set()
    go.wait()
    for _ in range(N):
        lock.acquire()
        lock.release()


if __name__ == '__main__':
    lock = multiprocessing.Lock()
    go = multiprocessing.Event()
    readies = [multiprocessing.Event() for _ in range(2)]
    ps = [multiprocessing.Process(target=hammer, args=(lock, r, go)) for r in readies]
    for p in ps:
        p.start()
    for r in readies:
        r.wait()
    t0 = time.perf_counter()
    go.set()
    for p in ps:
        p.join()
    dt = time.perf_counter() - t0
    print(f"figure: lock_pairs_two_processes {2 * N / dt / 1e6:.3f} M/s")
