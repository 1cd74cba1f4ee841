import multiprocessing as mp
from collections import deque, OrderedDict

def worker(conn):
    history = conn.recv()
    history.append('child')
    order = OrderedDict(first=1, second=2)
    order.move_to_end('first')
    conn.send((history, order))
    conn.close()

if __name__ == '__main__':
    parent, child = mp.Pipe()
    p = mp.Process(target=worker, args=(child,))
    p.start()
    parent.send(deque(['a', 'b', 'c'], maxlen=3))
    history, order = parent.recv()
    p.join()
    print(history, history.maxlen)
    print(order, list(order))
