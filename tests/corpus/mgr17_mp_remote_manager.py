# The docs' "Using a remote manager": a server process serves a queue.Queue with get_server() and
# serve_forever(); other processes reach it by address with connect(), registering the typeid
# without a callable, as the docs' client does.
import multiprocessing as mp
import queue
from multiprocessing.managers import BaseManager

ADDRESS = ('', 47117)
AUTHKEY = b'abracadabra'


class QueueManager(BaseManager):
    pass


def server(ready):
    q = queue.Queue()
    QueueManager.register('get_queue', callable=lambda: q)
    m = QueueManager(address=ADDRESS, authkey=AUTHKEY)
    s = m.get_server()
    print('server:', type(s).__name__, s.address, m.address)
    ready.set()
    s.serve_forever()


def producer(n):
    m = QueueManager(address=('localhost', 47117), authkey=AUTHKEY)
    m.connect()
    q = m.get_queue()
    q.put('hello %d' % n)
    print('producer %d put' % n)


if __name__ == '__main__':
    QueueManager.register('get_queue')
    ready = mp.Event()
    srv = mp.Process(target=server, args=(ready,))
    srv.start()
    ready.wait()
    for n in [1, 2]:
        p = mp.Process(target=producer, args=(n,))
        p.start()
        p.join()
    m = QueueManager(address=('localhost', 47117), authkey=AUTHKEY)
    m.connect()
    print('client address:', m.address)
    q = m.get_queue()
    print('qsize', q.qsize())
    print(q.get())
    print(q.get())
    print('empty', q.empty())
    try:
        q.get(timeout=0.2)
    except queue.Empty:
        print('queue.Empty after the timeout')
    srv.terminate()
    srv.join()
    print('server exit code', srv.exitcode)
