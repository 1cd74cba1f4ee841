"""In-memory streams: StringIO (text) and BytesIO (bytes), the files a program writes into and
reads back without touching the machine (contextlib.redirect_stdout's usual target).

Real files, the `open` family and the raw/buffered layers are not here: lesson programs cannot
reach the machine. Messages are CPython 3.11's C implementation's.
"""

__all__ = ['StringIO', 'BytesIO', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'UnsupportedOperation']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class _MemoryIO:
    """What StringIO and BytesIO share: a buffer, a position, and the file methods over them."""

    _empty = ''
    _kind = 'string'

    def __init__(self, initial_value=None):
        self._buf = self._empty
        self._pos = 0
        self._closed = False
        if initial_value is not None:
            self._check_type(initial_value, 'initial_value')
            self._buf = self._copy(initial_value)

    def _check_type(self, value, what):
        raise NotImplementedError

    def _copy(self, value):
        return value

    def _check_open(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.' if self._kind == 'bytes'
                             else 'I/O operation on closed file')

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def getvalue(self):
        self._check_open()
        return self._buf

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            if pos != 0 and self._kind == 'string':
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and self._kind == 'string':
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def write(self, s):
        self._check_open()
        self._check_type(s, 'write')
        n = len(s)
        if n == 0:
            return 0
        buf = self._buf
        if self._pos > len(buf):
            # Writing past the end fills the gap with NULs, as CPython does.
            buf = buf + self._nul * (self._pos - len(buf))
        self._buf = buf[:self._pos] + self._copy(s) + buf[self._pos + n:]
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        start = min(self._pos, len(self._buf))
        out = self._buf[start:end]
        self._pos = max(self._pos, end)
        return out

    def readline(self, size=-1):
        self._check_open()
        buf = self._buf
        start = min(self._pos, len(buf))
        nl = buf.find(self._newline, start)
        end = len(buf) if nl < 0 else nl + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return buf[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f'Negative size value {size}')
        self._buf = self._buf[:size]
        return size

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_MemoryIO):
    """A text stream kept in memory: write() appends at the position, getvalue() is the text."""

    _empty = ''
    _nul = '\0'
    _newline = '\n'
    _kind = 'string'

    def __init__(self, initial_value='', newline='\n'):
        super().__init__(None)
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not '
                            f'{type(initial_value).__name__}')
        if initial_value:
            self._buf = initial_value

    def _check_type(self, value, what):
        if not isinstance(value, str):
            raise TypeError(f"string argument expected, got '{type(value).__name__}'")

    def __repr__(self):
        return f'<_io.StringIO object at {hex(id(self))}>'


class BytesIO(_MemoryIO):
    """A bytes stream kept in memory."""

    _empty = b''
    _nul = b'\0'
    _newline = b'\n'
    _kind = 'bytes'

    def _check_type(self, value, what):
        if not isinstance(value, (bytes, bytearray)):
            raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'")

    def _copy(self, value):
        return bytes(value)

    def __repr__(self):
        return f'<_io.BytesIO object at {hex(id(self))}>'
