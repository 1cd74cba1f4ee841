from abc import ABC, ABCMeta, abstractmethod


class Animal(metaclass=ABCMeta):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def sound(self):
        return "..."

    def speak(self):
        return f"{self.name}: {self.sound()}"


class Dog(Animal):
    def sound(self):
        return "woof (" + super().sound() + ")"


class Cat(Animal):
    pass


print(Dog("rex").speak(), type(Animal).__name__, isinstance(Dog("a"), Animal))
try:
    Cat("tom")
except TypeError as e:
    print("TypeError:", e)
try:
    Animal("x")
except TypeError as e:
    print("TypeError:", e)


class Repo(ABC):
    @abstractmethod
    def load(self, key):
        ...

    @abstractmethod
    def save(self, key, value):
        ...

    @abstractmethod
    def delete(self, key):
        ...


try:
    Repo()
except TypeError as e:
    print("TypeError:", e)


class DictRepo(Repo):
    def __init__(self):
        self.d = {}

    def load(self, key):
        return self.d[key]

    def save(self, key, value):
        self.d[key] = value

    def delete(self, key):
        del self.d[key]


r = DictRepo()
r.save("k", 1)
print(r.load("k"), issubclass(DictRepo, Repo), DictRepo.__mro__[1].__name__)
