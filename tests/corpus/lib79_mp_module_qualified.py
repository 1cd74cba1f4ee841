import multiprocessing as mp
import collections
import functools

def describe(item):
    return collections.Counter(item)

if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(describe, ['aab', 'c']))
        print(pool.map(functools.partial(pow, 2), [1, 2, 3]))
        print(pool.apply(collections.deque, ([1, 2],)))
    q = mp.Queue()
    q.put(collections.OrderedDict(z=1, a=2))
    q.put(functools.partial(max, 3))
    od = q.get()
    f = q.get()
    print(od, f(1), f(9), f.func is max)
