# A Pool pickles each task in the caller: a lambda or a generator as an argument raises in
# apply/map before any worker sees it, and the pool goes on working.
import multiprocessing as mp


def square(x):
    return x * x


def numbers():
    yield 1


def call(f):
    return f()


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        for args in [(lambda: 1,), (numbers(),)]:
            try:
                pool.apply(call, args)
            except Exception as e:
                print("apply:", type(e).__name__, str(e).split(" at 0x")[0])
        try:
            pool.map(square, [1, 2, lambda: 3])
        except Exception as e:
            print("map:", type(e).__name__, str(e).split(" at 0x")[0])
        try:
            pool.apply(square, (mp.Lock(),))
        except Exception as e:
            print("apply:", type(e).__name__, e)
        print(pool.map(square, [1, 2, 3]))
