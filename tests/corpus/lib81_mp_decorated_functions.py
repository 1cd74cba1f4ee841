import multiprocessing as mp
from functools import lru_cache, wraps

@lru_cache(maxsize=None)
def square(n):
    return n * n

def traced(func):
    @wraps(func)
    def wrapper(*args):
        return ('traced', func(*args))
    return wrapper

@traced
def double(n):
    return n * 2

if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]))
        print(pool.map(double, [1, 2]))
    print(square.cache_info())
