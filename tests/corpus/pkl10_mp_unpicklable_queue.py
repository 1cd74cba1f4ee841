# What cannot be pickled, put on a Queue: put() returns at once (the feeder thread pickles later),
# the feeder prints each error in the background and drops the item, and the items around it
# arrive.
import multiprocessing as mp
import os
import time


def numbers():
    yield 1


def make_local():
    def local():
        pass
    return local


def make_local_class():
    class Inner:
        pass
    return Inner()


if __name__ == "__main__":
    q = mp.Queue()
    things = [lambda: 1, make_local(), make_local_class(), numbers(), os, mp.Lock()]
    for thing in things:
        q.put("before")
        q.put(thing)
        print("put returned for a", type(thing).__name__)
        time.sleep(0.2)
    q.put("last")
    got = []
    while True:
        item = q.get(timeout=0.5)
        got.append(item)
        if item == "last":
            break
    print(got)
