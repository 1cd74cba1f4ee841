# inspect.getsource, getsourcelines and findsource for the program's functions, methods,
# classes and lambdas: the program's text as written.
import inspect
import functools


def simple(a, b=2):
    """Add them."""
    return a + b  # the sum


def decorate(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper


@decorate
def decorated(x):

    # a comment inside
    y = (x +
         1)
    return y

# a comment after the block


class Account:
    """Money."""

    rate = 0.5

    def __init__(self, owner):
        self.owner = owner

    @property
    def label(self):
        return f"<{self.owner}>"

    @staticmethod
    def make(owner):
        return Account(owner)

    class Entry:
        text = """a long
string at column zero
"""

        def amount(self):
            return 1


def one_liner(): return 1


square = lambda v: v * v

print(inspect.getsource(simple), end="")
print(inspect.getsource(decorated), end="")
print(inspect.getsourcelines(decorated)[1], inspect.getsourcelines(simple)[1])
print(inspect.getsource(Account.__init__), end="")
print(inspect.getsource(Account.make), end="")
print(inspect.getsource(Account("z").__init__), end="")
print(inspect.getsource(Account.label.fget), end="")
print(inspect.getsource(Account.Entry), end="")
print(inspect.getsource(Account.Entry.amount), end="")
print(inspect.getsource(one_liner), end="")
print(inspect.getsource(square), end="")
lines, start = inspect.getsourcelines(Account)
print(start, len(lines), lines[0], lines[-1], end="")
lines, n = inspect.findsource(simple)
print(n, lines[n], end="")


def nested():
    class Local:
        def m(self):
            return 2
    def helper():
        return 3
    return Local, helper


Local, helper = nested()
print(inspect.getsource(Local), end="")
print(inspect.getsource(helper), end="")
print(inspect.getsource(inspect.currentframe().f_code)[:8])
