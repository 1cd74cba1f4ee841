import multiprocessing as mp
from functools import partial

def scale(x, factor, offset=0):
    return x * factor + offset

if __name__ == '__main__':
    triple = partial(scale, factor=3)
    with mp.Pool(2) as pool:
        print(pool.map(triple, [1, 2, 3]))
        print(pool.map(partial(scale, factor=2, offset=1), range(5)))
        print(pool.apply(partial(scale, 10), (4,)))
        print(pool.starmap(partial(scale, offset=100), [(1, 2), (3, 4)]))
    print(triple.func.__name__, triple.keywords)
