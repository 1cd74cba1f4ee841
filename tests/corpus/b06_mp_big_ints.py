# Big ints cross processes exactly: through a Queue, a Pipe and a Pool's map and apply_async.
from multiprocessing import Pipe, Pool, Process, Queue


def factorial(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r


def producer(q, conn):
    q.put([2**100, -(3**80), {2**64: 2**65}, (10**30, -1)])
    conn.send(factorial(30))
    conn.send(-(2**200) + 1)
    conn.close()


def square(n):
    return n * n


if __name__ == "__main__":
    q = Queue()
    parent, child = Pipe()
    p = Process(target=producer, args=(q, child))
    p.start()
    items = q.get()
    print(items, items[0] == 2**100, type(items[2][2**64]).__name__)
    print(parent.recv(), parent.recv() == -(2**200) + 1)
    p.join()
    print("exit", p.exitcode)
    with Pool(2) as pool:
        print(pool.map(square, [2**40, 2**64, -(10**20), 3]))
        print(pool.apply_async(factorial, (40,)).get(), pool.apply(square, (2**70,)))
