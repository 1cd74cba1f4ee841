"""Abstract base classes: a class whose metaclass is ABCMeta (deriving from ABC, or declared with
metaclass=ABCMeta) cannot be instantiated while a method marked @abstractmethod is not overridden.

ABCMeta computes the class's __abstractmethods__ when the class is made, as CPython's does; the
interpreter refuses an instance of a class whose __abstractmethods__ is not empty, as CPython's
object.__new__ does. ABCMeta.register adds virtual subclasses, which isinstance and issubclass
honour through ABCMeta's __instancecheck__ and __subclasscheck__, with __subclasshook__ first.
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
        # What __subclasscheck__ walks: the classes registered with cls, and cls's own
        # subclasses that are ABCs (a class registered with one of them is cls's too).
        cls._abc_registry = []
        cls._abc_subclasses = []
        # Answers already worked out, as CPython's ABCMeta keeps them: a yes stays true (a
        # registration only adds), a no holds until the next registration anywhere.
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = _token[0]
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass: isinstance and issubclass then count it as one of
        cls's subclasses, though cls is not in its __mro__. Returns the subclass, so it can
        decorate a class."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _bump_token()
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls), virtual subclasses included."""
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls): a real subclass, what cls.__subclasshook__ says, a
        registered class (or a subclass of one), or a subclass of a subclass of cls."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < _token[0]:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = _token[0]
        elif subclass in cls._abc_negative_cache:
            return False
        found = cls._abc_check(subclass)
        if found:
            cls._abc_cache.add(subclass)
        else:
            cls._abc_negative_cache.add(subclass)
        return found

    def _abc_check(cls, subclass):
        if cls in subclass.__mro__:
            return True
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        for child in cls._abc_subclasses:
            if issubclass(subclass, child):
                return True
        return False

    def __subclasshook__(cls, subclass):
        return NotImplemented

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)


_token = [0]  # bumped by every registration (get_cache_token)


def _bump_token():
    _token[0] += 1


class ABC(metaclass=ABCMeta):
    """Derive from ABC to make a class whose @abstractmethod methods must be overridden."""


def get_cache_token():
    """A token that changes each time a virtual subclass is registered."""
    return _token[0]
