# What a pool and its result objects look like.
import multiprocessing


def one(x):
    return x


if __name__ == "__main__":
    pool = multiprocessing.Pool(2)
    print(repr(pool))
    print(type(pool).__name__, type(pool).__module__)
    r = pool.apply_async(one, (1,))
    print(type(r).__name__, type(r).__module__)
    print(type(pool.map_async(one, [1])).__name__)
    print(type(pool.imap(one, [1])).__name__, type(pool.imap_unordered(one, [1])).__name__)
    r.wait()
    pool.close()
    print(repr(pool))
    pool.join()
    pool = multiprocessing.Pool(1)
    pool.terminate()
    print(repr(pool))
    print("done")
