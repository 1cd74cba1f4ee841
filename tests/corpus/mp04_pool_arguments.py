# Pool's arguments as CPython's Pool.__init__ meets them: processes compared with 1 then counted
# by range, maxtasksperchild a positive int (a bool is one) or None; and the edges of a running
# pool: chunksize 0 or negative in map (CPython's task handler then gives None for every item),
# successful() before the result is ready, a closed pool's refusals.
import multiprocessing as mp


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def square(x):
    return x * x


def made(**kw):
    p = mp.Pool(**kw)
    p.terminate()
    p.join()
    return "made"


if __name__ == "__main__":
    attempt("processes='a'", lambda: made(processes="a"))
    attempt("processes=[2]", lambda: made(processes=[2]))
    attempt("processes=1.5", lambda: made(processes=1.5))
    attempt("processes=0", lambda: made(processes=0))
    attempt("processes=True", lambda: made(processes=True))
    attempt("maxtasksperchild=1.5", lambda: made(processes=1, maxtasksperchild=1.5))
    attempt("maxtasksperchild='2'", lambda: made(processes=1, maxtasksperchild="2"))
    attempt("maxtasksperchild=False", lambda: made(processes=1, maxtasksperchild=False))
    attempt("maxtasksperchild=True", lambda: made(processes=1, maxtasksperchild=True))
    attempt("initializer=5", lambda: made(processes=1, initializer=5))

    with mp.Pool(2) as pool:
        attempt("chunksize=0", lambda: pool.map(square, [1, 2, 3], chunksize=0))
        attempt("chunksize=-2", lambda: pool.map(square, [1, 2], chunksize=-2))
        attempt("imap chunksize=0", lambda: list(pool.imap(square, [1], chunksize=0)))
        attempt("chunksize=10", lambda: pool.map(square, [1, 2], chunksize=10))
        r = pool.apply_async(square, (4,))
        print("ready at once:", r.ready() in (True, False))
        r.wait()
        print(r.get(), r.ready(), r.successful())
        pool.close()
        attempt("map after close", lambda: pool.map(square, [1]))
        attempt("apply_async after close", lambda: pool.apply_async(square, (1,)))
        pool.join()
    print("after with:", repr(pool))
