"""Names for type hints (List[int], Optional[str], Callable[[int], str], TypeVar, Generic,
Protocol...), NamedTuple and TypedDict classes, and the helpers cast, overload, final.

Hints are not checked at run time, in CPython as here: these objects exist so that annotated
programs run and print their hints as CPython does. NamedTuple classes behave like tuples
(indexing, unpacking, comparison, hashing) but are not instances of tuple (forkyard cannot
subclass tuple yet).
"""

__all__ = ['Any', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal', 'Optional',
           'Protocol', 'Tuple', 'Type', 'TypeVar', 'Union', 'AbstractSet', 'ByteString',
           'Container', 'Collection', 'Hashable', 'ItemsView', 'Iterable', 'Iterator',
           'KeysView', 'Mapping', 'MappingView', 'MutableMapping', 'MutableSequence',
           'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Reversible', 'Generator',
           'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
           'FrozenSet', 'NamedTuple', 'TypedDict', 'AnyStr', 'cast', 'final', 'get_args',
           'get_origin', 'get_type_hints', 'NewType', 'no_type_check', 'overload',
           'runtime_checkable', 'Text', 'TYPE_CHECKING', 'NoReturn', 'Never', 'Self',
           'Annotated', 'Awaitable', 'Coroutine', 'AsyncIterator', 'AsyncIterable',
           'SupportsInt', 'SupportsFloat', 'SupportsIndex', 'SupportsAbs', 'SupportsRound']

TYPE_CHECKING = False


def _type_repr(obj):
    """How a hint shows inside another: `int`, `__main__.Foo`, `...`, `~T`."""
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None:
        return 'None'
    return repr(obj)


def _type_check(arg):
    """None in a hint means NoneType and a string a ForwardRef, as in CPython."""
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class _Final:
    """Hints are values, not classes to derive from."""


class ForwardRef(_Final):
    """A hint written as a string ('Node'), for a name defined later."""

    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, Final, Literal... : a name with its own subscription."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _GenericAlias(_Final):
    """A subscripted hint (List[int], Union[int, str]): its origin and its arguments."""

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self.__origin__ is Union:
            return any(issubclass(cls, arg) for arg in self.__args__)
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __init__(self, origin, args, name=None, special=None):
        self.__origin__ = origin
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = args
        self._name = name
        self._special = special

    def __repr__(self):
        if self._special == 'union':
            args = self.__args__
            if len(args) == 2 and args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
            return 'typing.Union[' + ', '.join([_type_repr(a) for a in args]) + ']'
        if self._special == 'callable':
            params, result = self.__args__[:-1], self.__args__[-1]
            if len(params) == 1 and params[0] is ...:
                return f'typing.Callable[..., {_type_repr(result)}]'
            return ('typing.Callable[[' + ', '.join([_type_repr(a) for a in params])
                    + f'], {_type_repr(result)}]')
        if self._special == 'literal':
            return 'typing.' + self._name + '[' + ', '.join([repr(a) for a in self.__args__]) + ']'
        if self.__args__ == ():
            return f'typing.{self._name}[()]'
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        return name + '[' + ', '.join([_type_repr(a) for a in self.__args__]) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self._special == 'union' and other._special == 'union':
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        # Substituting a TypeVar (Dict[str, T][int]) keeps the hint's shape.
        if not isinstance(params, tuple):
            params = (params,)
        params = list(params)
        args = []
        for a in self.__args__:
            if isinstance(a, TypeVar) and params:
                args.append(params.pop(0))
            else:
                args.append(a)
        return _GenericAlias(self.__origin__, tuple(args), self._name, self._special)

    def __call__(self, *args, **kwargs):
        if self._special is not None or not isinstance(self.__origin__, type):
            raise TypeError(f'Type {self._name} cannot be instantiated')
        return self.__origin__(*args, **kwargs)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialGenericAlias(_Final):
    """List, Dict, Tuple, Iterable...: a bare name for a container type, subscriptable."""

    def __init__(self, origin, name, nparams=-1):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Tuple' and params == ((),):
            return _GenericAlias(self.__origin__, (), self._name)
        params = tuple([_type_check(p) for p in params])
        if self._nparams >= 0 and len(params) != self._nparams and self._name != 'Tuple':
            many = 'many' if len(params) > self._nparams else 'few'
            raise TypeError(f'Too {many} arguments for typing.{self._name}; actual '
                            f'{len(params)}, expected {self._nparams}')
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if not isinstance(self.__origin__, type) or self._name in ('Tuple', 'Callable'):
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)

    def __or__(self, other):
        return Union[self, other]

    def _check_class(self):
        """The class isinstance(x, List) / isinstance(x, Iterable) checks against: the origin,
        or the collections.abc (or collections) class the bare name stands for."""
        if isinstance(self.__origin__, type):
            return self.__origin__
        import collections.abc
        import collections
        name = {'AbstractSet': 'Set'}.get(self._name, self._name)
        found = getattr(collections.abc, name, None)
        if found is None:
            plain = {'Deque': 'deque', 'DefaultDict': 'defaultdict'}.get(name, name)
            found = getattr(collections, plain, None)
        if not isinstance(found, type):
            raise TypeError(f'typing.{self._name} cannot be used with isinstance()')
        return found

    def __instancecheck__(self, obj):
        return isinstance(obj, self._check_class())

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._check_class())


