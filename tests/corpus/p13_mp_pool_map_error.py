# map raises the first failure, but only after every chunk has finished.
import multiprocessing
import time


def task(x):
    time.sleep(0.1 * x)
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
            print("ValueError:", e, time.time() - t0 > 0.35)
        r = pool.map_async(task, [1, 0])
        r.wait()
        print(r.successful())
        try:
            list(pool.imap(task, [0, 1, 5]))
        except ValueError as e:
            print("imap ValueError:", e)
    print("done")
