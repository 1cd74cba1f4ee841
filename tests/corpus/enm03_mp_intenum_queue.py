# IntEnum and IntFlag members sent through a Queue and a Pipe come back as the same members (the
# class called with the value, as CPython's Enum.__reduce_ex__ says), still ints in the child,
# and a child's arithmetic on them gives plain ints.
import multiprocessing as mp
from enum import IntEnum, IntFlag


class Level(IntEnum):
    LOW = 1
    HIGH = 10


class Perm(IntFlag):
    R = 4
    W = 2


def child(q, conn):
    lv, p = q.get()
    print('child', repr(lv), lv is Level.HIGH, isinstance(lv, int), lv + 1, repr(p), p == 6)
    conn.send((lv * 2, Level.LOW, Perm.R | Perm.W))


if __name__ == '__main__':
    q = mp.Queue()
    a, b = mp.Pipe()
    pr = mp.Process(target=child, args=(q, b))
    pr.start()
    q.put((Level.HIGH, Perm.R | Perm.W))
    doubled, low, perm = a.recv()
    pr.join()
    print('parent', doubled, type(doubled).__name__, repr(low), low is Level.LOW, repr(perm), perm.name)
    print(Level.HIGH.__reduce_ex__(4), Perm.R.__reduce_ex__(2))
    print('exit', pr.exitcode)