def _union(form, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _type_check(p)
        if isinstance(p, _GenericAlias) and p._special == 'union':
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat), 'Union', 'union')


def _optional(form, parameter):
    if isinstance(parameter, tuple):
        raise TypeError(f'typing.Optional requires a single type. Got {parameter!r}.')
    return Union[parameter, None]


def _one_arg(form, parameter):
    if isinstance(parameter, tuple):
        raise TypeError(f'typing.{form._name} accepts only single type. Got {parameter!r}.')
    return _GenericAlias(form, (_type_check(parameter),), form._name)


def _literal(form, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(form, parameters, 'Literal', 'literal')


def _annotated(form, parameters):
    if not isinstance(parameters, tuple) or len(parameters) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    return parameters[0]


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _one_arg)
Final = _SpecialForm('Final', _one_arg)
Literal = _SpecialForm('Literal', _literal)
Annotated = _SpecialForm('Annotated', _annotated)

# dataclasses leaves ClassVar-annotated names out of the fields.
ClassVar._forkyard_classvar = True


def _classvar_alias_init(form, parameter):
    alias = _one_arg(form, parameter)
    alias._forkyard_classvar = True
    return alias


ClassVar._getitem = _classvar_alias_init


class _CallableForm(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if args is ...:
            return _GenericAlias(self.__origin__, (..., result), 'Callable', 'callable')
        if not isinstance(args, list):
            raise TypeError(f'Callable[args, result]: args must be a list. Got {args!r}')
        return _GenericAlias(self.__origin__, tuple(args) + (result,), 'Callable',
                             'callable')


def _abstract(name):
    """A stand-in origin for an abstract container (collections.abc is not in forkyard)."""
    return _SpecialForm(name)


List = _SpecialGenericAlias(list, 'List', 1)
Dict = _SpecialGenericAlias(dict, 'Dict', 2)
Set = _SpecialGenericAlias(set, 'Set', 1)
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet', 1)
Tuple = _SpecialGenericAlias(tuple, 'Tuple')
Type = _SpecialGenericAlias(type, 'Type', 1)
Callable = _CallableForm(_abstract('Callable'), 'Callable')
Iterable = _SpecialGenericAlias(_abstract('Iterable'), 'Iterable', 1)
Iterator = _SpecialGenericAlias(_abstract('Iterator'), 'Iterator', 1)
Reversible = _SpecialGenericAlias(_abstract('Reversible'), 'Reversible', 1)
Generator = _SpecialGenericAlias(_abstract('Generator'), 'Generator', 3)
Sequence = _SpecialGenericAlias(_abstract('Sequence'), 'Sequence', 1)
MutableSequence = _SpecialGenericAlias(_abstract('MutableSequence'), 'MutableSequence', 1)
Mapping = _SpecialGenericAlias(_abstract('Mapping'), 'Mapping', 2)
MutableMapping = _SpecialGenericAlias(_abstract('MutableMapping'), 'MutableMapping', 2)
AbstractSet = _SpecialGenericAlias(_abstract('AbstractSet'), 'AbstractSet', 1)
MutableSet = _SpecialGenericAlias(_abstract('MutableSet'), 'MutableSet', 1)
Collection = _SpecialGenericAlias(_abstract('Collection'), 'Collection', 1)
Container = _SpecialGenericAlias(_abstract('Container'), 'Container', 1)
Hashable = _SpecialGenericAlias(_abstract('Hashable'), 'Hashable', 0)
Sized = _SpecialGenericAlias(_abstract('Sized'), 'Sized', 0)
ItemsView = _SpecialGenericAlias(_abstract('ItemsView'), 'ItemsView', 2)
KeysView = _SpecialGenericAlias(_abstract('KeysView'), 'KeysView', 1)
ValuesView = _SpecialGenericAlias(_abstract('ValuesView'), 'ValuesView', 1)
MappingView = _SpecialGenericAlias(_abstract('MappingView'), 'MappingView', 1)
ByteString = _SpecialGenericAlias(_abstract('ByteString'), 'ByteString', 0)
Awaitable = _SpecialGenericAlias(_abstract('Awaitable'), 'Awaitable', 1)
Coroutine = _SpecialGenericAlias(_abstract('Coroutine'), 'Coroutine', 3)
AsyncIterator = _SpecialGenericAlias(_abstract('AsyncIterator'), 'AsyncIterator', 1)
AsyncIterable = _SpecialGenericAlias(_abstract('AsyncIterable'), 'AsyncIterable', 1)
Deque = _SpecialGenericAlias(_abstract('Deque'), 'Deque', 1)
DefaultDict = _SpecialGenericAlias(_abstract('DefaultDict'), 'DefaultDict', 2)
OrderedDict = _SpecialGenericAlias(_abstract('OrderedDict'), 'OrderedDict', 2)
Counter = _SpecialGenericAlias(_abstract('Counter'), 'Counter', 1)
SupportsInt = _SpecialGenericAlias(_abstract('SupportsInt'), 'SupportsInt', 0)
SupportsFloat = _SpecialGenericAlias(_abstract('SupportsFloat'), 'SupportsFloat', 0)
SupportsIndex = _SpecialGenericAlias(_abstract('SupportsIndex'), 'SupportsIndex', 0)
SupportsAbs = _SpecialGenericAlias(_abstract('SupportsAbs'), 'SupportsAbs', 1)
SupportsRound = _SpecialGenericAlias(_abstract('SupportsRound'), 'SupportsRound', 1)
Text = str


class TypeVar(_Final):
    """A type variable: `T = TypeVar('T')` stands for one type throughout a generic function or
    class."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = tuple([_type_check(c) for c in constraints])
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """Base of user generic classes: `class Stack(Generic[T])`."""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            # As a base (`class Stack(Generic[T])`) the class itself stands in.
            return cls
        return _GenericAlias(cls, params)


class Protocol(Generic):
    """Base of structural types (`class Closable(Protocol)`): any class with the methods fits."""


def runtime_checkable(cls):
    """Allow isinstance() with a Protocol (forkyard records the wish; checks stay nominal)."""
    return cls


def cast(typ, val):
    """Tell a type checker val has type typ; returns val unchanged."""
    return val


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @typing.overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @typing.overload-ed.')


def overload(func):
    """Mark a signature for a type checker; the undecorated definition that follows is the one
    that runs."""
    return _overload_dummy


def final(f):
    """Mark a method or class final for a type checker; returns it unchanged."""
    return f


def no_type_check(arg):
    """Tell a type checker to ignore arg's annotations; returns it unchanged."""
    return arg


def get_origin(tp):
    """The unsubscripted form of a hint: list for List[int], Union for Optional[int]."""
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """The arguments of a hint: (str, int) for Dict[str, int]."""
    if isinstance(tp, _GenericAlias):
        if tp._special == 'callable':
            params, result = tp.__args__[:-1], tp.__args__[-1]
            if len(params) == 1 and params[0] is ...:
                return (..., result)
            return (list(params), result)
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (its bases' first) or of a module."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            for name, value in ann.items():
                hints[name] = _type_check(value)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    return dict(ann)


class NewType:
    """A distinct name for a type checker: `UserId = NewType('UserId', int)`; calling it returns
    its argument."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x


def _make_named_tuple(typename, fields=None, /, **kwargs):
    """The functional form, NamedTuple('Point', [('x', int), ('y', int)]): the class the
    class statement `class Point(NamedTuple): x: int; y: int` makes."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    annotations = {}
    for name, tp in fields:
        annotations[name] = tp
    body = {'__annotations__': annotations, '__module__': '__main__',
            '__qualname__': typename}
    return _NamedTupleMeta(typename, (NamedTuple,), body)


class _NamedTupleMeta(type):
    """Calling NamedTuple itself is the functional form; its subclasses make instances as
    usual."""

    def __call__(cls, *args, **kwargs):
        if cls is NamedTuple:
            return _make_named_tuple(*args, **kwargs)
        self = object.__new__(cls)
        self.__init__(*args, **kwargs)
        return self

    def __repr__(cls):
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"


class NamedTuple(metaclass=_NamedTupleMeta):
    """Base of named tuples written as classes: `class Point(NamedTuple): x: int; y: int = 0`.
    Instances index, unpack, compare and hash like tuples; fields cannot be assigned."""

    def __init_subclass__(cls):
        own = cls.__dict__.get('__annotations__', {})
        fields = []
        defaults = {}
        for base in reversed(cls.__mro__[1:]):
            for name in getattr(base, '_fields', ()):
                if name not in fields:
                    fields.append(name)
            defaults.update(getattr(base, '_field_defaults', {}))
        for name in own:
            if name.startswith('_'):
                raise ValueError(f'Field names cannot start with an underscore: {name!r}')
            if name not in fields:
                fields.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            elif defaults:
                raise TypeError(f'Non-default namedtuple field {name} cannot follow '
                                f'default field{"s" if len(defaults) > 1 else ""} '
                                f'{", ".join(defaults)}')
        cls._fields = tuple(fields)
        cls._field_defaults = defaults
        if own:
            cls.__annotations__ = {name: _type_check(t) for name, t in own.items()}
        cls.__match_args__ = cls._fields
        for name in own:
            if name in cls.__dict__:
                delattr(cls, name)

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        qualname = cls.__qualname__ + '.__new__'
        if len(args) > len(fields):
            required = len([f for f in fields if f not in cls._field_defaults])
            if required == len(fields):
                takes = f'{len(fields) + 1} positional arguments'
            else:
                takes = f'from {required + 1} to {len(fields) + 1} positional arguments'
            raise TypeError(f'{qualname}() takes {takes} but {len(args) + 1} were given')
        values = dict(zip(fields, args))
        for k, v in kwargs.items():
            if k not in fields:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{k}'")
            if k in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{k}'")
            values[k] = v
        missing = [f for f in fields if f not in values and f not in cls._field_defaults]
        if missing:
            names = [repr(n) for n in missing]
            if len(names) == 1:
                listed = names[0]
            elif len(names) == 2:
                listed = names[0] + ' and ' + names[1]
            else:
                listed = ', '.join(names[:-1]) + ', and ' + names[-1]
            s = '' if len(names) == 1 else 's'
            raise TypeError(f'{qualname}() missing {len(names)} required positional '
                            f'argument{s}: {listed}')
        items = tuple([values[f] if f in values else cls._field_defaults[f] for f in fields])
        object.__setattr__(self, '_tuple', items)
        for name, value in zip(fields, items):
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        if name in type(self)._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __delattr__(self, name):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        parts = [f'{name}={value!r}' for name, value in zip(self._fields, self._tuple)]
        return f"{type(self).__name__}({', '.join(parts)})"

    def __iter__(self):
        return iter(self._tuple)

    def __len__(self):
        return len(self._tuple)

    def __getitem__(self, index):
        return self._tuple[index]

    def __contains__(self, item):
        return item in self._tuple

    def __hash__(self):
        return hash(self._tuple)

    def __eq__(self, other):
        return self._tuple == _as_tuple(other)

    def __ne__(self, other):
        return self._tuple != _as_tuple(other)

    def __lt__(self, other):
        return self._tuple < _as_tuple(other)

    def __le__(self, other):
        return self._tuple <= _as_tuple(other)

    def __gt__(self, other):
        return self._tuple > _as_tuple(other)

    def __ge__(self, other):
        return self._tuple >= _as_tuple(other)

    def __add__(self, other):
        return self._tuple + _as_tuple(other)

    def count(self, value):
        return self._tuple.count(value)

    def index(self, value):
        return self._tuple.index(value)

    def _asdict(self):
        """The fields as a dict, in order."""
        return dict(zip(self._fields, self._tuple))

    def _replace(self, **changes):
        """A new instance with some fields changed."""
        values = self._asdict()
        for k in changes:
            if k not in values:
                raise ValueError(f'Got unexpected field names: {list(changes)!r}')
        values.update(changes)
        return type(self)(**values)

    @classmethod
    def _make(cls, iterable):
        """An instance from any iterable of the field values."""
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(values)}')
        return cls(*values)

    def __reduce__(self):
        return (type(self), self._tuple)


def _as_tuple(other):
    if isinstance(other, NamedTuple):
        return other._tuple
    return other


class _TypedDictMeta(type):
    """Calling a TypedDict class makes a plain dict, as in CPython; calling TypedDict itself
    is the functional form, TypedDict('Movie', {'name': str, 'year': int})."""

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _make_typed_dict(*args, **kwargs)
        return dict(*args, **kwargs)


def _make_typed_dict(typename, fields=None, /, *, total=True, **kwargs):
    """The class `class Movie(TypedDict, total=...): name: str` would make."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
    body = {'__annotations__': {name: _type_check(tp) for name, tp in dict(fields).items()},
            '__module__': '__main__', '__qualname__': typename}
    cls = _TypedDictMeta(typename, (TypedDict,), body)
    if not total:
        cls.__optional_keys__ = cls.__required_keys__
        cls.__required_keys__ = frozenset()
        cls.__total__ = False
    return cls


class TypedDict(metaclass=_TypedDictMeta):
    """Base of dict shapes for a type checker: `class Movie(TypedDict): name: str`.
    Movie(name='x') is a plain dict."""

    def __init_subclass__(cls):
        keys = {}
        for base in reversed(cls.__mro__):
            keys.update(base.__dict__.get('__annotations__', {}))
        cls.__required_keys__ = frozenset(keys)
        cls.__optional_keys__ = frozenset()
        cls.__total__ = True
