"""Processes started before a Manager reach its server as CPython's do by its address: a Pool made
first gets the manager's proxies as task arguments, and a child forked before the manager gets one
through a Queue; both change the shared dict the main then reads."""
import multiprocessing as mp


def add(d, key, value):
    d[key] = value
    return sorted(d.keys())


def early(q, done):
    d = q.get()
    d['child'] = mp.current_process().name
    done.set()


if __name__ == '__main__':
    q = mp.Queue()
    done = mp.Event()
    p = mp.Process(target=early, args=(q, done))
    p.start()
    with mp.Pool(1) as pool:
        with mp.Manager() as m:
            d = m.dict()
            print(pool.apply(add, (d, 'pool', 1)))
            print(pool.apply(add, (d, 'again', 2)))
            q.put(d)
            done.wait()
            p.join()
            print(sorted(d.items()))
