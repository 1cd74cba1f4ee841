# itertools: each function on sample inputs, printed as lists (iterators are lazy).
import itertools as it
import operator

print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 3), 4)), list(it.islice(it.count(0.5, 0.25), 3)))
print(list(it.islice(it.cycle('AB'), 5)), list(it.cycle([])))
print(list(it.repeat('x', 3)), list(it.islice(it.repeat(7), 2)), list(it.repeat(1, 0)), list(it.repeat(1, -2)))
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate([1, 2, 3], operator.mul)), list(it.accumulate([1, 2], initial=100)), list(it.accumulate([], initial=0)), list(it.accumulate([])))
print(list(it.chain('ABC', 'DE')), list(it.chain()), list(it.chain.from_iterable(['AB', 'CD'])), list(it.chain([1], (2,), {3: 0})))
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.compress('AB', [1])))
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a', None])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(it.islice('ABCDEFG', 2)), list(it.islice('ABCDEFG', 2, 4)), list(it.islice('ABCDEFG', 2, None)), list(it.islice('ABCDEFG', 0, None, 2)), list(it.islice('ABC', None)))
src = iter(range(10))
print(list(it.islice(src, 0, 4, 2)), next(src))
src = iter(range(10))
print(list(it.islice(src, 5, 2)), next(src))
for bad in [(-1,), (1, -1), (0, 5, 0), ('a',)]:
    try:
        it.islice('abc', *bad)
    except ValueError as e:
        print('ValueError', e)
print(list(it.pairwise('ABCD')), list(it.pairwise('A')), list(it.pairwise([])))
print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')), list(it.zip_longest([1], [2, 3], [4])), list(it.zip_longest()))
print(list(it.product('AB', 'xy')), list(it.product(range(2), repeat=3)), list(it.product()), list(it.product('ab', [])))
print(list(it.permutations('ABC', 2)), list(it.permutations(range(3))), list(it.permutations('AB', 3)), list(it.permutations([], 0)))
print(list(it.combinations('ABCD', 2)), list(it.combinations(range(4), 3)), list(it.combinations('AB', 3)), list(it.combinations('AB', 0)))
print(list(it.combinations_with_replacement('ABC', 2)), list(it.combinations_with_replacement([], 2)), list(it.combinations_with_replacement('A', 0)))
print([(k, list(g)) for k, g in it.groupby('AAAABBBCCDAABBB')])
print([(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
groups = it.groupby('AABBC')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, g in groups])
print(list(it.groupby([])))
a, b = it.tee([1, 2, 3])
print(next(a), next(a), list(b), list(a))
print(len(it.tee('abc', 3)), it.tee('abc', 0))
nums = it.count(1)
a, b = it.tee(nums)
print(list(it.islice(a, 3)), list(it.islice(b, 5)))
# The batched recipe (itertools.batched is 3.12).
def batched(iterable, n):
    iterator = iter(iterable)
    while batch := tuple(it.islice(iterator, n)):
        yield batch
print(list(batched('ABCDEFG', 3)))
print(hasattr(it, 'batched'))
print(sum(1 for _ in it.combinations(range(10), 3)), len(list(it.permutations(range(6)))))
try:
    it.permutations('ab', -1)
except ValueError as e:
    print('ValueError', e)
try:
    it.combinations('ab', -1)
except ValueError as e:
    print('ValueError', e)
try:
    list(it.repeat())
except TypeError as e:
    print('TypeError', type(e).__name__)
