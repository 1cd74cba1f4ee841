# typing.NamedTuple's functional form.
from typing import NamedTuple

Point = NamedTuple('Point', [('x', int), ('y', float)])
p = Point(1, 2.5)
print(p, p.x, p[1], Point._fields, Point.__annotations__)
print(p._replace(x=3), p._asdict(), tuple(p), p == (1, 2.5))
print(Point, Point.__name__)
x, y = p
print(x + y)

Empty = NamedTuple('Empty', [])
print(Empty(), Empty._fields)

try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print(e)
