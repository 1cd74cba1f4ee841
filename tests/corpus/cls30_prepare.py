# __prepare__ supplies the namespace the class body runs in.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": "yes"}
    def __new__(mcs, name, bases, ns, **kw):
        print("names", [k for k in ns if not k.startswith("__")])
        return super().__new__(mcs, name, bases, dict(ns))

class A(metaclass=Meta, tag=1):
    seen = injected
    def f(self):
        pass

print(A.seen, A.injected)
