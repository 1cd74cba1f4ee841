# The shape of the Pool example in Python's multiprocessing docs (mp_pool.py): a Pool of 4 runs
# small tasks through apply_async, imap, imap_unordered and map, then maps over 100 000 ints and
# over a million Nones while the earlier result lists are still alive. benches/cpython.rs runs it
# under forkyard and under CPython and compares their peak memory.
import multiprocessing
import random
import time


def calculate(func, args):
    result = func(*args)
    name = multiprocessing.current_process().name
    return "%s says that %s%s = %s" % (name, func.__name__, args, result)


def calculatestar(args):
    return calculate(*args)


def mul(a, b):
    time.sleep(0.05 * random.random())
    return a * b


def plus(a, b):
    time.sleep(0.05 * random.random())
    return a + b


def pow3(x):
    return x**3


def noop(x):
    pass


if __name__ == "__main__":
    with multiprocessing.Pool(4) as pool:
        tasks = [(mul, (i, 7)) for i in range(10)] + [(plus, (i, 8)) for i in range(10)]
        results = [pool.apply_async(calculate, t) for t in tasks]
        ordered = pool.imap(calculatestar, tasks)
        unordered = pool.imap_unordered(calculatestar, tasks)
        lines = [r.get() for r in results] + list(ordered) + list(unordered)
        lines += pool.map(calculatestar, tasks)
        print(len(lines), "task results")

        n = 100000
        a = list(map(pow3, range(n)))
        b = pool.map(pow3, range(n))
        c = list(pool.imap(pow3, range(n), chunksize=n // 8))
        assert a == b == c

        items = [None] * 1000000
        a = list(map(noop, items))
        b = pool.map(noop, items)
        c = list(pool.imap(noop, items, chunksize=len(items) // 8))
        assert a == b == c
        print(len(c), "results of noop")
