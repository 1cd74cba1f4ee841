"""pickle: CPython 3.11's pickle protocols 0-5, written as its pure-Python pickler is and producing
the bytes its C pickler produces. What pickles, and the errors for what does not, come from the
cross-process copying (`_pickle`), so `pickle.dumps` and a Queue never disagree."""

import _pickle
import struct
from copyreg import __newobj__, __newobj_ex__

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler', 'Unpickler',
           'dump', 'dumps', 'load', 'loads', 'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']

_p, _u = _pickle.errors()
PicklingError = type(_p)
UnpicklingError = type(_u)
PickleError = PicklingError.__bases__[0]
del _p, _u

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024

MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
BININT = b'J'
BININT1 = b'K'
BININT2 = b'M'
NONE = b'N'
REDUCE = b'R'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
BINGET = b'h'
LONG_BINGET = b'j'
LIST = b'l'
INT = b'I'
LONG = b'L'
FLOAT = b'F'
UNICODE = b'V'
PUT = b'p'
GET = b'g'
EMPTY_LIST = b']'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
PROTO = b'\x80'
NEWOBJ = b'\x81'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'

# Protocols 2 and under name Python 3's modules as Python 2 did (fix_imports).
_REVERSE_IMPORT = {'builtins': '__builtin__', 'copyreg': 'copy_reg', 'queue': 'Queue',
                   'collections.abc': '_abcoll', '_functools': 'functools', '_pickle': 'pickle'}
_REVERSE_NAME = {('builtins', 'range'): ('__builtin__', 'xrange'),
                 ('functools', 'reduce'): ('__builtin__', 'reduce'),
                 ('sys', 'intern'): ('__builtin__', 'intern'),
                 ('builtins', 'chr'): ('__builtin__', 'unichr'),
                 ('builtins', 'str'): ('__builtin__', 'unicode'),
                 ('builtins', 'int'): ('__builtin__', 'long'),
                 ('builtins', 'zip'): ('itertools', 'izip'),
                 ('builtins', 'map'): ('itertools', 'imap'),
                 ('builtins', 'filter'): ('itertools', 'ifilter'),
                 ('itertools', 'filterfalse'): ('itertools', 'ifilterfalse'),
                 ('itertools', 'zip_longest'): ('itertools', 'izip_longest'),
                 ('collections', 'UserDict'): ('UserDict', 'IterableUserDict'),
                 ('collections', 'UserList'): ('UserList', 'UserList'),
                 ('collections', 'UserString'): ('UserString', 'UserString')}
# Python 2 had its exceptions in `exceptions`; the OSError family was one class.
for _name in ('ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException',
              'BufferError', 'BytesWarning', 'DeprecationWarning', 'EOFError',
              'EnvironmentError', 'Exception', 'FloatingPointError', 'FutureWarning',
              'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning', 'IndentationError',
              'IndexError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError',
              'NameError', 'NotImplementedError', 'OSError', 'OverflowError',
              'PendingDeprecationWarning', 'ReferenceError', 'RuntimeError', 'RuntimeWarning',
              'StopIteration', 'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit',
              'TabError', 'TypeError', 'UnboundLocalError', 'UnicodeDecodeError',
              'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning',
              'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError'):
    _REVERSE_NAME[('builtins', _name)] = ('exceptions', _name)
for _name in ('BrokenPipeError', 'ChildProcessError', 'ConnectionAbortedError',
              'ConnectionError', 'ConnectionRefusedError', 'ConnectionResetError',
              'FileExistsError', 'FileNotFoundError', 'InterruptedError', 'IsADirectoryError',
              'NotADirectoryError', 'PermissionError', 'ProcessLookupError', 'TimeoutError'):
    _REVERSE_NAME[('builtins', _name)] = ('exceptions', 'OSError')
