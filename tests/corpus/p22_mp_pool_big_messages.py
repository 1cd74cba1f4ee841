# Tasks and results larger than a pipe holds (megabytes) travel whole, both ways.
import multiprocessing


def size(x):
    return len(x)


def grow(n):
    return "y" * n


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.apply(size, ("x" * 3000000,)))
        print(pool.map(size, ["z" * 2000000, "w" * 2500000, ""]))
        big = pool.apply(grow, (4000000,))
        print(len(big), big[:3], big == "y" * 4000000)
        print(sum(pool.map(size, [[1] * 1000] * 3000)))
        print([len(s) for s in pool.map(grow, [1500000, 10, 1500000], chunksize=3)])
    print("done")
