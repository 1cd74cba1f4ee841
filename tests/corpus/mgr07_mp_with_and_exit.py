# Manager: `with Manager() as m` shuts the server down at the end of the block (exitcode 0), a
# started manager that is never shut down is shut down at the program's end, and start() twice or
# after shutdown raises ProcessError; BaseManager.register adds a program's own type.
import multiprocessing as mp
from multiprocessing.managers import BaseManager, SyncManager


class Counter:
    def __init__(self, start):
        self.n = start

    def bump(self, by=1):
        self.n += by
        return self.n

    def value(self):
        return self.n


class MyManager(BaseManager):
    pass


MyManager.register("Counter", Counter)


def use(c):
    c.bump(10)


if __name__ == "__main__":
    with mp.Manager() as m:
        print(type(m).__name__, m._process.name, m._process.is_alive())
    print("after with", m._process.exitcode, m._process.is_alive())
    try:
        m.start()
    except mp.ProcessError as e:
        print("ProcessError", e)
    s = SyncManager()
    s.start()
    try:
        s.start()
    except mp.ProcessError as e:
        print("ProcessError", e)
    print(s._process.name)
    s.shutdown()
    with MyManager() as mm:
        c = mm.Counter(5)
        print(repr(c)[:40], c.bump(), c.value())
        p = mp.Process(target=use, args=(c,))
        p.start()
        p.join()
        print(c.value(), mm._process.name)
    last = mp.Manager()
    d = last.dict(x=1)
    print("end of program", d, len(mp.active_children()))
