# __class__ inside methods, __class__.__name__ and type() of various things.
class Shape:
    def kind(self):
        return __class__.__name__
    def real_kind(self):
        return self.__class__.__name__

class Square(Shape):
    pass

s = Square()
print(s.kind(), s.real_kind(), type(s).__name__)
print(s.__class__ is Square, Square.__class__ is type)
print(Square.__bases__[0].__name__, Square.__base__.__name__)
print(Square.__mro__[-1])
print(type(len).__name__, type(s.kind).__name__, type(Shape.kind).__name__)
