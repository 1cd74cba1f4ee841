# Descriptors: __get__, __set__, __delete__, __set_name__.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        print("set", self.name, value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)

class Model:
    size = Field()
    colour = Field()

m = Model()
print(m.size)
m.size = 3
print(m.size, m._size)
del m.size
print(m.size)
print(type(Model.size).__name__)
print(Model.__dict__['colour'].name)
