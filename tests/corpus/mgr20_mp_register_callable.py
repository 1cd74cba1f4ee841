# register(typeid, callable) on a manager started by address: each call makes an object in the
# server (a class of the program, exposed methods only), proxies work from a child that connected
# by address, and Manager()'s default address is an AF_UNIX path.
import multiprocessing as mp
from multiprocessing.managers import BaseManager, SyncManager


class Counter:
    def __init__(self, start=0):
        self.n = start

    def add(self, k=1):
        self.n += k
        return self.n

    def value(self):
        return self.n

    def _hidden(self):
        return 'hidden'


class CounterManager(BaseManager):
    pass


CounterManager.register('Counter', Counter)
CounterManager.register('Limited', Counter, exposed=('value',))


def child(address, key):
    m = CounterManager(address=address, authkey=key)
    m.connect()
    c = m.Counter(100)
    print('child made a counter:', c.add(5))


if __name__ == '__main__':
    m = CounterManager(address=('localhost', 47120), authkey=b'pw')
    print('before start:', m.address)
    m.start()
    print('after start:', m.address)
    c = m.Counter(10)
    print(c.add(), c.add(5), c.value())
    print(type(c).__name__)
    try:
        c._hidden()
    except AttributeError as e:
        print('AttributeError', e)
    lim = m.Limited(3)
    print(lim.value())
    try:
        lim.add()
    except AttributeError as e:
        print('AttributeError', e)
    p = mp.Process(target=child, args=(('localhost', 47120), b'pw'))
    p.start()
    p.join()
    m.shutdown()
    try:
        CounterManager(address=('localhost', 47120), authkey=b'pw').connect()
    except ConnectionRefusedError as e:
        print('after shutdown:', type(e).__name__, e)
    with mp.Manager() as sm:
        a = sm.address
        print(type(a).__name__, a.startswith('/tmp/pymp-'), a.split('/')[-1].startswith('listener-'))
    with SyncManager(address=('localhost', 47130)) as sm:
        print(sm.address, sm.list([1, 2]))
