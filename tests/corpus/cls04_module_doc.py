"""The module's docstring."""

print(__doc__)
print(__name__)

class A:
    pass

print(A.__module__, A.__name__, A.__qualname__)
print(type(A()).__module__)
