"""The helpers pickle rebuilds objects with (the parts forkyard's pickling uses)."""

__all__ = ['__newobj__', '__newobj_ex__']


def __newobj__(cls, *args):
    """cls.__new__(cls, *args): how an instance of a class derived from a builtin type (or any
    class with a __new__ of its own) is made again in the receiving process."""
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """cls.__new__(cls, *args, **kwargs)."""
    return cls.__new__(cls, *args, **kwargs)
