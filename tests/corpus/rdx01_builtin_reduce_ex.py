# __reduce_ex__(protocol) and __reduce__() called on builtin values: copyreg.__newobj__ at protocol 2 and
# up, "cannot pickle" below it, the types with their own __reduce__ (set, frozenset, range, slice),
# the iterators of a list's and a dict's items, and instances with __slots__ or __getstate__.
class P:
    def __init__(self):
        self.a = 1
class S:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
class G:
    def __getstate__(self):
        return {'g': 2}
vals = [5, "ab", b"xy", [1, 2], {'a': 1}, (1, 2), {3}, frozenset({4}), 1.5, True, None, range(1, 5, 2), slice(1, 2, 3)]
for v in vals:
    for p in (0, 1, 2, 4):
        try:
            r = v.__reduce_ex__(p)
        except Exception as e:
            print(type(v).__name__, p, type(e).__name__, e)
            continue
        parts = []
        for x in r:
            if callable(x):
                parts.append(getattr(x, '__module__', '?') + '.' + x.__name__)
            elif type(x).__name__.endswith('iterator'):
                parts.append(type(x).__name__ + str(list(x)))
            else:
                parts.append(repr(x))
        print(type(v).__name__, p, parts)
    try:
        r = v.__reduce__()
        print(type(v).__name__, 'reduce', [x.__name__ if callable(x) else x for x in r])
    except Exception as e:
        print(type(v).__name__, 'reduce', type(e).__name__, e)
for v in (P(), S(), G()):
    for p in (0, 1, 2, 3):
        try:
            r = v.__reduce_ex__(p)
        except Exception as e:
            print(type(v).__name__, p, type(e).__name__, e)
            continue
        print(type(v).__name__, p, [x.__name__ if callable(x) else (x.__name__ if isinstance(x, type) else x) for x in r[:1]], len(r), r[1][0].__name__ if p < 2 else '', r[2] if len(r) > 2 else '')
