# Instances pickle through __reduce_ex__(protocol): copyreg.__newobj__ (NEWOBJ) and the __dict__
# as BUILD's state; __getstate__/__setstate__; __reduce__ and __reduce_ex__ of the class's own;
# __getnewargs__ and __getnewargs_ex__ (NEWOBJ_EX from protocol 4); __slots__; subclasses of list,
# dict and int keep their items, value and attributes.
import pickle


class Plain:
    def __init__(self):
        self.x = 1
        self.items = ['a']


class Empty:
    pass


class State:
    def __init__(self, n):
        self.n = n
        self.cache = {'big': n * 2}

    def __getstate__(self):
        return {'n': self.n}

    def __setstate__(self, state):
        self.n = state['n']
        self.cache = 'rebuilt'


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        return (Point, (self.x, self.y))

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Versioned:
    def __reduce_ex__(self, protocol):
        return (Versioned.make, (protocol,))

    @staticmethod
    def make(protocol):
        v = Versioned()
        v.protocol = protocol
        return v


class NewArgs:
    def __new__(cls, a):
        obj = super().__new__(cls)
        obj.a = a
        return obj

    def __getnewargs__(self):
        return (self.a,)


class NewArgsEx:
    def __new__(cls, a, *, b):
        obj = super().__new__(cls)
        obj.a, obj.b = a, b
        return obj

    def __getnewargs_ex__(self):
        return ((self.a,), {'b': self.b})


class Slots:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


ml = MyList([1, 2])
ml.tag = 'm'
md = MyDict(k=1)
mi = MyInt(7)
for v in [Plain(), Empty(), State(5), Point(1, 2), Versioned(), NewArgs(3), NewArgsEx(1, b=2),
          Slots(), ml, md, mi]:
    for proto in ((4,) if isinstance(v, NewArgsEx) else (2, 4)):
        b = pickle.dumps(v, proto)
        back = pickle.loads(b)
        print(proto, type(v).__name__, b)
        print('   ', type(back).__name__, {k: getattr(back, k) for k in ('x', 'n', 'cache', 'a', 'b',
                                                                       'protocol', 'tag')
                                            if hasattr(back, k)})
print(pickle.loads(pickle.dumps(Point(3, 4))), pickle.loads(pickle.dumps(ml)),
      pickle.loads(pickle.dumps(md)), pickle.loads(pickle.dumps(mi)) + 1)
try:
    pickle.dumps(NewArgsEx(1, b=2), 3)
except Exception as e:
    print(type(e).__name__, e)
