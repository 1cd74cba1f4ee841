# Counter, defaultdict and OrderedDict cross a Queue and a Pipe as the dict subclasses they are.
import multiprocessing as mp
from collections import Counter, OrderedDict, defaultdict


class Tally(Counter):
    pass


def produce(q, conn):
    c = Counter('mississippi')
    groups = defaultdict(list)
    for word in 'pear plum apple peach'.split():
        groups[word[0]].append(word)
    od = OrderedDict.fromkeys('abc', 0)
    od.move_to_end('a')
    od.note = 'moved'
    t = Tally(x=2)
    t.owner = 'child'
    q.put((c, groups, od, t, defaultdict(None, k=1)))
    conn.send([od, groups])
    conn.close()


if __name__ == '__main__':
    q = mp.Queue()
    here, there = mp.Pipe()
    p = mp.Process(target=produce, args=(q, there))
    p.start()
    c, groups, od, t, plain = q.get()
    od2, groups2 = here.recv()
    p.join()
    print(c, isinstance(c, dict), c['z'])
    print(groups, groups.default_factory, groups['q'], groups2 == groups)
    print(od, od.note, list(od2), od2 == od, type(od2).__name__)
    # Counter.__reduce__ gives its items only: an attribute stays behind, as in CPython.
    print(t, hasattr(t, 'owner'), type(t).__name__, isinstance(t, Counter))
    print(plain, plain.default_factory, p.exitcode)
