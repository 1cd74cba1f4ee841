"""Enumerations: a class whose attributes are its fixed set of members (Color.RED), each with a
name and a value, looked up by value (Color(1)) or by name (Color['RED']), iterated in order.

Members are made when the class statement ends (Enum.__init_subclass__), or when the functional
API (Enum('Color', 'RED GREEN')) builds the same class with the metaclass; the class-level
operations (call, [], iteration, len, in, repr) are EnumType's, forkyard's metaclass hook.
IntEnum and IntFlag members are instances of int (the classes derive from int, as CPython's do): the
int they are is their value, and str() and format() give it (3.11's ReprEnum).
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'ReprEnum', 'StrEnum', 'Flag', 'IntFlag',
           'auto', 'unique']


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Stands for 'the next value' in an enum body (1, 2, 3... for Enum; 1, 2, 4... for Flag)."""

    def __init__(self, value=_auto_null):
        self.value = value
        self._combined = None

    def __repr__(self):
        return f'auto({self.value!r})'

    # `RWX = R | W | X` in a Flag body: CPython has already turned R, W, X into their values
    # there; here they are still autos, so the expression is kept and worked out once they
    # have their values (members are made in the order of the body).
    def _resolved(self):
        if self._combined is not None:
            op, left, right = self._combined
            return op(_value_of(left), _value_of(right))
        return self.value

    def _combine(self, op, left, right):
        new = auto()
        new._combined = (op, left, right)
        return new

    def __or__(self, other):
        return self._combine(lambda a, b: a | b, self, other)

    def __ror__(self, other):
        return self._combine(lambda a, b: a | b, other, self)

    def __and__(self, other):
        return self._combine(lambda a, b: a & b, self, other)

    def __rand__(self, other):
        return self._combine(lambda a, b: a & b, other, self)

    def __xor__(self, other):
        return self._combine(lambda a, b: a ^ b, self, other)

    def __rxor__(self, other):
        return self._combine(lambda a, b: a ^ b, other, self)


def _value_of(v):
    return v._resolved() if isinstance(v, auto) else v


def _is_single_bit(value):
    return isinstance(value, int) and value > 0 and value & (value - 1) == 0


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' \
        and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' \
        and name[-2] != '_'


def _is_private(cls_name, name):
    pattern = f'_{cls_name}__'
    return name.startswith(pattern) and not name.endswith('__')


def _is_member_value(value):
    """Whether a class attribute becomes a member (functions, properties, classes do not)."""
    if isinstance(value, auto):
        return True
    if isinstance(value, (staticmethod, classmethod, property, type)):
        return False
    return not callable(value)


