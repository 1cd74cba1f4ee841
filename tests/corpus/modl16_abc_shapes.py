from abc import ABC, abstractmethod
import math


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)

for s in [Circle(1), Square(3)]:
    print(s.describe(), isinstance(s, Shape), isinstance(s, ABC))


class Half(Shape):
    pass


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(issubclass(Circle, Shape), Shape.__mro__)
