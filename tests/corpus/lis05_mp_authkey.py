# An authkey on both sides: the handshake passes with the same key; with a different one, each
# side raises AuthenticationError with CPython's words. Wrong types of key are refused.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client

ADDRESS = ('localhost', 47105)


def child(key):
    try:
        conn = Client(ADDRESS, authkey=key)
    except mp.AuthenticationError as e:
        print('client:', type(e).__name__, e)
        return
    conn.send('authenticated with %r' % key)
    conn.close()


if __name__ == '__main__':
    with Listener(ADDRESS, authkey=b'secret') as listener:
        p = mp.Process(target=child, args=(b'secret',))
        p.start()
        conn = listener.accept()
        print('listener:', conn.recv())
        p.join()
        p = mp.Process(target=child, args=(b'guess',))
        p.start()
        try:
            listener.accept()
            err = None
        except mp.AuthenticationError as e:
            err = e
        p.join()
        print('listener:', type(err).__name__, err)
        print('is a ProcessError:', isinstance(err, mp.ProcessError))
    try:
        Listener(authkey='secret')
    except TypeError as e:
        print(type(e).__name__, e)
