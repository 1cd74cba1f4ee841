from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
print(p, p.x, p.y, p[0], p[1], len(p))
x, y = p
print(x + y, list(p), tuple(p), p == (3, 4), p == Point(3, 4))
print(Point(x=1, y=2), Point(5, y=6))
print(repr(Point), Point.__name__, Point._fields)
print(sorted([Point(2, 0), Point(1, 9), Point(1, 2)]))
print({Point(0, 0): 'origin'}[Point(0, 0)], hash(p) == hash((3, 4)))
print(p[:1], p + (5,), 3 in p, p.index(4), p.count(3))
