# Properties are inherited and can be overridden or extended in a subclass.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        print("Base setter", value)
        self._v = value

class Doubled(Base):
    @property
    def v(self):
        return self._v * 2

class Logged(Base):
    @Base.v.setter
    def v(self, value):
        print("Logged setter", value)
        Base.v.fset(self, value)

b = Base()
b.v = 5
print(b.v)
d = Doubled()
print(d.v)
try:
    d.v = 3
except AttributeError as e:
    print("AttributeError:", e)
l = Logged()
l.v = 7
print(l.v, isinstance(Logged.v, property), Logged.v is Base.v)
print(Base.v.fget is Logged.v.fget)
