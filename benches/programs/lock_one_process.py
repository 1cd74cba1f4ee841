# Lock acquire+release pairs per second in one process.
import multiprocessing
import time

# A million pairs: a few hundred milliseconds under either, long enough that the figure is the
# steady rate, not the first milliseconds' (200,000 pairs took 20-40 ms and moved by a third
# from run to run).
N = 1000000

if __name__ == '__main__':
    lock = multiprocessing.Lock()
    t0 = time.perf_counter()
    for _ in range(N):
        lock.acquire()
        lock.release()
    dt = time.perf_counter() - t0
    print(f"figure: lock_pairs_one_process {N / dt / 1e6:.3f} M/s")
