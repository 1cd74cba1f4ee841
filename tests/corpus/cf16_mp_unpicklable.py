# A call or a result that pickle refuses fails its own future; the pool goes on.
import concurrent.futures


def make_lambda():
    return lambda: 1


def double(x):
    return 2 * x


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(lambda: 1)
        e = f.exception()
        print(type(e).__name__, str(e).split(": ", 1)[1])
        g = ex.submit(make_lambda)
        e = g.exception()
        print(type(e).__name__, e)
        print(ex.submit(double, 21).result())
