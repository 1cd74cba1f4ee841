# Shared ctypes objects cross to a process only through inheritance: sending one on a Pipe fails in
# the sender with CPython's RuntimeError, naming the wrapper's class (SynchronizedPoint for a
# Structure) or the raw type; standalone ctypes objects pickle and arrive as copies.
from multiprocessing import Pipe
from multiprocessing.sharedctypes import Value, Array, RawValue, RawArray
from ctypes import Structure, c_double, c_int, c_bool


class Point(Structure):
    _fields_ = [('x', c_double), ('y', c_double)]


class Pair(Structure):
    _fields_ = [('a', c_int), ('b', c_int)]


if __name__ == '__main__':
    a, b = Pipe()
    a.send(Pair(1, 2))
    got = b.recv()
    print(type(got).__name__, got.a, got.b)
    a.send(c_int(5))
    print(b.recv())
    for obj in (Value('i', 1), Value(Point), RawValue(Point), Array('d', 2), Array(Point, 2),
                RawArray(Point, 2), Value(c_bool), Value('i', lock=False), Array('c', b'x')):
        try:
            a.send(obj)
            print('sent', obj)
        except RuntimeError as e:
            print('RuntimeError:', e)
    try:
        a.send(Point(1, 2))
    except RuntimeError as e:
        print('after a RawValue(Point):', e)
    a.send(Pair(3, 4))
    print('Pair still pickles:', b.recv().b)
