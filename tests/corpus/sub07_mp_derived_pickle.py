# Instances of classes derived from dict, list, int, set and str cross a Queue, a Pool and a Pipe as CPython pickles them (copyreg.__newobj__, state, items); a set subclass names its class in its repr.
import multiprocessing as mp


class Tally(dict):
    def total(self):
        return sum(self.values())


class L(list):
    pass


class Level(int):
    def describe(self):
        return "high" if self > 5 else "low"


class Tags(set):
    pass


class Word(str):
    pass


def work(x):
    return Tally(n=x), Level(x), L([x, x])


if __name__ == "__main__":
    q = mp.Queue()
    t = Tally(a=1, b=2)
    t.note = "n"
    q.put(t)
    l = L([1, 2])
    l.tag = 5
    q.put(l)
    q.put(Level(7))
    q.put(Tags({3}))
    q.put(Word("hi"))
    q.put([t, t])
    a = q.get()
    print(type(a).__name__, a, a.total(), a.note)
    c = q.get()
    print(type(c).__name__, c, c.tag)
    lv = q.get()
    print(type(lv).__name__, lv, lv.describe(), lv + 1)
    tg = q.get()
    print(type(tg).__name__, tg)
    w = q.get()
    print(type(w).__name__, w, w.upper())
    pair = q.get()
    print(pair[0] is pair[1], pair[0])
    with mp.Pool(2) as pool:
        for tally, level, lst in pool.map(work, [1, 9]):
            print(type(tally).__name__, tally, type(level).__name__, level.describe(), type(lst).__name__, lst)
    a_end, b_end = mp.Pipe()
    a_end.send(Tally(z=26))
    got = b_end.recv()
    print(type(got).__name__, got, got.total())
