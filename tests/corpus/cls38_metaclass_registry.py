# A metaclass that registers and decorates every class it makes, subclasses included.
class Registry(type):
    classes = {}
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes[name] = cls
        cls.tag = name.lower()
        return cls
    def __repr__(cls):
        return f"<registered {cls.__name__}>"
    def __len__(cls):
        return len(Registry.classes)

class Base(metaclass=Registry):
    def hello(self):
        return f"hello from {self.tag}"

class Child(Base):
    pass

class GrandChild(Child):
    tag_override = True

print(sorted(Registry.classes))
print(Child().hello(), GrandChild.tag)
print(Base, [Child, GrandChild])
print(len(Base), type(GrandChild) is Registry)
print(isinstance(Child(), Base), issubclass(GrandChild, Base))
print(type(Base).__mro__)
Dyn = Registry("Dyn", (Base,), {"x": 1})
print(Dyn, Dyn.x, Dyn().hello())
