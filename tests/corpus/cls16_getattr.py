# __getattr__ is asked only for missing names; __getattribute__ for every one.
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")

l = Lazy()
print(l.real, l.xyz)
try:
    l.abc
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(l, "abc", "dflt"), hasattr(l, "abc"), hasattr(l, "xa"))

class Spy:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)
    def m(self):
        return "m"

s = Spy()
print(s.a)
print(s.m())
try:
    s.missing
except AttributeError as e:
    print("AttributeError:", e)
