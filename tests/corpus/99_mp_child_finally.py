# In a child, sys.exit and exceptions still run finally blocks and with-exits (unlike terminate).
import sys
from multiprocessing import Process


class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


def leaves_by_exit():
    with Guard("exit-guard"):
        try:
            sys.exit(4)
        finally:
            print("finally after sys.exit")


def leaves_by_error():
    with Guard("error-guard"):
        try:
            raise OSError("disk on fire")
        finally:
            print("finally after raise")


if __name__ == "__main__":
    for target in [leaves_by_exit, leaves_by_error]:
        p = Process(target=target)
        p.start()
        p.join()
        print(target.__name__, "exitcode", p.exitcode)
