# collections.namedtuple makes a real tuple subclass: isinstance, % formatting, json, copy, pickling through a Queue and a Pool, CPython's errors.
from collections import namedtuple
import multiprocessing as mp
Point = namedtuple('Point', 'x y', defaults=[0])
p = Point(1, 2)
print(p, isinstance(p, tuple), p.x, p[1], p + (3,), '%s-%s' % p, len(p), p == (1, 2), hash(p) == hash((1, 2)))
print(Point(5), Point._make([3, 4]), p._replace(x=9), p._asdict(), Point._fields, Point.__doc__, Point.x.__doc__)
x, y = p
print(x, y, sorted([Point(2, 1), Point(1, 2)]), max(Point(1, 5), Point(2, 0)), tuple(p), list(p))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
def area(pt):
    return pt.x * pt.y
if __name__ == '__main__':
    q = mp.Queue()
    q.put(p)
    got = q.get()
    print(type(got).__name__, got, got == p)
    with mp.Pool(2) as pool:
        print(pool.map(area, [Point(2, 3), Point(4, 5)]))
    import json, copy
    print(json.dumps(p), copy.copy(p), copy.deepcopy(p), type(copy.copy(p)).__name__)
