"""JSON encoding and decoding with CPython's output, options and error messages."""


class JSONDecodeError(ValueError):
    """What loads raises for text that is not JSON: the message, the text and where."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_ESCAPES = {
    '"': '\\"',
    '\\': '\\\\',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
            continue
        code = ord(ch)
        if code < 0x20 or (ensure_ascii and code > 0x7e):
            if code > 0xffff:
                code -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff)))
            else:
                out.append('\\u%04x' % code)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float_text(f, allow_nan):
    if f != f:
        text = 'NaN'
    elif f == float('inf'):
        text = 'Infinity'
    elif f == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(f)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class JSONEncoder:
    """Turns Python values into JSON text (what dumps uses)."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self._encode(o, chunks, indent, 0, {} if self.check_circular else None)
        return chunks

    def _key(self, key):
        if isinstance(key, str):
            return key
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')

    def _encode(self, o, out, indent, level, markers):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, indent, level, markers)
        elif isinstance(o, dict):
            self._encode_dict(o, out, indent, level, markers)
        else:
            marker = self._enter(o, markers)
            self._encode(self.default(o), out, indent, level, markers)
            self._leave(marker, markers)

    def _enter(self, o, markers):
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError('Circular reference detected')
        markers[marker] = o
        return marker

    def _leave(self, marker, markers):
        if markers is not None:
            del markers[marker]

    def _encode_list(self, lst, out, indent, level, markers):
        if not lst:
            out.append('[]')
            return
        marker = self._enter(lst, markers)
        out.append('[')
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            separator = self.item_separator + newline
            out.append(newline)
        else:
            newline = None
            separator = self.item_separator
        first = True
        for value in lst:
            if not first:
                out.append(separator)
            first = False
            self._encode(value, out, indent, level, markers)
        if newline is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append(']')
        self._leave(marker, markers)

    def _encode_dict(self, dct, out, indent, level, markers):
        if not dct:
            out.append('{}')
            return
        marker = self._enter(dct, markers)
        out.append('{')
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            separator = self.item_separator + newline
            out.append(newline)
        else:
            newline = None
            separator = self.item_separator
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(_quote(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, indent, level, markers)
        if newline is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append('}')
        self._leave(marker, markers)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """The JSON text of obj."""
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    """Write the JSON text of obj to fp (anything with a write method, such as sys.stdout)."""
    for chunk in JSONEncoder(**kw).iterencode(obj) if 'cls' not in kw else [dumps(obj, **kw)]:
        fp.write(chunk)


_WHITESPACE = ' \t\n\r'
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}


class JSONDecoder:
    """Turns JSON text into Python values (what loads uses)."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        pos = self._skip(s, 0)
        obj, end = self.raw_decode(s, pos)
        end = self._skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None

    def _skip(self, s, pos):
        n = len(s)
        while pos < n and s[pos] in _WHITESPACE:
            pos += 1
        return pos

    def _value(self, s, pos):
        if pos >= len(s):
            raise StopIteration(pos)
        ch = s[pos]
        if ch == '"':
            return self._string(s, pos + 1)
        if ch == '{':
            return self._object(s, pos + 1)
        if ch == '[':
            return self._array(s, pos + 1)
        if ch == 'n' and s.startswith('null', pos):
            return None, pos + 4
        if ch == 't' and s.startswith('true', pos):
            return True, pos + 4
        if ch == 'f' and s.startswith('false', pos):
            return False, pos + 5
        if ch == 'N' and s.startswith('NaN', pos):
            return self.parse_constant('NaN'), pos + 3
        if ch == 'I' and s.startswith('Infinity', pos):
            return self.parse_constant('Infinity'), pos + 8
        if ch == '-' and s.startswith('-Infinity', pos):
            return self.parse_constant('-Infinity'), pos + 9
        return self._number(s, pos)

    def _number(self, s, pos):
        n = len(s)
        end = pos
        if end < n and s[end] == '-':
            end += 1
        if end < n and s[end] == '0':
            end += 1
        elif end < n and '1' <= s[end] <= '9':
            while end < n and '0' <= s[end] <= '9':
                end += 1
        else:
            raise StopIteration(pos)
        is_float = False
        if end + 1 < n and s[end] == '.' and '0' <= s[end + 1] <= '9':
            is_float = True
            end += 1
            while end < n and '0' <= s[end] <= '9':
                end += 1
        if end < n and s[end] in 'eE':
            exp = end + 1
            if exp < n and s[exp] in '+-':
                exp += 1
            if exp < n and '0' <= s[exp] <= '9':
                is_float = True
                end = exp
                while end < n and '0' <= s[end] <= '9':
                    end += 1
        text = s[pos:end]
        if is_float:
            return self.parse_float(text), end
        return self.parse_int(text), end

    def _string(self, s, pos):
        begin = pos - 1
        chunks = []
        n = len(s)
        while True:
            start = pos
            while pos < n and s[pos] != '"' and s[pos] != '\\' and (s[pos] >= ' ' or not self.strict):
                pos += 1
            chunks.append(s[start:pos])
            if pos >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            ch = s[pos]
            if ch == '"':
                return ''.join(chunks), pos + 1
            if ch != '\\':
                raise JSONDecodeError('Invalid control character at', s, pos)
            pos += 1
            if pos >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            esc = s[pos]
            if esc != 'u':
                if esc not in _BACKSLASH:
                    raise JSONDecodeError('Invalid \\escape', s, pos - 1)
                chunks.append(_BACKSLASH[esc])
                pos += 1
                continue
            code = self._hex4(s, pos + 1)
            pos += 5
            if 0xd800 <= code <= 0xdbff and s[pos:pos + 2] == '\\u':
                low = self._hex4(s, pos + 2)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    pos += 6
            chunks.append(chr(code))

    def _hex4(self, s, pos):
        text = s[pos:pos + 4]
        if len(text) == 4 and all(c in '0123456789abcdefABCDEF' for c in text):
            return int(text, 16)
        raise JSONDecodeError('Invalid \\uXXXX escape', s, pos - 1)

    def _object(self, s, pos):
        pairs = []
        pos = self._skip(s, pos)
        if pos < len(s) and s[pos] == '}':
            return self._finish_object(pairs), pos + 1
        while True:
            if pos >= len(s) or s[pos] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, pos)
            key, pos = self._string(s, pos + 1)
            pos = self._skip(s, pos)
            if pos >= len(s) or s[pos] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, pos)
            pos = self._skip(s, pos + 1)
            try:
                value, pos = self._value(s, pos)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            pairs.append((key, value))
            pos = self._skip(s, pos)
            if pos < len(s) and s[pos] == '}':
                return self._finish_object(pairs), pos + 1
            if pos >= len(s) or s[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, pos)
            pos = self._skip(s, pos + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def _array(self, s, pos):
        values = []
        pos = self._skip(s, pos)
        if pos < len(s) and s[pos] == ']':
            return values, pos + 1
        while True:
            try:
                value, pos = self._value(s, pos)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            values.append(value)
            pos = self._skip(s, pos)
            if pos < len(s) and s[pos] == ']':
                return values, pos + 1
            if pos >= len(s) or s[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, pos)
            pos = self._skip(s, pos + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON text s."""
    if isinstance(s, bytes) or type(s).__name__ == 'bytearray':
        s = s.decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    """The Python value of the JSON text read from fp."""
    return loads(fp.read(), **kw)
