# Pool(2).map of a trivial function over 200k items (CPython's default chunksize): items per second.
import multiprocessing
import time


def double(x):
    return x + x


if __name__ == '__main__':
    n = 200000
    items = list(range(n))
    with multiprocessing.Pool(2) as pool:
        pool.map(double, [0])
        t0 = time.perf_counter()
        out = pool.map(double, items)
        dt = time.perf_counter() - t0
    assert out[-1] == 2 * (n - 1) and len(out) == n
    print(f"figure: pool_map_200k {n / dt / 1e6:.3f} M items/s")
