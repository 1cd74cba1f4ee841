# __name__, __qualname__, __module__, __doc__ of functions, nested functions and methods.
def outer():
    """Outer's doc."""
    def inner():
        "inner doc"
    class Local:
        def m(self):
            pass
    return inner, Local

def nodoc():
    x = 1

inner, Local = outer()
print(outer.__name__, outer.__qualname__, outer.__module__)
print(outer.__doc__)
print(inner.__name__, inner.__qualname__, repr(inner.__doc__))
print(Local.__qualname__, Local.m.__qualname__)
print(nodoc.__doc__)
lam = lambda: 0
print(lam.__name__, lam.__qualname__)

class C:
    """A class."""
    def m(self):
        """Method doc."""
    class D:
        def n(self):
            pass

print(C.__doc__, C.m.__doc__, C.m.__qualname__, C.D.__qualname__, C.D.n.__qualname__)
print(C().m.__qualname__, C().m.__name__)
print(repr(C.D.__doc__))
