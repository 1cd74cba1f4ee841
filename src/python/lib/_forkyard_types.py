"""What `list[int]` and `int | None` make: the values of annotations written with the builtin
types (PEP 585 and PEP 604), as CPython's types.GenericAlias and types.UnionType show them.
forkyard's interpreter calls `alias` for a subscripted builtin class and `union` for `|` between
classes."""


def _repr_item(obj):
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    return repr(obj)


class GenericAlias:
    """list[int]: a builtin container type with its item types."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if self.__args__ == ():
            return f'{_repr_item(self.__origin__)}[()]'
        inner = ', '.join([_repr_item(a) for a in self.__args__])
        return f'{_repr_item(self.__origin__)}[{inner}]'

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__args__)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return GenericAlias(self.__origin__, params)

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)


class UnionType:
    """int | None: one of several types."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join([_repr_item(a) for a in self.__args__])

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)


def alias(origin, args):
    """origin[args] for a builtin class."""
    return GenericAlias(origin, args)


def union(left, right):
    """left | right between types (None stands for NoneType)."""
    items = []
    for side in (left, right):
        parts = side.__args__ if isinstance(side, UnionType) else (side,)
        for p in parts:
            if p is None:
                p = type(None)
            if p not in items:
                items.append(p)
    if len(items) == 1:
        return items[0]
    return UnionType(tuple(items))
