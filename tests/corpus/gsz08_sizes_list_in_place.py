# A list changed in place keeps CPython's allocation: `*=` repeats it in the same object (resized
# once, emptied for 0), `sort` keeps its slots, `*= 1` and `*=` of an empty list change nothing.
import sys
g = sys.getsizeof
a = [1, 2, 3]
b = a
a *= 3
print(a is b, b, g(a))
b.append(1)
b.sort(key=lambda x: -x)
print(g(b), b)
c = [1] * 5
c *= 0
print(g(c), c)
d = [1, 2]
d *= 1
print(g(d), d)
e = []
e *= 5
print(g(e))
f = [0, 1]
f *= True
print(f, g(f))
try:
    f *= 2.0
except TypeError as err:
    print(err)