_REVERSE_NAME[('builtins', 'ModuleNotFoundError')] = ('exceptions', 'ImportError')
_NAME = {v: k for k, v in _REVERSE_NAME.items() if v[1] != 'OSError' or k[1] == 'OSError'}
_NAME[('exceptions', 'ImportError')] = ('builtins', 'ImportError')
del _name
_IMPORT = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'Queue': 'queue',
           '_abcoll': 'collections.abc'}


def _pack(fmt, n):
    return struct.pack(fmt, n)


def _encode_long(x):
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def _decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _latin1_encode(text, encoding):
    return text.encode(encoding)


class _Framer:
    """Protocol 4's frames: the opcodes go in frames of about 64 KiB, each after its FRAME
    opcode and length; a frame under 4 bytes is written bare; a payload of 64 KiB or more is
    written outside any frame."""

    def __init__(self):
        self.out = []
        self.frame = None

    def start_framing(self):
        self.frame = []
        self.size = 0

    def end_framing(self):
        if self.frame is not None:
            self.commit_frame(force=True)
            self.frame = None

    def commit_frame(self, force=False):
        if self.frame is not None and (self.size >= _FRAME_SIZE_TARGET or force):
            data = b''.join(self.frame)
            if len(data) >= _FRAME_SIZE_MIN:
                self.out.append(FRAME + _pack('<Q', len(data)))
            self.out.append(data)
            self.frame = []
            self.size = 0

    def write(self, data):
        if self.frame is not None:
            self.frame.append(data)
            self.size += len(data)
        else:
            self.out.append(data)

    def write_large_bytes(self, header, payload):
        if self.frame is not None:
            self.commit_frame(force=True)
        self.out.append(header)
        self.out.append(payload)

    def getvalue(self):
        return b''.join(self.out)


def _raw_unicode_escape(text):
    # Protocol 0's UNICODE line: the 'raw-unicode-escape' codec after pickle's own escapes of
    # the backslash, NUL, the line ends and DOS's EOF.
    out = []
    for ch in text:
        c = ord(ch)
        if ch in '\\\0\n\r\x1a':
            out.append(('\\u%04x' % c).encode('ascii'))
        elif c < 256:
            out.append(bytes([c]))
        elif c < 0x10000:
            out.append(('\\u%04x' % c).encode('ascii'))
        else:
            out.append(('\\U%08x' % c).encode('ascii'))
    return b''.join(out)


def _memo_key(obj):
    # The memo is by identity. A short str is one object wherever it is equal (forkyard's `is`
    # says so, as CPython's interning makes a module's name and an attribute's the same object),
    # so it is remembered by its value.
    if type(obj) is str and len(obj) <= 20:
        return obj
    return id(obj)


def _check_protocol(protocol):
    if protocol is None:
        return DEFAULT_PROTOCOL
    if protocol < 0:
        return HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return protocol


def _getattribute(obj, name):
    for sub in name.split('.'):
        if sub == '<locals>':
            raise AttributeError("Can't get local attribute %r on %r" % (name, obj))
        obj = getattr(obj, sub)
    return obj


_OS_IN_PYTHON = {'getenv', 'getenvb', 'makedirs', 'removedirs', 'renames', 'walk', 'fwalk',
                 'popen', 'fdopen', 'get_exec_path', 'execl', 'execle', 'execlp', 'execlpe',
                 'execvp', 'execvpe', 'fsencode', 'fsdecode', 'spawnv', 'spawnve', 'spawnl',
                 'spawnle', 'spawnvp', 'spawnvpe', 'spawnlp', 'spawnlpe'}


