# Pool(context=ctx), starmap and apply_async with a callback under forkserver.
import multiprocessing as mp
from multiprocessing.pool import Pool


def add(a, b):
    return a + b


if __name__ == '__main__':
    got = []
    ctx = mp.get_context('forkserver')
    with Pool(2, context=ctx) as p:
        print(p.starmap(add, [(1, 2), (3, 4)]))
        r = p.apply_async(add, (5, 6), callback=got.append)
        print(r.get())
        print(sorted({w.name.rsplit('-', 1)[0] for w in p._pool}))
    print(got)
