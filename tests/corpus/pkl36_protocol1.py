# Protocol 1, the first binary one: no PROTO opcode, bools and big ints as text lines (I01, L...L),
# tuples always MARK ... TUPLE, instances through copyreg._reconstructor, sets and bytes as
# reductions; each loads back equal, cycles included.
import pickle


class Plain:
    def __init__(self):
        self.x = 1


class Outer:
    class Inner:
        pass


me = [1]
me.append(me)
for v in [None, True, False, 7, 300, -5, 2**31, -2**40, 10**30, 1.25, 'text', 'é', b'', b'ab',
          bytearray(b'c'), (), (1,), (1, 2, 3), (1, 2, 3, 4), [1], [1, 2], {'a': 1}, {1, 2},
          frozenset([3]), range(3), Plain(), Plain, Outer.Inner, len, ValueError('v')]:
    b = pickle.dumps(v, 1)
    back = pickle.loads(b)
    print(type(v).__name__ if isinstance(v, Plain) else repr(v)[:30], b)
    if isinstance(v, Plain):
        print('   ', type(back).__name__, back.x)
    elif not isinstance(v, Exception):
        print('   ', back == v)
b = pickle.dumps(me, 1)
back = pickle.loads(b)
print(b, back[1] is back)
