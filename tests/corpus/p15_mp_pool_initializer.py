# initializer(*initargs) runs once in each worker; the parent's globals are untouched.
import multiprocessing

setting = "parent"
calls = 0


def init(value, extra):
    global setting
    setting = f"{value}/{extra}"


def read(x):
    global calls
    calls += 1
    return setting


if __name__ == "__main__":
    with multiprocessing.Pool(1, initializer=init, initargs=("worker", 7)) as pool:
        print(pool.map(read, range(3)))
        print(pool.apply(read, (0,)))
    print(setting, calls)
    with multiprocessing.Pool(1, init, ("positional", 1)) as pool:
        print(pool.apply(read, (0,)))
    print("done")
