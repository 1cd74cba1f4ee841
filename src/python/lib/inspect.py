"""A small inspect: what a function tells about itself (signature, the is* predicates, getdoc,
getmembers), read from __code__, __defaults__, __kwdefaults__ and __annotations__ as CPython's
inspect reads them; the frames running (currentframe, stack, getframeinfo, getouterframes,
getinnerframes, trace) read from frame objects; and the source of the program's functions,
classes and methods (getsource, getsourcelines, getsourcefile, getfile, getmodule,
getcomments), found in the program's text as CPython's inspect finds it in the file.
"""

import sys
from collections import namedtuple
from _traceback import _source, _main_module

__all__ = ['Parameter', 'Signature', 'signature', 'isfunction', 'ismethod', 'isclass',
           'ismodule', 'isbuiltin', 'isroutine', 'isgenerator', 'isgeneratorfunction',
           'iscoroutinefunction', 'isabstract', 'getdoc', 'cleandoc', 'getmembers',
           'isframe', 'istraceback', 'iscode', 'currentframe', 'stack', 'trace',
           'getframeinfo', 'getouterframes', 'getinnerframes', 'getlineno', 'FrameInfo',
           'Traceback', 'getfile', 'getsourcefile', 'getmodule', 'findsource', 'getsource',
           'getsourcelines', 'getcomments', 'getblock', 'indentsize', 'unwrap']

