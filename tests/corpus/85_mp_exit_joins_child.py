# Without join, the main process still waits for a non-daemonic child at its exit.
import time
from multiprocessing import Process


def worker():
    for i in range(3):
        time.sleep(0.2)
        print("worker", i)


if __name__ == "__main__":
    p = Process(target=worker)
    p.start()
    print("main: end (no join)")