def _whichmodule(obj, name):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    found = _pickle.native_module(obj, name)
    if found == 'os' and name not in _OS_IN_PYTHON:
        # CPython's os functions written in C live in `posix`.
        return 'posix'
    if found is not None:
        return found
    return '__main__'


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self.proto = _check_protocol(protocol)
        if not hasattr(file, 'write'):
            raise TypeError("file must have a 'write' attribute")
        self._file = file
        self.fix_imports = fix_imports and self.proto < 3
        self.memo = {}
        self.bin = True
        self.fast = 0

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        self._framer = _Framer()
        self.write = self._framer.write
        if self.proto >= 2:
            self.write(PROTO + _pack('<B', self.proto))
        if self.proto >= 4:
            self._framer.start_framing()
        try:
            self.save(obj)
        except RecursionError:
            # CPython's C pickler counts its own nesting and says where it was.
            raise RecursionError('maximum recursion depth exceeded while pickling an object') \
                from None
        self.write(STOP)
        self._framer.end_framing()
        self._file.write(self._framer.getvalue())

    def memoize(self, obj):
        idx = len(self.memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        else:
            self.write(self.put(idx))
        self.memo[_memo_key(obj)] = idx, obj

    def put(self, idx):
        if self.proto == 0:
            return PUT + repr(idx).encode('ascii') + b'\n'
        if idx < 256:
            return BINPUT + _pack('<B', idx)
        return LONG_BINPUT + _pack('<I', idx)

    def get(self, i):
        if self.proto == 0:
            return GET + repr(i).encode('ascii') + b'\n'
        if i < 256:
            return BINGET + _pack('<B', i)
        return LONG_BINGET + _pack('<I', i)

    def save(self, obj, save_persistent_id=True):
        self._framer.commit_frame()
        if obj is _latin1_encode and self.proto < 4:
            x = self.memo.get(id(obj))
            if x is not None:
                self.write(self.get(x[0]))
            else:
                self.write(GLOBAL + b'_codecs\nencode\n')
                self.memoize(obj)
            return
        x = self.memo.get(_memo_key(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        t = type(obj)
        f = self.dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        if issubclass(t, type):
            self.save_global(obj)
            return
        if t.__name__ in ('function', 'builtin_function_or_method'):
            self.save_global(obj)
            return
        if t.__name__ in ('wrapper_descriptor', 'method_descriptor'):
            # `str.upper`: CPython's descriptors reduce to getattr(type, name).
            self.save_reduce(getattr, (obj.__objclass__, obj.__name__), obj=obj)
            return
        reduce = getattr(obj, '__reduce_ex__', None)
        if reduce is not None:
            rv = reduce(self.proto)
        else:
            # No reduction of its own: what the copying across processes says of it (a Lock,
            # a generator, a module...).
            _pickle.refuse(obj)
            reduce = getattr(obj, '__reduce__', None)
            if reduce is None:
                raise PicklingError("Can't pickle %r object: %r" % (t.__name__, obj))
            rv = reduce()
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("%s must return a string or tuple" % '__reduce__')
        if not (2 <= len(rv) <= 6):
            raise PicklingError("tuple returned by %s must contain 2 through 6 elements"
                                % '__reduce__')
        self.save_reduce(*rv, obj=obj)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        save = self.save
        write = self.write
        func_name = getattr(func, '__name__', '')
        if self.proto >= 2 and func_name == '__newobj_ex__':
            cls, args, kwargs = args
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj_ex__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj_ex__ args has the wrong class")
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                from functools import partial
                save(partial(cls.__new__, cls, *args, **kwargs))
                save(())
                write(REDUCE)
        elif self.proto >= 2 and func_name == '__newobj__':
            cls = args[0]
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            args = args[1:]
            save(cls)
            save(args)
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    dispatch = {}

    def save_none(self, obj):
        self.write(NONE)
    dispatch[type(None)] = save_none

    def save_bool(self, obj):
        if self.proto < 2:
            self.write(b'I01\n' if obj else b'I00\n')
            return
        self.write(NEWTRUE if obj else NEWFALSE)
    dispatch[bool] = save_bool

    def save_long(self, obj):
        if self.proto == 0:
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(INT + repr(obj).encode('ascii') + b'\n')
            else:
                self.write(LONG + repr(obj).encode('ascii') + b'L\n')
            return
        if obj >= 0:
            if obj <= 0xff:
                self.write(BININT1 + _pack('<B', obj))
                return
            if obj <= 0xffff:
                self.write(BININT2 + _pack('<H', obj))
                return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(BININT + _pack('<i', obj))
            return
        if self.proto < 2:
            self.write(LONG + repr(obj).encode('ascii') + b'L\n')
            return
        encoded = _encode_long(obj)
        n = len(encoded)
        if n < 256:
            self.write(LONG1 + _pack('<B', n) + encoded)
        else:
            self.write(LONG4 + _pack('<i', n) + encoded)
    dispatch[int] = save_long

    def save_float(self, obj):
        if self.proto == 0:
            self.write(FLOAT + repr(obj).encode('ascii') + b'\n')
            return
        self.write(BINFLOAT + _pack('>d', obj))
    dispatch[float] = save_float

    def _write_bytes(self, header, payload):
        if len(payload) >= _FRAME_SIZE_TARGET and self.proto >= 4:
            self._framer.write_large_bytes(header, payload)
        else:
            self.write(header + payload)

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                # CPython's `_codecs.encode(text, 'latin1')`: forkyard has no `_codecs` module,
                # so the global is written by name and read back as `_latin1_encode`.
                self.write(GLOBAL + b'_codecs\nencode\n')
                self.memoize(_latin1_encode)
                self.save((str(obj, 'latin1'), 'latin1'))
                self.write(REDUCE)
                self.memoize(obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + _pack('<B', n) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_bytes(BINBYTES8 + _pack('<Q', n), obj)
        else:
            self._write_bytes(BINBYTES + _pack('<I', n), obj)
        self.memoize(obj)
    dispatch[bytes] = save_bytes

    def save_bytearray(self, obj):
        if self.proto < 5:
            self.save_reduce(bytearray, (bytes(obj),) if obj else (), obj=obj)
            return
        self._write_bytes(BYTEARRAY8 + _pack('<Q', len(obj)), bytes(obj))
        self.memoize(obj)
    dispatch[bytearray] = save_bytearray

    def save_str(self, obj):
        if self.proto == 0:
            self.write(UNICODE + _raw_unicode_escape(obj) + b'\n')
            self.memoize(obj)
            return
        encoded = obj.encode('utf-8', 'surrogatepass')
        n = len(encoded)
        if n <= 0xff and self.proto >= 4:
            self.write(SHORT_BINUNICODE + _pack('<B', n) + encoded)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_bytes(BINUNICODE8 + _pack('<Q', n), encoded)
        else:
            self._write_bytes(BINUNICODE + _pack('<I', n), encoded)
        self.memoize(obj)
    dispatch[str] = save_str

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE if self.proto else MARK + TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            if id(obj) in memo:
                get = self.get(memo[id(obj)][0])
                self.write(POP * n + get)
            else:
                self.write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
                self.memoize(obj)
            return
        write = self.write
        write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            if self.proto:
                write(POP_MARK + self.get(memo[id(obj)][0]))
            else:
                write(POP * (n + 1) + self.get(memo[id(obj)][0]))
            return
        write(TUPLE)
        self.memoize(obj)
    dispatch[tuple] = save_tuple

    def save_list(self, obj):
        if self.proto == 0:
            # The text protocol: one APPEND per item.
            self.write(MARK + LIST)
            self.memoize(obj)
            for x in obj:
                self.save(x)
                self.write(APPEND)
            return
        self.write(EMPTY_LIST)
        self.memoize(obj)
        self._batch_exact(obj, APPEND, APPENDS, False)
    dispatch[list] = save_list

    _BATCHSIZE = 1000

    def _batch_exact(self, items, one, many, pairs):
        # CPython's C pickler on an exact list or dict: APPEND/SETITEM only when it holds one
        # item; otherwise every batch, even a last one of a single item, is MARK ... APPENDS;
        # a dict's loop runs again after a full batch, so 1000 items end with an empty batch.
        save = self.save
        write = self.write
        n = len(items)
        if n == 1:
            if pairs:
                save(items[0][0])
                save(items[0][1])
            else:
                save(items[0])
            write(one)
            return
        i = 0
        while i < n:
            write(MARK)
            for x in items[i:i + self._BATCHSIZE]:
                if pairs:
                    save(x[0])
                    save(x[1])
                else:
                    save(x)
            write(many)
            i += self._BATCHSIZE
        if pairs and n and n % self._BATCHSIZE == 0:
            write(MARK + many)

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        if self.proto == 0:
            for x in items:
                save(x)
                write(APPEND)
            return
        it = iter(items)
        while True:
            tmp = []
            for x in it:
                tmp.append(x)
                if len(tmp) == self._BATCHSIZE:
                    break
            n = len(tmp)
            if n > 1:
                write(MARK)
                for x in tmp:
                    save(x)
                write(APPENDS)
            elif n:
                save(tmp[0])
                write(APPEND)
            if n < self._BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.proto == 0:
            self.write(MARK + DICT)
            self.memoize(obj)
            for k, v in list(obj.items()):
                self.save(k)
                self.save(v)
                self.write(SETITEM)
            return
        self.write(EMPTY_DICT)
        self.memoize(obj)
        self._batch_exact(list(obj.items()), SETITEM, SETITEMS, True)
    dispatch[dict] = save_dict

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if self.proto == 0:
            for k, v in items:
                save(k)
                save(v)
                write(SETITEM)
            return
        it = iter(items)
        while True:
            tmp = []
            for x in it:
                tmp.append(x)
                if len(tmp) == self._BATCHSIZE:
                    break
            n = len(tmp)
            if n > 1:
                write(MARK)
                for k, v in tmp:
                    save(k)
                    save(v)
                write(SETITEMS)
            elif n:
                k, v = tmp[0]
                save(k)
                save(v)
                write(SETITEM)
            if n < self._BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        save = self.save
        write = self.write
        write(EMPTY_SET)
        self.memoize(obj)
        it = iter(obj)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == self._BATCHSIZE:
                    break
            n = len(batch)
            # The C pickler writes every batch, the empty one after a full batch too; an
            # empty set has none.
            if n > 0 or len(obj):
                write(MARK)
                for item in batch:
                    save(item)
                write(ADDITEMS)
            if n < self._BATCHSIZE:
                return
    dispatch[set] = save_set

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        write = self.write
        write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        write(FROZENSET)
        self.memoize(obj)
    dispatch[frozenset] = save_frozenset

    def save_global(self, obj, name=None):
        write = self.write
        if name is None:
            name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
        module_name = _whichmodule(obj, name)
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % name)
        ok, obj2 = _pickle.find_global('os' if module_name == 'posix' else module_name, name)
        if not ok:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name.split('.')[-1], module_name))
        if obj2 is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        else:
            if self.fix_imports:
                if (module_name, name) in _REVERSE_NAME:
                    module_name, name = _REVERSE_NAME[(module_name, name)]
                else:
                    module_name = _REVERSE_IMPORT.get(module_name, module_name)
            if '.' in name:
                # Before protocol 4 a nested name is getattr(parent, last).
                parent_name, last = name.rsplit('.', 1)
                parent = _pickle.find_global(module_name, parent_name)[1]
                self.save_reduce(getattr, (parent, last))
                self.memoize(obj)
                return
            write(GLOBAL + bytes(module_name, 'utf-8') + b'\n' + bytes(name, 'utf-8') + b'\n')
        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)
    dispatch[type] = save_type


