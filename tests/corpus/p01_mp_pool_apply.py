# Pool.apply: a function, keyword arguments, builtins and module functions as tasks.
import multiprocessing
import os
import time


def power(base, exp=2):
    return base ** exp


def describe(*args, **kwargs):
    return f"args={args} kwargs={sorted(kwargs.items())}"


if __name__ == "__main__":
    pool = multiprocessing.Pool(2)
    print(pool.apply(power, (3,)))
    print(pool.apply(power, (2,), {"exp": 10}))
    print(pool.apply(power, kwds={"base": 5, "exp": 3}))
    print(pool.apply(describe))
    print(pool.apply(describe, (1, "two"), {"x": [3]}))
    print(pool.apply(abs, (-7,)))
    print(pool.apply(max, ([4, 9, 2],)))
    print(pool.apply(time.sleep, (0.2,)))
    pid = pool.apply(os.getpid)
    print(isinstance(pid, int), pid != os.getpid())
    print(pool.apply(os.getppid) == os.getpid())
    pool.close()
    pool.join()
    print("done")
