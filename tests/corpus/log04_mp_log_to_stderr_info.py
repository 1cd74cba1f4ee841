import logging
import multiprocessing
import sys
import time

# multiprocessing's own logger at INFO: what CPython's multiprocessing writes at each moment of a
# process's life, '[LEVEL/processName] message' on stderr.


def quick():
    print('quick runs')


def fails():
    raise ValueError('boom')


def exits():
    sys.exit(3)


def sleeper():
    time.sleep(0.4)
    print('sleeper ends')


if __name__ == '__main__':
    logger = multiprocessing.log_to_stderr(logging.INFO)
    print(logger.name, logger.propagate, logger.level, logger is multiprocessing.get_logger())
    print(len(logger.handlers), type(logger.handlers[0]).__name__)
    for target in (quick, fails, exits):
        p = multiprocessing.Process(target=target)
        p.start()
        p.join()
        print(target.__name__, p.exitcode)
        time.sleep(0.2)
    # A daemon is terminated at the main's end ('calling terminate() for daemon ...'), but whether
    # the join loop that follows still finds it alive is a race in CPython: not recorded here.
    late = multiprocessing.Process(target=quick)
    late.start()
    time.sleep(0.2)
    unjoined = multiprocessing.Process(target=sleeper)
    unjoined.start()
    time.sleep(0.2)
    logger.info('a line of my own: %d', 42)
    print('main ends')
