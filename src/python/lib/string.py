"""String constants, capwords, and Template's $-substitution."""

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
