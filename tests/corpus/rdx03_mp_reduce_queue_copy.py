# A class's own __reduce__ followed by a Queue's pickling, copy.copy and copy.deepcopy alike; a
# reduction with state, list items and dict items rebuilt in a child; object.__reduce_ex__(2) of
# a plain instance sent and compared with its copy.
import copy
import multiprocessing as mp


def rebuild(n, tag):
    return Point(n * 10, tag)


class Point:
    def __init__(self, n, tag):
        self.n = n
        self.tag = tag

    def __reduce__(self):
        return (rebuild, (self.n, self.tag))

    def __repr__(self):
        return f"Point({self.n}, {self.tag!r})"


class Bag(list):
    def __reduce_ex__(self, protocol):
        return (Bag, (), {'label': 'b', 'proto': protocol}, iter(list(self)), None)


class Plain:
    def __init__(self):
        self.items = [1, [2, 3]]


def child(q):
    p, b, pl = q.get()
    print('child', p, b, b.label, b.proto, pl.items)


if __name__ == '__main__':
    p = Point(1, 'a')
    print(copy.copy(p), copy.deepcopy(p))
    b = Bag([1, 2])
    c = copy.copy(b)
    print(type(c).__name__, c, c.label, c.proto)
    pl = Plain()
    d = copy.deepcopy(pl)
    print(d.items, d.items[1] is pl.items[1], copy.copy(pl).items[1] is pl.items[1])
    r = pl.__reduce_ex__(2)
    print(r[0].__name__, r[1][0].__name__, r[2], r[3], r[4])
    q = mp.Queue()
    pr = mp.Process(target=child, args=(q,))
    pr.start()
    q.put((p, b, pl))
    pr.join()
    print('exit', pr.exitcode)
