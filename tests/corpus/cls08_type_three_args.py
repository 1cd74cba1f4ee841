# type(name, bases, dict) makes a class.
def hello(self):
    return "hello from " + type(self).__name__

Base = type('Base', (), {'greet': hello, 'x': 1})
Child = type('Child', (Base,), {'x': 2})
c = Child()
print(c.greet(), c.x, Base.x)
print(Child.__name__, Child.__bases__, Child.__mro__)
print(isinstance(c, Base), type(c) is Child)
print(type(c).__qualname__, Child.__module__)
print(type(Child))
try:
    type('X', 1, {})
except TypeError as e:
    print("TypeError:", e)
try:
    type('X', (), [])
except TypeError as e:
    print("TypeError:", e)
try:
    type('a', 'b')
except TypeError as e:
    print("TypeError:", e)
