import re
from multiprocessing import Pool, Queue, Pipe, Process

WORD = re.compile(r"[a-z]+", re.IGNORECASE)

def count_words(line):
    return len(WORD.findall(line))

def first_number(args):
    pattern, text = args
    m = pattern.search(text)
    return m.group() if m else None

def child(q, pattern):
    q.put((pattern, pattern.sub("#", "a1b22")))

if __name__ == "__main__":
    lines = ["the quick brown fox", "jumps over", "the lazy dog 42 times"]
    with Pool(2) as pool:
        print(pool.map(count_words, lines))
        num = re.compile(r"\d+")
        print(pool.map(first_number, [(num, "abc 12 d"), (num, "none"), (num, "7")]))
        print(pool.apply(WORD.findall, ("hello, world",)))
    q = Queue()
    p = Process(target=child, args=(q, re.compile(r"\d+", re.M)))
    p.start()
    got, replaced = q.get()
    p.join()
    print(got, got.flags, replaced)
    a, b = Pipe()
    a.send(re.compile("(?P<x>a)"))
    r = b.recv()
    print(r, r.groupindex, r.match("a"))
