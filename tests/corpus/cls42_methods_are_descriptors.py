# Functions on a class are non-data descriptors: an instance attribute shadows them.
class Greeter:
    def hello(self):
        return "class hello"

g = Greeter()
print(g.hello())
g.hello = lambda: "instance hello"
print(g.hello(), Greeter.hello(g))
del g.hello
print(g.hello())
bound = g.hello
print(bound.__self__ is g, bound.__func__ is Greeter.hello, bound())
print(type(bound).__name__, type(Greeter.hello).__name__)
def shout(self):
    return "SHOUT from " + type(self).__name__
Greeter.shout = shout
print(g.shout(), Greeter.shout.__name__)
print(Greeter.__dict__['hello'] is Greeter.hello)
