# dir(bytearray) as CPython 3.11 lists it, and the methods it names beyond bytes': __imul__,
# __rmod__, maketrans, __format__, __getstate__, and the reductions pickle uses (text and
# latin-1 below protocol 3, bytes from 3 on).
names = dir(bytearray)
print(len(names), names == sorted(names))
print([n for n in names if n.startswith('__')])
print([n for n in names if not n.startswith('_')])
b = bytearray(b'ab')
print(b.__imul__(3) is b, b)
b.__imul__(0)
print(b, len(b))
try:
    b.__imul__('x')
except TypeError as e:
    print(e)
print(b'%s' % b'x', bytearray(b'a%db') % 5, b.__rmod__(b'x'))
print(bytearray.maketrans(b'ab', b'xy')[97:99], bytearray(b'aab').translate(bytearray.maketrans(b'a', b'z')))
print(format(bytearray(b'q')), bytearray(b'q').__format__(''), bytearray(b'q').__getstate__())
try:
    format(bytearray(b'q'), 'x')
except TypeError as e:
    print(e)
for data in (b'', b'hi', b'\xff\x00'):
    v = bytearray(data)
    for p in (0, 2, 3, 4):
        f, args, state = v.__reduce_ex__(p)
        print(p, f.__name__, args, state, f(*args) == v)
    print(v.__reduce__()[1])
print(bytearray.__doc__.splitlines()[0])
