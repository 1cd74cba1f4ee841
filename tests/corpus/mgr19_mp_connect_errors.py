# connect() checks the address and the authkey: a wrong key fails with AuthenticationError (the
# server goes on serving the others), nobody at a port or a path fails as a Client does, and a
# process that did not start the server (a sibling) reaches it with the right key.
import multiprocessing as mp
from multiprocessing.managers import BaseManager

ADDRESS = ('localhost', 47119)


class M(BaseManager):
    pass


def server(ready):
    store = {}
    M.register('store', callable=lambda: store)
    s = M(address=ADDRESS, authkey=b'right').get_server()
    ready.set()
    s.serve_forever()


def sibling(key):
    m = M(address=ADDRESS, authkey=key)
    try:
        m.connect()
    except mp.AuthenticationError as e:
        print('sibling with %r: %s: %s' % (key, type(e).__name__, e))
        return
    d = m.store()
    d.update({'sibling': key})
    print('sibling with %r stored, now %d keys' % (key, len(d.copy())))


if __name__ == '__main__':
    M.register('store')
    ready = mp.Event()
    srv = mp.Process(target=server, args=(ready,))
    srv.start()
    ready.wait()
    for key in [b'wrong', b'right']:
        p = mp.Process(target=sibling, args=(key,))
        p.start()
        p.join()
    m = M(address=ADDRESS, authkey=b'right')
    m.connect()
    print(sorted(m.store().items()))
    try:
        M(address=ADDRESS, authkey=b'nope').connect()
    except mp.AuthenticationError as e:
        print(type(e).__name__, e)
    print('still served:', m.store().get('sibling'))
    try:
        M(address=('localhost', 47129), authkey=b'right').connect()
    except ConnectionRefusedError as e:
        print(type(e).__name__, e)
    try:
        M(address='/tmp/no-manager-here', authkey=b'right').connect()
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    try:
        M(address=ADDRESS, authkey=b'right').get_server()
    except OSError as e:
        print(type(e).__name__, e)
    srv.terminate()
    srv.join()
    try:
        M(address=ADDRESS, authkey=b'right').connect()
    except ConnectionRefusedError as e:
        print('after the server ended:', type(e).__name__, e)
