import multiprocessing
import os
import sys
import time


def helper():
    print("helper: a child of Process-1")


def worker():
    # multiprocessing.Process(target=helper).start()
    for i in range(3):
        print(i)
        time.sleep(1)


if __name__ == "__main__":
    p = multiprocessing.Process(target=worker)
    # p.daemon = True
    p.start()
    print("end")
    # p.join()
    pass  # the main ends normally: its exit handler runs
