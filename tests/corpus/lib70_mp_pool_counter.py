import multiprocessing as mp
from collections import Counter

def count_words(line):
    return Counter(line.split())

if __name__ == '__main__':
    lines = ['a b a', 'b c', 'a c c c', 'd']
    with mp.Pool(2) as pool:
        parts = pool.map(count_words, lines)
    print(parts)
    total = sum(parts, Counter())
    print(total, total.most_common(2))
    print(type(parts[0]).__name__, parts[0]['a'], parts[0]['zzz'])
