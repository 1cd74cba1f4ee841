# A Pool task's error comes back with the worker's traceback (RemoteTraceback), which starts in
# CPython's pool.py: worker, then mapstar/starmapstar for a chunk of map/starmap, or the function
# directly for apply and for imap one item at a time.
import multiprocessing as mp
import sys


def div(a, b=0):
    return a / b


def show(what, e):
    print(what, type(e).__name__, e)
    sys.stderr.write(f"{what}:{e.__cause__}\n")


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        try:
            pool.apply(div, (1,))
        except ZeroDivisionError as e:
            show("apply", e)
        try:
            pool.map(div, [1, 2])
        except ZeroDivisionError as e:
            show("map", e)
        try:
            pool.starmap(div, [(1, 0)])
        except ZeroDivisionError as e:
            show("starmap", e)
        try:
            list(pool.imap(div, [1]))
        except ZeroDivisionError as e:
            show("imap", e)
        try:
            list(pool.imap_unordered(div, [1, 2], chunksize=2))
        except ZeroDivisionError as e:
            show("imap chunks", e)
        try:
            pool.map_async(div, [3]).get()
        except ZeroDivisionError as e:
            show("map_async", e)
        try:
            pool.apply_async(div, (1,), {"b": "x"}).get()
        except TypeError as e:
            show("apply_async", e)
        pool.apply(div, (5,))
