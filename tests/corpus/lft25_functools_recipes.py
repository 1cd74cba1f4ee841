# functools: lru_cache, singledispatch with annotations, partialmethod, singledispatchmethod, wraps copying __annotations__.
import functools, operator
from functools import singledispatch, lru_cache, partial, reduce, total_ordering, cached_property, wraps, partialmethod, singledispatchmethod
@lru_cache(maxsize=2)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(20), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@singledispatch
def show(x): return f'obj {x}'
@show.register
def _(x: int): return f'int {x}'
@show.register(list)
def _(x): return f'list {len(x)}'
print(show(1), show([1, 2]), show('s'), show.dispatch(int).__name__, sorted(t.__name__ for t in show.registry))
class Cell:
    def __init__(self): self._alive = False
    def set_state(self, state): self._alive = bool(state)
    set_alive = partialmethod(set_state, True)
c = Cell(); c.set_alive(); print(c._alive)
class Shapes:
    @singledispatchmethod
    def area(self, arg): raise NotImplementedError
    @area.register
    def _(self, arg: int): return arg * arg
print(Shapes().area(3))
p = partial(int, base=2); print(p('101'), p.func, p.args, p.keywords, repr(p))
def deco(f):
    @wraps(f)
    def inner(*a, **k): return f(*a, **k)
    return inner
@deco
def hello(x: int) -> str:
    "Doc."
    return str(x)
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__annotations__)
print(reduce(operator.add, [1, 2, 3], 10), functools.reduce(lambda a, b: a * b, range(1, 6)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))
print(list(hello.__dict__.keys()), sorted(vars(hello)))
