"""ShareableList: every type it stores, indexing, assignment, count, index, format, repr, CPython's
errors, and the list through a Pool task (pickled by name) and attached by name in a child."""
from multiprocessing import shared_memory
import multiprocessing as mp

def worker(sl):
    sl[0] = sl[0] * 2
    sl[2] = "hi"
    return sl.format

def attach(name):
    sl = shared_memory.ShareableList(name=name)
    print("child", list(sl), len(sl))
    sl[4] = None
    sl.shm.close()

if __name__ == "__main__":
    sl = shared_memory.ShareableList([21, 2.5, "hello", b"by", True, None, -7])
    print(list(sl), len(sl), sl.format)
    print(repr(sl).replace(sl.shm.name, "NAME"))
    print(sl.count(21), sl.index("hello"), sl[-1], sl[1])
    sl[1] = 3
    sl[3] = b"bytes!"
    print(sl.format)
    try:
        sl[2] = "a much longer string than fits"
    except ValueError as e:
        print("ValueError", e)
    try:
        sl[7]
    except IndexError as e:
        print("IndexError", e)
    try:
        sl[7] = 1
    except IndexError as e:
        print("IndexError", e)
    try:
        sl.index(99)
    except ValueError as e:
        print("ValueError", e)
    try:
        shared_memory.ShareableList([[1]])
    except KeyError as e:
        print("KeyError", e)
    with mp.Pool(1) as pool:
        print(pool.apply(worker, (sl,)))
    print(list(sl))
    p = mp.Process(target=attach, args=(sl.shm.name,))
    p.start(); p.join()
    print(list(sl))
    e = shared_memory.ShareableList([])
    print(list(e), len(e), e.format == "")
    e.shm.close(); e.shm.unlink()
    sl.shm.close()
    sl.shm.unlink()
