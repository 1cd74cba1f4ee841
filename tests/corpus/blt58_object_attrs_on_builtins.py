"""What builtin values inherit from object: __doc__, __hash__ (None for list, dict and set),
__getattribute__, __setattr__/__delattr__ refusing, __format__ with and without a spec, __str__,
__dir__, __getstate__, __init_subclass__, __subclasshook__; the same names looked up on the types."""
print([].__doc__)
print(int.__doc__.splitlines()[0], "|", (1.5).__doc__)
print({}.__hash__ is None, [].__hash__ is None, set().__hash__ is None, dict.__hash__ is None)
print((1).__hash__() == hash(1), 'ab'.__hash__() == hash('ab'), (1, 2).__hash__() == hash((1, 2)))
print('a'.__getattribute__('upper')(), [1, 2].__getattribute__('count')(1))
print([].__format__(''), {1: 2}.__format__(''), (1,).__format__(''), b'x'.__format__(''))
print([1].__str__(), (1, 'a').__str__(), {1}.__str__(), 'q'.__str__(), (2.5).__str__())
print(sorted([].__dir__()) == dir([]), 'append' in list.__dir__([]))
print([].__getstate__(), (1).__getstate__(), 'a'.__getstate__())
print([].__init_subclass__(), dict.__subclasshook__(), [].__subclasshook__())
print(list.__format__([3], ''), list.__doc__ == [].__doc__)
for f in [lambda: [].__setattr__('x', 1), lambda: (1).__delattr__('real'),
          lambda: [].__format__('>5'), lambda: (1,).__format__('x'),
          lambda: [].__getattribute__('nope'), lambda: [].__getattribute__(5),
          lambda: [].__setattr__('append', 1), lambda: [].__delattr__('x'), lambda: (1.0).__delattr__('imag'),
          lambda: [].__str__(1), lambda: [].__format__(), lambda: [].__dir__(1), lambda: [].__getstate__(1),
          lambda: [].__init_subclass__(1), lambda: (1).__hash__(2)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(hasattr([], '__doc__'), hasattr({}, '__hash__'), getattr((), '__getstate__')())
