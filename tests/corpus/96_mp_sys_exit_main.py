# sys.exit(2) in main: the daemonic child is killed, the other child is joined, status is 2.
import sys
import time
from multiprocessing import Process


def ticker():
    for i in range(5):
        print("daemon tick", i)
        time.sleep(0.4)


def worker():
    time.sleep(0.6)
    print("worker done")


if __name__ == "__main__":
    d = Process(target=ticker, daemon=True)
    w = Process(target=worker)
    d.start()
    w.start()
    time.sleep(0.2)
    print("main: exiting with 2")
    sys.exit(2)
