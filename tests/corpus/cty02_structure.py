# ctypes.Structure and Union: _fields_, C's layout (offsets, padding, alignment), initialisers,
# nested structures and arrays as fields (views of the same memory), CPython's errors.
from ctypes import (Structure, Union, c_char, c_int, c_short, c_double, c_ubyte, c_uint,
                    sizeof, alignment)


class Point(Structure):
    _fields_ = [('x', c_double), ('y', c_double)]


class Mixed(Structure):
    _fields_ = [('a', c_char), ('b', c_int), ('c', c_short)]


class Shape(Structure):
    _fields_ = [('id', c_int), ('origin', Point), ('sides', c_int * 3), ('tag', c_char * 4)]


class Mixed2(Mixed):
    _fields_ = [('d', c_char)]


class Word(Union):
    _fields_ = [('n', c_uint), ('bytes', c_ubyte * 4)]


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


print(Point.x, Point.y, sizeof(Point), alignment(Point))
print(Mixed.a, Mixed.b, Mixed.c, sizeof(Mixed), alignment(Mixed))
print(Shape.origin, Shape.sides, Shape.tag, sizeof(Shape))
print(Mixed2.d, sizeof(Mixed2), Mixed2(b'x', 1, 2, b'y').d)
print(Word.n, Word.bytes, sizeof(Word))

p = Point()
print(p.x, p.y)
p = Point(1.5)
print(p.x, p.y)
p = Point(1, y=2)
print(p.x, p.y, type(p.x).__name__)
p.x **= 2
p.y -= 0.5
print(p.x, p.y)

s = Shape(7, (1.0, 2.0), (3, 4, 5), b'ab')
print(s.id, s.origin.x, s.origin.y, list(s.sides), s.tag)
o = s.origin
o.x = 10.0
print(s.origin.x, 'the nested Point is a view of the Shape')
s.sides[1] = 40
print(list(s.sides))
s.origin = Point(5, 6)
print(s.origin.x, s.origin.y)
s.origin = (8, 9)
print(s.origin.x, s.origin.y)

w = Word()
w.n = 0x01020304
print(list(w.bytes), hex(w.n))
w.bytes[0] = 0xff
print(hex(w.n))

attempt('Point(1, 2, 3)', lambda: Point(1, 2, 3))
attempt('Point("a")', lambda: Point('a'))
attempt('Point(1, x=2)', lambda: Point(1, x=2))
attempt('Shape(origin=5)', lambda: Shape(origin=5))
attempt('Point(y=3).y', lambda: Point(y=3).y)
print(type(Point).__name__, Point.__mro__, type(Word).__name__, Word.__mro__)
