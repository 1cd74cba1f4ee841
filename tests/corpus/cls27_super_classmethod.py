# super() in classmethods, __new__ and multiple inheritance.
class Base:
    @classmethod
    def create(cls):
        return f"Base.create({cls.__name__})"
    def __new__(cls, *args):
        print("Base.__new__", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x):
        self.x = x

class Child(Base):
    @classmethod
    def create(cls):
        return "Child+" + super().create()
    def __new__(cls, x):
        print("Child.__new__")
        return super().__new__(cls, x)

print(Child.create(), Child().create() if False else "")
c = Child(4)
print(c.x, type(c).__name__)

class L: 
    def hi(self): return ["L"]
class M(L):
    def hi(self): return ["M"] + super().hi()
class N(L):
    def hi(self): return ["N"] + super().hi()
class O(M, N):
    def hi(self): return ["O"] + super().hi()
print(O().hi(), [k.__name__ for k in O.__mro__])
print(super(M, O()).hi())
