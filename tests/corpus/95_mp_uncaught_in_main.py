# The main process dies of an exception, yet its exit still waits for the non-daemonic child.
import time
from multiprocessing import Process


def worker():
    time.sleep(0.4)
    print("worker: finished after main failed")


def main():
    p = Process(target=worker)
    p.start()
    time.sleep(0.2)
    print("main: about to fail")
    raise RuntimeError("main gave up")


if __name__ == "__main__":
    main()
