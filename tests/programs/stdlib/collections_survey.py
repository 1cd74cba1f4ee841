# collections: namedtuple, deque, Counter, defaultdict, OrderedDict, ChainMap.
from collections import namedtuple, deque, Counter, defaultdict, OrderedDict, ChainMap

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], p[-1], len(p), list(p), p == (11, 22), p == Point(11, 22), p != Point(1, 2))
x, y = p
print(x, y, p._asdict(), p._replace(x=1), Point._make([5, 6]), Point._fields, p.count(11), p.index(22))
print(repr(Point), Point.__name__, Point.__doc__, hash(p) == hash((11, 22)), 22 in p, p[:1], p + (1,), p * 2)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(1, 2), Point(1, 3)), tuple(p), {p: 'a'}[Point(11, 22)])
Person = namedtuple('Person', 'name age city', defaults=['Oslo'])
print(Person('Ann', 30), Person('Bo', 4, 'Rome'), Person._field_defaults, Person(name='C', age=1))
print(namedtuple('R', 'a, b c')._fields, namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)._fields)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
            lambda: namedtuple('P', 'x x'), lambda: namedtuple('P', '_x'), lambda: namedtuple('P', 'class'),
            lambda: namedtuple('1P', 'x'), lambda: namedtuple('P', 'x', defaults=(1, 2)),
            lambda: p._replace(z=1), lambda: Point._make([1]), lambda: setattr(p, 'x', 3), lambda: p[2]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d)
d.extend([4, 5])
d.extendleft('ab')
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.index(2), d.count(2))
d.remove('a')
d.reverse()
print(d, list(reversed(d)), d.copy(), d == deque(d), bool(deque()))
d.insert(1, 'z')
d[0] = 'first'
del d[1]
print(d)
d.clear()
print(d, len(d))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), end=' ')
print()
print(window, window.maxlen, deque([1, 2, 3, 4], 2), deque('abc', maxlen=0))
window.appendleft(-1)
print(window, deque([1]) + deque([2]), deque([1, 2]) * 2, deque([1]) < deque([2]))
q = deque()
for i in range(100):
    q.append(i)
print(sum(q.popleft() for _ in range(60)), len(q), q[0], q[-1])
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[3], lambda: deque([1]).remove(2),
            lambda: deque([1]).index(5), lambda: deque([1], maxlen=-1), lambda: deque([1], maxlen=1).insert(0, 2),
            lambda: deque('ab')['x']]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), c.most_common(), c.total(), sorted(c.elements()))
c2 = Counter(a=1, b=5, q=2)
print(c + c2, c - c2, c & c2, c | c2, c2 - c)
c.update('aaz')
c.update({'b': 10})
c.subtract({'r': 5})
print(c, +c, -c)
print(Counter(['x', 'y', 'x']), Counter({'p': 3}), Counter(), len(c), list(Counter('bca')), dict(Counter('aab')))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3), Counter(a=2) == Counter(a=2, b=0), Counter(a=1) <= Counter(a=2))
c3 = Counter(a=3, b=1)
c3 += Counter(b=2, c=1)
c3 -= Counter(a=5)
print(c3)
del c3['zz']
c3['n'] += 1
print(c3, 'n' in c3, c3.get('q'), c3.get('n'))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)

dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dd['a'], dd.default_factory, 'zz' in dd, len(dd))
counts = defaultdict(int)
for ch in 'hello':
    counts[ch] += 1
print(counts, dict(counts), sorted(counts.items()), defaultdict(None, {1: 2}), defaultdict())
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], dict(nested['x']), defaultdict(set, a={1}))
try:
    defaultdict()['missing']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
od.move_to_end('b')
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict.fromkeys('xyz', 0)
od2.move_to_end('z', last=False)
print(od2, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1}, OrderedDict())
for bad in [lambda: OrderedDict().popitem(), lambda: OrderedDict(a=1).move_to_end('q')]:
    try:
        bad()
    except KeyError as e:
        print('KeyError', e)

defaults = {'color': 'red', 'user': 'guest'}
args = {'user': 'ann'}
cm = ChainMap(args, defaults)
print(cm['user'], cm['color'], len(cm), sorted(cm), cm, 'color' in cm, cm.get('nope', 0))
child = cm.new_child()
child['color'] = 'blue'
print(child, child['color'], cm['color'], child.parents, child.maps[0], dict(child) == {'color': 'blue', 'user': 'ann'})
cm['new'] = 1
print(args, list(cm.keys()), cm.pop('new'))
for bad in [lambda: ChainMap({}, {'a': 1}).pop('a'), lambda: ChainMap().popitem(), lambda: ChainMap()['x']]:
    try:
        bad()
    except KeyError as e:
        print('KeyError', e)

# Counter, defaultdict and OrderedDict are dict subclasses.
import json
for obj in [Counter('abca'), defaultdict(list, a=[1]), OrderedDict(b=1, a=2)]:
    print(type(obj).__name__, isinstance(obj, dict), json.dumps(obj), dict(obj), {**obj}, obj | {'z': 0})
print(Counter(a=1) == {'a': 1}, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), defaultdict(int).default_factory)
