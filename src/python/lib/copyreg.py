"""The helpers pickle rebuilds objects with (the parts forkyard's pickling uses)."""

__all__ = ['__newobj__', '__newobj_ex__']


def __newobj__(cls, *args):
    """cls.__new__(cls, *args): how an instance of a class derived from a builtin type (or any
    class with a __new__ of its own) is made again in the receiving process."""
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """cls.__new__(cls, *args, **kwargs)."""
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    """What protocols 0 and 1 rebuild an instance with: `object.__new__(cls)`, or the builtin
    base's `__new__` given the base value (an int subclass's int)."""
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        # The bases whose __init__ is not object's fill the new object from the state.
        if base in (list, dict, set, bytearray):
            base.__init__(obj, state)
    return obj


def _builtin_base(cls):
    # CPython walks the MRO to the first class that is not a heap type: for a program's class
    # the builtin type it derives from (object for most).
    for base in cls.__mro__:
        if base.__module__ == 'builtins':
            return base
    return object


def _slotnames(cls):
    """The names `__slots__` declares along the MRO (private ones mangled), as CPython lists them."""
    names = []
    for c in cls.__mro__:
        if '__slots__' not in c.__dict__:
            continue
        slots = c.__dict__['__slots__']
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    return names


def _own_getstate(cls):
    # Whether a class of the program (not object) defines __getstate__.
    for c in cls.__mro__:
        if c.__module__ != 'builtins' and '__getstate__' in c.__dict__:
            return True
    return False


def _default_getstate(obj):
    """`object.__getstate__()`: the instance's `__dict__` (None when empty), paired with a dict of
    the slots that are set when the class has `__slots__`."""
    cls = type(obj)
    state = None
    try:
        d = obj.__dict__
    except AttributeError:
        d = None
    if d:
        # A plain dict of the attributes (forkyard's `__dict__` is a view of the instance).
        state = dict(d)
    slots = {}
    for name in _slotnames(cls):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        state = (state, slots)
    return state


def _getstate(obj):
    if _own_getstate(type(obj)):
        return obj.__getstate__()
    return _default_getstate(obj)


def _reduce_ex(self, proto):
    """`object.__reduce_ex__(proto)` for protocols 0 and 1 (CPython's copyreg._reduce_ex)."""
    cls = self.__class__
    base = _builtin_base(cls)
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    if not _own_getstate(cls) and _slotnames(cls):
        raise TypeError("a class that defines __slots__ without "
                        "defining __getstate__ cannot be pickled")
    dict = _getstate(self)
    if dict:
        return _reconstructor, args, dict
    else:
        return _reconstructor, args


def _reduce_newobj(obj):
    """`object.__reduce_ex__(proto)` for protocols 2 and up: `copyreg.__newobj__(cls, *args)` with
    `__getnewargs__`'s arguments, the state, and a list's items or a dict's items as iterators."""
    cls = type(obj)
    kwargs = None
    if hasattr(obj, '__getnewargs_ex__'):
        args, kwargs = obj.__getnewargs_ex__()
    elif hasattr(obj, '__getnewargs__'):
        args = obj.__getnewargs__()
        if not isinstance(args, tuple):
            raise TypeError(f"__getnewargs__ should return a tuple, not '{type(args).__name__}'")
    else:
        args = ()
    if kwargs:
        newobj, newargs = __newobj_ex__, (cls, args, kwargs)
    else:
        newobj, newargs = __newobj__, (cls,) + tuple(args)
    state = _getstate(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(dict.items(obj)) if isinstance(obj, dict) else None
    return newobj, newargs, state, listitems, dictitems


def _object_reduce_ex(obj, proto):
    """`object.__reduce_ex__(proto)` of a value whose class does not define `__reduce__`."""
    if isinstance(obj, BaseException):
        # BaseException.__reduce__: the class called again with the arguments.
        # `args` and the chaining attributes are not in CPython's `__dict__` of an exception.
        d = {k: v for k, v in obj.__dict__.items()
             if k not in ('args', '__cause__', '__context__', '__suppress_context__',
                          '__traceback__', 'message', 'exceptions')}
        if d:
            return type(obj), obj.args, d
        return type(obj), obj.args
    if proto >= 2:
        return _reduce_newobj(obj)
    return _reduce_ex(obj, proto)
