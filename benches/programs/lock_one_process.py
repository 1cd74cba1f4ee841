# Lock acquire+release pairs per second in one process.
import multiprocessing
import time

N = 200000

if __name__ == '__main__':
    lock = multiprocessing.Lock()
    t0 = time.perf_counter()
    for _ in range(N):
        lock.acquire()
        lock.release()
    dt = time.perf_counter() - t0
    print(f"figure: lock_pairs_one_process {N / dt / 1e6:.3f} M/s")
