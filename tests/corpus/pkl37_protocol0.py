# Protocol 0, the text protocol: INT/LONG/FLOAT lines, str as raw-unicode-escape after pickle's
# own escapes, PUT/GET lines for the memo, MARK LIST / MARK DICT with one APPEND or SETITEM per
# item, a tuple holding itself through a list popped item by item; each loads back equal.
import pickle


class Plain:
    def __init__(self):
        self.x = [1.5, 'y']


me = [1]
me.append(me)
lst = []
t = (lst, 2)
lst.append(t)
d = {'k': 'v'}
for v in [None, True, False, 0, -7, 2**31, -2**40, 0.1, -2.5e300, float('inf'), 'plain',
          'a\\b\nc\x00d\re\x1a', 'é€😀', b'', b'\x00ab', bytearray(b'c'), (), (1,), (1, 2, 3, 4),
          [], [1, 'two'], {}, {'a': [1]}, {1, 2}, frozenset([3]), range(2), slice(1, 2),
          [d, d], Plain(), Plain, len, KeyError('k')]:
    b = pickle.dumps(v, 0)
    back = pickle.loads(b)
    print(type(v).__name__ if isinstance(v, Plain) else repr(v)[:30], b)
    if isinstance(v, Plain):
        print('   ', type(back).__name__, back.x)
    elif not isinstance(v, Exception):
        print('   ', back == v)
b = pickle.dumps(me, 0)
back = pickle.loads(b)
print(b, back[1] is back)
b = pickle.dumps(t, 0)
back = pickle.loads(b)
print(b, back[0][0] is back)
back = pickle.loads(pickle.dumps([d, d], 0))
print(back[0] is back[1])
