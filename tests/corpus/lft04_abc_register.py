# abc: virtual subclasses (register) and __subclasshook__.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...


class Square:
    def area(self):
        return 4


print(isinstance(Square(), Shape), issubclass(Square, Shape))
print(Shape.register(Square) is Square)
print(isinstance(Square(), Shape), issubclass(Square, Shape))
print(Shape in Square.__mro__, Square.__mro__)


@Shape.register
class Circle:
    pass


print(issubclass(Circle, Shape), Circle.__name__)


class Polygon(Shape):
    def area(self):
        return 0


class Blob:
    pass


Polygon.register(Blob)
print(issubclass(Blob, Polygon), issubclass(Blob, Shape), isinstance(Blob(), Shape))
print(issubclass(Polygon, Shape), issubclass(Shape, Polygon))
print(isinstance(1, (str, Shape)), issubclass(Square, (int, Shape)))

Shape.register(int)
print(isinstance(3, Shape), issubclass(bool, Shape))


class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            if any('__len__' in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Bag:
    def __len__(self):
        return 0


print(issubclass(list, Sized), issubclass(Bag, Sized), isinstance(Bag(), Sized))
print(issubclass(float, Sized), isinstance(3.0, Sized))


class Never(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False


Never.register(str)
print(issubclass(str, Never))

try:
    Shape.register(5)
except TypeError as e:
    print(e)
try:
    issubclass(5, Shape)
except TypeError as e:
    print(e)
try:
    Polygon.register(Shape)
except RuntimeError as e:
    print(e)
try:
    Shape()
except TypeError as e:
    print(e)