_CO_VARARGS = 0x4
_CO_VARKEYWORDS = 0x8
_CO_GENERATOR = 0x20


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _ParameterKind:
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self.description = description

    def __repr__(self):
        return f'<_ParameterKind.{self.name}: {self.value}>'

    def __str__(self):
        return self.name

    def __lt__(self, other):
        return self.value < other.value

    def __le__(self, other):
        return self.value <= other.value

    def __gt__(self, other):
        return self.value > other.value

    def __ge__(self, other):
        return self.value >= other.value


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD', 'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a signature: its name, kind, default and annotation."""

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f'{kind.description} parameters cannot have default values')
        if not isinstance(name, str):
            raise TypeError(f'name must be a str, not a {type(name).__name__}')
        if not name.isidentifier():
            raise ValueError(f'{name!r} is not a valid parameter name')
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, *, name=None, kind=None, default=_empty, annotation=_empty):
        return type(self)(self._name if name is None else name,
                          self._kind if kind is None else kind,
                          default=self._default if default is _empty else default,
                          annotation=self._annotation if annotation is _empty else annotation)

    def __str__(self):
        formatted = self._name
        if self._annotation is not _empty:
            formatted = f'{formatted}: {formatannotation(self._annotation)}'
        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = f'{formatted} = {self._default!r}'
            else:
                formatted = f'{formatted}={self._default!r}'
        if self._kind is _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif self._kind is _VAR_KEYWORD:
            formatted = '**' + formatted
        return formatted

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind is other._kind
                and self._default == other._default
                and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind.value))


class Signature:
    """The parameters a callable takes and what it returns (its annotation)."""

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        params = {}
        if parameters is not None:
            for p in parameters:
                if p.name in params:
                    raise ValueError(f'duplicate parameter name: {p.name!r}')
                params[p.name] = p
        self._parameters = params
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return dict(self._parameters)

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=None, return_annotation=_empty):
        if parameters is None:
            parameters = self._parameters.values()
        if return_annotation is _empty:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self._parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind is _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind is _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind is _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '({})'.format(', '.join(result))
        if self._return_annotation is not _empty:
            rendered += f' -> {formatannotation(self._return_annotation)}'
        return rendered

    def __repr__(self):
        return f'<{type(self).__name__} {self}>'

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation
                and list(self._parameters.values()) == list(other._parameters.values()))

    def bind(self, *args, **kwargs):
        """The arguments mapped to the parameters, as a call would map them (a TypeError
        where the call would fail)."""
        return _bind(self, args, kwargs, partial=False)

    def bind_partial(self, *args, **kwargs):
        return _bind(self, args, kwargs, partial=True)


class BoundArguments:
    """The result of Signature.bind: arguments by parameter name."""

    def __init__(self, signature, arguments):
        self.signature = signature
        self.arguments = arguments

    @property
    def args(self):
        out = []
        for name, param in self.signature._parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                break
            if param.kind is _VAR_POSITIONAL:
                out.extend(self.arguments[name])
            else:
                out.append(self.arguments[name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        started = False
        for name, param in self.signature._parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                    started = True
            if not started or name not in self.arguments:
                continue
            if param.kind is _VAR_KEYWORD:
                out.update(self.arguments[name])
            elif param.kind is not _VAR_POSITIONAL:
                out[name] = self.arguments[name]
        return out

    def apply_defaults(self):
        new = {}
        for name, param in self.signature._parameters.items():
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif param.default is not _empty:
                new[name] = param.default
            elif param.kind is _VAR_POSITIONAL:
                new[name] = ()
            elif param.kind is _VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __repr__(self):
        args = ', '.join(f'{k}={v!r}' for k, v in self.arguments.items())
        return f'<BoundArguments ({args})>'


def _bind(sig, args, kwargs, partial):
    """Signature.bind's mapping, step for step as CPython's, for the same errors in the same
    order."""
    arguments = {}
    kwargs = dict(kwargs)
    parameters = iter(sig._parameters.values())
    parameters_ex = ()
    arg_vals = iter(args)
    while True:
        try:
            arg_val = next(arg_vals)
        except StopIteration:
            try:
                param = next(parameters)
            except StopIteration:
                break
            if param.kind is _VAR_POSITIONAL:
                break
            if param.name in kwargs:
                if param.kind is _POSITIONAL_ONLY:
                    raise TypeError(f'{param.name!r} parameter is positional only, '
                                    f'but was passed as a keyword') from None
                parameters_ex = (param,)
                break
            if param.kind is _VAR_KEYWORD or param.default is not _empty:
                parameters_ex = (param,)
                break
            if partial:
                parameters_ex = (param,)
                break
            raise TypeError(f'missing a required argument: {param.name!r}') from None
        else:
            try:
                param = next(parameters)
            except StopIteration:
                raise TypeError('too many positional arguments') from None
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError('too many positional arguments') from None
            if param.kind is _VAR_POSITIONAL:
                values = [arg_val]
                values.extend(arg_vals)
                arguments[param.name] = tuple(values)
                break
            if param.name in kwargs and param.kind is not _POSITIONAL_ONLY:
                raise TypeError(f'multiple values for argument {param.name!r}') from None
            arguments[param.name] = arg_val
    kwargs_param = None
    for param in list(parameters_ex) + list(parameters):
        if param.kind is _VAR_KEYWORD:
            kwargs_param = param
            continue
        if param.kind is _VAR_POSITIONAL:
            continue
        if param.name not in kwargs:
            if not partial and param.default is _empty:
                raise TypeError(f'missing a required argument: {param.name!r}') from None
            continue
        arg_val = kwargs.pop(param.name)
        if param.kind is _POSITIONAL_ONLY:
            raise TypeError(f'{param.name!r} parameter is positional only, '
                            f'but was passed as a keyword')
        arguments[param.name] = arg_val
    if kwargs:
        if kwargs_param is not None:
            arguments[kwargs_param.name] = kwargs
        else:
            raise TypeError(f'got an unexpected keyword argument {next(iter(kwargs))!r}')
    return BoundArguments(sig, arguments)


def _signature_of_function(func, skip_first=False):
    code = func.__code__
    names = code.co_varnames
    n_pos = code.co_argcount
    n_posonly = code.co_posonlyargcount
    n_kwonly = code.co_kwonlyargcount
    annotations = func.__annotations__
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    params = []
    first_default = n_pos - len(defaults)
    for i in range(n_pos):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < n_posonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    at = n_pos + n_kwonly
    if code.co_flags & _CO_VARARGS:
        name = names[at]
        params.append(Parameter(name, _VAR_POSITIONAL,
                                annotation=annotations.get(name, _empty)))
        at += 1
    for i in range(n_pos, n_pos + n_kwonly):
        name = names[i]
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & _CO_VARKEYWORDS:
        name = names[at]
        params.append(Parameter(name, _VAR_KEYWORD,
                                annotation=annotations.get(name, _empty)))
    if skip_first:
        if not params or params[0].kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
            raise ValueError(f'invalid method signature')
        if params[0].kind is not _VAR_POSITIONAL:
            params = params[1:]
    return Signature(params, return_annotation=annotations.get('return', _empty))


def signature(obj, *, follow_wrapped=True):
    """The Signature of a function, method, class (its __init__ without self) or callable
    object (its __call__)."""
    if not callable(obj):
        raise TypeError(f'{obj!r} is not a callable object')
    if follow_wrapped:
        while hasattr(obj, '__wrapped__'):
            obj = obj.__wrapped__
    if ismethod(obj):
        return _signature_of_function(obj.__func__, skip_first=True)
    if isfunction(obj):
        return _signature_of_function(obj)
    if isinstance(obj, type):
        for klass in obj.__mro__:
            init = klass.__dict__.get('__init__')
            if init is not None and isfunction(init):
                return _signature_of_function(init, skip_first=True)
            new = klass.__dict__.get('__new__')
            if new is not None and isfunction(new):
                return _signature_of_function(new, skip_first=True)
        raise ValueError(f'no signature found for builtin type {obj!r}')
    call = getattr(type(obj), '__call__', None)
    if call is not None and isfunction(call):
        return _signature_of_function(call, skip_first=True)
    raise ValueError(f'no signature found for builtin {obj!r}')


def _function_type():
    def f():
        pass
    return type(f)


_FunctionType = _function_type()


def isfunction(obj):
    return isinstance(obj, _FunctionType)


def ismethod(obj):
    return hasattr(obj, '__func__') and hasattr(obj, '__self__') and \
        isfunction(obj.__func__)


def isclass(obj):
    return isinstance(obj, type)


def ismodule(obj):
    return type(obj).__name__ == 'module'


def isbuiltin(obj):
    return type(obj).__name__ == 'builtin_function_or_method'


def isroutine(obj):
    return isfunction(obj) or ismethod(obj) or isbuiltin(obj)


def isgeneratorfunction(obj):
    if ismethod(obj):
        obj = obj.__func__
    return isfunction(obj) and bool(obj.__code__.co_flags & _CO_GENERATOR)


def isgenerator(obj):
    return type(obj).__name__ == 'generator'


def iscoroutinefunction(obj):
    return False


def isabstract(obj):
    return isinstance(obj, type) and bool(getattr(obj, '__abstractmethods__', False))


def cleandoc(doc):
    """A docstring with its indentation removed, as CPython's inspect.cleandoc does."""
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(obj):
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmembers(obj, predicate=None):
    results = []
    for key in dir(obj):
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def isframe(obj):
    return type(obj).__name__ == 'frame'


