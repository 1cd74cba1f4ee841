# wait() over several connections: it returns those with something to read (or at their end),
# [] after a timeout. Each child sends when its Event is set, so the order is the parent's.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client, wait

ADDRESS = ('localhost', 47107)


def child(name, go, done):
    conn = Client(ADDRESS)
    conn.send(name)
    go.wait()
    conn.send(name + ' again')
    done.wait()
    conn.close()


if __name__ == '__main__':
    listener = Listener(ADDRESS)
    names = ['a', 'b', 'c']
    gos = [mp.Event() for _ in names]
    done = mp.Event()
    procs = []
    conns = {}
    for name, go in zip(names, gos):
        p = mp.Process(target=child, args=(name, go, done))
        p.start()
        procs.append(p)
        conn = listener.accept()
        conns[conn] = conn.recv()
    print('nothing yet:', wait(list(conns), timeout=0.1))
    for i in [2, 0, 1]:
        gos[i].set()
        ready = wait(list(conns))
        print('ready:', [conns[c] for c in ready], '->', ready[0].recv())
    done.set()
    for p in procs:
        p.join()
    ready = wait(list(conns), timeout=1)
    print('after the children ended:', sorted(conns[c] for c in ready))
    for c in conns:
        c.close()
    listener.close()
