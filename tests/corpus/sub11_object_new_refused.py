# object.__new__ makes only what it can make whole: CPython refuses it a builtin type, a class
# derived from one and an exception class, naming the __new__ to use instead.
import queue


class Number(int):
    pass


class Made(int):
    def __new__(cls):
        return int.__new__(cls, 7)


class Plain:
    pass


class Chosen(Plain):
    def __new__(cls):
        return object.__new__(cls)


class Problem(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, *args)


for cls in (int, Number, Made, ValueError, list, dict, str, tuple, type, bool, float,
            Exception, set, bytes, Problem, queue.Empty, Plain, Chosen):
    try:
        made = object.__new__(cls)
        print(cls.__name__, "->", type(made).__name__)
    except TypeError as e:
        print(cls.__name__, "->", e)

print(Made(), repr(Number(3)), type(Chosen()).__name__)
p = Problem("kept", 2)
print(type(p).__name__, p.args, p)
print(ValueError.__new__(ValueError, "x").args, KeyError.__new__(KeyError))
try:
    BaseException.__new__(int)
except TypeError as e:
    print(e)
