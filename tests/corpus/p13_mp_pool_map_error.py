# map raises the first failure, but only after every chunk has finished.
import multiprocessing
import time


def task(x):
    # Item 1 fails well before item 3 (0.15 s against 0.45 s), so which failure comes first
    # does not hang on how fast a worker starts.
    time.sleep(0.15 * x)
    if x in (1, 3):
        raise ValueError(f"item {x}")
    print("ran", x)
    return x


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        t0 = time.time()
        try:
            pool.map(task, [3, 1, 0, 4], chunksize=1)
        except ValueError as e:
            print("ValueError:", e, time.time() - t0 > 0.55)
        r = pool.map_async(task, [1, 0])
        r.wait()
        print(r.successful())
        try:
            list(pool.imap(task, [0, 1, 5]))
        except ValueError as e:
            print("imap ValueError:", e)
    print("done")
