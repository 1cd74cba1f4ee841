# Three children connect one after another (each joined before the next starts); the listener then
# accepts them in the order they connected, and each connection carries its own child's messages.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client

ADDRESS = ('localhost', 47103)


def child(name):
    conn = Client(ADDRESS)
    conn.send(name)
    conn.send(name.upper())
    conn.close()


if __name__ == '__main__':
    listener = Listener(ADDRESS, backlog=5)
    for name in ['first', 'second', 'third']:
        p = mp.Process(target=child, args=(name,))
        p.start()
        p.join()
    for i in range(3):
        conn = listener.accept()
        print(i, conn.recv(), conn.recv())
        conn.close()
    listener.close()
