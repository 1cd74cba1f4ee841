# A class derived from tuple, made in __new__, the way namedtuple classes are.
class Point(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(1, 2)
print(p, p.x, p.y, len(p), p[0], p[-1], p[0:1])
x, y = p
print(x, y, list(p), tuple(p), p == (1, 2), (1, 2) == p, p != (2, 1))
print(hash(p) == hash((1, 2)), {p: "found"}[(1, 2)], (1, 2) in {p})
print(p + (3,), p * 2, p.count(1), p.index(2))
print(sorted([Point(3, 1), Point(1, 5), Point(1, 2)]))
print(p.moved(1, 1), isinstance(p, tuple), type(p).__name__)
print(max(Point(1, 9), Point(2, 0)))
