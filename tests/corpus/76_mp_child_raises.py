# A child that raises: "Process NAME:" and a traceback on stderr, exitcode 1; the parent goes on.
import time
from multiprocessing import Process


class TaskError(Exception):
    pass


def parse(text):
    return int(text)


def worker(text):
    print("worker parsing", repr(text))
    value = parse(text)
    print("parsed", value)


def strict():
    raise TaskError("strict mode refuses to run")


if __name__ == "__main__":
    p = Process(target=worker, args=("12x",))
    p.start()
    p.join()
    print("first child exitcode", p.exitcode)
    q = Process(target=strict, name="strict-worker")
    q.start()
    q.join()
    print("second child exitcode", q.exitcode)
    print("main still running")
