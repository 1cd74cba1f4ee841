# A normal end flushes: a target that returns, sys.exit, an uncaught exception. os._exit does not.
import multiprocessing
import os
import sys
import time


def returns():
    print("returns: buffered")


def exits():
    print("exits: buffered")
    sys.exit(4)


def raises():
    print("raises: buffered")
    raise ValueError("boom")


def underscore_exit():
    print("os._exit: lost in a pipe", end="\n")
    print("os._exit: half a line", end="")
    os._exit(5)


if __name__ == "__main__":
    print("parent: printed before the first start")
    for target in (returns, exits, raises, underscore_exit):
        p = multiprocessing.Process(target=target)
        p.start()
        p.join()
        print("parent:", target.__name__, "exitcode", p.exitcode)
        time.sleep(0.2)
    print("parent: done")
