"""A main and its child print in turn.

The child prints 0 while the main prints end.
"""
import multiprocessing
import time


def worker():
    for i in range(3):
        print(i)
        time.sleep(1)


if __name__ == "__main__":
    p = multiprocessing.Process(target=worker)
    p.start()
    print("end")
