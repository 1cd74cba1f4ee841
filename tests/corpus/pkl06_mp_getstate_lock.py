# The common way to send an object that holds a Lock: __getstate__ leaves the lock out, and
# __setstate__ gives the copy a lock of its own. Without them, the Lock refuses to be pickled.
import multiprocessing as mp


class Counter:
    def __init__(self, name):
        self.name = name
        self.count = 0
        self.lock = mp.Lock()

    def __getstate__(self):
        state = dict(vars(self))
        del state["lock"]
        print("__getstate__", sorted(state))
        return state

    def __setstate__(self, state):
        print("__setstate__", sorted(state))
        for k, v in state.items():
            setattr(self, k, v)
        self.lock = mp.Lock()

    def bump(self):
        with self.lock:
            self.count += 1
        return self.count


class Plain:
    def __init__(self):
        self.lock = mp.Lock()


def child(q):
    c = q.get()
    print("child got", c.name, c.count, "lock works:", c.bump())


if __name__ == "__main__":
    c = Counter("hits")
    c.bump()
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    q.put(c)
    p.join()
    print("parent still has", c.count, "and its own lock:", c.bump())
    a, b = mp.Pipe()
    try:
        a.send(Plain())
    except RuntimeError as e:
        print("RuntimeError:", e)
