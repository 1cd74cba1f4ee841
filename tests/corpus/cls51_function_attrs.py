# Functions carry attributes: counters, and a decorator that copies name and doc.
def counted(f):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return f(*args, **kwargs)
    wrapper.calls = 0
    wrapper.__name__ = f.__name__
    wrapper.__doc__ = f.__doc__
    return wrapper

@counted
def add(a, b):
    """Add two numbers."""
    return a + b

print(add(1, 2), add(3, 4), add.calls)
print(add.__name__, add.__doc__, add.__qualname__)
print(add.__dict__)
add.tag = "math"
print(sorted(vars(add)))
del add.tag
print(hasattr(add, "tag"), getattr(add, "calls"))
try:
    add.missing
except AttributeError as e:
    print("AttributeError:", e)
class C:
    def m(self):
        pass
C.m.note = "on the function"
print(C().m.note)
