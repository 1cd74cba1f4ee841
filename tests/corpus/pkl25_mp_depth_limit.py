# How deep data may nest before pickling gives up: the pickler counts against the recursion limit
# (a list or dict takes two levels, a tuple one, an instance three: itself and its __dict__), so
# the deepest nesting that crosses is the same in Connection.send and in a Queue's feeder thread.
import multiprocessing as mp
import queue


class P:
    pass


def make(kind, n):
    x = None
    for _ in range(n):
        if kind == "list":
            x = [x]
        elif kind == "dict":
            x = {"a": x}
        elif kind == "tuple":
            x = (x,)
        else:
            p = P()
            p.a = x
            x = p
    return x


def crosses(a, b, kind, n):
    try:
        a.send(make(kind, n))
    except RecursionError:
        return False
    b.recv()
    return True


def deepest(a, b, kind):
    lo, hi = 1, 2000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if crosses(a, b, kind, mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


if __name__ == "__main__":
    a, b = mp.Pipe()
    for kind in ["list", "dict", "tuple", "instance"]:
        print(kind, deepest(a, b, kind))
    q = mp.Queue()
    for kind, n in [("list", 497), ("list", 498), ("tuple", 994), ("tuple", 995)]:
        q.put(make(kind, n))
        try:
            q.get(timeout=0.3)
            print("Queue:", kind, n, "arrived")
        except queue.Empty:
            print("Queue:", kind, n, "was dropped")
