"""Iterator building blocks. Every function returns a lazy iterator (a generator here, a C type in
CPython): nothing is computed until it is asked for."""


def count(start=0, step=1):
    """count(10) --> 10 11 12 13 ..."""
    if not isinstance(start, (int, float)):
        raise TypeError('a number is required')
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    """cycle('ABC') --> A B C A B C A ..."""
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(object, times=None):
    """repeat(10, 3) --> 10 10 10; without times, forever."""
    if times is None:
        while True:
            yield object
    else:
        for _ in range(times):
            yield object


def accumulate(iterable, func=None, *, initial=None):
    """accumulate([1,2,3,4,5]) --> 1 3 6 10 15; accumulate(data, max); initial comes first."""
    it = iter(iterable)
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


def chain(*iterables):
    """chain('ABC', 'DEF') --> A B C D E F"""
    return _chain(iterables)


def _from_iterable(iterables):
    """chain.from_iterable(['ABC', 'DEF']) --> A B C D E F"""
    return _chain(iterables)


chain.from_iterable = _from_iterable


def compress(data, selectors):
    """compress('ABCDEF', [1,0,1,0,1,1]) --> A C E F"""
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """dropwhile(lambda x: x<5, [1,4,6,4,1]) --> 6 4 1"""
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(predicate, iterable):
    """filterfalse(lambda x: x%2, range(10)) --> 0 2 4 6 8"""
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def takewhile(predicate, iterable):
    """takewhile(lambda x: x<5, [1,4,6,4,1]) --> 1 4"""
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def starmap(function, iterable):
    """starmap(pow, [(2,5), (3,2)]) --> 32 9"""
    for args in iterable:
        yield function(*args)


def islice(iterable, *args):
    """islice('ABCDEFG', 2) --> A B; islice('ABCDEFG', 2, None) --> C D E F G;
    islice('ABCDEFG', 0, None, 2) --> A C E G"""
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
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    nexti = start
    i = 0
    if stop is not None and stop <= start:
        # Nothing to give, but the items before start are still consumed, as CPython does.
        for _ in range(start):
            if next(it, _islice) is _islice:
                return
        return
    for element in it:
        if i == nexti:
            yield element
            nexti += step
            if stop is not None and nexti >= stop:
                # Consume the items up to stop, as CPython does.
                for _ in range(i + 1, stop):
                    if next(it, _islice) is _islice:
                        return
                return
        i += 1


def pairwise(iterable):
    """pairwise('ABCDEFG') --> AB BC CD DE EF FG"""
    it = iter(iterable)
    for a in it:
        for b in it:
            yield a, b
            a = b
        return


def zip_longest(*iterables, fillvalue=None):
    """zip_longest('ABCD', 'xy', fillvalue='-') --> Ax By C- D-"""
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            value = next(it, _MISSING)
            if value is _MISSING:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


_MISSING = object()


def product(*iterables, repeat=1):
    """product('ABCD', 'xy') --> Ax Ay Bx By Cx Cy Dx Dy; product(range(2), repeat=3)."""
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for prod in result:
        yield prod


def permutations(iterable, r=None):
    """permutations('ABCD', 2) --> AB AC AD BA BC BD CA CB CD DA DB DC"""
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    """combinations('ABCD', 2) --> AB AC AD BC BD CD"""
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(tuple(iterable), r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """combinations_with_replacement('ABC', 2) --> AA AB AC BB BC CC"""
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations_with_replacement(tuple(iterable), r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def groupby(iterable, key=None):
    """groupby('AAAABBBCCDAABBB') --> (A, <group>) (B, <group>) ...: consecutive runs of equal
    keys, each with a lazy iterator over its items (advancing groupby ends the previous group)."""
    return _groupby(iter(iterable), key)


class _GroupState:
    # What groupby and its current group share: the item read ahead and whether input is over.
    def __init__(self, it, keyfunc):
        self.it = it
        self.keyfunc = keyfunc
        self.done = False
        self.tgtkey = _MISSING
        self.currkey = _MISSING
        self.currvalue = _MISSING
        self.generation = 0

    def advance(self):
        value = next(self.it, _MISSING)
        if value is _MISSING:
            self.done = True
            return False
        self.currvalue = value
        self.currkey = value if self.keyfunc is None else self.keyfunc(value)
        return True


def _groupby(it, keyfunc):
    state = _GroupState(it, keyfunc)
    while True:
        if state.currkey is _MISSING:
            if not state.advance():
                return
        # Skip the rest of the previous group.
        while state.tgtkey is not _MISSING and state.currkey == state.tgtkey:
            if not state.advance():
                return
        state.tgtkey = state.currkey
        state.generation += 1
        yield state.currkey, _grouper(state, state.generation)


def _grouper(state, generation):
    while state.generation == generation and not state.done:
        if state.currkey != state.tgtkey:
            return
        yield state.currvalue
        if not state.advance():
            return


class _TeeLink:
    # One item of a tee's shared buffer: a singly linked list every copy walks at its own pace.
    def __init__(self):
        self.value = _MISSING
        self.next = None


def _tee_iter(source, link):
    while True:
        if link.next is None:
            value = next(source, _MISSING)
            if value is _MISSING:
                return
            link.value = value
            link.next = _TeeLink()
        value = link.value
        link = link.next
        yield value


def tee(iterable, n=2):
    """tee(it, n=2) --> n independent iterators over the same items."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    source = iter(iterable)
    start = _TeeLink()
    return tuple(_tee_iter(source, start) for _ in range(n))
