# How the state travels: __getstate__ returning None skips __setstate__; an instance with no
# attributes has no state; a state that is not a dict needs __setstate__, or the receiver raises
# UnpicklingError; a (dict, slots) pair updates both; __reduce__ state may refer to the object.
import multiprocessing as mp


class NoneState:
    def __getstate__(self):
        return None

    def __setstate__(self, s):
        print("NoneState.__setstate__", s)


class Empty:
    def __setstate__(self, s):
        print("Empty.__setstate__", s)


class EmptyDict:
    def __getstate__(self):
        return {}

    def __setstate__(self, s):
        print("EmptyDict.__setstate__", s)


class ListState:
    def __getstate__(self):
        return [1, 2]


class ListStateOk:
    def __getstate__(self):
        return [1, 2]

    def __setstate__(self, s):
        self.items = s


class Pair:
    def __getstate__(self):
        return ({"a": 1}, {"b": 2})


class SelfRef:
    def __init__(self):
        self.me = self

    def __reduce__(self):
        return (SelfRef, (), {"me": self, "tag": "rebuilt"})


class Loop:
    def __reduce__(self):
        return (Loop, (self,))


if __name__ == "__main__":
    a, b = mp.Pipe()
    for obj in [NoneState(), Empty(), EmptyDict()]:
        a.send(obj)
        print("got", type(b.recv()).__name__)
    e = Empty()
    e.x = 1
    a.send(e)
    print("got", type(b.recv()).__name__)
    a.send(ListState())
    try:
        b.recv()
    except Exception as ex:
        print(f"{type(ex).__module__}.{type(ex).__name__}: {ex}")
    a.send(ListStateOk())
    print("items", b.recv().items)
    a.send(Pair())
    p = b.recv()
    print(p.a, p.b)
    a.send(SelfRef())
    s = b.recv()
    print(s.me is s, s.tag)
    try:
        a.send(Loop())
    except RecursionError as ex:
        print("RecursionError")
    a.send("still works")
    print(b.recv())
