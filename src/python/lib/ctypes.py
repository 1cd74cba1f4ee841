"""ctypes, the part multiprocessing programs use: the simple C types, Structure, Union and arrays,
laid out in bytes as CPython's ctypes lays them out on x86-64 Linux, with sizeof and alignment.

Each object is a view of some memory at an offset: its own bytearray when made standalone, or a
block of shared memory when multiprocessing.sharedctypes made it (so a child's write is the
parent's read). A field of a Structure and an element of an array are views of their parent's
memory, as in CPython: `for a in A: a.x **= 2` changes A.

What reaches the machine itself (loading libraries, pointers, addresses) is refused where it is
used, with a sentence, since a lesson program cannot reach the machine.
"""

import struct as _struct


class _Local:
    """The memory of an object made standalone: a bytearray of its own."""

    def __init__(self, size, data=None):
        self.b = bytearray(size) if data is None else bytearray(data)

    def read(self, off, n):
        return bytes(self.b[off:off + n])

    def write(self, off, data):
        self.b[off:off + len(data)] = data


def _type_mul(cls, n):
    """`T * n` (and `n * T`): the array type of n T's, for every ctypes metaclass."""
    return _array_type(cls, n)


class PyCSimpleType(type):
    __module__ = '_ctypes'
    __mul__ = _type_mul
    __rmul__ = _type_mul


class PyCStructType(type):
    __module__ = '_ctypes'
    __mul__ = _type_mul
    __rmul__ = _type_mul

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if '_fields_' in ns:
            _lay_out(cls, ns['_fields_'], union=False)
        elif cls._size_ is None and ns.get('__module__') != '_ctypes':
            # A subclass without fields is an empty one, as in C.
            cls._size_ = 0


class UnionType(type):
    __module__ = '_ctypes'
    __mul__ = _type_mul
    __rmul__ = _type_mul

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if '_fields_' in ns:
            _lay_out(cls, ns['_fields_'], union=True)
        elif cls._size_ is None and ns.get('__module__') != '_ctypes':
            # A subclass without fields is an empty one, as in C.
            cls._size_ = 0


class PyCArrayType(type):
    __module__ = '_ctypes'
    __mul__ = _type_mul
    __rmul__ = _type_mul


# Every ctypes type is an instance of one of these.
_CDataType = (PyCSimpleType, PyCStructType, UnionType, PyCArrayType)


class _CData:
    __module__ = '_ctypes'
    _size_ = 0
    _align_ = 1

    def __new__(cls, *args, **kwargs):
        if cls._size_ is None:
            raise TypeError('abstract class')
        self = object.__new__(cls)
        self._b_mem = _Local(cls._size_)
        self._b_off = 0
        return self

    @classmethod
    def _at_(cls, mem, off):
        """A view of `mem` at `off` (a field, an element, a shared object)."""
        self = object.__new__(cls)
        self._b_mem = mem
        self._b_off = off
        return self

    def _raw_(self):
        return self._b_mem.read(self._b_off, type(self)._size_)

    def __reduce__(self):
        return (_rebuild, (type(self), self._raw_()))


def _rebuild(cls, data):
    self = object.__new__(cls)
    self._b_mem = _Local(len(data), data)
    self._b_off = 0
    return self


# ---- simple types --------------------------------------------------------------------------------

# typecode: (size, signed) for ints; floats, chars and bool apart.
_INTS = {'b': (1, True), 'B': (1, False), 'h': (2, True), 'H': (2, False), 'i': (4, True),
         'I': (4, False), 'l': (8, True), 'L': (8, False), 'q': (8, True), 'Q': (8, False)}
_SIZES = {'c': 1, '?': 1, 'u': 4, 'f': 4, 'd': 8, 'g': 16}


def _encode(code, v):
    """The bytes a simple type of `code` stores for the Python value `v` (ints wrap as ctypes'
    do: `c_int(2**31)` is -2147483648)."""
    if code in _INTS:
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        n = _INTS[code][0]
        return (v & ((1 << (8 * n)) - 1)).to_bytes(n, 'little')
    if code in ('f', 'd', 'g'):
        if not isinstance(v, (int, float)):
            raise TypeError('must be real number, not %s' % type(v).__name__)
        v = float(v)
        if code == 'f':
            try:
                return _struct.pack('<f', v)
            except OverflowError:
                return _struct.pack('<f', v * float('inf'))
        # c_longdouble keeps a double's value in its 16 bytes.
        return _struct.pack('<d', v) + bytes(8 if code == 'g' else 0)
    if code == 'c':
        if isinstance(v, (bytes, bytearray)) and len(v) == 1:
            return bytes(v)
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 256:
            return bytes([v])
        raise TypeError('one character bytes, bytearray or integer expected')
    if code == '?':
        return bytes([1 if v else 0])
    if code == 'u':
        if isinstance(v, str) and len(v) == 1:
            return ord(v).to_bytes(4, 'little')
        raise TypeError('one character unicode string expected')
    raise TypeError('unknown typecode %r' % code)


