# A Pool worker sends each chunk's results as one message: results of one chunk that are the
# same object arrive as one object; results of different chunks are different copies.
import multiprocessing as mp

CACHE = {"hits": 0}


def lookup(x):
    CACHE["hits"] += 1
    return CACHE


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        res = pool.map(lookup, range(6), chunksize=3)
        print([r is res[0] for r in res])
        print([r["hits"] for r in res])
        single = pool.apply(lookup, (0,))
        print(single is res[0], single)
