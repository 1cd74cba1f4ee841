# How a child ends decides its exitcode: return, exception, sys.exit(n), sys.exit().
import sys
from multiprocessing import Process


def returns():
    return 42


def exits(n):
    print("exiting with", n)
    sys.exit(n)


def exits_plain():
    sys.exit()


def exits_none():
    sys.exit(None)


if __name__ == "__main__":
    cases = [
        Process(target=returns),
        Process(target=exits, args=(5,)),
        Process(target=exits, args=(0,)),
        Process(target=exits, args=(2,)),
        Process(target=exits_plain),
        Process(target=exits_none),
    ]
    for p in cases:
        p.start()
        p.join()
        print(p.name, "exitcode", p.exitcode)