def _decode(code, data):
    if code in _INTS:
        return int.from_bytes(data, 'little', signed=_INTS[code][1])
    if code == 'f':
        return _struct.unpack('<f', data)[0]
    if code in ('d', 'g'):
        return _struct.unpack('<d', data[:8])[0]
    if code == 'c':
        return data
    if code == '?':
        return data != b'\x00'
    return chr(int.from_bytes(data, 'little'))


class _SimpleCData(_CData, metaclass=PyCSimpleType):
    __module__ = '_ctypes'
    _size_ = None

    def __init__(self, *args):
        if len(args) > 1:
            raise TypeError('__init__ expected at most 1 argument, got %d' % len(args))
        if args:
            self.value = args[0]

    def _get_value(self):
        cls = type(self)
        return _decode(cls._type_, self._b_mem.read(self._b_off, cls._size_))

    def _set_value(self, v):
        cls = type(self)
        self._b_mem.write(self._b_off, _encode(cls._type_, v))

    value = property(_get_value, _set_value)

    def __bool__(self):
        return bool(self.value)

    def __repr__(self):
        cls = type(self)
        if cls.__module__ != 'ctypes':
            return '<%s object at %#x>' % (cls.__name__, id(self))
        return '%s(%r)' % (cls.__name__, self.value)


def _simple(name, code):
    cls = PyCSimpleType(name, (_SimpleCData,), {'_type_': code, '_size_': _SIZES.get(code) or
                                                _INTS[code][0], '__module__': 'ctypes'})
    cls._align_ = cls._size_
    return cls


c_bool = _simple('c_bool', '?')
c_char = _simple('c_char', 'c')
c_wchar = _simple('c_wchar', 'u')
c_byte = _simple('c_byte', 'b')
c_ubyte = _simple('c_ubyte', 'B')
c_short = _simple('c_short', 'h')
c_ushort = _simple('c_ushort', 'H')
c_int = _simple('c_int', 'i')
c_uint = _simple('c_uint', 'I')
c_long = _simple('c_long', 'l')
c_ulong = _simple('c_ulong', 'L')
c_float = _simple('c_float', 'f')
c_double = _simple('c_double', 'd')
c_longdouble = _simple('c_longdouble', 'g')
# On x86-64 Linux these are the same types as CPython's ctypes makes them.
c_longlong = c_long
c_ulonglong = c_ulong
c_size_t = c_ulong
c_ssize_t = c_long
c_int8 = c_byte
c_uint8 = c_ubyte
c_int16 = c_short
c_uint16 = c_ushort
c_int32 = c_int
c_uint32 = c_uint
c_int64 = c_long
c_uint64 = c_ulong


# ---- reading and writing a value of any ctypes type at an offset ----------------------------------

def _get(typ, mem, off):
    """What a field or element of type `typ` reads as: a simple type's Python value, a char
    array's bytes (a wchar array's str), any other type a view of the memory."""
    if issubclass(typ, _SimpleCData) and typ.__module__ == 'ctypes':
        return _decode(typ._type_, mem.read(off, typ._size_))
    view = typ._at_(mem, off)
    if issubclass(typ, Array) and typ._type_ in (c_char, c_wchar):
        return view.value
    return view


def _set(typ, mem, off, v):
    if issubclass(typ, _SimpleCData):
        if isinstance(v, _SimpleCData) and type(v) is typ:
            v = v.value
        mem.write(off, _encode(typ._type_, v))
        return
    if isinstance(v, typ):
        mem.write(off, v._raw_())
        return
    if issubclass(typ, Array) and typ._type_ in (c_char, c_wchar) and \
            isinstance(v, (bytes, str)):
        typ._at_(mem, off).value = v
        return
    if isinstance(v, tuple):
        # As CPython's ctypes: an initialiser's error is a RuntimeError naming the type.
        try:
            made = typ(*v)
        except Exception as e:
            raise RuntimeError('(%s) %s: %s' % (typ.__name__, type(e).__name__, e)) from None
        mem.write(off, made._raw_())
        return
    raise TypeError('expected %s instance, got %s' % (typ.__name__, type(v).__name__))


