# Survey of abc: each line is a name and its result for sample inputs.
import abc
from abc import ABC, ABCMeta, abstractmethod


class S(ABC):
    @abstractmethod
    def f(self):
        ...

    @abstractmethod
    def g(self):
        ...


class T(S):
    def f(self):
        return 1


class U(T):
    def g(self):
        return 2


class M(metaclass=ABCMeta):
    @property
    @abstractmethod
    def p(self):
        ...


for cls in (S, T, U, M):
    try:
        print("instantiate", cls.__name__, type(cls()).__name__)
    except TypeError as e:
        print("instantiate", cls.__name__, e)
print("type", type(S), type(M), "mro", S.__mro__)
print("isinstance", isinstance(U(), S), issubclass(U, ABC))
for name in ["ABC", "ABCMeta", "abstractmethod", "get_cache_token"]:
    print("has", name, hasattr(abc, name))
