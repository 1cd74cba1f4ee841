# property with getter, setter, deleter and doc.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

t = Temp()
t.celsius = 20
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
print(Temp.celsius.__doc__)
print(type(Temp.celsius).__name__)

class RO:
    @property
    def x(self):
        return 1
    y = property(lambda self: 2, doc="why")

r = RO()
try:
    r.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.x
except AttributeError as e:
    print("AttributeError:", e)
print(r.y, RO.y.__doc__)
print(RO.x.fget(r), RO.x.fset, RO.x.fdel)