# ---- Structure and Union ------------------------------------------------------------------------

class _Field:
    """A field's descriptor on its Structure class: `Point.x`."""

    def __init__(self, name, typ, offset):
        self.name = name
        self.type = typ
        self.offset = offset
        self.size = typ._size_

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return _get(self.type, obj._b_mem, obj._b_off + self.offset)

    def __set__(self, obj, v):
        _set(self.type, obj._b_mem, obj._b_off + self.offset, v)

    def __repr__(self):
        return '<Field type=%s, ofs=%d, size=%d>' % (self.type.__name__, self.offset, self.size)


def _lay_out(cls, fields, union):
    """Offsets by C's rules: each field at its alignment, the whole rounded to the largest."""
    base = cls.__mro__[1]
    offset = 0 if union else (getattr(base, '_size_', 0) or 0)
    size = offset
    align = getattr(base, '_align_', 1) or 1
    names = list(getattr(base, '_field_names_', ()))
    for f in fields:
        if not isinstance(f, tuple) or len(f) < 2:
            raise TypeError("'_fields_' must be a sequence of pairs")
        if len(f) > 2:
            raise TypeError('bit fields are not available in forkyard (field %r)' % (f[0],))
        name, typ = f
        if not isinstance(typ, _CDataType) or typ._size_ is None:
            raise TypeError('second item in _fields_ tuple (index %d) must be a C type'
                            % len(names))
        a = typ._align_
        if union:
            at = 0
            size = max(size, typ._size_)
        else:
            at = (offset + a - 1) // a * a
            offset = at + typ._size_
            size = offset
        align = max(align, a)
        setattr(cls, name, _Field(name, typ, at))
        names.append(name)
    cls._size_ = (size + align - 1) // align * align
    cls._align_ = align
    cls._field_names_ = tuple(names)


def _struct_init(self, *args, **kwargs):
    names = type(self)._field_names_
    if len(args) > len(names):
        raise TypeError('too many initializers')
    for name, v in zip(names, args):
        setattr(self, name, v)
    for k, v in kwargs.items():
        if k in names[:len(args)]:
            raise TypeError("duplicate values for field %r" % k)
        setattr(self, k, v)


class Structure(_CData, metaclass=PyCStructType):
    __module__ = '_ctypes'
    _size_ = None
    _field_names_ = ()
    __init__ = _struct_init


class Union(_CData, metaclass=UnionType):
    __module__ = '_ctypes'
    _size_ = None
    _field_names_ = ()
    __init__ = _struct_init


# ---- arrays -------------------------------------------------------------------------------------

class Array(_CData, metaclass=PyCArrayType):
    __module__ = '_ctypes'
    _size_ = None

    def __init__(self, *args):
        if len(args) > type(self)._length_:
            raise IndexError('invalid index')
        for i, v in enumerate(args):
            self[i] = v

    def __len__(self):
        return type(self)._length_

    def _index(self, i):
        n = type(self)._length_
        if not isinstance(i, int):
            raise TypeError('indices must be integers')
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('invalid index')
        return i

    def _slots(self, sl):
        return range(*sl.indices(type(self)._length_))

    def __getitem__(self, i):
        cls = type(self)
        t = cls._type_
        if isinstance(i, slice):
            items = [self[k] for k in self._slots(i)]
            if t is c_char:
                return b''.join(items)
            if t is c_wchar:
                return ''.join(items)
            return items
        i = self._index(i)
        return _get(t, self._b_mem, self._b_off + i * t._size_)

    def __setitem__(self, i, v):
        cls = type(self)
        t = cls._type_
        if isinstance(i, slice):
            at = self._slots(i)
            if len(v) != len(at):
                raise ValueError('Can only assign sequence of same size')
            for k, x in zip(at, v):
                self[k] = x
            return
        i = self._index(i)
        _set(t, self._b_mem, self._b_off + i * t._size_, v)

    def __iter__(self):
        for i in range(type(self)._length_):
            yield self[i]

    def _chars(self):
        t = type(self)._type_
        if t is c_char:
            return self._raw_()
        if t is c_wchar:
            return ''.join(self[i] for i in range(type(self)._length_))
        raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)

    def _get_value(self):
        s = self._chars()
        end = s.find(b'\x00' if isinstance(s, bytes) else '\x00')
        return s if end < 0 else s[:end]

    def _set_value(self, v):
        t = type(self)._type_
        n = type(self)._length_
        if t is c_char:
            if not isinstance(v, bytes):
                raise TypeError('bytes expected instead of %s instance' % type(v).__name__)
            if len(v) > n:
                raise ValueError('byte string too long')
            self._b_mem.write(self._b_off, v + (b'\x00' if len(v) < n else b''))
        elif t is c_wchar:
            if not isinstance(v, str):
                raise TypeError('unicode string expected instead of %s instance'
                                % type(v).__name__)
            if len(v) > n:
                raise ValueError('string too long')
            for i, ch in enumerate(v + ('\x00' if len(v) < n else '')):
                self[i] = ch
        else:
            raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)

    value = property(_get_value, _set_value)

    def _get_raw(self):
        if type(self)._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        return self._raw_()

    def _set_raw(self, v):
        if type(self)._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        if not isinstance(v, (bytes, bytearray)):
            raise TypeError('a bytes-like object is required, not %r' % type(v).__name__)
        if len(v) > type(self)._length_:
            raise ValueError('byte string too long')
        self._b_mem.write(self._b_off, bytes(v))

    raw = property(_get_raw, _set_raw)


