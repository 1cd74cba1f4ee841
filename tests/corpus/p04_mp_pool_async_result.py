# AsyncResult: ready, wait, successful, get with and without a timeout.
import multiprocessing
import time


def slow(x, wait):
    time.sleep(wait)
    return x * 10


def fail():
    raise ValueError("no")


if __name__ == "__main__":
    pool = multiprocessing.Pool(2)
    r = pool.apply_async(slow, (4, 0.4))
    print(type(r).__name__, r.ready())
    try:
        r.successful()
    except ValueError as e:
        print("ValueError:", e)
    try:
        r.get(timeout=0.1)
    except multiprocessing.TimeoutError as e:
        print("TimeoutError", repr(e), isinstance(e, Exception))
    print(r.wait(0.05), r.ready())
    print(r.wait(), r.ready())
    print(r.successful(), r.get(), r.get(timeout=0))
    f = pool.apply_async(fail)
    f.wait()
    print(f.ready(), f.successful())
    try:
        f.get()
    except ValueError as e:
        print("ValueError:", e)
    m = pool.map_async(slow, [])
    print(type(m).__name__, m.ready(), m.get())
    pool.terminate()
    pool.join()
    print("done")
