# Values of the builtins and the library: exceptions (rebuilt from args, attributes kept), range,
# slice, enum members, dataclasses, namedtuples, OrderedDict, Counter, defaultdict.
import pickle
from collections import namedtuple, OrderedDict, Counter, defaultdict
from dataclasses import dataclass
from enum import Enum, IntEnum


class Color(Enum):
    RED = 1
    BLUE = 'b'


class Level(IntEnum):
    LOW = 1


@dataclass
class Item:
    name: str
    qty: int = 0


P = namedtuple('P', 'x y')


class MyError(Exception):
    pass


e = ValueError('bad', 2)
e.note = 'kept'
values = [e, KeyError('k'), MyError('mine'), range(5), range(1, 10, 3), slice(None, 5),
          slice(1, 2, 3), Color.RED, Color.BLUE, Level.LOW, Item('pen', 3), P(1, 2),
          OrderedDict(a=1), Counter('aab'), defaultdict(list, {'x': [1]})]
for v in values:
    b = pickle.dumps(v)
    back = pickle.loads(b)
    print(repr(v), b)
    print('   ', repr(back), type(back) is type(v))
print(pickle.loads(pickle.dumps(Color.RED)) is Color.RED, pickle.loads(pickle.dumps(e)).note)
print(pickle.dumps(range(3), 2), pickle.dumps(e, 2))
