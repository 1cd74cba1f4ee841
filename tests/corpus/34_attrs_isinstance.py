# isinstance, hasattr, getattr, setattr, type names, callable.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
class Dog(Animal):
    sound = "woof"
d = Dog("rex")
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, (int, str)), isinstance(d, (int, Animal)))
print(isinstance(3, int), isinstance(3.0, int), isinstance(True, int), isinstance("s", str))
print(isinstance([], (list, tuple)), isinstance({}, dict), isinstance(None, object))
print(hasattr(d, "name"), hasattr(d, "age"), hasattr(d, "sound"), hasattr("s", "upper"))
print(getattr(d, "name"), getattr(d, "age", 0), getattr(d, "sound"))
setattr(d, "age", 4)
print(d.age, getattr(d, "age"))
d.name = "max"
print(d.name, Dog.sound, Animal.sound, d.sound)
try:
    getattr(d, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(type(d).__name__, type(d) is Dog, type(d) == Animal, Dog.__name__)
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(bool, int))
print(callable(len), callable(d), callable(Dog), callable(lambda: 0), callable(3))
method = getattr("hello", "upper")
print(method())