def istraceback(obj):
    return type(obj).__name__ == 'traceback'


def iscode(obj):
    return type(obj).__name__ == 'code'


def unwrap(func, *, stop=None):
    """The function at the end of a chain of __wrapped__ attributes (functools.wraps)."""
    f = func
    seen = {id(f)}
    while hasattr(f, '__wrapped__') and (stop is None or not stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        seen.add(id(f))
    return f


# Frames.

def currentframe():
    """The frame of the caller."""
    return sys._getframe(1)


class Traceback(namedtuple('_Traceback', 'filename lineno function code_context index')):
    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ('Traceback(filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.filename, self.lineno, self.function, self.code_context,
                    self.index, self.positions))


class FrameInfo(namedtuple('_FrameInfo', 'frame filename lineno function code_context index')):
    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ('FrameInfo(frame={!r}, filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.frame, self.filename, self.lineno, self.function,
                    self.code_context, self.index, self.positions))


# What CPython's code positions give, without the columns forkyard does not keep.
_Positions = namedtuple('Positions', 'lineno end_lineno col_offset end_col_offset')


def _lines_of(filename):
    text = _source(filename)
    if text is None:
        return None
    return text.splitlines(True)


def getframeinfo(frame, context=1):
    """A Traceback for a frame or traceback: file, line, function, and context lines around it."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError('{!r} is not a frame or traceback object'.format(frame))
    filename = getsourcefile(frame) or getfile(frame)
    if context > 0:
        start = lineno - 1 - context // 2
        lines = _lines_of(filename)
        if lines is None:
            lines = index = None
        else:
            start = max(0, min(start, len(lines) - context))
            lines = lines[start:start + context]
            index = lineno - 1 - start
    else:
        lines = index = None
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index,
                     positions=_Positions(lineno, lineno, None, None))


def getlineno(frame):
    return frame.f_lineno


def getouterframes(frame, context=1):
    """FrameInfo for a frame and each frame outside it, innermost first."""
    framelist = []
    while frame:
        traceback_info = getframeinfo(frame, context)
        framelist.append(FrameInfo(frame, *traceback_info,
                                   positions=traceback_info.positions))
        frame = frame.f_back
    return framelist


def getinnerframes(tb, context=1):
    """FrameInfo for a traceback's frame and each frame inside it, outermost first."""
    framelist = []
    while tb:
        traceback_info = getframeinfo(tb, context)
        framelist.append(FrameInfo(tb.tb_frame, *traceback_info,
                                   positions=traceback_info.positions))
        tb = tb.tb_next
    return framelist


