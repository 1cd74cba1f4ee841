# __setattr__ and __delattr__ overrides.
class Logged:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 10)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

x = Logged()
x.b = 2
print(x.a, x.b)
setattr(x, "c", 3)
print(x.c)
del x.b
print(hasattr(x, "b"))
try:
    del x.zzz
except AttributeError as e:
    print("AttributeError:", e)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}: frozen")

f = Frozen(4)
print(f.v)
try:
    f.v = 5
except AttributeError as e:
    print("AttributeError:", e)
