from itertools import chain, islice

print(list(chain('abc', [1, 2], (3,))), list(chain()), list(chain.from_iterable(['xy', 'z'])))
matrix = [[1, 2], [3, 4], [5]]
print(list(chain.from_iterable(matrix)), sum(chain(*matrix)))
print(list(islice('ABCDEFG', 3)), list(islice('ABCDEFG', 2, 5)), list(islice('ABCDEFG', 1, None, 3)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), next(it))
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
print(list(islice(squares(), 5, 8)))
for args in [(-1,), (0, 3, 0)]:
    try:
        islice('abc', *args)
    except ValueError as e:
        print('ValueError:', e)
