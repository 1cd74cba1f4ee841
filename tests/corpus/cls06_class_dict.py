# A class's __dict__ is a read-only mappingproxy.
class A:
    x = 1
    def m(self):
        pass

d = A.__dict__
print(type(d).__name__)
print('x' in d, d['x'], 'm' in d, '__module__' in d)
print(sorted(k for k in d if not k.startswith('__')))
try:
    d['y'] = 2
except TypeError as e:
    print("TypeError:", e)
print(A.__dict__['x'])
A.y = 5
print(A.__dict__['y'])
print(d.get('nope', 'default'))
