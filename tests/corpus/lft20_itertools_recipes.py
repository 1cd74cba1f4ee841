# itertools recipes from the docs.
import itertools, operator, collections
from itertools import islice, chain, count, repeat, groupby, zip_longest, cycle, tee, filterfalse, combinations, accumulate, pairwise, starmap, compress, dropwhile, takewhile, product, permutations, combinations_with_replacement
def take(n, iterable): return list(islice(iterable, n))
def prepend(value, iterator): return chain([value], iterator)
def tabulate(function, start=0): return map(function, count(start))
def tail(n, iterable): return iter(collections.deque(iterable, maxlen=n))
def consume(iterator, n=None):
    if n is None: collections.deque(iterator, maxlen=0)
    else: next(islice(iterator, n, n), None)
def nth(iterable, n, default=None): return next(islice(iterable, n, None), default)
def all_equal(iterable):
    g = groupby(iterable); return next(g, True) and not next(g, False)
def quantify(iterable, pred=bool): return sum(map(pred, iterable))
def ncycles(iterable, n): return chain.from_iterable(repeat(tuple(iterable), n))
def sumprod(vec1, vec2): return sum(map(operator.mul, vec1, vec2))
def flatten(list_of_lists): return chain.from_iterable(list_of_lists)
def grouper(iterable, n, *, incomplete='fill', fillvalue=None):
    args = [iter(iterable)] * n
    if incomplete == 'fill': return zip_longest(*args, fillvalue=fillvalue)
    if incomplete == 'strict': return zip(*args, strict=True)
    if incomplete == 'ignore': return zip(*args)
def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for next_ in nexts: yield next_()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))
def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)
def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s)+1))
def unique_everseen(iterable, key=None):
    seen = set(); seen_add = seen.add
    if key is None:
        for element in filterfalse(seen.__contains__, iterable):
            seen_add(element); yield element
    else:
        for element in iterable:
            k = key(element)
            if k not in seen: seen_add(k); yield element
def unique_justseen(iterable, key=None):
    return map(next, map(operator.itemgetter(1), groupby(iterable, key)))
def sliding_window(iterable, n):
    it = iter(iterable); window = collections.deque(islice(it, n), maxlen=n)
    if len(window) == n: yield tuple(window)
    for x in it:
        window.append(x); yield tuple(window)
def first_true(iterable, default=False, pred=None): return next(filter(pred, iterable), default)
def iter_except(func, exception, first=None):
    try:
        if first is not None: yield first()
        while True: yield func()
    except exception: pass
def before_and_after(predicate, it):
    it = iter(it); transition = []
    def true_iterator():
        for elem in it:
            if predicate(elem): yield elem
            else: transition.append(elem); return
    def remainder_iterator():
        yield from transition
        yield from it
    return true_iterator(), remainder_iterator()
print(take(3, count(5)), list(prepend(1, [2,3])), take(4, tabulate(lambda x: x*x)), list(tail(3, 'ABCDEFG')))
it = iter(range(10)); consume(it, 3); print(next(it), nth(range(10), 3), all_equal('aaa'), all_equal('aab'), quantify([1,0,2]))
print(list(ncycles('ab', 2)), sumprod([1,2],[3,4]), list(flatten([[1],[2,3]])))
print(list(grouper('ABCDEFG', 3, fillvalue='x')), list(grouper('ABCDEFG', 3, incomplete='ignore')))
try: list(grouper('ABCDEFG', 3, incomplete='strict'))
except ValueError as e: print(e)
print(list(roundrobin('ABC', 'D', 'EF')))
a, b = partition(lambda x: x % 2, range(10)); print(list(a), list(b))
print(list(powerset([1,2,3])), list(unique_everseen('AAAABBBCCDAABBB')), list(unique_everseen('ABBcCAD', str.lower)))
print(list(unique_justseen('AAAABBBCCDAABBB')), list(sliding_window('ABCDEFG', 4)), first_true([0, None, 3, 4]))
print(list(iter_except([1,2,3].pop, IndexError)))
ab, rest = before_and_after(str.isupper, 'ABCdEfGhI'); print(''.join(ab), ''.join(rest))
print(list(accumulate([1,2,3,4], operator.mul)), list(accumulate([1,2,3], initial=100)), list(pairwise('ABCD')))
print(list(starmap(pow, [(2,5),(3,2)])), list(compress('ABCDEF', [1,0,1,0,1,1])), list(dropwhile(lambda x: x<5, [1,4,6,4,1])))
print(list(takewhile(lambda x: x<5, [1,4,6,4,1])), [(k, list(g)) for k, g in groupby('AAAABBBCCD')], list(product('AB', repeat=2)))
print(list(permutations(range(3), 2)), list(combinations_with_replacement('ABC', 2)), list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(batched('ABCDEFG', 3)) if hasattr(itertools, 'batched') else 'no batched')
