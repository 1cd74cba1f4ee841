"""String constants, capwords, Template's $-substitution, and Formatter (str.format's steps)."""

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Capitalize each word of s (split on sep, or on runs of whitespace)."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


_ID_START = '_' + ascii_letters
_ID_REST = _ID_START + digits


class Template:
    """A string with $name and ${name} placeholders ($$ is a dollar sign)."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """(start, end, kind, name) of each placeholder: kind is 'named', 'escaped' or 'invalid'."""
        t = self.template
        d = self.delimiter
        i = 0
        n = len(t)
        while True:
            i = t.find(d, i)
            if i < 0:
                return
            j = i + len(d)
            if t.startswith(d, j):
                yield i, j + len(d), 'escaped', None
                i = j + len(d)
                continue
            if j < n and t[j] == '{':
                k = j + 1
                if k < n and t[k] in _ID_START:
                    k += 1
                    while k < n and t[k] in _ID_REST:
                        k += 1
                    if k < n and t[k] == '}':
                        yield i, k + 1, 'named', t[j + 1:k]
                        i = k + 1
                        continue
                yield i, j, 'invalid', None
                i = j
                continue
            if j < n and t[j] in _ID_START:
                k = j + 1
                while k < n and t[k] in _ID_REST:
                    k += 1
                yield i, k, 'named', t[j:k]
                i = k
                continue
            yield i, j, 'invalid', None
            i = j

    def _invalid(self, start):
        # CPython reports the place just after the delimiter.
        before = self.template[:start + len(self.delimiter)].split('\n')
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (len(before), len(before[-1])))

    def _mapping(self, mapping, kws):
        if mapping is None:
            return kws
        if kws:
            return _Chain(kws, mapping)
        return mapping

    def substitute(self, mapping=None, /, **kws):
        """The template with every placeholder replaced; KeyError for a missing name."""
        values = self._mapping(mapping, kws)
        out = []
        last = 0
        for start, end, kind, name in self._scan():
            out.append(self.template[last:start])
            if kind == 'named':
                out.append('%s' % (values[name],))
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                self._invalid(start)
            last = end
        out.append(self.template[last:])
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        """The template with the placeholders that have values replaced; the rest left as is."""
        values = self._mapping(mapping, kws)
        out = []
        last = 0
        for start, end, kind, name in self._scan():
            out.append(self.template[last:start])
            if kind == 'named':
                try:
                    out.append('%s' % (values[name],))
                except KeyError:
                    out.append(self.template[start:end])
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                out.append(self.template[start:end])
            last = end
        out.append(self.template[last:])
        return ''.join(out)

    def is_valid(self):
        """Whether the template has no invalid placeholder."""
        return all(kind != 'invalid' for _, _, kind, _ in self._scan())

    def get_identifiers(self):
        """The placeholder names, each once, in order of first appearance."""
        ids = []
        for _, _, kind, name in self._scan():
            if kind == 'named' and name not in ids:
                ids.append(name)
        return ids


class _Chain:
    """Keyword arguments first, then the mapping (substitute's lookup order)."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        if key in self.first:
            return self.first[key]
        return self.second[key]


# Formatter: str.format's machinery opened up for subclasses (CPython's Lib/string.py), with
# the parsing that CPython does in C (_string.formatter_parser, formatter_field_name_split)
# written out here, error messages included.

def _formatter_parser(s):
    """(literal_text, field_name, format_spec, conversion) for each piece of s."""
    if not isinstance(s, str):
        raise TypeError(f'expected str, got {type(s).__name__}')
    out = []
    i, n = 0, len(s)
    while i < n:
        start = i
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == '}' and markup and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if not at_end and markup:
            if s[i] == c:
                # '{{' or '}}': one brace of literal text, no field.
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            out.append((literal, None, None, None))
            continue
        field_name, spec, conversion, i = _parse_field(s, i)
        out.append((literal, field_name, spec, conversion))
    return iter(out)


def _parse_field(s, i):
    """The field that starts at s[i] (just after its '{'): name, spec, conversion, and where
    the text after its '}' starts."""
    n = len(s)
    name_start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    if c not in '}:!' or (i >= n and c not in '}:!'):
        raise ValueError("expected '}' before end of string")
    field_name = s[name_start:i - 1]
    conversion = None
    if c == '}':
        return field_name, '', None, i
    if c == '!':
        if i >= n:
            raise ValueError('end of string while looking for conversion specifier')
        conversion = s[i]
        i += 1
        if i < n:
            c = s[i]
            i += 1
            if c == '}':
                return field_name, '', conversion, i
            if c != ':':
                raise ValueError("expected ':' after conversion specifier")
    spec_start = i
    count = 1
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            count += 1
        elif c == '}':
            count -= 1
            if count == 0:
                return field_name, s[spec_start:i - 1], conversion, i
    raise ValueError("unmatched '{' in format spec")


def _as_index(text):
    """A field name part as str.format uses it: an int when it is all digits."""
    if text and all(ch in digits for ch in text):
        return int(text)
    return text


def _field_name_rest(s, i):
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c == '.':
            start = i
            while i < n and s[i] not in '.[':
                i += 1
            name = s[start:i]
            if not name:
                raise ValueError('Empty attribute in format string')
            yield True, name
        elif c == '[':
            start = i
            while i < n and s[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            name = s[start:i]
            i += 1
            if i < n and s[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            if not name:
                raise ValueError('Empty attribute in format string')
            yield False, _as_index(name)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def _formatter_field_name_split(s):
    """('a', iterator of (is_attribute, key)) for 'a.b[0]'."""
    if not isinstance(s, str):
        raise TypeError(f'expected str, got {type(s).__name__}')
    i = 0
    while i < len(s) and s[i] not in '.[':
        i += 1
    return _as_index(s[:i]), _field_name_rest(s, i)


class Formatter:
    """str.format's steps as methods a subclass can override: parse the string, get each
    field's value, convert it (!r, !s, !a), and format it with its spec."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                # '{}' numbers itself; mixing it with '{0}' is refused, as str.format does.
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
