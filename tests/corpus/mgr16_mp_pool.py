import multiprocessing
import time

# m.Pool(): a Pool that lives in the manager's server (its workers are the server's children,
# ForkPoolWorker-1:1...), used through a PoolProxy; async results and imap's iterators are proxies
# too, and a task may call the manager itself while the server waits for the pool.


def square(x):
    return x * x


def who(x):
    return multiprocessing.current_process().name


def record(shared, k):
    shared.append(k)
    return k


if __name__ == '__main__':
    with multiprocessing.Manager() as m:
        pool = m.Pool(2)
        print(type(pool).__name__)
        print(pool.map(square, range(5)))
        print(pool.apply(square, (7,)))
        print(pool.starmap(pow, [(2, 3), (3, 2)]))
        r = pool.apply_async(square, (9,))
        print(type(r).__name__, r.get(), r.ready(), r.successful())
        print(list(pool.imap(square, [1, 2, 3])))
        print(sorted(pool.imap_unordered(square, [4, 5])))
        print(pool.map_async(square, [6]).get())
        print(all(n.startswith('ForkPoolWorker-1:') for n in pool.map(who, range(4))))
        shared = m.list()
        print(pool.starmap(record, [(shared, 'x')] * 3), list(shared))
        try:
            pool.apply(int, ('x',))
        except ValueError as e:
            print('ValueError:', e)
        slow = pool.apply_async(time.sleep, (0.4,))
        print('ready at once:', slow.ready())
        try:
            slow.get(timeout=0.1)
        except multiprocessing.TimeoutError:
            print('TimeoutError')
        slow.wait()
        print('ready after wait:', slow.ready(), slow.get())
        pool.close()
        pool.join()
        with m.Pool(1) as p2:
            print(p2.apply(square, (3,)))
        print('done')
