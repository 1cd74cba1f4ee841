# Class decorators and functions that build classes.
registry = []

def register(cls):
    registry.append(cls.__name__)
    return cls

def with_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

@register
@with_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

@register
class Empty:
    pass

print(registry)
print(Point(1, "two"), [Point(0, 0)])
print(Point.__repr__.__name__, Point.__repr__.__qualname__)

def make_class(name, **fields):
    def __init__(self):
        for k, v in fields.items():
            setattr(self, k, v)
    return type(name, (), {"__init__": __init__, "fields": tuple(fields)})

Config = make_class("Config", debug=True, level=3)
c = Config()
print(type(c).__name__, c.debug, c.level, Config.fields)
