# AsyncResult and imap iterators at their edges: error callbacks get the remote cause, next(timeout),
# an imap that raises mid-way goes on after it, negative timeouts, map_async by chunks.
import multiprocessing
import time


def slow(x):
    time.sleep(x / 10)
    if x == 3:
        raise IndexError("three")
    return x


if __name__ == "__main__":
    errs = []
    with multiprocessing.Pool(2) as pool:
        r = pool.apply_async(slow, (3,), error_callback=errs.append)
        r.wait()
        print(type(errs[0].__cause__).__name__, errs[0] is not None)
        it = pool.imap_unordered(slow, [4, 1])
        try:
            it.next(timeout=0.05)
        except multiprocessing.TimeoutError:
            print("timeout")
        print(it.next(), it.next())
        it = pool.imap(slow, [1, 3, 2])
        print(next(it))
        try:
            next(it)
        except IndexError as e:
            print("IndexError", e)
        print(next(it))
        try:
            next(it)
        except StopIteration:
            print("stop")
        r = pool.apply_async(slow, (2,))
        print(r.get(timeout=-1) if r.ready() else "not ready")
        try:
            r.get(timeout=-1)
        except multiprocessing.TimeoutError:
            print("negative timeout")
        print(r.get())
        m = pool.map_async(slow, [0, 1, 2, 4], chunksize=2)
        print(m.get(), m.successful())
        r = pool.apply_async(time.sleep, (0.1,))
        print(r.wait(timeout=5), r.get())
    print("done")
