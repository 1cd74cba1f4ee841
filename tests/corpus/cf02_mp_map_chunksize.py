# Executor.map: results in the order of the inputs, whatever the chunksize.
import concurrent.futures


def add(a, b):
    return a + b


def cube(x):
    return x ** 3


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(cube, range(10))))
        print(list(ex.map(cube, range(10), chunksize=3)))
        print(list(ex.map(add, [1, 2, 3, 4], [10, 20, 30])))
        print(list(ex.map(add, "abc", "xyz", chunksize=2)))
        print(list(ex.map(cube, [])))
        it = ex.map(cube, [2, 3])
        print(type(it).__name__, next(it), next(it))
        try:
            ex.map(cube, [1], chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
        total = sum(ex.map(cube, range(100), chunksize=25))
        print("sum of cubes below 100:", total)
