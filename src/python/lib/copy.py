"""Shallow and deep copies: copy(x) makes a new container holding the same items, deepcopy(x)
copies the items too, recursively, once each (a memo keeps shared and cyclic references as they
were)."""


class Error(Exception):
    pass


error = Error

# Values that are their own copy: immutable ones, and functions and classes, which copies share.
_atomic = frozenset([
    'NoneType', 'int', 'float', 'bool', 'complex', 'str', 'bytes', 'type', 'range',
    'function', 'builtin_function_or_method', 'wrapper_descriptor', 'method_descriptor',
    'method', 'ellipsis', 'NotImplementedType',
    'property',
])


def _is_atomic(x):
    cls = type(x)
    return cls.__module__ == 'builtins' and cls.__name__ in _atomic


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _copy_instance(x, False, None)


def _copy_derived(x, deep, memo):
    # An instance of a class derived from a builtin type, made again as pickle's protocol 2
    # makes it: cls.__new__(cls, *args) with __getnewargs__'s arguments (a namedtuple's values),
    # then a list's or dict's items and the instance's attributes.
    cls = type(x)
    if hasattr(x, '__getnewargs__'):
        args = x.__getnewargs__()
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    elif isinstance(x, (tuple, int, float, str, bytes, frozenset)):
        base = [b for b in cls.__mro__ if b in (tuple, int, float, str, bytes, frozenset)][0]
        value = base(x)
        if deep and base is tuple:
            value = tuple(deepcopy(list(value), memo))
        y = cls.__new__(cls, value)
    else:
        y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    if isinstance(x, list):
        y.extend(deepcopy(list(x), memo) if deep else x)
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            dict.__setitem__(y, key, deepcopy(value, memo) if deep else value)
    elif isinstance(x, set):
        y.update(deepcopy(list(x), memo) if deep else x)
    try:
        state = dict(vars(x))
    except TypeError:
        state = {}
    if deep:
        state = deepcopy(state, memo)
    for key, value in state.items():
        setattr(y, key, value)
    return y


def _own_reduction(cls):
    # Whether a class of the program defines __reduce_ex__ or __reduce__, which copy then
    # follows as pickle does.
    for c in cls.__mro__:
        if c.__module__ == 'builtins':
            return False
        if '__reduce_ex__' in c.__dict__ or '__reduce__' in c.__dict__:
            return True
    return False


def _reconstruct(x, deep, memo, func, args, state=None, listiter=None, dictiter=None):
    """The object a reduction describes (CPython's copy._reconstruct): `func(*args)`, then the
    state, a list's items and a dict's items, copied too for a deep copy."""
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                for key, value in state.items():
                    setattr(y, key, value)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _copy_instance(x, deep, memo):
    cls = type(x)
    if _own_reduction(cls):
        rv = x.__reduce_ex__(4)
        if isinstance(rv, str):
            return x
        return _reconstruct(x, deep, memo, *rv)
    if isinstance(x, (tuple, list, dict, set, frozenset, int, float, str, bytes)):
        return _copy_derived(x, deep, memo)
    if isinstance(x, BaseException):
        # BaseException.__reduce__: the class called with the args again, then the attributes
        # (OSError's puts its filenames back into the args).
        return _reconstruct(x, deep, memo, *x.__reduce__())
    try:
        state = dict(vars(x))
    except TypeError:
        raise TypeError(f"cannot pickle '{cls.__name__}' object") from None
    y = _forkyard_blank_instance(cls)
    if memo is not None:
        memo[id(x)] = y
    if deep:
        state = deepcopy(state, memo)
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
    else:
        for key, value in state.items():
            setattr(y, key, value)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    # The containers are copied by functions of their own, as CPython's copier functions: a
    # deep nesting then takes as many frames per level as CPython's and meets the recursion
    # limit where it does (at `id(x)`, 'while calling a Python object').
    if cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _copy_instance(x, True, memo)
    # Keep x alive as long as the memo, so its id is not reused for another object.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple that contains itself (through a list) was copied while its items were.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
