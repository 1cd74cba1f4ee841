# imap yields in input order, as results come; next(timeout) raises TimeoutError.
import multiprocessing
import time


def slow(x):
    time.sleep([0.4, 0.1, 0.2][x % 3])
    return x * x


if __name__ == "__main__":
    with multiprocessing.Pool(3) as pool:
        t0 = time.time()
        it = pool.imap(slow, range(3))
        print(type(it).__name__)
        for v in it:
            dt = time.time() - t0
            print(v, 0.35 < dt < 0.55)
        it = pool.imap(slow, range(6), chunksize=2)
        print(list(it))
        it = pool.imap(slow, [0])
        try:
            it.next(timeout=0.2)
        except multiprocessing.TimeoutError:
            print("TimeoutError")
        print(it.next(timeout=1))
        try:
            next(it)
        except StopIteration:
            print("StopIteration")
    print("done")
