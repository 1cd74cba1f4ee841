from contextlib import ExitStack, contextmanager


@contextmanager
def noisy(name):
    try:
        yield
    finally:
        print("cleanup", name)


def failing_callback():
    raise ValueError("callback failed")


try:
    with ExitStack() as stack:
        stack.enter_context(noisy("first"))
        stack.callback(failing_callback)
        stack.enter_context(noisy("last"))
        print("body ran")
except ValueError as e:
    print("ValueError:", e)

try:
    with ExitStack() as stack:
        stack.callback(failing_callback)
        raise KeyError("original")
except ValueError as e:
    print("ValueError:", e, "| context:", repr(e.__context__))


def logger(exc_type, exc, tb):
    print("saw", exc_type.__name__ if exc_type else None)
    return False


with ExitStack() as stack:
    stack.push(logger)
    print("quiet body")

try:
    with ExitStack() as stack:
        stack.push(logger)
        1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
