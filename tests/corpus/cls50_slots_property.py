# __slots__ with properties, class attributes and defaults.
class Vec:
    __slots__ = ("_x", "_y")
    dims = 2
    def __init__(self, x, y):
        self._x = x
        self._y = y
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    def __repr__(self):
        return f"Vec({self._x}, {self._y})"

v = Vec(1, 2)
v.x = 10
print(v, v.x, v.dims, Vec.dims)
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    v.dims = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Vec.__slots__)
