import multiprocessing as mp
from collections import namedtuple, Counter
from functools import partial

Pair = namedtuple('Pair', 'left right')

def combine(pair, sep):
    return f'{pair.left}{sep}{pair.right}'

def letters(word):
    return Counter(word)

if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    with ctx.Pool(2) as pool:
        print(pool.map(partial(combine, sep='-'), [Pair('a', 'b'), Pair('c', 'd')]))
        print(pool.map(letters, ['noon', 'xy']))
        print(pool.apply(Pair, (1, 2)))
