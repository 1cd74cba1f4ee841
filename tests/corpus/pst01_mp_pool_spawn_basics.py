# A spawn Pool: each SpawnPoolWorker imports the program again as __mp_main__.
import multiprocessing as mp

print("top level runs in", __name__)


def square(x):
    return x * x


if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    p = ctx.Pool(2)
    names = sorted(w.name for w in p._pool)
    kinds = sorted({type(w).__name__ for w in p._pool})
    results = p.map(square, range(6))
    p.close()
    p.join()
    print(results)
    print(names)
    print(kinds)
