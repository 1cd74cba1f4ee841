# A `*` before something that cannot be iterated: a lone `f(*x)` names the call (`f() argument after *
# must be an iterable, not int`), a list or tuple display or a call with other positional arguments
# says `Value after * must be an iterable, not int`, a set display the plain "'int' object is not
# iterable"; an `__iter__` that raises keeps its own error.
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, "|", e)
def f(*a): return a
class C:
    def m(self, *a): return a
class BadIter:
    def __iter__(self):
        raise TypeError("my own")
t(lambda: [*5])
t(lambda: (*5,))
t(lambda: {*5})
t(lambda: [1, *None, 2])
t(lambda: f(*5))
t(lambda: C().m(*5))
t(lambda: print(*5))
t(lambda: f(*BadIter()))
t(lambda: [*BadIter()])
t(lambda: max(*5))
t(lambda: f(1, *[2], *3))
t(lambda: {**5})
t(lambda: f(**5))
print([*"ab", *range(2)], f(*"xy"))
