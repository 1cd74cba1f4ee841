"""__divmod__/__rdivmod__ of int and float (NotImplemented for an operand the type leaves to the
other), __getnewargs__ of int, float, bool, str, bytes and tuple, float.__getformat__, bytes.__bytes__,
and __class_getitem__ of the generic containers, on the type and on an instance."""
print((7).__divmod__(2), (7).__rdivmod__(2), (-7).__divmod__(2), (7.5).__divmod__(2), (2).__rdivmod__(7.5))
print((7).__divmod__(2.0), (7.5).__rdivmod__(2), (2.0).__divmod__(0.5))
print((1).__getnewargs__(), True.__getnewargs__(), (1.5).__getnewargs__(), 'ab'.__getnewargs__(),
      b'x'.__getnewargs__(), (1, 2).__getnewargs__(), (2**70).__getnewargs__())
print(float.__getformat__('double'), (1.0).__getformat__('float'))
b = b'abc'
print(b.__bytes__() is b, b.__bytes__())
print(list.__class_getitem__(int), dict.__class_getitem__((str, int)), [].__class_getitem__(str))
print(tuple.__class_getitem__((int, ...)), set.__class_getitem__(bytes), frozenset.__class_getitem__(int))
print(list.__class_getitem__(int) == list[int])
for f in [lambda: (1).__divmod__(0), lambda: (1.0).__divmod__(0.0), lambda: float.__getformat__('x'),
          lambda: float.__getformat__(1), lambda: (1).__getnewargs__(2), lambda: (1).__divmod__()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
