# Sets and frozensets cross with their members; a member shared with another part of the message
# stays one object, and an instance that holds a frozenset holding it comes back whole.
import multiprocessing as mp


class Tag:
    def __init__(self, name):
        self.name = name
        self.group = None

    def __repr__(self):
        return f"Tag({self.name})"


if __name__ == "__main__":
    a, b = mp.Pipe()
    t = Tag("red")
    a.send(({t}, frozenset([t]), [t]))
    s, fs, lst = b.recv()
    (m1,), (m2,) = s, fs
    print(m1, m1 is m2, m2 is lst[0])
    t.group = frozenset([t])
    a.send(t)
    back = b.recv()
    (member,) = back.group
    print(back, member is back)
    a.send([{1, 2, 3}, frozenset(), set(), {(1, 2), "x"}])
    got = b.recv()
    print(got[0], got[1], got[2], sorted(got[3], key=str))
