import multiprocessing as mp
from collections import Counter
from itertools import islice

TEXT = 'the cat sat on the mat and the dog sat on the log'.split()

def chunks(seq, n):
    it = iter(seq)
    while chunk := list(islice(it, n)):
        yield chunk

def tally(chunk):
    return Counter(chunk)

if __name__ == '__main__':
    with mp.Pool(3) as pool:
        partials = pool.map(tally, chunks(TEXT, 4))
    print(len(partials))
    merged = Counter()
    for part in partials:
        merged.update(part)
    print(merged.most_common(3), merged == Counter(TEXT))
