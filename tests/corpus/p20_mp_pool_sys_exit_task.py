# A task that calls sys.exit() ends its worker: the pool starts another, and that task's result
# never comes.
import multiprocessing
import sys
import time


def quit(code):
    sys.exit(code)


def square(x):
    return x * x


if __name__ == "__main__":
    pool = multiprocessing.Pool(1)
    before = pool._pool[0].name
    r = pool.apply_async(quit, (3,))
    try:
        r.get(timeout=0.4)
    except multiprocessing.TimeoutError:
        print("no result")
    print(r.ready())
    print(pool.apply(square, (9,)))
    after = pool._pool[0].name
    print(before, after, before != after)
    pool.terminate()
    pool.join()
    print("done")
