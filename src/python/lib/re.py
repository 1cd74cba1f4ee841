"""Regular expressions: patterns compiled once and matched against strings.

The matching itself is in Rust (src/python/modules/re_native.rs, on the fancy-regex crate), as
CPython's is in C; this module is the Python-facing part: flags, Pattern and Match objects,
sub/split/findall built on the engine's matches, and replacement templates.

A bytes pattern (re.compile(rb'...')) runs on the same engine: the pattern and the bytes searched
are read as latin-1 text (one character per byte, so positions are byte offsets) with the ASCII
flag, which gives \\w, \\d, \\s and IGNORECASE their ASCII-only meaning as CPython's bytes patterns
have it; what comes back is encoded to bytes again.
"""

import _re


class RegexFlag(int):
    """A flag of re, or several or-ed together; shows as re.IGNORECASE|re.MULTILINE."""

    def __repr__(self):
        # Named in the order the flags are defined, as CPython's enum shows them.
        return _flag_names(int(self), _ENUM_ORDER, "re.RegexFlag(%d)", "re.NOFLAG")

    __str__ = __repr__

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__


def _flag_names(value, order, alone, zero):
    """value as re.A|re.B names, in the given order; bits without a name as one hex number."""
    names = []
    for name, bit in order:
        if value & bit:
            names.append("re." + name)
            value &= ~bit
    if not names:
        return alone % value if value else zero
    if value:
        names.append(hex(value))
    return "|".join(names)


# The order CPython's Pattern repr names flags in (its C code's table).
_PATTERN_ORDER = [
    ("TEMPLATE", 1),
    ("IGNORECASE", 2),
    ("LOCALE", 4),
    ("MULTILINE", 8),
    ("DOTALL", 16),
    ("UNICODE", 32),
    ("VERBOSE", 64),
    ("DEBUG", 128),
    ("ASCII", 256),
]

# The order the RegexFlag enum defines its members in.
_ENUM_ORDER = [
    ("ASCII", 256),
    ("IGNORECASE", 2),
    ("LOCALE", 4),
    ("UNICODE", 32),
    ("MULTILINE", 8),
    ("DOTALL", 16),
    ("VERBOSE", 64),
    ("TEMPLATE", 1),
    ("DEBUG", 128),
]

NOFLAG = RegexFlag(0)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
A = ASCII = RegexFlag(256)


