# map's iterator yields the results in order and re-raises the first exception where it stands;
# the calls after it are cancelled when the iterator is dropped.
import concurrent.futures
import time


def check(x):
    if x == 3:
        raise ValueError(f"no threes: {x}")
    return x * 10


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
        got = []
        try:
            for r in ex.map(check, range(6)):
                got.append(r)
        except ValueError as e:
            print("ValueError:", e, "after", got)
        try:
            list(ex.map(check, [1, 2, 3, 4], chunksize=2))
        except ValueError as e:
            print("in a chunk too:", e)
        results = ex.map(check, [0, 1, 2])
        print(next(results))
        del results
        print("after dropping the iterator:", ex.submit(check, 4).result())
        try:
            list(ex.map(check, [1], [2]))
        except TypeError as e:
            print("TypeError:", e)
