from typing import NamedTuple, List


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


class Employee(NamedTuple):
    name: str
    dept: str
    skills: List[str] = []


p = Point(3, -4)
print(p, p.x, p[1], p.norm1(), len(p))
x, y = p
print(x, y, tuple(p), list(p), p == (3, -4), p == Point(3, -4), Point(1) < Point(2))
print(p._asdict(), p._replace(y=9), Point._make([5, 6]), Point._fields, Point._field_defaults)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print({Point(1, 2): "a"}[Point(1, 2)], hash(Point(1, 2)) == hash(Point(1, 2)))
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
e = Employee("ann", "ops")
print(e, e.skills, Employee("bo", "dev", ["go"]).skills)
print(p.count(3), p.index(-4), 3 in p, p + (7,))
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