class error(Exception):
    """A pattern that is not a regular expression: msg, pattern, pos, lineno and colno say where."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            newline = b"\n" if isinstance(pattern, bytes) else "\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s at position %d (line %d, column %d)" % (msg, pos, self.lineno, self.colno)
            else:
                msg = "%s at position %d" % (msg, pos)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


def _engine(call, pattern, *args):
    """Call the engine, turning its report of a bad pattern into re.error."""
    try:
        return call(*args)
    except ValueError as e:
        text = str(e)
        if "\0" not in text:
            raise
        msg, _, pos = text.partition("\0")
        raise error(msg, pattern, int(pos) if pos else None) from None


class Pattern:
    """A compiled regular expression: what re.compile returns."""

    def __init__(self, pattern, flags):
        self.pattern = pattern
        self._bytes = isinstance(pattern, bytes)
        if flags & ASCII and flags & UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
        if self._bytes:
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            if flags & LOCALE:
                raise ValueError("cannot use LOCALE flag with a bytes pattern (forkyard)")
            text = pattern.decode("latin-1")
            _check_bytes_escapes(text, pattern)
            engine_flags = int(flags) | 256
        else:
            if flags & LOCALE:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            text = pattern
            engine_flags = int(flags)
        groups, names, all_flags = _engine(_re.compile_info, pattern, text, engine_flags)
        # What the engine is called with: the text and every flag, inline ones included.
        self._text = text
        self._eflags = all_flags
        if self._bytes:
            # A bytes pattern has no UNICODE flag, and ASCII only when the program gave it.
            all_flags &= ~32
            if not flags & ASCII:
                all_flags &= ~256
        self.flags = all_flags
        self.groups = groups
        # CPython gives a read-only view of the names, or a plain {} when there are none.
        self.groupindex = mappingproxy(names) if names else {}

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags & ~32
        if flags:
            return "re.compile(%s, %s)" % (text, _flag_names(flags, _PATTERN_ORDER, "%#x", ""))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    def _subject(self, s):
        """The text the engine searches: s itself, or bytes read as latin-1."""
        if self._bytes:
            if isinstance(s, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            if not isinstance(s, (bytes, bytearray, memoryview)):
                raise TypeError("expected string or bytes-like object, got '%s'"
                                % type(s).__name__)
            return bytes(s).decode("latin-1")
        if isinstance(s, (bytes, bytearray, memoryview)):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        _check_string(s)
        return s

    def _out(self, v):
        """An engine result back in the pattern's type (bytes for a bytes pattern)."""
        if not self._bytes or v is None:
            return v
        if isinstance(v, str):
            return v.encode("latin-1")
        if isinstance(v, tuple):
            return tuple(self._out(x) for x in v)
        return [self._out(x) for x in v]

    def _scan(self, string, pos, endpos, mode):
        text = self._subject(string)
        if endpos is None:
            endpos = len(string)
        spans = _re.scan(self._text, self._eflags, text, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=None):
        """A Match where the pattern matches at pos, or None."""
        return self._scan(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        """The first Match anywhere in string[pos:endpos], or None."""
        return self._scan(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        """A Match when the pattern matches all of string[pos:endpos], or None."""
        return self._scan(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        """An iterator of a Match for each non-overlapping match."""
        text = self._subject(string)
        if endpos is None:
            endpos = len(string)
        for spans in _re.scan_all(self._text, self._eflags, text, pos, endpos):
            yield Match(self, string, pos, endpos, spans)

    def findall(self, string, pos=0, endpos=None):
        """Every match: the matched strings, a group's strings, or tuples of the groups."""
        text = self._subject(string)
        if endpos is None:
            endpos = len(string)
        return self._out(_re.findall(self._text, self._eflags, text, pos, endpos))

    def subn(self, repl, string, count=0):
        """(new string, number of replacements made)."""
        text = self._subject(string)
        if not callable(repl):
            if self._bytes:
                if not isinstance(repl, (bytes, bytearray)):
                    raise TypeError("sequence item 0: expected a bytes-like object, %s found"
                                    % type(repl).__name__)
                repl = bytes(repl).decode("latin-1")
            else:
                _check_string(repl)
            parts = _parse_template(repl, self)
            new, n = _re.sub(self._text, self._eflags, text, 0, len(text), count, parts)
            return self._out(new), n
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            start, end = m.span()
            pieces.append(string[last:start])
            piece = repl(m)
            if piece is not None:
                if self._bytes:
                    if not isinstance(piece, (bytes, bytearray)):
                        raise TypeError("sequence item %d: expected a bytes-like object, %s "
                                        "found" % (len([p for p in pieces if p]),
                                                   type(piece).__name__))
                else:
                    _check_string(piece)
                pieces.append(piece)
            last = end
            n += 1
        pieces.append(string[last:])
        return (b"" if self._bytes else "").join(pieces), n

    def sub(self, repl, string, count=0):
        """string with matches replaced by repl (a template like r'\\1' or a function of a Match)."""
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        """string split where the pattern matches, with the groups' strings kept between pieces."""
        text = self._subject(string)
        return self._out(_re.split(self._text, self._eflags, text, 0, len(text), maxsplit))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class mappingproxy(dict):
    """Pattern.groupindex: the group numbers by name, read-only as in CPython."""

    def __repr__(self):
        return "mappingproxy(%s)" % dict.__repr__(self)

    def __str__(self):
        # As CPython's mappingproxy, str() shows the mapping itself.
        return dict.__repr__(self)

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")


def _check_string(s):
    if not isinstance(s, str):
        if isinstance(s, (bytes, bytearray)):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        raise TypeError("expected string or bytes-like object, got '%s'" % type(s).__name__)


class Match:
    """One match: the groups' spans over the string that was searched."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = max(0, min(pos, len(string)))
        self.endpos = max(0, min(endpos, len(string)))
        self._spans = spans

    @property
    def lastindex(self):
        """The group that closed last: the one ending furthest, the outer one of nested groups."""
        spans = self._spans
        last = None
        end = -1
        for g in range(1, len(spans) // 2):
            s, e = spans[2 * g], spans[2 * g + 1]
            if s >= 0 and e > end:
                end = e
                last = g
            elif s >= 0 and e == end and s < spans[2 * last]:
                last = g
        return last

    @property
    def lastgroup(self):
        """The name of the lastindex group, or None."""
        last = self.lastindex
        for name, index in self.re.groupindex.items():
            if index == last:
                return name
        return None

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
        raise IndexError("no such group")

    def span(self, group=0):
        """(start, end) of a group, (-1, -1) when it took no part."""
        g = self._index(group)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _group(self, g, default=None):
        s, e = self.span(g)
        if s < 0:
            return default
        if self.re._bytes and not isinstance(self.string, bytes):
            # A bytearray or memoryview searched: the groups are bytes, as in CPython.
            return bytes(self.string[s:e])
        return self.string[s:e]

    def group(self, *groups):
        """The text of a group (0 is the whole match), or a tuple of several."""
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        """The text of every group from 1 up, default for those that took no part."""
        return tuple(self._group(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """The named groups' text, by name."""
        return {name: self._group(index, default) for name, index in self.re.groupindex.items()}

    def expand(self, template):
        """template with \\1, \\g<name> and \\g<0> filled in from this match."""
        if self.re._bytes and isinstance(template, (bytes, bytearray)):
            template = bytes(template).decode("latin-1")
        return _expand_template(_parse_template(template, self.re), self)

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def _parse_template(repl, pattern):
    """A replacement template as a list of strings and group numbers."""
    parts = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, i)
        e = repl[i + 1]
        group = None
        if e == "g":
            close = repl.find(">", i + 2)
            if i + 2 >= n or repl[i + 2] != "<":
                raise error("missing <", repl, i + 2)
            if close < 0:
                raise error("missing >, unterminated name", repl, i + 3)
            name = repl[i + 3 : close]
            if not name:
                raise error("missing group name", repl, i + 3)
            if name.isdigit():
                group = int(name)
                if group > pattern.groups:
                    raise error("invalid group reference %d" % group, repl, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                group = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 3)
            i = close + 1
        elif e == "0":
            # An octal escape: up to three octal digits.
            j = i + 1
            digits = ""
            while j < n and len(digits) < 3 and repl[j] in "01234567":
                digits += repl[j]
                j += 1
            literal.append(chr(int(digits, 8)))
            i = j
            continue
        elif e.isdigit():
            j = i + 1
            digits = ""
            while j < n and len(digits) < 2 and repl[j].isdigit():
                digits += repl[j]
                j += 1
            group = int(digits)
            if group > pattern.groups:
                raise error("invalid group reference %d" % group, repl, i + 1)
            i = j
        elif e in _ESCAPES:
            literal.append(_ESCAPES[e])
            i += 2
            continue
        elif e.isascii() and e.isalpha():
            raise error("bad escape \\%s" % e, repl, i)
        else:
            literal.append("\\" + e)
            i += 2
            continue
        if literal:
            parts.append("".join(literal))
            literal = []
        parts.append(group)
    if literal:
        parts.append("".join(literal))
    return parts


def _expand_template(parts, m):
    as_bytes = m.re._bytes
    out = []
    for p in parts:
        if isinstance(p, int):
            text = m.group(p)
            if text is not None:
                out.append(text)
        else:
            out.append(p.encode("latin-1") if as_bytes else p)
    return (b"" if as_bytes else "").join(out)


def _check_bytes_escapes(text, pattern):
    """A bytes pattern knows no \\u, \\U or \\N escapes (they name characters, not bytes)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "\\":
            if text[i + 1] in "uUN":
                raise error("bad escape \\%s" % text[i + 1], pattern, i)
            i += 2
        else:
            i += 1


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, int(flags))
    found = _cache.get(key)
    if found is None:
        found = Pattern(pattern, flags)
        _cache[key] = found
    return found


_cache = {}


def compile(pattern, flags=0):
    """A Pattern object for the regular expression pattern."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """A Match when the pattern matches at the start of string, else None."""
    return _compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    """The first Match anywhere in string, else None."""
    return _compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    """A Match when the pattern matches all of string, else None."""
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    """Every non-overlapping match: strings, or tuples when the pattern has several groups."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects for every non-overlapping match."""
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    """string with the matches replaced by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of replacements)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """string split by the pattern's matches, groups kept."""
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    """Forget the compiled patterns."""
    _cache.clear()


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    """pattern with every character that means something in a regular expression escaped."""
    if isinstance(pattern, (bytes, bytearray)):
        return escape(bytes(pattern).decode("latin-1")).encode("latin-1")
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
