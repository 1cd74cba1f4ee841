"""Iterator building blocks. Every function returns a lazy iterator (a generator here, a C type in
CPython): nothing is computed until it is asked for."""

import _itertools


# The iterators CPython 3.11 can pickle (count, cycle, repeat, accumulate, chain, compress,
# dropwhile, filterfalse, takewhile, starmap, islice) are classes whose state is plain attributes,
# so one sent through a Queue, a Pipe or a spawned child's arguments arrives at its position, as
# CPython's `__reduce__` makes it; the others are generators, which do not pickle. The hot ones'
# `__next__` is native (`_itertools`, src/python/modules/itertools_native.rs): the same step on
# the same attributes, at about the cost of a builtin iterator's.


class count:
    """count(10) --> 10 11 12 13 ..."""

    def __init__(self, start=0, step=1):
        if not isinstance(start, (int, float)):
            raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    __next__ = _itertools.count_next

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {self._step!r})'


class cycle:
    """cycle('ABC') --> A B C A B C A ..."""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0

    def __iter__(self):
        return self

    __next__ = _itertools.cycle_next


class repeat:
    """repeat(10, 3) --> 10 10 10; without times, forever."""

    def __init__(self, object, times=None):
        self._object = object
        # A negative count gives nothing, as CPython's; a count that is not an int is its error.
        self._times = None if times is None else len(range(times))

    def __iter__(self):
        return self

    __next__ = _itertools.repeat_next

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


