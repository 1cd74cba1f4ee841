# Classes: __init__, methods, instance vs class attributes, __str__ and __repr__.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
class Named:
    def __init__(self, name):
        self.name = name
    def __str__(self):
        return f"<{self.name}>"
p = Point(1, 2)
q = p.moved(3, -1)
print(p, q, [p, q], str(p), repr(q))
print(p.dims, Point.dims, q.x + q.y)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 4
print(p.dims, q.dims)
n = Named("box")
print(n, str(n), [str(n)], f"{n}", "%s" % n)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.value = 0
    def inc(self):
        self.value += 1
        return self
a = Counter()
b = Counter()
print(a.inc().inc().value, b.value, Counter.instances)
bound = a.inc
bound()
print(a.value)
print(Point.moved(p, 10, 10))
