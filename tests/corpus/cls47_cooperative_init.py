# Cooperative __init__ through the MRO with keyword arguments.
class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
        super().__init__()

class Named(Base):
    def __init__(self, name, **kw):
        print("Named", name)
        self.name = name
        super().__init__(**kw)

class Sized(Base):
    def __init__(self, size=0, **kw):
        print("Sized", size)
        self.size = size
        super().__init__(**kw)

class Box(Named, Sized):
    def __init__(self, **kw):
        print("Box")
        super().__init__(**kw)

b = Box(name="crate", size=3)
print(b.name, b.size, [c.__name__ for c in Box.__mro__])
try:
    Box(name="x", colour="red")
except TypeError as e:
    print("TypeError:", e)
