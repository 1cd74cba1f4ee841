"""multiprocessing.sharedctypes: ctypes objects in shared memory, and their lock-holding wrappers.

`Value`, `Array`, `RawValue` and `RawArray` are multiprocessing's own: a typecode or one of ctypes'
simple types is laid out natively (the playground shows those objects and their reads), and any
other ctypes type (a Structure, an array type, c_bool, c_wchar) comes back here (`_typed_value`,
`_typed_array`) to live on a block of shared memory made before fork: a child's `a.x **= 2` is the
parent's next read. The wrappers below are CPython's: each attribute read or write, each item,
holds the lock.
"""

import ctypes
import _ctypes_mem
import multiprocessing as _mp
from multiprocessing import Value, Array, RawValue, RawArray

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

typecode_to_type = {
    'c': ctypes.c_char, 'u': ctypes.c_wchar,
    'b': ctypes.c_byte, 'B': ctypes.c_ubyte,
    'h': ctypes.c_short, 'H': ctypes.c_ushort,
    'i': ctypes.c_int, 'I': ctypes.c_uint,
    'l': ctypes.c_long, 'L': ctypes.c_ulong,
    'q': ctypes.c_longlong, 'Q': ctypes.c_ulonglong,
    'f': ctypes.c_float, 'd': ctypes.c_double
}


_SIMPLE_NAMES = {t.__name__ for t in typecode_to_type.values()}


def assert_spawning(obj):
    raise RuntimeError('%s objects should only be shared between processes through inheritance'
                       % type(obj).__name__)


def _type_desc(t):
    """A ctypes type as CPython's reduce_ctype names it: an array type by its element type and
    length (an element that is itself an array type cannot be pickled, as in CPython)."""
    if issubclass(t, ctypes.Array):
        return (t._type_, t._length_)
    return t


def _type_of(desc):
    if isinstance(desc, tuple):
        return desc[0] * desc[1]
    return desc


def _rebuild_ctype(desc, block, offset):
    type_ = _type_of(desc)
    type_.__reduce__ = _reduce_ctype
    return type_._at_(block, offset)


def _reduce_ctype(obj):
    """A child being spawned gets a view of the same block (which crosses by inheritance), as
    CPython's spawn hands the child the same shared memory; anything else is refused."""
    if _ctypes_mem.spawning():
        return (_rebuild_ctype, (_type_desc(type(obj)), obj._b_mem, obj._b_off))
    assert_spawning(obj)


def _new_value(type_):
    """A zeroed object of `type_` on its own block of shared memory. Like CPython's, its type
    pickles only by inheritance from then on."""
    if not isinstance(type_, ctypes._CDataType) or type_._size_ is None:
        raise TypeError('this type has no size')
    type_.__reduce__ = _reduce_ctype
    return type_._at_(_ctypes_mem.shared(ctypes.sizeof(type_)), 0)


def _wrap(obj, lock):
    if lock is False:
        return obj
    if lock in (True, None):
        lock = _mp.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock)


def _typed_value(typecode_or_type, *args, lock=True, ctx=None):
    """`Value(type, *args)` for a ctypes type `shared` does not lay out itself."""
    obj = _new_value(typecode_to_type.get(typecode_or_type, typecode_or_type))
    obj.__init__(*args)
    return _wrap(obj, lock)


def _typed_array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """`Array(type, size_or_initializer)` for a ctypes type `shared` does not lay out itself."""
    type_ = typecode_to_type.get(typecode_or_type, typecode_or_type)
    if isinstance(size_or_initializer, int):
        obj = _new_value(type_ * size_or_initializer)
    else:
        obj = _new_value(type_ * len(size_or_initializer))
        obj.__init__(*size_or_initializer)
    return _wrap(obj, lock)


