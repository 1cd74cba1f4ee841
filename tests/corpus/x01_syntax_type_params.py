# Generic functions with type parameters are Python 3.12 syntax: CPython 3.11 refuses the file.
from multiprocessing import Process


def first[T](items):
    return items[0]


if __name__ == "__main__":
    p = Process(target=print, args=(first([1, 2]),))
    p.start()
    p.join()
