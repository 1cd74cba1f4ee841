from contextlib import contextmanager


@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")


with tag("b") as t:
    print("inside", t)


@contextmanager
def guarded(label):
    print("enter", label)
    try:
        yield
    except ValueError as e:
        print("handled", label, e)
    finally:
        print("exit", label)


with guarded("one"):
    raise ValueError("bad value")
print("after one")

try:
    with guarded("two"):
        raise KeyError("k")
except KeyError as e:
    print("KeyError escaped:", e)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def reraise():
    try:
        yield
    except ZeroDivisionError:
        raise ArithmeticError("wrapped")


try:
    with reraise():
        1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)


@tag("decorated")
def body():
    print("running body")


body()
