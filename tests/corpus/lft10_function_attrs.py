# Function attributes: __annotations__, __defaults__, __kwdefaults__, __code__; inspect.signature.
import inspect
from typing import List, Optional


def f(a: int, b: str = 'x', *args: float, c: bool = True, **kw: dict) -> list:
    z = 1
    return z


def g(a, b=2, /, c=3, *, d, e=5):
    pass


def h():
    pass


def gen(n):
    yield n


print(f.__annotations__)
print(f.__defaults__, f.__kwdefaults__)
print(g.__defaults__, g.__kwdefaults__, h.__defaults__, h.__kwdefaults__, h.__annotations__)
code = f.__code__
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_posonlyargcount)
print(code.co_varnames, g.__code__.co_varnames, g.__code__.co_posonlyargcount)
print((lambda q, r=1: q).__code__.co_name, (lambda q, r=1: q).__defaults__)
f.__annotations__['extra'] = 1
print(sorted(f.__annotations__))


def late(x: 'Later') -> 'Later':
    pass


print(late.__annotations__)


def closure():
    T = int

    def inner(v: T) -> T:
        return v
    return inner


print(closure().__annotations__)
try:
    def broken(x: undefined_name):
        pass
except NameError as e:
    print(e)

print(inspect.signature(f))
print(inspect.signature(g))
print(inspect.signature(h), inspect.signature(lambda x, *y, **z: 0))
sig = inspect.signature(f)
print(list(sig.parameters), sig.return_annotation)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default is inspect.Parameter.empty, p.annotation)
print(repr(sig.parameters['b']), str(sig.parameters['args']))


def opt(x: List[int], y: Optional[str] = None) -> None:
    pass


print(inspect.signature(opt))


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner

    def deposit(self, amount: float) -> float:
        return amount


print(inspect.signature(Account), inspect.signature(Account('a').deposit))
b = inspect.signature(g).bind(1, d=4)
print(b.arguments)
b.apply_defaults()
print(b.arguments, b.args, b.kwargs)
try:
    inspect.signature(g).bind(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    inspect.signature(g).bind()
except TypeError as e:
    print(e)
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isclass(Account),
      inspect.ismethod(Account('a').deposit), inspect.isgeneratorfunction(gen),
      inspect.isgeneratorfunction(f), inspect.isgenerator(gen(1)))


def documented():
    """First line.

        Indented more.
    Back.
    """


print(repr(inspect.getdoc(documented)))
for call in [lambda: inspect.signature(g).bind(1, 2, 3, 4), lambda: inspect.signature(g).bind(1, b=2, d=1),
             lambda: inspect.signature(f).bind(1, b=2, q=3), lambda: inspect.signature(g).bind(1, d=1, z=2),
             lambda: inspect.signature(f).bind_partial(c=False)]:
    try:
        print(call().arguments)
    except TypeError as e:
        print(e)
