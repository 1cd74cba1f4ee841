# A decorator that reports the line that called the decorated function, three ways: the
# caller's frame, inspect.stack(), and traceback.extract_stack().
import functools
import inspect
import sys
import traceback


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        caller = sys._getframe(1)
        st = inspect.stack()[1]
        summary = traceback.extract_stack(limit=2)[0]
        print(f"{func.__name__} called from {caller.f_code.co_name} line {caller.f_lineno};"
              f" stack says {st.function}:{st.lineno} {st.code_context[0].strip()!r};"
              f" extract_stack says {summary.name}:{summary.lineno} {summary.line!r}")
        return func(*args, **kwargs)
    return wrapper


@traced
def greet(name):
    return f"hello {name}"


def main():
    print(greet("ann"))
    for who in ["bob"]:
        print(greet(who))


main()
print(greet("top"))
print(greet.__name__, greet.__wrapped__.__name__, inspect.signature(greet))
print(inspect.getsource(greet).splitlines()[0:2])
