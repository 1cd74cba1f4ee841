# A worker that dies (os._exit) breaks the pool: its futures and every later submit raise
# BrokenProcessPool.
import concurrent.futures
from concurrent.futures.process import BrokenProcessPool
import os
import time


def die(code):
    os._exit(code)


def nap(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    print(BrokenProcessPool.__mro__[1:3])
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    print(ex.submit(nap, 0.1).result())
    slow = ex.submit(nap, 0.5)
    f = ex.submit(die, 3)
    try:
        f.result()
    except BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    print(type(slow.exception()).__name__, slow.exception() is f.exception())
    time.sleep(0.2)
    try:
        ex.submit(nap, 0.1)
    except BrokenProcessPool as e:
        print("submit:", e)
    ex.shutdown()
    print("shut down")
    ex2 = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    ex2.submit(os._exit, 1)
    time.sleep(0.3)
    ex2.submit(nap, 0)
