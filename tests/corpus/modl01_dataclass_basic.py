from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p)
print(Point(3))
print(Point(y=5, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2))
print(p == (1, 2))
print(p.x + p.y)
p.x = 10
print(p, repr(p))
print(Point.__annotations__)
print(Point.__match_args__)
print(Point.y)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
