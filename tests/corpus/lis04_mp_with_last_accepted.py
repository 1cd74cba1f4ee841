# Listener facts: last_accepted before and after accept (AF_UNIX and AF_INET), `with` closing it,
# accept() on a closed listener.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client


def child(address):
    with Client(address) as conn:
        conn.send('hi')


if __name__ == '__main__':
    with Listener() as listener:
        print('last_accepted before:', listener.last_accepted)
        p = mp.Process(target=child, args=(listener.address,))
        p.start()
        conn = listener.accept()
        print('AF_UNIX last_accepted:', repr(listener.last_accepted), conn.recv())
        p.join()
        conn.close()
    try:
        listener.accept()
    except OSError as e:
        print(type(e).__name__, e)
    try:
        listener.address
    except AttributeError as e:
        print(type(e).__name__, e)
    listener.close()
    print('closing twice is fine')

    with Listener(('localhost', 0)) as listener:
        host, port = listener.address
        print('AF_INET address:', host, isinstance(port, int), 0 < port < 65536)
        p = mp.Process(target=child, args=(listener.address,))
        p.start()
        conn = listener.accept()
        host, port = listener.last_accepted
        print('AF_INET last_accepted:', host, isinstance(port, int), conn.recv())
        p.join()
        conn.close()
    with Listener(('', 47104)) as listener:
        print('all interfaces:', listener.address)
