"""Abstract base classes: a class deriving from ABC (or declared with metaclass=ABCMeta) cannot
be instantiated while a method marked @abstractmethod is not overridden.

The check itself is in forkyard's interpreter (module _abc): see src/python/modules/abc_native.rs.
"""

import _abc

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'get_cache_token']


def abstractmethod(funcobj):
    """Mark a method abstract: subclasses must override it before they can be instantiated."""
    return _abc.mark_abstract(funcobj)


class ABCMeta(type):
    """The metaclass of abstract base classes (`class Shape(metaclass=ABCMeta)`)."""


class ABC(metaclass=ABCMeta):
    """Derive from ABC to make a class whose @abstractmethod methods must be overridden."""


def get_cache_token():
    """A token that changes when an ABC's virtual subclasses change (forkyard has none)."""
    return 0
