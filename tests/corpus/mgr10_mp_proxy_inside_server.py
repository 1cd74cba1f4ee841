# Manager: a program's own type registered on a SyncManager subclass keeps proxies of the same
# manager; the server uses them itself (str() of a proxy it holds) without waiting on itself.
import multiprocessing as mp
from multiprocessing.managers import SyncManager
class Box:
    def __init__(self): self.items = []
    def add(self, p): self.items.append(p)
    def show(self): return [str(p) for p in self.items]
class M(SyncManager): pass
M.register('Box', Box)
if __name__ == '__main__':
    with M() as m:
        inner = m.list([1, 2])
        outer = m.list([inner])
        print(outer[0], str(outer)[:13])
        b = m.Box()
        b.add(inner)
        print(b.show())
