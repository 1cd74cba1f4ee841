# A user metaclass with __new__ and __init__.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        ns['added'] = 42
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)

class A(metaclass=Meta):
    x = 1
    def m(self):
        return "m"

class B(A, flag=True):
    pass

print(A.added, B.added, A().m())
print(type(A).__name__, type(B) is Meta, isinstance(A, Meta), isinstance(A, type))
print(type(A()).__name__)
