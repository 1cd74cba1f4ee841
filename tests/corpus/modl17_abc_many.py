from abc import ABC, ABCMeta, abstractmethod


class Store(metaclass=ABCMeta):
    @abstractmethod
    def get(self, key):
        pass

    @abstractmethod
    def put(self, key, value):
        pass

    @property
    @abstractmethod
    def size(self):
        pass

    @classmethod
    def make(cls):
        return cls()


try:
    Store()
except TypeError as e:
    print("TypeError:", e)


class Partial(Store):
    def get(self, key):
        return None


try:
    Partial.make()
except TypeError as e:
    print("TypeError:", e)


class Memory(Partial):
    def __init__(self):
        self.d = {}

    def put(self, key, value):
        self.d[key] = value

    def get(self, key):
        return self.d.get(key)

    @property
    def size(self):
        return len(self.d)


m = Memory.make()
m.put("a", 1)
print(m.get("a"), m.size, isinstance(m, Store))


class Base(ABC):
    @abstractmethod
    def run(self):
        return "base default"


class Impl(Base):
    def run(self):
        return "impl and " + super().run()


print(Impl().run())