_array_types = {}


def _array_type(t, n):
    if not isinstance(n, int):
        raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
    if n < 0:
        raise ValueError('Array length must be >= 0, not %d' % n)
    key = (t, n)
    if key not in _array_types:
        name = '%s_Array_%d' % (t.__name__, n)
        cls = PyCArrayType(name, (Array,), {'_type_': t, '_length_': n, '__module__': '__main__'})
        cls._size_ = t._size_ * n
        cls._align_ = t._align_
        _array_types[key] = cls
    return _array_types[key]


# ---- functions ----------------------------------------------------------------------------------

def sizeof(obj_or_type):
    t = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    if not isinstance(t, _CDataType) or t._size_ is None:
        raise TypeError('this type has no size')
    return t._size_


def alignment(obj_or_type):
    t = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    if not isinstance(t, _CDataType) or t._size_ is None:
        raise TypeError('no alignment info')
    return t._align_


def create_string_buffer(init, size=None):
    if isinstance(init, bytes):
        if size is None:
            size = len(init) + 1
        buf = (c_char * size)()
        buf.value = init
        return buf
    if isinstance(init, int):
        return (c_char * init)()
    raise TypeError(init)


def create_unicode_buffer(init, size=None):
    if isinstance(init, str):
        if size is None:
            size = len(init) + 1
        buf = (c_wchar * size)()
        buf.value = init
        return buf
    if isinstance(init, int):
        return (c_wchar * init)()
    raise TypeError(init)


# ---- what reaches the machine: refused where it is used -----------------------------------------

def _refusal(name, what):
    return NotImplementedError(
        'ctypes.%s is not available in forkyard: a lesson program cannot reach the machine (%s)'
        % (name, what))


def _refused_function(name, what):
    def refused(*args, **kwargs):
        raise _refusal(name, what)
    refused.__name__ = name
    refused.__qualname__ = name
    return refused


def _refused_class(name, what):
    def refused(self, *args, **kwargs):
        raise _refusal(name, what)
    return type(name, (), {'__init__': refused, '__module__': 'ctypes'})


class LibraryLoader:
    """`cdll`, `pydll`: every library they would load is refused when named."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        raise _refusal(self._name + '.' + attr, 'loading a C library')


_ADDRESS = 'raw memory addresses'
CDLL = _refused_class('CDLL', 'loading a C library')
PyDLL = _refused_class('PyDLL', 'loading a C library')
cdll = LibraryLoader('cdll')
pydll = LibraryLoader('pydll')
pythonapi = LibraryLoader('pythonapi')
c_char_p = _refused_class('c_char_p', _ADDRESS)
c_wchar_p = _refused_class('c_wchar_p', _ADDRESS)
c_void_p = _refused_class('c_void_p', _ADDRESS)
pointer = _refused_function('pointer', _ADDRESS)
POINTER = _refused_function('POINTER', _ADDRESS)
byref = _refused_function('byref', _ADDRESS)
addressof = _refused_function('addressof', _ADDRESS)
cast = _refused_function('cast', _ADDRESS)
memmove = _refused_function('memmove', _ADDRESS)
memset = _refused_function('memset', _ADDRESS)
string_at = _refused_function('string_at', _ADDRESS)
wstring_at = _refused_function('wstring_at', _ADDRESS)
CFUNCTYPE = _refused_function('CFUNCTYPE', 'calling C functions')
PYFUNCTYPE = _refused_function('PYFUNCTYPE', 'calling C functions')
get_errno = _refused_function('get_errno', 'the C library')
set_errno = _refused_function('set_errno', 'the C library')