def stack(context=1):
    """FrameInfo for the caller's frame and each frame outside it."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo for the frames between here and where the handled exception was raised."""
    return getinnerframes(sys.exc_info()[2], context)


# Source.

def _main_file():
    f = sys._getframe()
    while f.f_back is not None:
        f = f.f_back
    return f.f_globals.get('__file__')


_main = None


def _main_mod():
    global _main
    if _main is None:
        _main = _main_module()
    return _main


def getfile(object):
    """The file an object was defined in."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        if hasattr(object, '__module__'):
            if object.__module__ == '__main__':
                return _main_file()
            module = sys.modules.get(object.__module__)
            if getattr(module, '__file__', None):
                return module.__file__
        raise TypeError('{!r} is a built-in class'.format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(type(object).__name__))


def getsourcefile(object):
    """The file an object was defined in, if its source can be read."""
    filename = getfile(object)
    if _source(filename) is not None:
        return filename
    return None


def getmodule(object, _filename=None):
    """The module an object was defined in, or None."""
    if ismodule(object):
        return object
    if hasattr(object, '__module__'):
        if object.__module__ == '__main__':
            return _main_mod()
        return sys.modules.get(object.__module__)
    try:
        file = getfile(object) if _filename is None else _filename
    except TypeError:
        return None
    if file == _main_file():
        return _main_mod()
    for module in list(sys.modules.values()):
        if getattr(module, '__file__', None) == file:
            return module
    return None


def _find_class(lines, qualname):
    """The index of the line where the class `qualname` starts (its first decorator), following
    its qualified name through the defs and classes that enclose it."""
    parts = [p for p in qualname.split('.') if p != '<locals>']
    start = 0
    indent = -1
    found = None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        found = None
        for n in range(start, len(lines)):
            stripped = lines[n].lstrip()
            if not stripped.strip() or stripped.startswith('#'):
                continue
            ind = indentsize(lines[n])
            if n > start and ind <= indent:
                break
            words = ('class ',) if last else ('class ', 'def ', 'async def ')
            for w in words:
                if stripped.startswith(w):
                    rest = stripped[len(w):].lstrip()
                    if rest.startswith(part) and rest[len(part):len(part) + 1] in ('(', ':', ' '):
                        found = n
                        break
            if found is not None:
                break
        if found is None:
            raise OSError('could not find class definition')
        start = found + 1
        indent = indentsize(lines[found])
    while found > 0 and lines[found - 1].lstrip().startswith('@') and \
            indentsize(lines[found - 1]) == indentsize(lines[found]):
        found -= 1
    return found


def findsource(object):
    """All the lines of the object's file, and the index of the line where it starts."""
    file = getsourcefile(object)
    if not file:
        raise OSError('source code not available')
    lines = _lines_of(file)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(object):
        return lines, 0
    if isclass(object):
        return lines, _find_class(lines, object.__qualname__)
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        lnum = object.co_firstlineno - 1
        while lnum > 0:
            if lnum >= len(lines):
                raise OSError('lineno is out of bounds')
            if _starts_def(lines[lnum]):
                break
            lnum = lnum - 1
        return lines, lnum
    raise OSError('could not find code object')


def _starts_def(line):
    """CPython's pattern for the line a code object starts on: a def, a decorator, a lambda."""
    s = line.lstrip()
    if s.startswith('def') and s[3:4].isspace():
        return True
    if s.startswith('async') and s[5:6].isspace() and s[5:].lstrip().startswith('def'):
        return True
    if s.startswith('@'):
        return True
    at = line.find('lambda')
    while at >= 0:
        before = line[at - 1:at] if at > 0 else ''
        after = line[at + 6:at + 7]
        if not (before.isalnum() or before == '_') and (after == ':' or after.isspace()):
            return True
        at = line.find('lambda', at + 1)
    return False


def indentsize(line):
    """The width of a line's indentation, tabs expanded."""
    expline = line.expandtabs()
    return len(expline) - len(expline.lstrip())


