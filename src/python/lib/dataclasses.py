"""Classes that are mostly fields: @dataclass writes __init__, __repr__, __eq__ (and, when asked,
ordering, hashing and frozen instances) from the class's annotated fields.

forkyard has no exec(), so the generated methods are ordinary closures that read the class's
field list, rather than source text compiled per class as CPython does; what they accept, return
and raise is CPython's.
"""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen dataclass instance is assigned or deleted."""


class _MISSING_TYPE:
    """The type of MISSING: 'no default was given' (None is a valid default)."""


MISSING = _MISSING_TYPE()


class _KwOnlyType:
    """The type of KW_ONLY: fields annotated after `_: KW_ONLY` are keyword-only."""

    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class InitVar:
    """An init-only pseudo-field: passed to __init__ and __post_init__, never stored."""

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, '__name__', None)
        if name is None:
            name = repr(self.type)
        return f'dataclasses.InitVar[{name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    """One field of a dataclass: its name, type, default and how the generated methods use it."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a field beyond its default: a factory for mutable defaults, or leave it out of
    __init__, __repr__ or comparisons."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    """What @dataclass(...) was asked for, kept as cls.__dataclass_params__."""

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r})')


def _is_classvar(annotation):
    """Whether an annotation is typing.ClassVar or ClassVar[...] (a class attribute, no field)."""
    if isinstance(annotation, str):
        return annotation.startswith('ClassVar') or annotation.startswith('typing.ClassVar')
    return getattr(annotation, '_forkyard_classvar', False)


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith('InitVar') or annotation.startswith('dataclasses.InitVar')
    return annotation is InitVar or isinstance(annotation, InitVar)


def _is_kw_only(annotation):
    if isinstance(annotation, str):
        return annotation in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return annotation is KW_ONLY


def _own_annotations(cls):
    """The annotations written in cls's own body (cls.__annotations__ may be a base's)."""
    ann = getattr(cls, '__annotations__', None)
    if ann is None:
        return {}
    for base in cls.__mro__[1:]:
        if getattr(base, '__annotations__', None) is ann:
            return {}
    return ann


def _unhashable_type(value):
    """Whether value's class makes its instances unhashable (list, dict, set, an eq-only class):
    such a default would be one object shared by every instance."""
    if isinstance(value, (list, dict, set)):
        return True
    return getattr(type(value), '__hash__', MISSING) is None


def _get_field(cls, name, annotation, kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    if f._field_type is _FIELD and f.default is not MISSING \
            and _unhashable_type(f.default):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _fields_in_init_order(all_fields):
    positional = [f for f in all_fields if f.init and not f.kw_only]
    keyword = [f for f in all_fields if f.init and f.kw_only]
    return positional, keyword


def _make_init(cls, all_fields, frozen, has_post_init):
    """__init__(self, <fields>) binding arguments as a def with those parameters would."""
    positional, keyword = _fields_in_init_order(all_fields)
    qualname = cls.__qualname__ + '.__init__'
    seen_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    by_name = {}
    for f in positional + keyword:
        by_name[f.name] = f

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            required = len([f for f in positional
                            if f.default is MISSING and f.default_factory is MISSING])
            if required == len(positional):
                takes = f'{len(positional) + 1} positional argument'
                if len(positional) != 0:
                    takes += 's'
            else:
                takes = f'from {required + 1} to {len(positional) + 1} positional arguments'
            given = len(args) + 1
            was = 'was' if given == 1 else 'were'
            raise TypeError(f'{qualname}() takes {takes} but {given} {was} given')
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if k not in by_name:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{k}'")
            if k in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{k}'")
            values[k] = v
        for group, kind in ((positional, 'positional'), (keyword, 'keyword-only')):
            missing = [f.name for f in group if f.name not in values
                       and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                names = [repr(n) for n in missing]
                if len(names) == 1:
                    listed = names[0]
                elif len(names) == 2:
                    listed = names[0] + ' and ' + names[1]
                else:
                    listed = ', '.join(names[:-1]) + ', and ' + names[-1]
                s = '' if len(names) == 1 else 's'
                raise TypeError(f'{qualname}() missing {len(names)} required '
                                f'{kind} argument{s}: {listed}')
        init_vars = []
        for f in all_fields:
            if f.init:
                if f.name in values:
                    value = values[f.name]
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    value = f.default
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if f._field_type is _FIELD_INITVAR:
                init_vars.append(value)
            elif frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*init_vars)

    __init__.__qualname__ = qualname
    return __init__


def _make_repr(cls, shown):
    def __repr__(self):
        parts = [f'{f.name}={getattr(self, f.name)!r}' for f in shown]
        return f"{self.__class__.__qualname__}({', '.join(parts)})"

    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _values(obj, compared):
    return tuple([getattr(obj, f.name) for f in compared])


def _make_compare(cls, compared, name):
    def compare(self, other):
        if other.__class__ is self.__class__:
            a = _values(self, compared)
            b = _values(other, compared)
            if name == '__eq__':
                return a == b
            if name == '__lt__':
                return a < b
            if name == '__le__':
                return a <= b
            if name == '__gt__':
                return a > b
            return a >= b
        return NotImplemented

    compare.__qualname__ = cls.__qualname__ + '.' + name
    return compare


def _make_hash(cls, hashed):
    def __hash__(self):
        return hash(_values(self, hashed))

    __hash__.__qualname__ = cls.__qualname__ + '.__hash__'
    return __hash__


def _make_frozen(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _defines(cls, name):
    """Whether cls's own body defines name (not a base)."""
    return name in cls.__dict__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if base.__dataclass_params__.frozen:
                any_frozen_base = True

    own = []
    kw_only_now = kw_only
    for name, annotation in _own_annotations(cls).items():
        if _is_kw_only(annotation):
            kw_only_now = True
            continue
        own.append(_get_field(cls, name, annotation, kw_only_now))
    for f in own:
        all_fields[f.name] = f
        # A Field as the class attribute gives way to its default (or to nothing).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name in getattr(cls, '__annotations__', {}):
        if isinstance(getattr(cls, name, None), Field) and name not in all_fields:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    fields_list = [f for f in all_fields.values() if f._field_type is _FIELD]
    if init:
        has_post_init = hasattr(cls, '__post_init__')
        cls.__init__ = _make_init(cls, [f for f in all_fields.values()
                                        if f._field_type in (_FIELD, _FIELD_INITVAR)],
                                  frozen, has_post_init)
    if repr:
        cls.__repr__ = _make_repr(cls, [f for f in fields_list if f.repr])
    compared = [f for f in fields_list if f.compare]
    if eq:
        cls.__eq__ = _make_compare(cls, compared, '__eq__')
    if order:
        for name in ('__lt__', '__le__', '__gt__', '__ge__'):
            if _defines(cls, name):
                raise TypeError(f'Cannot overwrite attribute {name} in class '
                                f'{cls.__name__}. Consider using functools.total_ordering')
            setattr(cls, name, _make_compare(cls, compared, name))
    if frozen:
        names = tuple([f.name for f in fields_list])
        for name in ('__setattr__', '__delattr__'):
            if _defines(cls, name):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
        cls.__setattr__, cls.__delattr__ = _make_frozen(cls, names)

    hashed = [f for f in fields_list if (f.compare if f.hash is None else f.hash)]
    class_hash = cls.__dict__.get('__hash__', MISSING)
    # A body that defines __eq__ and not __hash__ gets `__hash__ = None`: not an explicit hash.
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _make_hash(cls, hashed)
    elif eq and frozen:
        cls.__hash__ = _make_hash(cls, hashed)
    elif eq and not has_explicit_hash:
        cls.__hash__ = None

    if match_args and not _defines(cls, '__match_args__'):
        positional, keyword = _fields_in_init_order(
            [f for f in all_fields.values() if f._field_type is _FIELD])
        cls.__match_args__ = tuple([f.name for f in positional])
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Add __init__, __repr__, __eq__ (and more on request) to a class from its fields."""
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                             match_args, kw_only)
        if slots:
            cls = _add_slots(cls, frozen, weakref_slot)
        return cls

    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def fields(class_or_instance):
    """The fields of a dataclass (or instance), in order, as a tuple of Field."""
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple([f for f in found.values() if f._field_type is _FIELD])


def _copy_as(obj, factory, as_dict):
    if _is_dataclass_instance(obj):
        if as_dict:
            return factory([(f.name, _copy_as(getattr(obj, f.name), factory, True))
                            for f in fields(obj)])
        return factory([_copy_as(getattr(obj, f.name), factory, False) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_copy_as(v, factory, as_dict) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_copy_as(v, factory, as_dict) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_copy_as(k, factory, as_dict), _copy_as(v, factory, as_dict))
                          for k, v in obj.items()])
    return obj


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict of its fields, recursing into dataclasses, lists, tuples
    and dicts."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _copy_as(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its fields, recursing like asdict."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _copy_as(obj, tuple_factory, False)


def replace(obj, /, **changes):
    """A new instance like obj with some fields changed (through __init__, so checks rerun)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__', ())
    if isinstance(slots, str):
        return (slots,)
    return tuple(slots)


def _add_slots(cls, is_frozen, weakref_slot):
    """slots=True: the class made again with __slots__ naming its fields (a class's slots are
    fixed when it is made, so CPython remakes it too)."""
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_get_slots(base))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(n for n in wanted if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    """A dataclass made from a list of fields: names, (name, type) or (name, type, Field)."""
    import keyword
    namespace = {} if namespace is None else dict(namespace)
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp
    body = dict(namespace)
    body.update(defaults)
    body['__annotations__'] = annotations
    # CPython 3.11 makes the class with types.new_class, which names it after module types.
    body.setdefault('__module__', 'types')
    cls = type(cls_name, bases, body)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
