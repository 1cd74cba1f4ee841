# A task raises an exception whose __init__ takes two arguments but passes one to super(): the
# worker pickles it fine, but the parent cannot rebuild it (the class is called with e.args). In
# CPython that kills the pool's result handler thread, which prints a traceback; the result never
# arrives (get times out), and leaving the `with` block raises AssertionError.
import multiprocessing as mp


class RemoteError(Exception):
    def __init__(self, code, why):
        super().__init__(f"{code}: {why}")
        self.code = code


def fails(x):
    raise RemoteError(x, "bad input")


def square(x):
    return x * x


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        print("before:", pool.apply(square, (3,)))
        r = pool.apply_async(fails, (7,))
        try:
            r.get(timeout=0.5)
        except mp.TimeoutError:
            print("get timed out: the result never arrived")
        print("ready:", r.ready())
    print("not reached")
