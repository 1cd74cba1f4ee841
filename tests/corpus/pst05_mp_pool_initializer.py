# initializer and initargs are pickled to spawned and served workers and run in each.
import multiprocessing as mp

STATE = {'tag': None}


def setup(tag, n):
    STATE['tag'] = tag * n


def read(x):
    return (x, STATE['tag'])


if __name__ == '__main__':
    for method in ('spawn', 'forkserver', 'fork'):
        with mp.get_context(method).Pool(2, setup, (method[:2], 2)) as p:
            print(method, p.map(read, range(3)))
