# __init_subclass__ runs for each subclass, with the class keyword arguments.
registry = []

class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, name))

class A(Plugin, name="alpha"):
    pass

class B(Plugin):
    pass

class C(A, name="gamma"):
    pass

print(registry)
try:
    class D(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(object, x=1):
        pass
except TypeError as e:
    print("TypeError:", e)
