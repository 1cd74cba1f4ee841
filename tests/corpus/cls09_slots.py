# __slots__: no __dict__, only the named attributes.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 2
print(p.x, p.y)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, '__dict__'))
del p.y
print(hasattr(p, 'y'))

class Q(P):
    pass

q = Q(5)
q.z = 6
print(q.x, q.z, 'z' in q.__dict__)

class S:
    __slots__ = 'only'

s = S()
s.only = 1
print(s.only)
try:
    s.other = 2
except AttributeError as e:
    print("AttributeError:", e)