class EnumType(type):
    """The class of enum classes: what Color(1), Color['RED'], list(Color), len(Color),
    Color.RED in Color and repr(Color) do."""

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        """The functional API: Enum('Color', 'RED GREEN'), Enum('C', [('A', 1)]),
        Enum('C', {'A': 1}) make a new enum class, as a class statement would."""
        if cls._member_names_:
            raise TypeError(f'<enum {class_name!r}> cannot extend {cls!r}')
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            # Bare names: values come from _generate_next_value_, as auto() would give them.
            original, names, last_values = names, [], []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        body = {}
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            body[member_name] = member_value
        body['__module__'] = '__main__' if module is None else module
        if qualname is not None:
            body['__qualname__'] = qualname
        metacls = cls.__class__
        return metacls(class_name, bases, body)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._listed_names_()])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._listed_names_())])

    def __len__(cls):
        return len(cls._listed_names_())

    def _listed_names_(cls):
        """The members iteration shows: all of them; a Flag's single bits only (CPython 3.11
        lists neither 0 nor a combination such as RWX = R | W | X)."""
        if not getattr(cls, '_forkyard_flag_', False):
            return cls._member_names_
        return [name for name in cls._member_names_
                if _is_single_bit(cls._member_map_[name]._value_)]

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(member).__qualname__}' and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __repr__(cls):
        if getattr(cls, '_forkyard_flag_', False):
            return f'<flag {cls.__name__!r}>'
        return f'<enum {cls.__name__!r}>'


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Base class of enumerations: subclass it and list the members as class attributes."""

    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls):
        base_members = [b for b in cls.__mro__[1:]
                        if isinstance(b, type) and getattr(b, '_member_names_', None)]
        if base_members:
            raise TypeError(f'<enum {cls.__name__!r}> cannot extend {base_members[0]!r}')
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        ignore = cls.__dict__.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        last_values = []
        for name, value in list(cls.__dict__.items()):
            if _is_dunder(name) or _is_sunder(name) or _is_private(cls.__name__, name):
                continue
            if name in ignore or not _is_member_value(value):
                continue
            if isinstance(value, auto) and value._combined is not None:
                value = value._resolved()
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(
                        name, 1, len(cls._member_names_), last_values[:])
                value = value.value
            last_values.append(value)
            cls._add_member_(name, value)
        if '_ignore_' in cls.__dict__:
            for name in ignore:
                if name in cls.__dict__:
                    delattr(cls, name)
            delattr(cls, '_ignore_')
        cls.__members__ = dict(cls._member_map_)

    @classmethod
    def _add_member_(cls, name, value):
        _add_member(cls, name, value)

    @classmethod
    def _has_own_init_(cls):
        for k in cls.__mro__:
            if k is Enum:
                return False
            if '__init__' in k.__dict__:
                return True
        return False

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The value auto() stands for: one more than the largest value so far, or start."""
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return max([v for v in last_values]) + 1
        except TypeError:
            raise TypeError(f'unable to sort non-numeric values: {last!r}') from None

    @classmethod
    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        if _hashable(value) and value in cls._value2member_map_:
            return cls._value2member_map_[value]
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        found = cls._missing_(value)
        if isinstance(found, cls):
            return found
        if found is not None:
            raise TypeError(f'error in {cls.__name__}._missing_: returned {found!r} '
                            f'instead of None or a valid member')
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')

    @classmethod
    def _missing_(cls, value):
        """Called when a value matches no member: return a member, or None for ValueError."""
        return None

    @property
    def name(self):
        """The member's name."""
        return self._name_

    @property
    def value(self):
        """The member's value."""
        return self._value_

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        # A member of an int enum hashes and compares as its int (int comes before Enum in
        # its MRO); forkyard keys it by that int in dicts and sets.
        if isinstance(self, int):
            return hash(int(self))
        return hash(self._name_)

    def __eq__(self, other):
        if isinstance(self, int):
            return int(self) == other
        return self is other

    def __reduce__(self):
        return (self.__class__, (self._value_,))


def _add_member(cls, name, value):
    """Make member `name` of enum class cls (or an alias of an existing member)."""
    existing = cls._value2member_map_.get(value) if _hashable(value) else None
    if existing is None:
        for m in cls._member_map_.values():
            if m._value_ == value:
                existing = m
                break
    if existing is not None:
        # An alias: the name refers to the first member with this value.
        cls._member_map_[name] = existing
        setattr(cls, name, existing)
        return
    # A member of an IntEnum or IntFlag is the int it stands for.
    member = int.__new__(cls, value) if issubclass(cls, int) else object.__new__(cls)
    stored = value
    if cls._has_own_init_():
        args = value if isinstance(value, tuple) else (value,)
        member._name_ = name
        member._value_ = value
        member.__init__(*args)
        stored = member._value_
    member._name_ = name
    member._value_ = stored
    cls._member_names_.append(name)
    cls._member_map_[name] = member
    if _hashable(stored):
        cls._value2member_map_[stored] = member
    setattr(cls, name, member)


def _bin(num, max_bits):
    """num in binary as Flag's errors show it: '0b0 1000' (sign bit, then the digits)."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return f'{sign} {digits}'


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


class ReprEnum(Enum):
    """An Enum whose members keep the str() and format() of the type they mix in (IntEnum,
    IntFlag): only repr() is the Enum's."""


