# CPython's _TestPool.test_traceback: a task's exception reaches the caller with its type and
# arguments, and the worker's traceback text as a RemoteTraceback cause.
import multiprocessing
import multiprocessing.pool
import sys


def _test_traceback():
    raise RuntimeError(123) # some comment


def sqr(x):
    return x * x


class SayWhenError(ValueError):
    pass


class Throwing:
    def __iter__(self):
        return self

    def __next__(self):
        raise SayWhenError("Somebody said when")


if __name__ == "__main__":
    with multiprocessing.Pool(1) as p:
        try:
            p.apply(_test_traceback)
            exc = None
        except Exception as e:
            exc = e
    p.join()
    print("type:", type(exc) is RuntimeError)
    print("args:", exc.args)
    cause = exc.__cause__
    print("cause type:", type(cause) is multiprocessing.pool.RemoteTraceback)
    print("cause name:", type(cause).__name__)
    print("cause has the line:", "raise RuntimeError(123) # some comment" in cause.tb)
    print("cause has the function:", "in _test_traceback" in cause.tb)
    print("cause str is tb:", str(cause) == cause.tb)
    print("tb ends with:", repr(cause.tb.strip().splitlines()[-2:]))

    # the error reaches a map() too, with the same cause
    with multiprocessing.Pool(2) as p:
        try:
            p.map(sqr, [1, "a"])
            exc = None
        except TypeError as e:
            exc = e
        print("map error:", type(exc).__name__, exc)
        print("map cause:", type(exc.__cause__).__name__)
        # an error in the iterable is the caller's own: no remote cause
        try:
            p.map(sqr, Throwing(), 1)
            exc = None
        except Exception as e:
            exc = e
        print("iterable error:", type(exc) is SayWhenError, exc.__cause__ is None)
    p.join()
    print("done")
