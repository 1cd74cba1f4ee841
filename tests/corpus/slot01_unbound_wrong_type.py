# A builtin type's method reached through the type checks its first argument: CPython's slot
# wrappers say "requires a 'T' object but received a 'U'", its method descriptors "for 'T' objects
# doesn't apply to a 'U' object". Every method of each type, called with another type's value.


def call(t, name, obj):
    try:
        getattr(t, name)(obj)
        print(t.__name__, name, "accepted", type(obj).__name__)
    except TypeError as e:
        print(t.__name__, name, "->", e)


TABLE = [
    (int, "x", [
        '__abs__', '__add__', '__and__', '__bool__', '__ceil__', '__divmod__', '__eq__',
        '__float__', '__floor__', '__floordiv__', '__format__', '__ge__',
        '__getattribute__', '__getnewargs__', '__gt__', '__hash__', '__index__',
        '__int__', '__invert__', '__le__', '__lshift__', '__lt__', '__mod__', '__mul__',
        '__ne__', '__neg__', '__or__', '__pos__', '__pow__', '__radd__', '__rand__',
        '__rdivmod__', '__repr__', '__rfloordiv__', '__rlshift__', '__rmod__',
        '__rmul__', '__ror__', '__round__', '__rpow__', '__rrshift__', '__rshift__',
        '__rsub__', '__rtruediv__', '__rxor__', '__sizeof__', '__sub__', '__truediv__',
        '__trunc__', '__xor__', 'as_integer_ratio', 'bit_count', 'bit_length',
        'conjugate', 'to_bytes'
    ]),
    (bool, 1, [
        '__and__', '__or__', '__rand__', '__repr__', '__ror__', '__rxor__', '__xor__'
    ]),
    (float, "x", [
        '__abs__', '__add__', '__bool__', '__ceil__', '__divmod__', '__eq__',
        '__float__', '__floor__', '__floordiv__', '__format__', '__ge__',
        '__getattribute__', '__getnewargs__', '__gt__', '__hash__', '__int__', '__le__',
        '__lt__', '__mod__', '__mul__', '__ne__', '__neg__', '__pos__', '__pow__',
        '__radd__', '__rdivmod__', '__repr__', '__rfloordiv__', '__rmod__', '__rmul__',
        '__round__', '__rpow__', '__rsub__', '__rtruediv__', '__sub__', '__truediv__',
        '__trunc__', 'as_integer_ratio', 'conjugate', 'hex', 'is_integer'
    ]),
    (complex, "x", [
        '__abs__', '__add__', '__bool__', '__complex__', '__eq__', '__format__',
        '__ge__', '__getattribute__', '__getnewargs__', '__gt__', '__hash__', '__le__',
        '__lt__', '__mul__', '__ne__', '__neg__', '__pos__', '__pow__', '__radd__',
        '__repr__', '__rmul__', '__rpow__', '__rsub__', '__rtruediv__', '__sub__',
        '__truediv__', 'conjugate'
    ]),
    (str, 5, [
        '__add__', '__contains__', '__eq__', '__format__', '__ge__', '__getattribute__',
        '__getitem__', '__getnewargs__', '__gt__', '__hash__', '__iter__', '__le__',
        '__len__', '__lt__', '__mod__', '__mul__', '__ne__', '__repr__', '__rmod__',
        '__rmul__', '__sizeof__', '__str__', 'capitalize', 'casefold', 'center',
        'count', 'encode', 'endswith', 'expandtabs', 'find', 'format', 'format_map',
        'index', 'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit',
        'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle',
        'isupper', 'join', 'ljust', 'lower', 'lstrip', 'partition', 'removeprefix',
        'removesuffix', 'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit',
        'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase', 'title',
        'translate', 'upper', 'zfill'
    ]),
    (bytes, 5, [
        '__add__', '__bytes__', '__contains__', '__eq__', '__ge__', '__getattribute__',
        '__getitem__', '__getnewargs__', '__gt__', '__hash__', '__iter__', '__le__',
        '__len__', '__lt__', '__mod__', '__mul__', '__ne__', '__repr__', '__rmod__',
        '__rmul__', '__str__', 'capitalize', 'center', 'count', 'decode', 'endswith',
        'expandtabs', 'find', 'hex', 'index', 'isalnum', 'isalpha', 'isascii',
        'isdigit', 'islower', 'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower',
        'lstrip', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind',
        'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines',
        'startswith', 'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill'
    ]),
    (bytearray, 5, [
        '__add__', '__alloc__', '__contains__', '__delitem__', '__eq__', '__ge__',
        '__getattribute__', '__getitem__', '__gt__', '__iadd__', '__imul__', '__init__',
        '__iter__', '__le__', '__len__', '__lt__', '__mod__', '__mul__', '__ne__',
        '__reduce__', '__reduce_ex__', '__repr__', '__rmod__', '__rmul__',
        '__setitem__', '__sizeof__', '__str__', 'append', 'capitalize', 'center',
        'clear', 'copy', 'count', 'decode', 'endswith', 'expandtabs', 'extend', 'find',
        'hex', 'index', 'insert', 'isalnum', 'isalpha', 'isascii', 'isdigit', 'islower',
        'isspace', 'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip',
        'partition', 'pop', 'remove', 'removeprefix', 'removesuffix', 'replace',
        'reverse', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip',
        'split', 'splitlines', 'startswith', 'strip', 'swapcase', 'title', 'translate',
        'upper', 'zfill'
    ]),
    (list, (1,), [
        '__add__', '__contains__', '__delitem__', '__eq__', '__ge__',
        '__getattribute__', '__getitem__', '__gt__', '__iadd__', '__imul__', '__init__',
        '__iter__', '__le__', '__len__', '__lt__', '__mul__', '__ne__', '__repr__',
        '__reversed__', '__rmul__', '__setitem__', '__sizeof__', 'append', 'clear',
        'copy', 'count', 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort'
    ]),
    (tuple, [1], [
        '__add__', '__contains__', '__eq__', '__ge__', '__getattribute__',
        '__getitem__', '__getnewargs__', '__gt__', '__hash__', '__iter__', '__le__',
        '__len__', '__lt__', '__mul__', '__ne__', '__repr__', '__rmul__', 'count',
        'index'
    ]),
    (dict, [], [
        '__contains__', '__delitem__', '__eq__', '__ge__', '__getattribute__',
        '__getitem__', '__gt__', '__init__', '__ior__', '__iter__', '__le__', '__len__',
        '__lt__', '__ne__', '__or__', '__repr__', '__reversed__', '__ror__',
        '__setitem__', '__sizeof__', 'clear', 'copy', 'get', 'items', 'keys', 'pop',
        'popitem', 'setdefault', 'update', 'values'
    ]),
    (set, frozenset(), [
        '__and__', '__contains__', '__eq__', '__ge__', '__getattribute__', '__gt__',
        '__iand__', '__init__', '__ior__', '__isub__', '__iter__', '__ixor__', '__le__',
        '__len__', '__lt__', '__ne__', '__or__', '__rand__', '__reduce__', '__repr__',
        '__ror__', '__rsub__', '__rxor__', '__sizeof__', '__sub__', '__xor__', 'add',
        'clear', 'copy', 'difference', 'difference_update', 'discard', 'intersection',
        'intersection_update', 'isdisjoint', 'issubset', 'issuperset', 'pop', 'remove',
        'symmetric_difference', 'symmetric_difference_update', 'union', 'update'
    ]),
    (frozenset, {1}, [
        '__and__', '__contains__', '__eq__', '__ge__', '__getattribute__', '__gt__',
        '__hash__', '__iter__', '__le__', '__len__', '__lt__', '__ne__', '__or__',
        '__rand__', '__reduce__', '__repr__', '__ror__', '__rsub__', '__rxor__',
        '__sizeof__', '__sub__', '__xor__', 'copy', 'difference', 'intersection',
        'isdisjoint', 'issubset', 'issuperset', 'symmetric_difference', 'union'
    ]),
    (range, [], [
        '__bool__', '__contains__', '__eq__', '__ge__', '__getattribute__',
        '__getitem__', '__gt__', '__hash__', '__iter__', '__le__', '__len__', '__lt__',
        '__ne__', '__reduce__', '__repr__', '__reversed__', 'count', 'index'
    ]),
    (slice, 1, [
        '__eq__', '__ge__', '__getattribute__', '__gt__', '__le__', '__lt__', '__ne__',
        '__reduce__', '__repr__', 'indices'
    ]),
    (memoryview, b"", [
        '__delitem__', '__enter__', '__eq__', '__exit__', '__ge__', '__getattribute__',
        '__getitem__', '__gt__', '__hash__', '__iter__', '__le__', '__len__', '__lt__',
        '__ne__', '__repr__', '__setitem__', 'cast', 'hex', 'release', 'tobytes',
        'tolist', 'toreadonly'
    ]),
]

for t, obj, names in TABLE:
    for name in names:
        call(t, name, obj)
