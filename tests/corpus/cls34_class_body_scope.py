# Names in a class body; __class__ and dunder attributes of classes.
class A:
    x = 1
    y = x + 1
    items = [i * 2 for i in range(3)]
    def m(self):
        return type(self)

print(A.y, A.items, A().m() is A)
print(A.__name__, A.__bases__, A.__base__ if hasattr(A, "__base__") else None)
a = A()
print(a.__class__ is A, a.__class__.__name__)
print(A.__doc__)
print(type(A.__dict__['m']).__name__, type(A.m).__name__, type(a.m).__name__)
print(A.m(a) is A)
print(sorted(k for k in dir(a) if not k.startswith('__')))
