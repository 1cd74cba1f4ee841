# An uncaught task error: the worker's traceback comes first, as the cause.
import multiprocessing


def divide(a, b):
    return a // b


if __name__ == "__main__":
    pool = multiprocessing.Pool(1)
    print(pool.apply(divide, (7, 2)))
    print(pool.apply(divide, (1, 0)))
    print("not reached")