class accumulate:
    """accumulate([1,2,3,4,5]) --> 1 3 6 10 15; accumulate(data, max); initial comes first."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = False
        self._initial = initial is not None

    def __iter__(self):
        return self

    __next__ = _itertools.accumulate_next


class chain:
    """chain('ABC', 'DEF') --> A B C D E F"""

    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        """chain.from_iterable(['ABC', 'DEF']) --> A B C D E F"""
        self = cls.__new__(cls)
        self._source = iter(iterables)
        self._active = None
        return self

    def __iter__(self):
        return self

    __next__ = _itertools.chain_next


class compress:
    """compress('ABCDEF', [1,0,1,0,1,1]) --> A C E F"""

    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            d = next(self._data)
            if next(self._selectors):
                return d


class dropwhile:
    """dropwhile(lambda x: x<5, [1,4,6,4,1]) --> 6 4 1"""

    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._dropped = False

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            x = next(self._it)
            if self._dropped or not self._predicate(x):
                self._dropped = True
                return x


class filterfalse:
    """filterfalse(lambda x: x%2, range(10)) --> 0 2 4 6 8"""

    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            x = next(self._it)
            if not (x if self._predicate is None else self._predicate(x)):
                return x


class takewhile:
    """takewhile(lambda x: x<5, [1,4,6,4,1]) --> 1 4"""

    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        x = next(self._it)
        if self._predicate(x):
            return x
        self._stopped = True
        raise StopIteration


class starmap:
    """starmap(pow, [(2,5), (3,2)]) --> 32 9"""

    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        return self._function(*next(self._it))


class islice:
    """islice('ABCDEFG', 2) --> A B; islice('ABCDEFG', 2, None) --> C D E F G;
    islice('ABCDEFG', 0, None, 2) --> A C E G"""

    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = 0, args[0], 1
        elif len(args) == 2:
            start, stop, step = args[0], args[1], 1
        elif len(args) == 3:
            start, stop, step = args
            if step is None:
                step = 1
        elif len(args) == 0:
            raise TypeError('islice expected at least 2 arguments, got 1')
        else:
            raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
        if start is None:
            start = 0
        bad_stop = stop is not None and (not isinstance(stop, int) or stop < 0)
        if bad_stop:
            raise ValueError('Stop argument for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if not isinstance(start, int) or start < 0:
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if not isinstance(step, int) or step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._count = 0

    def __iter__(self):
        return self

    __next__ = _itertools.islice_next


class pairwise:
    """pairwise('ABCDEFG') --> AB BC CD DE EF FG"""

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        if self._old is _MISSING:
            self._old = next(self._it, _MISSING)
        new = _MISSING if self._old is _MISSING else next(self._it, _MISSING)
        if new is _MISSING:
            self._it = None
            raise StopIteration
        old, self._old = self._old, new
        return old, new

    def __reduce_ex__(self, protocol):
        # New in 3.10, and never picklable in CPython.
        raise TypeError("cannot pickle 'itertools.pairwise' object")


class zip_longest:
    """zip_longest('ABCD', 'xy', fillvalue='-') --> Ax By C- D-"""

    def __init__(self, *iterables, fillvalue=None):
        self._iterators = [iter(it) for it in iterables]
        self._active = len(self._iterators)
        self._fillvalue = fillvalue

    def __iter__(self):
        return self

    __next__ = _itertools.zip_longest_next


_MISSING = object()


class product:
    """product('ABCD', 'xy') --> Ax Ay Bx By Cx Cy Dx Dy; product(range(2), repeat=3)."""

    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        self._pools = [tuple(pool) for pool in iterables] * repeat
        self._indices = None
        self._done = any(not pool for pool in self._pools)

    def __iter__(self):
        return self

    __next__ = _itertools.product_next


class permutations:
    """permutations('ABCD', 2) --> AB AC AD BA BC BD CA CB CD DA DB DC"""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __iter__(self):
        return self

    __next__ = _itertools.permutations_next


class combinations:
    """combinations('ABCD', 2) --> AB AC AD BC BD CD"""

    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool = tuple(iterable)
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(self._pool)

    def __iter__(self):
        return self

    __next__ = _itertools.combinations_next


class combinations_with_replacement:
    """combinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC"""

    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool = tuple(iterable)
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._done = not self._pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[i] for i in indices)


class groupby:
    """groupby('AAAABBBCCDAABBB') --> (A, <group>) (B, <group>) ...: consecutive runs of equal
    keys, each with a lazy iterator over its items (advancing groupby ends the previous group)."""

    # CPython's groupby_next and _grouper_next: the item read ahead waits in `_currvalue` until
    # the current group takes it; flags rather than a sentinel object say what is there, so the
    # state pickles as plain values.
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = None
        self._has_tgtkey = False
        self._currkey = None
        self._has_currkey = False
        self._currvalue = None
        self._has_currvalue = False
        self._generation = 0

    def __iter__(self):
        return self

    __next__ = _itertools.groupby_next

    def __reduce__(self):
        # CPython's groupby_reduce: the read-ahead item travels only while it is still there;
        # once the current group took it, the copy starts afresh from the iterator.
        if self._has_tgtkey and self._has_currkey and self._has_currvalue:
            state = (self._currkey, self._currvalue, self._tgtkey)
            return groupby, (self._it, self._keyfunc), state
        return groupby, (self._it, self._keyfunc)

    def __setstate__(self, state):
        self._currkey, self._currvalue, self._tgtkey = state
        self._has_currkey = self._has_currvalue = self._has_tgtkey = True


class _grouper:
    # One group of a groupby: its items while the groupby has not moved on.
    def __init__(self, parent, tgtkey, generation):
        self._parent = parent
        self._tgtkey = tgtkey
        self._generation = generation

    def __iter__(self):
        return self

    __next__ = _itertools.grouper_next


# What groupby's native step makes each group of.
groupby._grouper_class = _grouper


class _TeeLink:
    # One item of a tee's shared buffer: a singly linked list every copy walks at its own pace.
    def __init__(self):
        self.value = None
        self.next = None


class _tee:
    # One of tee's iterators: its place in the shared buffer and the source that fills it.
    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._source)
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._source, self._link)


def tee(iterable, n=2):
    """tee(it, n=2) --> n independent iterators over the same items."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    source = iter(iterable)
    start = _TeeLink()
    return tuple(_tee(source, start) for _ in range(n))
