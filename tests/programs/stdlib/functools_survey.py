# functools: partial, reduce, the caches, wraps, total_ordering, cmp_to_key.
import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key
import operator

def power(base, exp, *, mod=None):
    """base to the exp."""
    r = base ** exp
    return r % mod if mod else r

square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
print(square(5), cube_mod(7), square.func is power, square.args, square.keywords)
two_to = partial(power, 2)
print(two_to(10), two_to.args, partial(two_to, 3)(), partial(two_to, 3).args)
print(repr(partial(operator.add, 1)).startswith('functools.partial(<built-in function add>') or repr(partial(operator.add, 1)).startswith('functools.partial(<function add'))
print(repr(partial(power, 2, mod=3)).replace(hex(id(power)), 'ADDR'))
print(partial(power, exp=2)(3, exp=3))
try:
    partial(5)
except TypeError as e:
    print('TypeError', e)

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 1), reduce(lambda a, b: a + b, [], 'empty'))
print(reduce(lambda acc, w: acc + len(w), ['ab', 'cde'], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError', e)

calls = []
@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n
print(slow(1), slow(2), slow(1), slow(3), slow(2), calls)
print(slow.cache_info())
info = slow.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info))
slow.cache_clear()
print(slow.cache_info(), slow.__name__, slow.__wrapped__(4))

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())

@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info())

@lru_cache(maxsize=None)
def kw(a, b=0):
    return a + b
print(kw(1), kw(1, b=2), kw(1, b=2), kw.cache_info())

def shout(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs).upper()
    return wrapper

@shout
def greet(name):
    """Say hello."""
    return f'hello {name}'
print(greet('ann'), greet.__name__, greet.__doc__, greet.__qualname__, greet.__wrapped__('bob'), greet.__module__)

def plain():
    pass
def wrapper2():
    pass
functools.update_wrapper(wrapper2, plain)
print(wrapper2.__name__, wrapper2.__wrapped__ is plain, wrapper2.__doc__)

@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return f'V{self.major}.{self.minor}'
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, sorted([b, a]), max(a, b))

@total_ordering
class Rank:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __ge__(self, other):
        return self.n >= other.n
print(Rank(1) < Rank(2), Rank(2) <= Rank(2), Rank(3) > Rank(1))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError', e)

def by_length_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(['ccc', 'a', 'bb', 'aa', 'b'], key=cmp_to_key(by_length_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))
K = cmp_to_key(lambda x, y: x - y)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))

# cached_property: computed on first read, then read from the instance's __dict__.
from functools import cached_property


class Box:
    reads = 0

    @cached_property
    def size(self):
        Box.reads += 1
        return 42


b = Box()
print(b.size, b.size, Box.reads, vars(b), type(Box.size).__name__, Box.size.attrname)
