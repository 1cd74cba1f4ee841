# apply_async and map_async return at once even when a task cannot be pickled: CPython's task
# handler thread finds out, and the error comes out of get() (and goes to error_callback). The
# other chunks of a map still run; an imap yields the items before the failure first.
import multiprocessing as mp


def square(x):
    return x * x


def call(f):
    return f()


if __name__ == "__main__":
    errors = []
    with mp.Pool(2) as pool:
        r = pool.apply_async(call, (lambda: 1,), error_callback=lambda e: errors.append(type(e).__name__))
        print("apply_async returned")
        try:
            r.get(timeout=1)
        except Exception as e:
            print("get:", type(e).__name__, str(e).split(" at 0x")[0])
        print("ready", r.ready(), "successful", r.successful(), errors)
        m = pool.map_async(square, [1, 2, mp.Lock(), 4], chunksize=1)
        print("map_async returned")
        try:
            m.get(timeout=1)
        except RuntimeError as e:
            print("get:", e)
        it = pool.imap(square, [1, 2, (x for x in range(1)), 4])
        try:
            for v in it:
                print("imap gave", v)
        except TypeError as e:
            print("imap:", e)
        print(pool.map(square, range(4)))