def _native_kind(obj):
    """The class name of a Value or Array that multiprocessing laid out natively (a raw value's
    class is named as its ctypes type), or None."""
    cls = type(obj)
    if isinstance(obj, ctypes._CData):
        return None
    if cls.__module__ == 'ctypes' and cls.__name__ in _SIMPLE_NAMES:
        return 'RawValue'
    if cls.__module__ == 'multiprocessing.sharedctypes' and cls.__name__ in (
            'RawValue', 'Synchronized', 'SynchronizedArray', 'SynchronizedString'):
        return cls.__name__
    if cls.__module__ == 'multiprocessing.sharedctypes' and '_Array_' in cls.__name__:
        # A raw array: its class is named as ctypes' array type (`c_int_Array_3`).
        return 'RawArray'
    return None


def _ctype_of_repr(obj):
    """The ctypes type and length of a native raw object, from its repr (`c_int(7)`,
    `<multiprocessing.sharedctypes.c_int_Array_4 object at ...>`)."""
    text = repr(obj)
    if text.startswith('<'):
        name = text.split('.')[-1].split(' ')[0]
        elem, _, n = name.rpartition('_Array_')
        return getattr(ctypes, elem), int(n)
    return getattr(ctypes, text.split('(')[0]), None


def copy(obj):
    """A new raw object in shared memory holding what `obj` holds."""
    if _native_kind(obj) == 'RawValue':
        return RawValue(_ctype_of_repr(obj)[0], obj.value)
    if _native_kind(obj) == 'RawArray':
        t, n = _ctype_of_repr(obj)
        return RawArray(t, obj.raw if t is ctypes.c_char else list(obj))
    new_obj = _new_value(type(obj))
    new_obj._b_mem.write(0, obj._raw_())
    return new_obj


class _Wrappers(type):
    """The wrappers' metaclass: a Value or Array laid out natively is an instance of the wrapper
    class of its name, as it would be in CPython (`isinstance(Value('i'), Synchronized)`)."""

    def __instancecheck__(cls, obj):
        if cls in type(obj).__mro__:
            return True
        kind = _native_kind(obj)
        return kind is not None and kind in cls._native_names_


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    kind = _native_kind(obj)
    if isinstance(obj, ctypes._SimpleCData) or kind == 'RawValue':
        return Synchronized(obj, lock, ctx)
    if isinstance(obj, ctypes.Array) or kind == 'RawArray':
        if (isinstance(obj, ctypes.Array) and obj._type_ is ctypes.c_char) or \
                (kind == 'RawArray' and _ctype_of_repr(obj)[0] is ctypes.c_char):
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    cls = type(obj)
    try:
        scls = class_cache[cls]
    except KeyError:
        names = [field[0] for field in cls._fields_]
        d = {name: make_property(name) for name in names}
        classname = 'Synchronized' + cls.__name__
        scls = class_cache[cls] = _Wrappers(classname, (SynchronizedBase,), d)
    return scls(obj, lock, ctx)


class_cache = {}
prop_cache = {}


def make_property(name):
    try:
        return prop_cache[name]
    except KeyError:
        pass

    def get(self):
        self.acquire()
        try:
            return getattr(self._obj, name)
        finally:
            self.release()

    def set(self, value):
        self.acquire()
        try:
            setattr(self._obj, name, value)
        finally:
            self.release()

    prop_cache[name] = property(get, set)
    return prop_cache[name]


class SynchronizedBase(object, metaclass=_Wrappers):
    _native_names_ = ('Synchronized', 'SynchronizedArray', 'SynchronizedString')

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock if lock else _mp.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        if _ctypes_mem.spawning():
            return synchronized, (self._obj, self._lock)
        assert_spawning(self)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    _native_names_ = ('Synchronized',)
    value = make_property('value')


class SynchronizedArray(SynchronizedBase):
    _native_names_ = ('SynchronizedArray', 'SynchronizedString')

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):
    _native_names_ = ('SynchronizedString',)
    value = make_property('value')
    raw = make_property('raw')
