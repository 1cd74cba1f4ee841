import logging
import multiprocessing
import multiprocessing.util as util
import sys
import time

# At DEBUG, and below it (SUBDEBUG = 5), multiprocessing also says when it runs its exit
# finalizers. get_logger() is the same logger, so a program can give it a handler of its own.


def child(conn):
    util.info('a message through multiprocessing.util')
    util.debug('debug %s', 'too')
    util.sub_debug('sub_debug at level %d', util.SUBDEBUG)
    util.sub_warning('sub_warning at level %d', util.SUBWARNING)
    conn.send('hello')
    conn.close()


if __name__ == '__main__':
    print(util.SUBDEBUG, util.DEBUG, util.INFO, util.SUBWARNING, util.LOGGER_NAME)
    print(util.DEFAULT_LOGGING_FORMAT)
    util.info('nothing: no logger yet')
    logger = multiprocessing.get_logger()
    print(logger.name, logger.propagate, logger.handlers)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter('stdout %(levelno)s %(levelname)s %(processName)s| %(message)s'))
    logger.addHandler(handler)
    logger.setLevel(util.SUBDEBUG)
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=child, args=(b,))
    p.start()
    got = a.recv()
    p.join()
    print(got)
    time.sleep(0.2)
    logger.setLevel(logging.DEBUG)
    p = multiprocessing.Process(target=child, args=(b,))
    p.start()
    got = a.recv()
    p.join()
    print(got)
    print('main ends')
