import itertools
from itertools import islice

def batched(iterable, n):
    if n < 1:
        raise ValueError('n must be at least one')
    it = iter(iterable)
    while batch := tuple(islice(it, n)):
        yield batch

print(list(batched('ABCDEFG', 3)))
print(list(batched(range(6), 2)), list(batched([], 4)))
print(hasattr(itertools, 'batched'))
def chunks(seq, size):
    return [seq[i:i + size] for i in range(0, len(seq), size)]
print(chunks(list(range(7)), 3))
try:
    list(batched('ab', 0))
except ValueError as e:
    print('ValueError:', e)