def _plain(v):
    return v._value_ if isinstance(v, Enum) else v


class IntEnum(int, ReprEnum):
    """An Enum whose members are ints (compare, add, index with them): int's arithmetic and
    comparisons, the int's str() and format(), the Enum's repr()."""

    __repr__ = Enum.__repr__

    def __str__(self):
        return repr(int(self))

    def __format__(self, spec):
        return format(int(self), spec)

    @classmethod
    def _add_member_(cls, name, value):
        if not isinstance(value, int):
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise ValueError(f'invalid literal for int() with base 10: {value!r}') from None
        _add_member(cls, name, value)


class StrEnum(Enum):
    """An Enum whose members are strings: str(member) is its value; auto() gives the name
    lower-cased."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    @classmethod
    def _add_member_(cls, name, value):
        if not isinstance(value, str):
            raise TypeError(f'{value!r} is not a string')
        _add_member(cls, name, value)

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __hash__(self):
        return hash(self._value_)


class Flag(Enum):
    """Members are bit flags that combine with |, & and ^ (Perm.R | Perm.W)."""

    _forkyard_flag_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        high = max(last_values)
        bit = 1
        while bit <= high:
            bit *= 2
        return bit

    @classmethod
    def _all_bits_(cls):
        bits = 0
        for m in cls._member_map_.values():
            bits |= m._value_
        return bits

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        if value < 0 or value & ~cls._all_bits_():
            mask = cls._all_bits_()
            bits = max(value.bit_length(), mask.bit_length())
            raise ValueError(f'{cls!r} invalid value {value!r}\n'
                             f'    given {_bin(value, bits)}\n'
                             f'  allowed {_bin(mask, bits)}')
        member = object.__new__(cls)
        member._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        member._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = member
        return member

    def _names_(self):
        if self._name_ is None:
            return None
        return self._name_

    def __repr__(self):
        cls_name = type(self).__name__
        if self._name_ is None:
            return f'<{cls_name}: {self._value_!r}>'
        return f'<{cls_name}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        cls_name = type(self).__name__
        if self._name_ is None:
            return f'{cls_name}({self._value_!r})'
        return f'{cls_name}.{self._name_}'

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{type(self).__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter([m for m in type(self) if m._value_ & self._value_ == m._value_
                     and m._value_])

    def __len__(self):
        return len(list(self))

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        return type(self)(self._all_bits_() & ~self._value_)

    def __hash__(self):
        return hash(self._value_)


class IntFlag(int, ReprEnum, Flag):
    """A Flag whose members are also ints."""

    __repr__ = Flag.__repr__

    def __or__(self, other):
        if isinstance(other, int):
            other = type(self)(other)
        return Flag.__or__(self, other)

    def __and__(self, other):
        if isinstance(other, int):
            other = type(self)(other)
        return Flag.__and__(self, other)

    def __xor__(self, other):
        if isinstance(other, int):
            other = type(self)(other)
        return Flag.__xor__(self, other)

    # CPython's EnumType gives every Flag class Flag's operators (int's would come first in the
    # MRO): ~Perm.R is a Perm.
    __invert__ = Flag.__invert__
    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    @classmethod
    def _missing_(cls, value):
        """An IntFlag keeps bits no member names (CPython's KEEP boundary): Color.RED | 8 is
        <Color.RED|8: 9>; a negative value means all the members' bits it covers."""
        if not isinstance(value, int):
            return None
        all_bits = cls._all_bits_()
        if value < 0:
            value &= all_bits
            if value in cls._value2member_map_:
                return cls._value2member_map_[value]
        member = int.__new__(cls, value)
        member._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_]
        extra = value & ~all_bits
        if names and extra:
            names.append(str(extra))
        member._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = member
        return member

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


def unique(enumeration):
    """Class decorator: raise ValueError if any two members share a value (aliases)."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ', '.join([f'{alias} -> {name}' for alias, name in duplicates])
        raise ValueError(f'duplicate values found in {enumeration!r}: {alias_details}')
    return enumeration
