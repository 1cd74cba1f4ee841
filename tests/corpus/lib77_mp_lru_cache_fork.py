import multiprocessing as mp
from functools import lru_cache

@lru_cache(maxsize=None)
def expensive(n):
    return n * n

def child():
    print('child sees', expensive.cache_info())
    expensive(3)
    print('child after', expensive.cache_info())

if __name__ == '__main__':
    expensive(1)
    expensive(2)
    expensive(1)
    p = mp.Process(target=child)
    p.start()
    p.join()
    print('parent', expensive.cache_info())
