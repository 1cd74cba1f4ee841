# A Listener in the parent at ('localhost', port); a child connects with Client and talks both ways.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client

ADDRESS = ('localhost', 47101)


def child():
    conn = Client(ADDRESS)
    conn.send({'from': 'child', 'n': 1})
    print('child got', conn.recv())
    conn.send_bytes(b'bytes from the child')
    conn.close()


if __name__ == '__main__':
    listener = Listener(ADDRESS)
    print('listening at', listener.address)
    p = mp.Process(target=child)
    p.start()
    conn = listener.accept()
    print('accepted a', type(conn).__name__)
    print('parent got', conn.recv())
    conn.send(('reply', [1, 2, 3]))
    print('parent got', conn.recv_bytes())
    p.join()
    try:
        conn.recv()
    except EOFError:
        print('EOFError once the child closed its end')
    conn.close()
    listener.close()
    print('child exit code', p.exitcode)
