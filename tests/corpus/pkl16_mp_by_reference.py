# Functions and classes travel by name: the receiver gets its own module-level object, so `is`
# holds for them (not for instances). A class nested in a class is found by its qualified name;
# one made inside a function is not.
import multiprocessing as mp


def double(x):
    return 2 * x


class Outer:
    class Inner:
        def __init__(self, v):
            self.v = v


def make_class():
    class Hidden:
        pass
    return Hidden


if __name__ == "__main__":
    a, b = mp.Pipe()
    a.send([double, Outer, Outer.Inner, len, int, ValueError])
    got = b.recv()
    print([x is y for x, y in zip(got, [double, Outer, Outer.Inner, len, int, ValueError])])
    a.send(Outer.Inner(7))
    inner = b.recv()
    print(type(inner).__qualname__, inner.v, type(inner) is Outer.Inner)
    for thing in [make_class(), make_class()()]:
        try:
            a.send(thing)
        except AttributeError as e:
            print("AttributeError:", e)
    f = double
    a.send((f, f, double))
    t = b.recv()
    print(t[0] is t[1] is t[2] is double, t[0](21))
