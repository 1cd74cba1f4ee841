# Pool.map keeps the input order, whatever the chunksize; map_async(...).get() is the same.
import multiprocessing


def square(x):
    return x * x


def label(word):
    return f"<{word}>"


if __name__ == "__main__":
    with multiprocessing.Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(10), chunksize=1))
        print(pool.map(square, range(10), chunksize=4))
        print(pool.map(square, range(10), 100))
        print(pool.map(label, ["a", "b", "c"]))
        print(pool.map(len, ["", "ab", "abcd"]))
        print(pool.map(str.upper, ["x", "y"]))
        print(pool.map(square, (7, 8)))
        print(pool.map(square, {3: "c", 1: "a"}))
        print(pool.map_async(square, range(5)).get())
        print(pool.map(square, []))
        # a chunksize below 1: map sends no task at all, imap refuses
        print(pool.map(square, range(3), chunksize=0))
        print(pool.starmap(pow, [(2, 3)], chunksize=-1))
        try:
            pool.imap(square, range(3), chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
    print("done")
