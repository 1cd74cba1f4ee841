# Under spawn a worker sees the globals as the top level makes them, not as the main changed them.
import multiprocessing as mp

LIMIT = 10


def scaled(x):
    return (x, LIMIT, __name__)


if __name__ == '__main__':
    LIMIT = 99
    with mp.get_context('spawn').Pool(2) as p:
        print(p.map(scaled, [1, 2]))
    with mp.get_context('fork').Pool(2) as p:
        print(p.map(scaled, [1, 2]))
