# A spawned child is a fresh interpreter: the builtin types the parent used before it started the
# child (dict views, `__dict__` views, `list[int]`, `int | None`, `__code__`, `__traceback__`) are
# the child's own there, deriving from the child's `object`.
import multiprocessing as mp


class C:
    x = 1


def f():
    pass


def samples():
    d = {"a": 1}
    try:
        raise ValueError("v")
    except ValueError as e:
        tb = e.__traceback__
    return [
        d.keys(),
        d.values(),
        d.items(),
        C().__dict__,
        C.__dict__,
        list[int],
        int | None,
        f.__code__,
        tb,
    ]


def report(where):
    for x in samples():
        t = type(x)
        print(where, t.__name__, isinstance(x, object), issubclass(t, object), t.__mro__[-1] is object)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    report("parent")
    p = mp.Process(target=report, args=("child",))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
