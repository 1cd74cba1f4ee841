# collections.abc: isinstance/issubclass on builtins and on classes that define the methods, the mixin methods, typing's bare names in isinstance.
from collections.abc import (Iterable, Iterator, Generator, Sized, Container, Collection, Callable,
                             Hashable, Sequence, MutableSequence, Mapping, MutableMapping, Set,
                             MutableSet, Reversible, KeysView, ItemsView, ValuesView, MappingView)
import collections.abc
def gen():
    yield 1
for v in [[1], (1,), 'ab', b'x', {1: 2}, {1}, frozenset(), range(3), iter([]), gen(), len, 5, None,
          {}.keys(), {}.items(), {}.values(), bytearray()]:
    print(type(v).__name__ if 'iter' not in type(v).__name__ else 'an iterator', [c.__name__ for c in (Iterable, Iterator, Generator, Sized, Container,
                                                   Collection, Callable, Hashable, Sequence,
                                                   MutableSequence, Mapping, MutableMapping, Set,
                                                   MutableSet, Reversible)
                              if isinstance(v, c)])
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(isinstance(Countdown(3), Iterator), issubclass(Countdown, Iterable), list(Countdown(3)))
class Bag(Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __len__(self): return len(self._d)
    def __iter__(self): return iter(self._d)
b = Bag(a=1, b=2)
print(b['a'], b.get('z', 0), 'a' in b, list(b.keys()), list(b.items()), list(b.values()), b == {'a': 1, 'b': 2}, len(b))
print(isinstance(b, Mapping), isinstance(b, MutableMapping), type(b.keys()).__name__, type(b.items()).__name__)
class MyList(MutableSequence):
    def __init__(self): self._l = []
    def __getitem__(self, i): return self._l[i]
    def __setitem__(self, i, v): self._l[i] = v
    def __delitem__(self, i): del self._l[i]
    def __len__(self): return len(self._l)
    def insert(self, i, v): self._l.insert(i, v)
m = MyList(); m.append(1); m.extend([3, 2]); m.reverse(); m += [9]
print(list(m), m.index(3), m.count(1), 3 in m, list(reversed(m)), m.pop(), len(m))
m.remove(3); print(list(m))
class OnlyLen(Set):
    def __init__(self, items): self._s = set(items)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(self._s)
    def __len__(self): return len(self._s)
s1, s2 = OnlyLen([1, 2, 3]), OnlyLen([2, 3, 4])
print(sorted(s1 & s2), sorted(s1 | s2), sorted(s1 - s2), s1 <= OnlyLen([1, 2, 3, 4]), s1.isdisjoint([9]), s1 == {1, 2, 3})
try:
    class Half(Sequence):
        def __len__(self): return 0
    Half()
except TypeError as e:
    print(e)
print(Iterable[int], Callable[[int], str] if False else '', Mapping[str, int])
def f(x: Iterable[int]) -> Sequence[str]:
    return [str(v) for v in x]
print(f(range(2)), f.__annotations__)
print(collections.abc.Sized, isinstance([], collections.abc.Sized))
class Eq:
    def __eq__(self, o): return True
print(isinstance(Eq(), Hashable), isinstance(object(), Hashable), isinstance([], Hashable))
class Greeter:
    def __call__(self): return 'hi'
print(isinstance(Greeter(), Callable), isinstance(int, Callable), isinstance(lambda: 0, Callable), isinstance(print, Callable), isinstance([].append, Callable), isinstance(Greeter().__call__, Callable))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(Bag, Sized), issubclass(int, Iterable))
from typing import Iterable as TIterable, Sequence as TSequence
print(isinstance([1], TIterable), isinstance(3, TIterable), isinstance('x', TSequence))
from typing import List, Dict, Mapping as TMapping, Deque, DefaultDict, Hashable as THashable
from collections import deque, defaultdict
print(isinstance([], List), isinstance({}, Dict), isinstance({}, TMapping), isinstance(deque(), Deque), isinstance(defaultdict(int), DefaultDict), issubclass(list, TIterable), isinstance(1, THashable))
try:
    isinstance([], List[int])
except TypeError as e:
    print(e)
try:
    isinstance(1, 5)
except TypeError as e:
    print(e)
from typing import Union, Optional
print(isinstance(3, Union[int, str]), isinstance(None, Optional[int]), isinstance(2.5, Union[int, str]), issubclass(bool, Union[int, str]))
