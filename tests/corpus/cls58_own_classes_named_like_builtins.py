# Classes of the program's own named like builtin ones (`type`, `object`, `NoneType`) are not the
# builtins: a metaclass's `__new__` named `type`, an `object` base that is the program's own class,
# `isinstance` against them.


class object:
    greeting = "hello from my object"


class Child(object):
    pass


c = Child()
print(Child.__mro__[1].__module__, Child.greeting)
print(isinstance(c, object), isinstance(1, object))
print(len(Child.__mro__))


class type:
    def __init__(self, *args):
        self.args = args


t = type("A", (), {})
print(t.args[0], len(t.args))
print(t.__class__.__name__, t.__class__.__module__)


class NoneType:
    pass


print(isinstance(None, NoneType), None.__class__ is NoneType)
print(None.__class__.__name__)
