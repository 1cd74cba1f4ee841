# A bound method crosses as "getattr(copy of the object, name)": calling it in the child works
# on the child's copy, and the object and its method arrive as one object when sent together.
import multiprocessing as mp


class Tally:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self.n


def child(q):
    obj, method = q.get()
    print("child:", method(5), method(5), "obj.n:", obj.n, "same object:", method.__self__ is obj)
    m = q.get()
    print("child: a list's append:", m(3), m.__self__)


if __name__ == "__main__":
    t = Tally()
    t.add(1)
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    q.put((t, t.add))
    q.put([1, 2].append)
    p.join()
    print("parent's tally is still", t.n)
    with mp.Pool(1) as pool:
        print("pool runs a bound method:", pool.apply(t.add, (10,)), "parent's:", t.n)
