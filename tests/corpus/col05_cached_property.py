# functools.cached_property: computed once, kept in the instance __dict__, with CPython's errors.
from functools import cached_property

class Circle:
    def __init__(self, r):
        self.r = r
        self.calls = 0

    @cached_property
    def area(self):
        """The area, computed once."""
        self.calls += 1
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area, c.calls, 'area' in c.__dict__, sorted(vars(c)))
c.area = 100
print(c.area, c.calls)
del c.area
print(c.area, c.calls)
print(type(Circle.area).__name__, Circle.area.__doc__, Circle.area.attrname)
print(Circle.area.func.__name__)

class Slotted:
    __slots__ = ('x',)
    @cached_property
    def y(self):
        return 1

try:
    Slotted().y
except TypeError as e:
    print('TypeError:', e)

cp = cached_property(lambda self: 5)
try:
    cp.__get__(c, Circle)
except TypeError as e:
    print('TypeError:', e)

try:
    class Twice:
        a = cached_property(lambda self: 1)
        b = a
except (TypeError, RuntimeError) as e:
    print(type(e).__name__ + ':', e, '|', e.__cause__)
