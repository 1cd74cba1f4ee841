import multiprocessing as mp
import operator
from operator import itemgetter

if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.starmap(operator.mul, [(2, 3), (4, 5)]))
        print(pool.map(itemgetter(1), ['ab', 'cd', 'ef']))
        print(pool.map(abs, [-1, 2, -3]))
        print(pool.starmap(operator.add, zip('abc', 'xyz')))
