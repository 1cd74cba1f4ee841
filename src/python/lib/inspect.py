"""A small inspect: what a function tells about itself (signature, the is* predicates, getdoc,
getmembers), read from __code__, __defaults__, __kwdefaults__ and __annotations__ as CPython's
inspect reads them. Frames, source code and the other introspection of a running interpreter
are not here.
"""

__all__ = ['Parameter', 'Signature', 'signature', 'isfunction', 'ismethod', 'isclass',
           'ismodule', 'isbuiltin', 'isroutine', 'isgenerator', 'isgeneratorfunction',
           'iscoroutinefunction', 'isabstract', 'getdoc', 'cleandoc', 'getmembers']

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
