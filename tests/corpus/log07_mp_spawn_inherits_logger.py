import logging
import multiprocessing

# With the spawn start method the child is a fresh interpreter, yet CPython hands it the logger's
# setting: log_to_stderr() was called and the level (here DEBUG) comes with the preparation data.


def work(n):
    multiprocessing.util.info('spawned child got %d', n)
    print('level in the child:', multiprocessing.get_logger().getEffectiveLevel())


if __name__ == '__main__':
    multiprocessing.set_start_method('spawn')
    multiprocessing.log_to_stderr(logging.DEBUG)
    p = multiprocessing.Process(target=work, args=(5,))
    p.start()
    p.join()
    print('exitcode', p.exitcode)
