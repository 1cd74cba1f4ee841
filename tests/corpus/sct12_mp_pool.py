# Pool and shared ctypes: a Synchronized or shared Structure passed as a task's argument fails as
# in CPython (inheritance only); standalone ctypes objects are pickled to the worker and back;
# a Value made before the Pool is inherited by its workers.
from multiprocessing import Pool
from multiprocessing.sharedctypes import Value, RawValue
from ctypes import Structure, c_int, c_double

counter = None


class Point(Structure):
    _fields_ = [('x', c_int), ('y', c_int)]


def norm1(p):
    return abs(p.x) + abs(p.y)


def flip(p):
    return Point(p.y, p.x)


def bump(_):
    with counter.get_lock():
        counter.value += 1


def touch(v):
    return 'reached'


if __name__ == '__main__':
    counter = Value('i', 0)
    with Pool(2) as pool:
        print(pool.map(norm1, [Point(1, -2), Point(-3, 4)]))
        q = pool.apply(flip, (Point(5, 6),))
        print(type(q).__name__, q.x, q.y)
        pool.map(bump, range(10))
        print(counter.value)
        for obj in (counter, Value(Point), RawValue(Point)):
            try:
                pool.apply(touch, (obj,))
            except RuntimeError as e:
                print('RuntimeError:', e)
