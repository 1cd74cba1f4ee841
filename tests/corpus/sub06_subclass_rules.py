# CPython's rules for deriving from builtin types, and __new__ in ordinary classes.
for base in (bool, range, type(None)):
    try:
        class X(base):
            pass
    except TypeError as e:
        print(e)
try:
    class Y(int, str):
        pass
except TypeError as e:
    print(e)


class Made:
    count = 0

    def __new__(cls, *args):
        cls.count += 1
        obj = super().__new__(cls)
        obj.args = args
        return obj

    def __init__(self, *args):
        self.ready = True


m = Made(1, 2)
print(m.args, m.ready, Made.count, type(m).__name__)


class Singleton:
    _one = None

    def __new__(cls):
        if cls._one is None:
            cls._one = object.__new__(cls)
        return cls._one


print(Singleton() is Singleton())


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never runs")


print(NotMine())


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())


print(Upper("shout"), type(Upper("x")).__name__, Upper("a") + "b")
print(dict.__len__({"a": 1}), list.__len__([1, 2]), str.upper("x"), dict.get({"k": 1}, "k"))
