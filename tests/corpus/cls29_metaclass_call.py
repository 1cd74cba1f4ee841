# A metaclass's __call__ controls instance creation (a singleton).
class Singleton(type):
    def __call__(cls, *args, **kw):
        if not hasattr(cls, "_inst"):
            print("creating", cls.__name__, args, kw)
            cls._inst = super().__call__(*args, **kw)
        return cls._inst

class Config(metaclass=Singleton):
    def __init__(self, name, debug=False):
        self.name, self.debug = name, debug

a = Config("app", debug=True)
b = Config("other")
print(a is b, a.name, a.debug)

class Meta(type):
    def describe(cls):
        return "class " + cls.__name__
    @property
    def upper(cls):
        return cls.__name__.upper()

class Thing(metaclass=Meta):
    pass

print(Thing.describe(), Thing.upper)
print(hasattr(Thing(), "describe"))