_EMPTY = object()


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict',
                 buffers=None):
        if not hasattr(file, 'read'):
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file = file
        self._data = None
        self.memo = {}
        self.fix_imports = fix_imports

    def load(self):
        self._data = self._file.read()
        self._pos = 0
        if not self._data:
            raise EOFError('Ran out of input')
        self.metastack = []
        self.stack = []
        self.proto = 0
        data = self._data
        dispatch = self.dispatch
        while True:
            if self._pos >= len(data):
                raise UnpicklingError('pickle data was truncated')
            key = data[self._pos]
            self._pos += 1
            f = dispatch.get(key)
            if f is None:
                if 0x20 <= key <= 0x7e and key != 0x5c:
                    shown = chr(key)
                else:
                    shown = '\\x%02x' % key
                raise UnpicklingError("invalid load key, '%s'." % shown)
            if f(self):
                # The rest of the file stays for the next load.
                rest = data[self._pos:]
                if rest and hasattr(self._file, 'seek'):
                    self._file.seek(-len(rest), 1)
                return self._stop_value

    def read(self, n):
        end = self._pos + n
        if end > len(self._data):
            raise UnpicklingError('pickle data was truncated')
        chunk = self._data[self._pos:end]
        self._pos = end
        return chunk

    def readline(self):
        end = self._data.find(b'\n', self._pos)
        if end < 0:
            raise UnpicklingError('pickle data was truncated')
        line = self._data[self._pos:end + 1]
        self._pos = end + 1
        return line

    def pop_mark(self):
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    def find_class(self, module, name):
        if module == '_codecs' and name == 'encode':
            return _latin1_encode
        if module == 'posix':
            module = 'os'
        if self.proto < 3 and self.fix_imports:
            if (module, name) in _NAME:
                module, name = _NAME[(module, name)]
            else:
                module = _IMPORT.get(module, module)
        ok, obj = _pickle.find_global(module, name)
        if not ok:
            shown = "<module '%s'>" % module
            if module == '__main__':
                has_file, file = _pickle.find_global('__main__', '__file__')
                if has_file:
                    shown = "<module '__main__' from %r>" % file
            raise AttributeError("Can't get attribute '%s' on %s" % (name, shown))
        return obj

    dispatch = {}

    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError('unsupported pickle protocol: %d' % proto)
        self.proto = proto
    dispatch[PROTO[0]] = load_proto

    def load_frame(self):
        self.read(8)
    dispatch[FRAME[0]] = load_frame

    def load_stop(self):
        self._stop_value = self.stack.pop()
        return True
    dispatch[STOP[0]] = load_stop

    def load_none(self):
        self.stack.append(None)
    dispatch[NONE[0]] = load_none

    def load_false(self):
        self.stack.append(False)
    dispatch[NEWFALSE[0]] = load_false

    def load_true(self):
        self.stack.append(True)
    dispatch[NEWTRUE[0]] = load_true

    def load_int(self):
        data = self.readline()
        if data == b'00\n':
            self.stack.append(False)
        elif data == b'01\n':
            self.stack.append(True)
        else:
            self.stack.append(int(data.decode("ascii")))
    dispatch[INT[0]] = load_int

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == ord('L'):
            val = val[:-1]
        self.stack.append(int(val.decode("ascii")))
    dispatch[LONG[0]] = load_long

    def load_float(self):
        self.stack.append(float(self.readline()[:-1].decode('ascii')))
    dispatch[FLOAT[0]] = load_float

    def load_unicode(self):
        line = self.readline()[:-1]
        out = []
        i = 0
        while i < len(line):
            c = line[i]
            if c == 0x5c and line[i + 1:i + 2] in (b'u', b'U'):
                width = 4 if line[i + 1] == 0x75 else 8
                out.append(chr(int(line[i + 2:i + 2 + width].decode('ascii'), 16)))
                i += 2 + width
            else:
                out.append(chr(c))
                i += 1
        self.stack.append(''.join(out))
    dispatch[UNICODE[0]] = load_unicode

    def load_put(self):
        i = int(self.readline()[:-1].decode('ascii'))
        if i < 0:
            raise ValueError('negative PUT argument')
        self.memo[i] = self.stack[-1]
    dispatch[PUT[0]] = load_put

    def load_get(self):
        self._get(int(self.readline()[:-1].decode('ascii')))
    dispatch[GET[0]] = load_get

    def load_binint(self):
        self.stack.append(int.from_bytes(self.read(4), 'little', signed=True))
    dispatch[BININT[0]] = load_binint

    def load_binint1(self):
        self.stack.append(self.read(1)[0])
    dispatch[BININT1[0]] = load_binint1

    def load_binint2(self):
        self.stack.append(int.from_bytes(self.read(2), 'little'))
    dispatch[BININT2[0]] = load_binint2

    def load_long1(self):
        n = self.read(1)[0]
        self.stack.append(_decode_long(self.read(n)))
    dispatch[LONG1[0]] = load_long1

    def load_long4(self):
        n = int.from_bytes(self.read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError('LONG pickle has negative byte count')
        self.stack.append(_decode_long(self.read(n)))
    dispatch[LONG4[0]] = load_long4

    def load_binfloat(self):
        self.stack.append(struct.unpack('>d', self.read(8))[0])
    dispatch[BINFLOAT[0]] = load_binfloat

    def _str(self, n):
        self.stack.append(str(self.read(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        self._str(self.read(1)[0])
    dispatch[SHORT_BINUNICODE[0]] = load_short_binunicode

    def load_binunicode(self):
        self._str(int.from_bytes(self.read(4), 'little'))
    dispatch[BINUNICODE[0]] = load_binunicode

    def load_binunicode8(self):
        self._str(int.from_bytes(self.read(8), 'little'))
    dispatch[BINUNICODE8[0]] = load_binunicode8

    def load_short_binbytes(self):
        self.stack.append(self.read(self.read(1)[0]))
    dispatch[SHORT_BINBYTES[0]] = load_short_binbytes

    def load_binbytes(self):
        self.stack.append(self.read(int.from_bytes(self.read(4), 'little')))
    dispatch[BINBYTES[0]] = load_binbytes

    def load_binbytes8(self):
        self.stack.append(self.read(int.from_bytes(self.read(8), 'little')))
    dispatch[BINBYTES8[0]] = load_binbytes8

    def load_bytearray8(self):
        self.stack.append(bytearray(self.read(int.from_bytes(self.read(8), 'little'))))
    dispatch[BYTEARRAY8[0]] = load_bytearray8

    def load_tuple(self):
        items = self.pop_mark()
        self.stack.append(tuple(items))
    dispatch[TUPLE[0]] = load_tuple

    def load_empty_tuple(self):
        self.stack.append(())
    dispatch[EMPTY_TUPLE[0]] = load_empty_tuple

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)
    dispatch[TUPLE1[0]] = load_tuple1

    def load_tuple2(self):
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]
    dispatch[TUPLE2[0]] = load_tuple2

    def load_tuple3(self):
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]
    dispatch[TUPLE3[0]] = load_tuple3

    def load_empty_list(self):
        self.stack.append([])
    dispatch[EMPTY_LIST[0]] = load_empty_list

    def load_empty_dict(self):
        self.stack.append({})
    dispatch[EMPTY_DICT[0]] = load_empty_dict

    def load_empty_set(self):
        self.stack.append(set())
    dispatch[EMPTY_SET[0]] = load_empty_set

    def load_frozenset(self):
        items = self.pop_mark()
        self.stack.append(frozenset(items))
    dispatch[FROZENSET[0]] = load_frozenset

    def load_list(self):
        items = self.pop_mark()
        self.stack.append(items)
    dispatch[LIST[0]] = load_list

    def load_dict(self):
        items = self.pop_mark()
        d = {}
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]
        self.stack.append(d)
    dispatch[DICT[0]] = load_dict

    def load_newobj(self):
        args = self.stack.pop()
        cls = self.stack.pop()
        self.stack.append(cls.__new__(cls, *args))
    dispatch[NEWOBJ[0]] = load_newobj

    def load_newobj_ex(self):
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        self.stack.append(cls.__new__(cls, *args, **kwargs))
    dispatch[NEWOBJ_EX[0]] = load_newobj_ex

    def load_global(self):
        module = self.readline()[:-1].decode('utf-8')
        name = self.readline()[:-1].decode('utf-8')
        self.stack.append(self.find_class(module, name))
    dispatch[GLOBAL[0]] = load_global

    def load_stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError('STACK_GLOBAL requires str')
        self.stack.append(self.find_class(module, name))
    dispatch[STACK_GLOBAL[0]] = load_stack_global

    def load_reduce(self):
        args = self.stack.pop()
        func = self.stack[-1]
        self.stack[-1] = func(*args)
    dispatch[REDUCE[0]] = load_reduce

    def load_pop(self):
        if self.stack:
            self.stack.pop()
        else:
            self.pop_mark()
    dispatch[POP[0]] = load_pop

    def load_pop_mark(self):
        self.pop_mark()
    dispatch[POP_MARK[0]] = load_pop_mark

    def load_dup(self):
        self.stack.append(self.stack[-1])
    dispatch[DUP[0]] = load_dup

    def _get(self, i):
        try:
            self.stack.append(self.memo[i])
        except KeyError:
            raise UnpicklingError('Memo value not found at index %d' % i) from None

    def load_binget(self):
        self._get(self.read(1)[0])
    dispatch[BINGET[0]] = load_binget

    def load_long_binget(self):
        self._get(int.from_bytes(self.read(4), 'little'))
    dispatch[LONG_BINGET[0]] = load_long_binget

    def load_binput(self):
        self.memo[self.read(1)[0]] = self.stack[-1]
    dispatch[BINPUT[0]] = load_binput

    def load_long_binput(self):
        self.memo[int.from_bytes(self.read(4), 'little')] = self.stack[-1]
    dispatch[LONG_BINPUT[0]] = load_long_binput

    def load_memoize(self):
        self.memo[len(self.memo)] = self.stack[-1]
    dispatch[MEMOIZE[0]] = load_memoize

    def load_append(self):
        value = self.stack.pop()
        self.stack[-1].append(value)
    dispatch[APPEND[0]] = load_append

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.stack[-1]
        if isinstance(list_obj, list):
            list_obj.extend(items)
        else:
            for item in items:
                list_obj.append(item)
    dispatch[APPENDS[0]] = load_appends

    def load_setitem(self):
        value = self.stack.pop()
        key = self.stack.pop()
        self.stack[-1][key] = value
    dispatch[SETITEM[0]] = load_setitem

    def load_setitems(self):
        items = self.pop_mark()
        d = self.stack[-1]
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]
    dispatch[SETITEMS[0]] = load_setitems

    def load_additems(self):
        items = self.pop_mark()
        s = self.stack[-1]
        if isinstance(s, set):
            s.update(items)
        else:
            for item in items:
                s.add(item)
    dispatch[ADDITEMS[0]] = load_additems

    def load_build(self):
        state = self.stack.pop()
        inst = self.stack[-1]
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)
    dispatch[BUILD[0]] = load_build

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
    dispatch[MARK[0]] = load_mark


class _Bytes:
    """The bytes `loads` reads, as the file `Unpickler` reads from."""

    def __init__(self, data):
        self._data = data

    def read(self):
        return self._data


class _Out:
    def __init__(self):
        self.value = b''

    def write(self, data):
        self.value = data


def _check_file(file, what):
    import io
    if not isinstance(file, io.BytesIO):
        raise TypeError("pickle.%s in forkyard takes an io.BytesIO: lesson programs cannot reach "
                        "the machine's files" % what)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    _check_file(file, 'dump')
    Pickler(file, protocol, fix_imports=fix_imports).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    out = _Out()
    Pickler(out, protocol, fix_imports=fix_imports).dump(obj)
    return out.value


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    _check_file(file, 'load')
    return Unpickler(file, fix_imports=fix_imports).load()


def loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return Unpickler(_Bytes(bytes(data)), fix_imports=fix_imports).load()
