# copy: shallow and deep copies of containers and instances, memo, cycles, __copy__/__deepcopy__.
import copy
from collections import namedtuple, deque, Counter, defaultdict, OrderedDict

nested = [1, [2, 3], {'k': [4]}]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[1].append(99)
nested[2]['k'].append(98)
print(shallow, deep, shallow[1] is nested[1], deep[1] is nested[1])
t = (1, 2, (3,))
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
tl = ([1],)
print(copy.deepcopy(tl) == tl, copy.deepcopy(tl) is tl, copy.deepcopy(tl)[0] is tl[0])
for v in [5, 2.5, 'text', None, True, b'xy', range(3), frozenset({1})]:
    print(copy.copy(v) is v, copy.deepcopy(v) is v, end=' | ')
print()
s = {1, 2}
print(copy.copy(s), copy.copy(s) is s, copy.deepcopy({'a': {1}}), copy.copy({'a': 1}))

class Box:
    def __init__(self, items):
        self.items = items
        self.label = 'box'
b = Box([1, 2])
b2 = copy.copy(b)
b3 = copy.deepcopy(b)
b.items.append(3)
print(type(b2).__name__, b2.items, b3.items, b2.label, b2 is b, b2.items is b.items, b3.items is b.items)

cycle = [1]
cycle.append(cycle)
cc = copy.deepcopy(cycle)
print(cc[0], cc[1] is cc, cc is not cycle)
d = {'self': None}
d['self'] = d
dc = copy.deepcopy(d)
print(dc['self'] is dc)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
memo = {}
x = [1, 2]
y1 = copy.deepcopy(x, memo)
y2 = copy.deepcopy(x, memo)
print(y1 is y2, id(x) in memo)

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v + 1)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', isinstance(memo, dict))
        return Custom(self.v * 10)
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v, copy.deepcopy([Custom(3)])[0].v)

Pt = namedtuple('Pt', 'x y')
p = Pt([1], 2)
pc = copy.deepcopy(p)
p.x.append(5)
print(copy.copy(p), pc, type(pc).__name__)
dq = deque([[1], 2], maxlen=4)
dqc = copy.deepcopy(dq)
dq[0].append(7)
print(dqc, copy.copy(dq), dqc.maxlen)
c = Counter('aab')
print(copy.copy(c), copy.deepcopy(c) == c)
dd = defaultdict(list, {'a': [1]})
ddc = copy.deepcopy(dd)
dd['a'].append(2)
print(ddc, ddc.default_factory, copy.copy(dd))
print(copy.deepcopy(OrderedDict(a=[1])))
def f():
    pass
print(copy.copy(f) is f, copy.deepcopy(f) is f, copy.deepcopy(Box) is Box, copy.deepcopy(len) is len)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
def gen():
    yield 1
try:
    copy.deepcopy(gen())
except TypeError as e:
    print('TypeError', e)
