import logging
import multiprocessing
import time

# A Pool's workers are processes too: each says it calls run(), and, once close() and join() let
# it finish, that it shuts down, at INFO on multiprocessing's logger. (A pool ended by terminate()
# races its workers' own exit against SIGTERM in CPython, so that ending is not recorded here.)


def square(x):
    return x * x


if __name__ == '__main__':
    multiprocessing.log_to_stderr(logging.INFO)
    pool = multiprocessing.Pool(1)
    print(pool.map(square, range(4)))
    time.sleep(0.2)
    pool.close()
    pool.join()
    print('joined')
