# Attribute and method-call sites remember what they found last time: every change a program can
# make to a class or an instance between two calls at the same site must still be seen.


class Base:
    def greet(self):
        return "base"

    def who(self):
        return "Base.who"


class Child(Base):
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n = self.n + k
        self.n += 1
        return self.n


def call_greet(obj):
    return obj.greet()


def call_who(obj):
    return obj.who()


c = Child()
print([c.bump(2) for _ in range(3)])

# A method replaced on the class after calls at the same site.
print(call_greet(c), call_greet(c))
Child.greet = lambda self: "child, set on the class"
print(call_greet(c))

# An instance attribute shadows the method; deleting it uncovers the method again.
c.greet = lambda: "instance attribute"
print(call_greet(c))
del c.greet
print(call_greet(c))

# A parent's method replaced (no class of the child's changed itself).
print(call_who(c))
Base.who = lambda self: "Base.who replaced"
print(call_who(c))


def parent_who(self):
    return "defined later, set on Base"


Base.who = parent_who
print(call_who(c))

# The same site sees instances of different classes in turn.
b = Base()
print([call_greet(x) for x in (b, c, b, c)])

# A property added to the class after the instance attribute was read at a site wins from then on.


def read_n(obj):
    return obj.n


def write_n(obj, v):
    obj.n = v


print(read_n(c), read_n(c))
store = {}
Child.n = property(lambda self: "property n", lambda self, v: store.update(n=v))
print(read_n(c))
write_n(c, 99)
print(store)
# Deleting the property from the class uncovers the instance attribute again.
del Child.n
print(read_n(c))
write_n(c, 5)
print(read_n(c), store)

# Properties, classmethods and staticmethods through method-call sites.


class Tools:
    factor = 3

    @classmethod
    def make(cls, x):
        return (cls.__name__, x * cls.factor)

    @staticmethod
    def twice(x):
        return 2 * x

    @property
    def size(self):
        return 7

    def use(self):
        return self.make(1), self.twice(5), self.size


class MoreTools(Tools):
    factor = 10


t, m = Tools(), MoreTools()
for _ in range(2):
    print(t.use(), m.use(), t.make(2), m.twice(4))
Tools.factor = 4
print(t.use(), m.use())

# super() calls at a site whose parent method changes.


class A:
    def hello(self):
        return "A"


class B(A):
    def hello(self):
        return "B>" + super().hello()


class C(B):
    def hello(self):
        return "C>" + super().hello()


x = C()
print([x.hello() for _ in range(2)])
A.hello = lambda self: "A2"
print(x.hello())
B.hello = lambda self: "B2"
print(x.hello())

# A method stored on the instance's class is found even if the instance has other attributes
# added and removed between calls (its namespace changes shape, the attribute moves).
k = Child()
for i in range(4):
    setattr(k, "extra%d" % i, i)
    print(k.bump(1), [hasattr(k, "extra%d" % j) for j in range(4)])
for i in range(4):
    delattr(k, "extra%d" % i)
    print(k.bump(1), [hasattr(k, "extra%d" % j) for j in range(4)])

# A callable stored on the instance (not a method) and a class attribute read through the instance.


class Holder:
    tag = "class tag"

    def __init__(self, fn):
        self.fn = fn

    def run(self):
        return self.fn(3), self.tag


h = Holder(lambda v: v + 1)
print(h.run())
h.tag = "instance tag"
print(h.run())
Holder.tag = "new class tag"
del h.tag
print(h.run())
