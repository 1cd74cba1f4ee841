# sharedctypes' errors as CPython raises them: a lock without acquire, a negative size, too many
# initialisers, a typecode no type has, a type with no size, a ctypes error raised in a child.
from multiprocessing import Process
from multiprocessing.sharedctypes import Value, Array, RawValue, RawArray
from ctypes import Structure, c_int, c_double


class Point(Structure):
    _fields_ = [('x', c_double), ('y', c_double)]


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


def bad_store(p):
    p.x = 'far'


if __name__ == '__main__':
    attempt('lock=5', lambda: Value('i', 1, lock=5))
    attempt('Point lock=5', lambda: Value(Point, lock=5))
    attempt('Array lock="x"', lambda: Array(Point, 2, lock='x'))
    attempt('Array(Point, -1)', lambda: Array(Point, -1))
    attempt('Value(Point, 1, 2, 3)', lambda: Value(Point, 1, 2, 3))
    attempt('Value(Point, "a")', lambda: Value(Point, 'a'))
    attempt("Value('z')", lambda: Value('z'))
    attempt('Value(5)', lambda: Value(5))
    attempt('Value(object)', lambda: Value(object))
    attempt('RawArray(Point, [(1, 2, 3)])', lambda: RawArray(Point, [(1, 2, 3)]))
    attempt('Array(c_int, [1, "x"])', lambda: Array(c_int, [1, 'x']))
    attempt('RawValue(c_int, 1.5)', lambda: RawValue(c_int, 1.5))
    a = Array(Point, 2)
    attempt('a[2]', lambda: a[2])
    attempt('a[0] = 5', lambda: a.__setitem__(0, 5))
    attempt('a.value', lambda: a.value)
    attempt('Value(Point).z', lambda: Value(Point).z)
    p = Process(target=bad_store, args=(Value(Point),))
    p.start()
    p.join()
    print('exitcode', p.exitcode)
