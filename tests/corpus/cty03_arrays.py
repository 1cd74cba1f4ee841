# ctypes arrays: `T * n` types (made once), indexing, slices, iteration, arrays of Structures
# (elements are views), c_char arrays' value and raw, create_string_buffer, CPython's errors.
import ctypes
from ctypes import Structure, c_int, c_char, c_wchar, c_double, sizeof, alignment


class Point(Structure):
    _fields_ = [('x', c_int), ('y', c_int)]


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


A = c_int * 4
print(A, A.__name__, A is c_int * 4, A._length_, A._type_, sizeof(A), alignment(A))
print(type(A).__name__, A.__mro__)
a = A(1, 2)
print(list(a), a[1:3], a[-1], len(a), a[::2], a[::-1])
a[3] = 2 ** 32 + 9
a[0:2] = [7, 8]
print(list(a), [x * 2 for x in a], sum(a))

P3 = Point * 3
ps = P3((1, 2), Point(3, 4))
print([(p.x, p.y) for p in ps])
for p in ps:
    p.x += 100
print([(p.x, p.y) for p in ps])
ps[2] = (5, 6)
print(ps[2].x, ps[2].y, ps[1:][1].y)

s = (c_char * 6)()
s.value = b'hi'
print(s.value, s.raw, s[0], s[:], s[1:3], len(s))
s.raw = b'abcdef'
print(s.value, s.raw)
w = (c_wchar * 3)('a', 'b')
print(w.value, repr(w[:]), w[0])

buf = ctypes.create_string_buffer(b'hello')
print(sizeof(buf), buf.raw, buf.value)
print(ctypes.create_string_buffer(3).raw, sizeof(ctypes.create_string_buffer(b'ab', 8)))

M = (c_double * 2) * 3
m = M((1, 2), (3, 4))
print(M.__name__, sizeof(M), [list(r) for r in m])

attempt('a[4]', lambda: a[4])
attempt('A(1, 2, 3, 4, 5)', lambda: A(1, 2, 3, 4, 5))
attempt('a[0] = "x"', lambda: a.__setitem__(0, 'x'))
attempt('a[0:2] = [1]', lambda: a.__setitem__(slice(0, 2), [1]))
attempt('ps[0] = 5', lambda: ps.__setitem__(0, 5))
attempt('s.value = b"toolongvalue"', lambda: setattr(s, 'value', b'toolongvalue'))
attempt('c_int * -1', lambda: c_int * -1)
attempt('c_int * 2.0', lambda: c_int * 2.0)
