import multiprocessing as mp
from collections import namedtuple

Stats = namedtuple('Stats', 'word length vowels')

def analyse(word):
    return Stats(word, len(word), sum(ch in 'aeiou' for ch in word))

if __name__ == '__main__':
    with mp.Pool(2) as pool:
        results = pool.map(analyse, ['banana', 'sky', 'queue'])
    for r in results:
        print(r, r.length, r._asdict())
    print(type(results[0]) is Stats, results[0] == ('banana', 6, 3), max(results, key=lambda s: s.vowels).word)
    with mp.Pool(1) as pool:
        print(pool.apply(Stats, ('x', 1, 0)))
        print(pool.map(len, [Stats('a', 1, 1)]))
