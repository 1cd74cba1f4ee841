# The interpreter's fast paths (globals by cached slot, calls straight into the callee's frame,
# builtin methods without a bound method, formatting into one string) behave as the general ones.

# Globals: rebinding, deleting and re-adding, shadowing a builtin and unshadowing it.
total = 0
for i in range(5):
    total += i
    total -= 1
print("total", total, i)
a = 1
b = 2
del a
c = 3
a = 4
print(a, b, c)
print(len([1, 2]))
len = lambda x: "shadowed"
print(len([1, 2]))
del len
print(len([1, 2]))


def bump_global():
    global counter
    counter = counter + 10
    counter += 1


counter = 0
for _ in range(3):
    bump_global()
print("counter", counter)
try:
    print(never_bound)
except NameError as e:
    print("NameError:", e)

# Calls: plain binding, defaults, keywords, *args, closures over parameters, recursion.


def add(x, y):
    return x + y


def with_default(x, y=5):
    return x * y


def star(*xs):
    return len(xs)


def closure_over(n):
    def inner():
        return n + 1

    return inner


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(add(1, 2), add("a", "b"), with_default(3), with_default(3, 2), with_default(y=1, x=7))
print(star(), star(1, 2, 3), star(*[1, 2]), closure_over(41)(), fib(15))
try:
    add(1)
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, undefined_name)
except NameError as e:
    print("NameError:", e)
print(add(add(1, 2), add(3, 4)))

# Methods: on the class, shadowed on the instance, static and class methods, bound methods kept.


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n = self.n + k
        return self

    @staticmethod
    def twice(x):
        return 2 * x

    @classmethod
    def make(cls):
        return cls()


c = Counter()
c.bump(1).bump(2)
m = c.bump
m(3)
print("n", c.n, c.twice(4), Counter.make().n, Counter.bump(c, 4).n)
c.bump = lambda k: "instance attribute " + str(k)
print(c.bump(5))
try:
    c.missing(1)
except AttributeError as e:
    print("AttributeError:", e)


# Properties: on a base class, and added to a class after its instances were made.
class Base:
    @property
    def x(self):
        return "base x"

    @x.setter
    def x(self, v):
        print("set x via property", v)


class Derived(Base):
    pass


d = Derived()
d.x = 5
print(d.x)


class Late:
    pass


late = Late()
late.y = 1
print(late.y)


def get_y(self):
    return "property y"


def set_y(self, v):
    print("set y via property", v)


Late.y = property(get_y, set_y)
late.y = 2
print(late.y)


class Sub(Late):
    pass


s = Sub()
s.y = 3

# Builtin methods called straight.
xs = []
for i in range(3):
    xs.append(i * i)
xs.extend([9])
print(xs, "-".join(["a", "b"]), {"k": 1}.get("k"), (255).bit_length(), "ab".upper())
print("x".__class__, [].__class__.__name__)
try:
    [].nope()
except AttributeError as e:
    print("AttributeError:", e)
try:
    "x".join([1])
except TypeError as e:
    print("TypeError:", e)

# Formatting: ints and strs straight in, everything else through the general path.
n = -9223372036854775807 - 1
print(f"{n}|{0}|{-5}|{'s'}|{True}|{1.5}|{None}|{n:>22}|{7:03d}|{'r'!r}|{'q'!r:>5}")
w = 6
print(f"{42:>{w}}|{3.14159:.{2}f}|")
print("%d %s %i %u|%d|%s|%s|%5d|%-3s|%r" % (-5, "x", 0, 7, True, 5, None, 42, "l", "r"))
print("%(a)d-%(b)s" % {"a": 1, "b": "two"}, "%d%%" % 50)
print("{}|{}|{}|{!r}|{:>4}".format(1, "a", 2.5, "r", 7))
print("{} {}".format(True, None), "{}{{}}{}".format(1, 2), "{0}{1}{0}".format("a", "b"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError:", e)
