# What crosses a Queue or a Pipe (instances of module-level classes, exceptions, classes, builtins) and
# what raises, with the error CPython raises (lambdas, primitives, processes, pools).
import multiprocessing as mp
import time


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class MyError(Exception):
    pass


def child(q, conn):
    item = q.get()
    print("child got", item, type(item).__name__)
    q.put(Point(3, 4))
    conn.send(ValueError("bad", 2))
    conn.send(MyError("mine"))
    conn.send(Point)
    conn.send(len)
    conn.send(range(3))
    conn.send({"nested": [Point(1, 1), (None, True)]})
    conn.send(KeyError("k"))


if __name__ == "__main__":
    q = mp.Queue()
    a, b = mp.Pipe()
    p = mp.Process(target=child, args=(q, b))
    p.start()
    q.put(Point(1, 2))
    time.sleep(0.3)
    print("parent got", q.get())
    for _ in range(7):
        v = a.recv()
        print(type(v).__name__, repr(v))
    p.join()
    try:
        a.send(lambda x: x)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        a.send(q)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        a.send(mp.Value("i", 1))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        a.send(p)
    except Exception as e:
        print(type(e).__name__, e)
    with mp.Pool(1) as pool:
        try:
            a.send(pool)
        except Exception as e:
            print(type(e).__name__, e)
    for obj in [mp.current_process(), mp.Barrier(2), mp.Condition(), mp.Event(), [1, mp.Array("i", 2)],
                mp.SimpleQueue(), mp.JoinableQueue(), mp.Value("i", 1, lock=False), mp.Lock(), mp.RLock(),
                mp.Semaphore(), mp.BoundedSemaphore()]:
        try:
            a.send(obj)
        except Exception as e:
            print(type(e).__name__, e)
