# imap_unordered yields results in the order they finish.
import multiprocessing
import time


def slow(x):
    time.sleep(x / 10)
    return x


if __name__ == "__main__":
    with multiprocessing.Pool(3) as pool:
        t0 = time.time()
        for v in pool.imap_unordered(slow, [4, 0, 2]):
            dt = time.time() - t0
            print(v, v / 10 - 0.05 < dt < v / 10 + 0.15)
        print(sorted(pool.imap_unordered(abs, range(-5, 0), chunksize=2)))
        print(type(pool.imap_unordered(abs, [])).__name__, list(pool.imap_unordered(abs, [])))
    print("done")
