# `next(timeout=0)` on an imap iterator takes a result that already arrived (CPython's result
# handler thread took it in meanwhile); it never waits, so the loop polls until both are there.
import multiprocessing
import time


def square(x):
    return x * x


if __name__ == '__main__':
    with multiprocessing.Pool(1) as pool:
        for name in ['imap', 'imap_unordered']:
            it = getattr(pool, name)(square, [3, 4])
            got = []
            while len(got) < 2:
                try:
                    got.append(it.next(timeout=0))
                except multiprocessing.TimeoutError:
                    time.sleep(0.01)
            print(name, sorted(got))
            try:
                it.next(timeout=0)
            except StopIteration:
                print(name, 'StopIteration')
