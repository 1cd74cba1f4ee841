# __new__: caching instances, returning another type (then __init__ is skipped).
class Interned:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            print("new", key)
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]
    def __init__(self, key):
        print("init", key)
        self.key = key

a = Interned("x")
b = Interned("x")
c = Interned("y")
print(a is b, a is c, a.key)

class Weird:
    def __new__(cls, n):
        return n * 2
    def __init__(self, n):
        print("never")

print(Weird(21), type(Weird(1)).__name__)

class Positive(object):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        inst = object.__new__(cls)
        inst.v = v
        return inst

print(Positive(3).v)
try:
    Positive(-1)
except ValueError as e:
    print("ValueError:", e)
