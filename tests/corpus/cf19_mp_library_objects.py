# Library functions, module natives and library exception classes cross to a worker and back by
# their module and name, as pickle names them.
import bisect
import concurrent.futures
import os
import time


def give_up():
    raise concurrent.futures.CancelledError("from the worker")


def fresh_pid():
    return os.getpid()


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
        print(ex.submit(bisect.bisect_left, [1, 3, 5, 7], 5).result())
        print(list(ex.map(bisect.bisect_right, [[1, 2], [0, 9]], [2, 2])))
        print(ex.submit(os.getpid).result() == ex.submit(fresh_pid).result() != os.getpid())
        print(ex.submit(time.sleep, 0).result())
        e = ex.submit(give_up).exception()
        print(type(e).__module__, type(e).__name__, e.args)
