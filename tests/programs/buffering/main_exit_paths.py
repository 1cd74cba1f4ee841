# The main's own buffer: flushed at its normal end, after its children's output; lost by os._exit.
import multiprocessing
import os
import time


def child():
    print("child: hello")


if __name__ == "__main__":
    print("main: first", end="")
    print(" line")
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    print("main: after join")
    time.sleep(0.2)
    print("main: last words", end="")
    os._exit(0)
