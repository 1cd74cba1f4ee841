# Pool workers return Counters, defaultdicts and objects with cached properties.
import multiprocessing as mp
from collections import Counter, defaultdict
from functools import cached_property


class Text:
    def __init__(self, words):
        self.words = words

    @cached_property
    def counts(self):
        return Counter(self.words)


def count(line):
    return Counter(line.split())


def by_length(line):
    groups = defaultdict(list)
    for word in line.split():
        groups[len(word)].append(word)
    return groups


def analysed(line):
    text = Text(line.split())
    text.counts
    return text


if __name__ == '__main__':
    lines = ['the cat sat', 'the cat ran', 'a dog sat down']
    with mp.Pool(2) as pool:
        counts = pool.map(count, lines)
        groups = pool.map(by_length, lines)
        texts = pool.map(analysed, lines)
    total = sum(counts, Counter())
    print(total.most_common(3), isinstance(total, dict))
    print(groups[2], groups[2][99], groups[2].default_factory)
    print([sorted(vars(t)) for t in texts], texts[0].counts)
