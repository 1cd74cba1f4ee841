# super() beyond super().method(): through a class (`super(B, B).m` is the plain function, a
# classmethod binds to the class, a staticmethod is itself), with one argument (an unbound super,
# `NULL` in its repr, which finds nothing), the super object's own attributes (`__class__`,
# `__thisclass__`, `__self__`, `__self_class__`), a data attribute and a property reached past
# `B`, `super().__init_subclass__`, and the refusal of an object that is not an instance.
class A:
    x = 1

    def m(self):
        return "A.m"

    @property
    def p(self):
        return "A.p of " + type(self).__name__

    @classmethod
    def c(cls):
        return "A.c of " + cls.__name__

    @staticmethod
    def s():
        return "A.s"


class B(A):
    x = 2

    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, super().__init_subclass__.__name__)
        super().__init_subclass__(**kw)

    def m(self):
        return "B.m"

    def probe(self):
        print(super().__class__, super().__thisclass__.__name__)
        print(super().__self_class__.__name__, type(super().__self__).__name__)
        print(super(B, self).x, super(B, self).p, super().m())


f = super(B, B).m
print(type(f).__name__, f.__qualname__, f is A.m, f(B()))
print(super(B, B).c(), super(B, B).s())
print(super(B, B).__self__.__name__, super(B, B).__self_class__.__name__)
print(type(super(B, B).p).__name__)

u = super(B)
print(u, type(u).__name__, u.__class__)
print(u.__thisclass__.__name__, u.__self__, u.__self_class__)
try:
    u.m
except AttributeError as e:
    print("AttributeError:", e)

print(super(B, B()).__class__)
B().probe()


class C(B):
    pass


print(super(B, C).m is A.m, repr(super(B, C)), repr(super(B, C())))
try:
    super(B, B()).missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    super(B, 1)
except TypeError as e:
    print("TypeError:", e)
