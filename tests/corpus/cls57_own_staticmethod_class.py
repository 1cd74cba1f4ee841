# A program's own `staticmethod` and `classmethod` classes are ordinary classes: looked up on a class
# or an instance, an instance of them is given back as it is (no unwrapping, no binding), called it
# runs its class's `__call__`, and without one it is not callable.


class staticmethod:
    def __init__(self, f):
        self.f = f

    def __call__(self, *args):
        return ("own staticmethod", self.f.__name__, args)


class classmethod:
    def __init__(self, f):
        self.__func__ = f


class Tool:
    @staticmethod
    def make(x):
        return x * 2

    @classmethod
    def build(*args):
        return len(args)


t = Tool()
print(Tool.make(1))
print(t.make(2))
print(type(Tool.make).__name__, type(t.make).__name__)
print(callable(Tool.make), callable(Tool.build))
print(type(Tool.build).__name__, type(t.build).__name__)
print(Tool.build.__func__(1, 2, 3))
try:
    Tool.build()
except TypeError as e:
    print("TypeError:", e)
try:
    t.build(1)
except TypeError as e:
    print("TypeError:", e)
