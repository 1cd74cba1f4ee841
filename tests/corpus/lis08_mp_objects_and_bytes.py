# What a Listener's connection carries: objects pickled (a class of the program, an exception, a
# nested structure), bytes with offset and size, poll with a timeout, recv_bytes' maxlength.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client

ADDRESS = ('localhost', 47108)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%d, %d)' % (self.x, self.y)


def child(ready):
    ready.wait()
    conn = Client(ADDRESS)
    conn.send(Point(1, 2))
    conn.send(ValueError('bad value', 7))
    conn.send({'list': [1, (2, 3)], 'set': {4}})
    conn.send_bytes(b'0123456789', 2, 5)
    print('child polls:', conn.poll(0.2), conn.poll(0))
    conn.send_bytes(b'x' * 100)
    print('child got', conn.recv())
    conn.close()


if __name__ == '__main__':
    ready = mp.Event()
    p = mp.Process(target=child, args=(ready,))
    p.start()
    with Listener(ADDRESS) as listener:
        ready.set()
        with listener.accept() as conn:
            point = conn.recv()
            print(point, type(point).__name__, point.x + point.y)
            e = conn.recv()
            print(type(e).__name__, e.args)
            print(conn.recv())
            print(conn.recv_bytes())
            try:
                conn.recv_bytes(10)
            except OSError as e:
                print(type(e).__name__, e)
            conn.send('still writable')
            p.join()
    print('exit code', p.exitcode)
