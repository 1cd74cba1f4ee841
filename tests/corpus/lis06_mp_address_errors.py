# Two listeners on one address, a client with nobody listening (a port, a path), and an address
# free again once its listener closed.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client

ADDRESS = ('localhost', 47106)


def child(address):
    try:
        Client(address)
    except OSError as e:
        print('child:', type(e).__name__, e)


if __name__ == '__main__':
    first = Listener(ADDRESS)
    try:
        Listener(ADDRESS)
    except OSError as e:
        print(type(e).__name__, e, e.errno)
    first.close()
    again = Listener(ADDRESS)
    print('listening again at', again.address)
    again.close()
    try:
        Client(ADDRESS)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e)
    path = Listener().address
    for address in [('localhost', 47116), path]:
        p = mp.Process(target=child, args=(address,))
        p.start()
        p.join()
    try:
        Client(42)
    except TypeError as e:
        print(type(e).__name__, e)
