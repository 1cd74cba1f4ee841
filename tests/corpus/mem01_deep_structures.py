# Values nested 100 000 deep: freed without a crash (CPython's trashcan), and the walks that
# recurse (repr, str, ==, pickling for a Pipe or a Queue) stop with RecursionError.
import multiprocessing
import queue


def chain(n, kind):
    x = kind()
    for _ in range(n):
        x = kind([x]) if kind is list else (x,)
    return x


def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__)
    except RecursionError as e:
        print(label, "-> RecursionError:", e)


class Node:
    pass


def linked(n):
    head = None
    for i in range(n):
        node = Node()
        node.next = head
        node.i = i
        head = node
    return head


def nested_closures(n):
    f = lambda: 0
    for _ in range(n):
        f = (lambda g: lambda: g)(f)
    return f


def made_and_dropped_in_a_generator():
    for kind, depth in ((list, 200000), (tuple, 100000)):
        x = chain(depth, kind)
        yield kind.__name__ + " built"
        del x
        yield kind.__name__ + " freed"
    d = {}
    for _ in range(50000):
        d = {"inner": d}
    del d
    yield "dict freed"
    n = linked(50000)
    n = None
    yield "linked nodes freed"
    f = nested_closures(50000)
    del f
    yield "closures freed"


def child():
    def gen():
        x = chain(200000, list)
        yield "built"
        x = None
        yield "freed"
    print("child:", ", ".join(gen()))


if __name__ == "__main__":
    for line in made_and_dropped_in_a_generator():
        print(line)
    a, b = chain(100000, list), chain(100000, list)
    t = chain(100000, tuple)
    attempt("repr", lambda: repr(a))
    attempt("str", lambda: str(t))
    attempt("==", lambda: a == b)
    attempt("hash of a deep tuple", lambda: hash(t))
    attempt("as a dict key", lambda: {t: 1}[t])
    d = {}
    for _ in range(20000):
        d = {"k": d}
    attempt("repr of a dict", lambda: repr(d))
    left, right = multiprocessing.Pipe()
    attempt("Pipe send", lambda: left.send(a))
    left.send("after")
    print(right.recv())
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    print("child exitcode", p.exitcode)
    del a, b, t, d
    print("done")
