# What cannot cross a Pipe: a lock (shared only by inheritance), a function defined inside a function.
from multiprocessing import Pipe, Lock


def top():
    return 1


def make():
    def inner():
        return 2
    return inner


if __name__ == "__main__":
    a, b = Pipe()
    try:
        a.send(Lock())
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        a.send(make())
    except AttributeError as e:
        print("AttributeError:", e)
    a.send(top)
    f = b.recv()
    print("a top-level function crosses:", f(), f is top)
    a.send([1, 2])
    print(b.recv(), b.poll())
