"""Abstract base classes: a class whose metaclass is ABCMeta (deriving from ABC, or declared with
metaclass=ABCMeta) cannot be instantiated while a method marked @abstractmethod is not overridden.

ABCMeta computes the class's __abstractmethods__ when the class is made, as CPython's does; the
interpreter refuses an instance of a class whose __abstractmethods__ is not empty, as CPython's
object.__new__ does.
"""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod',
           'abstractproperty', 'get_cache_token', 'update_abstractmethods']


def abstractmethod(funcobj):
    """Mark a method abstract: subclasses must override it before they can be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    # A property, classmethod or staticmethod is abstract when the function it holds is.
    for inner in ('fget', 'fset', 'fdel', '__func__'):
        f = getattr(value, inner, None)
        if f is not None and getattr(f, '__isabstractmethod__', False):
            return True
    return False


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ (after methods were added to cls)."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABCMeta(type):
    """The metaclass of abstract base classes (`class Shape(metaclass=ABCMeta)`)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set()
        for attr, value in namespace.items():
            if _is_abstract(value):
                abstracts.add(attr)
        for base in bases:
            for attr in getattr(base, '__abstractmethods__', ()):
                value = getattr(cls, attr, None)
                if _is_abstract(value):
                    abstracts.add(attr)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

    def register(cls, subclass):
        """Virtual subclasses are not supported by forkyard: say so."""
        raise NotImplementedError(
            'ABCMeta.register (virtual subclasses) is not supported by forkyard')


class ABC(metaclass=ABCMeta):
    """Derive from ABC to make a class whose @abstractmethod methods must be overridden."""


def get_cache_token():
    """A token that changes when an ABC's virtual subclasses change (forkyard has none)."""
    return 0
