# starmap unpacks each item into the function's arguments.
import multiprocessing


def mul(x, y):
    return x * y


def join3(a, b, c="!"):
    return f"{a}-{b}{c}"


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        pairs = list(zip(range(6), range(10, 16)))
        print(pool.starmap(mul, pairs))
        print(pool.starmap(mul, pairs, chunksize=4))
        print(pool.starmap(join3, [("a", "b"), ("c", "d", "?")]))
        print(pool.starmap(mul, [[2, 3], (4, 5)]))
        print(pool.starmap_async(mul, [(1, 1), (2, 2)]).get())
        print(pool.starmap(pow, [(2, 5), (3, 3)]))
        try:
            pool.starmap(mul, [(1, 2, 3)])
        except TypeError as e:
            print("TypeError:", e)
    print("done")
