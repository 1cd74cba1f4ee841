# Lock acquire+release pairs per second, two processes contending (pairs of both, in total).
import multiprocessing
import time

# A million pairs each: at 100,000 the run lasted 15-70 ms, and CPython's figure was mostly
# that of the processes' first milliseconds (3-5 M/s in most runs, 10-14 in a few); over a
# million its steady rate (10-14 M/s on the 2-core machine) is what the row shows.
N = 1000000


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
