# A child listens on an address of its own choosing (None: an AF_UNIX path) and sends it to its
# parent through a Queue; the parent connects to it.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client


def server(q):
    with Listener() as listener:
        q.put(listener.address)
        conn = listener.accept()
        print('server got', conn.recv())
        conn.send(sum(conn.recv()))
        conn.close()
    print('server done')


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=server, args=(q,))
    p.start()
    address = q.get()
    print('address is a str:', isinstance(address, str))
    print('under /tmp/pymp-:', address.startswith('/tmp/pymp-'))
    print('named listener-:', address.split('/')[-1].startswith('listener-'))
    with Client(address) as conn:
        conn.send('hello server')
        conn.send([1, 2, 3, 4])
        reply = conn.recv()
    p.join()
    print('parent got', reply)
    print('exit code', p.exitcode)
