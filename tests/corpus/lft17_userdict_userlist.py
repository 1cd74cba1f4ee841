# collections.UserDict and UserList, subclassed as the docs show.
from collections import UserDict, UserList
class MyDict(UserDict):
    def __setitem__(self, k, v): super().__setitem__(k.lower(), v)
m = MyDict({'X': 1}, Y=2); m['ABC'] = 1; print(m, m.data, 'abc' in m, m.get('x'), m.get('q', 0), len(m), list(m.keys()), list(m.items()), m.keys())
print(m.pop('x'), m.setdefault('z', 5), m == {'y': 2, 'abc': 1, 'z': 5}, m.copy(), type(m.copy()).__name__, m | {'k': 1})
class Missing(UserDict):
    def __missing__(self, key): return key * 2
print(Missing()['ab'], Missing().get('ab'))
m.clear(); print(m, MyDict.fromkeys('AB', 0))
class Stack(UserList):
    def push(self, x): self.append(x)
s = Stack([1]); s.push(2); print(s, len(s), s[-1], type(s + [3]).__name__, s[0:1], type(s[0:1]).__name__, s == [1, 2], s * 2, [0] + s, 2 in s)
s.extend([5, 4]); s.sort(); print(s, s.pop(), s.index(2), s.count(1), sorted(Stack([3, 1])), list(reversed(s)))
del s[0]; s.insert(0, 9); s.reverse(); print(s, s.copy(), s < [10])
try: UserDict().popitem()
except KeyError as e: print('KeyError', e)
