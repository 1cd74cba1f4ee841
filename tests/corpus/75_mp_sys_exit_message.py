# sys.exit("message") in a child: the message goes to stderr and the exitcode is 1.
import sys
from multiprocessing import Process


def fail():
    print("child: giving up")
    sys.exit("child failed: no input file")


if __name__ == "__main__":
    p = Process(target=fail)
    p.start()
    p.join()
    print("parent: exitcode", p.exitcode)
