# Start and join one no-op Process, 50 times; the median.
import multiprocessing
import time


def noop():
    pass


if __name__ == '__main__':
    times = []
    for _ in range(50):
        t0 = time.perf_counter()
        p = multiprocessing.Process(target=noop)
        p.start()
        p.join()
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"figure: start_join_median {times[25] * 1000:.3f} ms")
