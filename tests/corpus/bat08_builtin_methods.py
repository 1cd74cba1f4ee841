# A builtin type's method bound to its object is a builtin_function_or_method, with CPython's repr
# ("built-in method ... of list object"), unlike a method of the program's own class.
xs = [3, 1]
m = xs.append
print(type(m).__name__, type(m) is type(len), m.__self__ is xs, m.__name__)
print(repr(m).startswith("<built-in method append of list object at 0x"))
print(repr({}.get).startswith("<built-in method get of dict object at 0x"))
print(repr("ab".upper).startswith("<built-in method upper of str object at 0x"))

class K:
    def f(self):
        return 1

print(type(K().f).__name__, repr(K().f).startswith("<bound method K.f of <__main__.K object at 0x"))
m(2)
print(xs)
try:
    m[0]
except TypeError as e:
    print("TypeError:", e)