_TRIPLES = ('"' * 3, "'" * 3)


def _code_part(line):
    """A line without its strings and comment, and the triple quote it leaves open (if any),
    for counting brackets and seeing where a block's header ends."""
    out = []
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if c == '#':
            break
        if c in '\'"':
            q = line[i:i + 3] if line[i:i + 3] in _TRIPLES else c
            end = line.find(q, i + len(q))
            while end > 0 and line[end - 1] == '\\' and len(q) == 1:
                end = line.find(q, end + 1)
            if end < 0:
                return ''.join(out), (q if len(q) == 3 else None)
            i = end + len(q)
            out.append('0')
            continue
        out.append(c)
        i += 1
    return ''.join(out), None


def _brackets(code):
    return sum(code.count(b) for b in '([{') - sum(code.count(b) for b in ')]}')


def getblock(lines):
    """The lines of the block at the start of `lines`: decorators, the header up to its colon,
    and the body (its lines indented past the header, up to the last that is code), as
    CPython's tokenizer finds its end."""
    if not lines:
        return lines
    base = indentsize(lines[0])
    i = 0
    depth = 0
    open_quote = None
    # Decorators and the header, which may span lines inside brackets.
    while True:
        if i >= len(lines):
            return lines
        line = lines[i]
        if open_quote:
            if open_quote not in line:
                i += 1
                continue
            line = line[line.index(open_quote) + 3:]
            open_quote = None
        code, open_quote = _code_part(line)
        depth += _brackets(code)
        stripped = code.strip()
        if depth <= 0 and not open_quote and not stripped.endswith('\\'):
            starts = lines[i].lstrip()
            if not starts.startswith('@'):
                header = starts.startswith(('def', 'class', 'async'))
                # A lambda, or a body on the header's own line: the block ends here.
                if not header or not stripped.endswith(':'):
                    return lines[:i + 1]
                break
        i += 1
    last = i
    i += 1
    # The body: lines indented past the header's, strings and brackets followed.
    while i < len(lines):
        line = lines[i]
        if open_quote:
            if open_quote in line:
                code, open_quote = _code_part(line[line.index(open_quote) + 3:])
                depth += _brackets(code)
            last = i
            i += 1
            continue
        stripped = line.strip()
        if depth <= 0 and stripped and not stripped.startswith('#') and \
                indentsize(line) <= base:
            break
        code, open_quote = _code_part(line)
        depth += _brackets(code)
        if stripped and (depth > 0 or open_quote or not stripped.startswith('#')):
            last = i
        i += 1
    return lines[:last + 1]


def getsourcelines(object):
    """The lines of an object's source and the number of its first line (0 for a module)."""
    object = unwrap(object)
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object) and object.f_code.co_name == '<module>'):
        return lines, 0
    return getblock(lines[lnum:]), lnum + 1


def getsource(object):
    """The text of an object's source."""
    lines, lnum = getsourcelines(object)
    return ''.join(lines)


def getcomments(object):
    """The comment lines just above an object's source (at the top of a module's file)."""
    try:
        lines, lnum = findsource(object)
    except (OSError, TypeError):
        return None
    if ismodule(object):
        start = 0
        if lines and lines[0][:2] == '#!':
            start = 1
        while start < len(lines) and lines[start].strip() in ('', '#'):
            start = start + 1
        if start < len(lines) and lines[start][:1] == '#':
            comments = []
            end = start
            while end < len(lines) and lines[end][:1] == '#':
                comments.append(lines[end].expandtabs())
                end = end + 1
            return ''.join(comments)
    elif lnum > 0:
        indent = indentsize(lines[lnum])
        end = lnum - 1
        if end >= 0 and lines[end].lstrip()[:1] == '#' and indentsize(lines[end]) == indent:
            comments = [lines[end].expandtabs().lstrip()]
            if end > 0:
                end = end - 1
                comment = lines[end].expandtabs().lstrip()
                while comment[:1] == '#' and indentsize(lines[end]) == indent:
                    comments[:0] = [comment]
                    end = end - 1
                    if end < 0:
                        break
                    comment = lines[end].expandtabs().lstrip()
            while comments and comments[0].strip() == '#':
                comments[:1] = []
            while comments and comments[-1].strip() == '#':
                comments[-1:] = []
            return ''.join(comments)
    return None
