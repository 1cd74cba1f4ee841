# __init_subclass__ as an explicit classmethod, defaults, and __set_name__ on plain objects.
class Named:
    def __set_name__(self, owner, name):
        self.where = f"{owner.__name__}.{name}"

class Shape:
    sides = 0
    shapes = []
    @classmethod
    def __init_subclass__(cls, sides=0, **kw):
        super().__init_subclass__(**kw)
        cls.sides = sides
        Shape.shapes.append(cls.__name__)
    label = Named()

class Triangle(Shape, sides=3):
    corner = Named()

class Square(Shape, sides=4):
    pass

class Blob(Shape):
    pass

print(Shape.shapes, Triangle.sides, Square.sides, Blob.sides, Shape.sides)
print(Shape.label.where, Triangle.corner.where)
print(Triangle.__init_subclass__.__self__ is Triangle)
