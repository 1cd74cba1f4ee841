# Instances of classes derived from zip and enumerate sent through a Queue: they arrive as
# instances of their classes, from where they stood, without their own attributes (CPython's
# zip.__reduce__ gives the class and the iterators, nothing else).
import multiprocessing as mp


class Z(zip):
    pass


class E(enumerate):
    pass


def child(q, out):
    for _ in range(2):
        x = q.get()
        out.put((type(x).__name__, list(x), getattr(x, "tag", None)))


if __name__ == "__main__":
    z = Z([1, 2, 3], "abc")
    next(z)
    z.tag = "dropped"
    q, out = mp.Queue(), mp.Queue()
    p = mp.Process(target=child, args=(q, out))
    p.start()
    q.put(z)
    q.put(E("xy", 3))
    print(out.get())
    print(out.get())
    p.join()
    print(p.exitcode, list(z))
