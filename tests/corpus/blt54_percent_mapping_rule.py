# `%` takes its right side as a mapping by CPython's rule: anything subscriptable that is not a
# tuple or a str. An instance's __dict__ is a real dict to `%` and to `|`.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(3, 4)
print('%(x)s,%(y)s' % p.__dict__)
print(b'%(x)d' % {b'x': 5})
print({'z': 0} | p.__dict__)
print(p.__dict__ | {'z': 0})
print(repr('plain' % [1]), repr('%s' % [1, 2]), repr('plain' % b'x'), repr(b'plain' % [1]))
try:
    print('%(a)s' % [1])
except TypeError as e:
    print('TypeError:', e)
try:
    print('plain' % 5)
except TypeError as e:
    print('TypeError:', e)


class Doubler:
    def __getitem__(self, key):
        return key * 2


print('%(ab)s' % Doubler(), repr('plain' % Doubler()))


class D(dict):
    pass


print('%(k)s' % D(k='v'))
try:
    print('%(k)s' % (1,))
except TypeError as e:
    print('TypeError:', e)
