# Pool(2).apply_async of a trivial function, 20k tasks: tasks per second, submit to last result.
import multiprocessing
import time


def noop(x):
    return x


if __name__ == '__main__':
    n = 20000
    with multiprocessing.Pool(2) as pool:
        pool.apply(noop, (0,))
        t0 = time.perf_counter()
        results = [pool.apply_async(noop, (i,)) for i in range(n)]
        total = 0
        for r in results:
            total += r.get()
        dt = time.perf_counter() - t0
    assert total == n * (n - 1) // 2
    print(f"figure: pool_apply_async_20k {n / dt / 1e3:.2f} k tasks/s")
