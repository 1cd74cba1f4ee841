# A program's own class named `property` is an ordinary class, not the builtin: an instance of it on
# a class is a plain attribute (no getter runs, assignment through an instance sets the instance's
# own attribute) and `callable` asks its class for `__call__`.


class property:
    def __init__(self, f):
        self.f = f

    def __repr__(self):
        return f"property({self.f.__name__})"


class Box:
    @property
    def size(self):
        return 3


b = Box()
print(type(Box.__dict__["size"]).__name__, type(Box.__dict__["size"]).__module__)
print(Box.size)
print(b.size)
b.size = 5
print(b.size, Box.size)
print("size" in vars(b))
print(callable(Box.size))
del b.size
print(b.size)
print(Box.size.f(b))


print(isinstance(property, type), property.__module__)
