# Programs derive their own classes from Counter, defaultdict and OrderedDict.
from collections import Counter, OrderedDict, defaultdict


class LoudCounter(Counter):
    def __setitem__(self, key, value):
        print('set', key, value)
        super().__setitem__(key, value)


lc = LoudCounter('aba')
print(lc, isinstance(lc, Counter), isinstance(lc, dict))


class LastUpdated(OrderedDict):
    """Keys in the order they were last set."""

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


lu = LastUpdated()
for key in 'abca':
    lu[key] = len(lu)
print(lu, type(lu.copy()).__name__)


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)

    def __repr__(self):
        return repr(dict(self))


t = Tree()
t['a']['b']['c'] = 1
print(t, isinstance(t['a'], Tree))


class Scores(Counter):
    def top(self):
        return self.most_common(1)[0][0]


s = Scores(red=3, blue=5)
s.update(red=4)
print(s, s.top(), s + Scores(green=1), type(s + s).__name__)
