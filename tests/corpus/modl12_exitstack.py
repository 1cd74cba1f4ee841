from contextlib import ExitStack, contextmanager


@contextmanager
def opened(name):
    print("open", name)
    try:
        yield name
    finally:
        print("close", name)


with ExitStack() as stack:
    names = [stack.enter_context(opened(n)) for n in ["a", "b", "c"]]
    stack.callback(print, "callback", "x", sep="-")
    print("using", names)
print("after")

stack = ExitStack()
stack.enter_context(opened("late"))
stack.callback(lambda: print("cb ran"))
print("before close")
stack.close()
stack.close()


class Suppress:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__ if t else None)
        return True


with ExitStack() as stack:
    stack.enter_context(opened("outer"))
    stack.enter_context(Suppress())
    stack.enter_context(opened("inner"))
    raise ValueError("swallowed")
print("suppressed by Suppress")

try:
    with ExitStack() as stack:
        stack.enter_context(opened("r"))
        raise KeyError("kept")
except KeyError as e:
    print("KeyError:", e)

with ExitStack() as stack:
    stack.enter_context(opened("x"))
    moved = stack.pop_all()
print("popped; closing now")
moved.close()

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print("TypeError:", e)
