# ctypes' simple types on their own: values, reprs, wrapping on overflow, CPython's errors.
import ctypes
from ctypes import (c_bool, c_char, c_wchar, c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint,
                    c_long, c_ulong, c_longlong, c_ulonglong, c_size_t, c_ssize_t, c_float,
                    c_double, c_longdouble, sizeof, alignment)


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


for t in (c_bool, c_char, c_wchar, c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint, c_long,
          c_ulong, c_float, c_double, c_longdouble):
    print(t.__name__, t._type_, sizeof(t), alignment(t), repr(t().value), t)

print(c_int(5), c_int(5).value, c_double(1 / 3), c_float(0.1), c_bool(5), c_char(b'a'), c_char(66))
print(c_wchar('z'), c_longdouble(1.5), c_short(-3))
print('aliases', c_longlong is c_long, c_ulonglong is c_ulong, c_size_t is c_ulong, c_ssize_t is c_long)
print(c_longlong(5), c_size_t(7), ctypes.c_int64(8), ctypes.c_uint8(9))

# Overflow keeps the low bits, as C does.
print(c_int(2 ** 31), c_uint(-1), c_ubyte(256), c_byte(200), c_short(70000), c_ushort(-1))
print(c_long(2 ** 63), c_ulong(-1), c_int(2 ** 100 + 3), c_float(1e300), c_float(-1e300))

x = c_int(3)
x.value += 4
print(x, x.value, bool(x), bool(c_int(0)), x == c_int(7))
d = c_double()
d.value = 2
print(d, type(d.value).__name__)
b = c_bool()
b.value = [1]
print(b, c_bool([]))

attempt('c_int(1.5)', lambda: c_int(1.5))
attempt('c_int("x")', lambda: c_int('x'))
attempt('c_double("x")', lambda: c_double('x'))
attempt('c_double(2**2000)', lambda: c_double(2 ** 2000))
attempt('c_char(b"ab")', lambda: c_char(b'ab'))
attempt('c_char("a")', lambda: c_char('a'))
attempt('c_char(300)', lambda: c_char(300))
attempt('c_wchar("ab")', lambda: c_wchar('ab'))
attempt('c_int(1, 2)', lambda: c_int(1, 2))
attempt('sizeof(3)', lambda: sizeof(3))
print(type(c_int).__name__, c_int.__mro__)
