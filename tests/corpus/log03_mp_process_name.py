import logging
import multiprocessing
import sys
import time

# processName is the multiprocessing name of the process that logs; a forked child keeps the
# parent's configuration (its handlers and levels are copies).
logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format='%(processName)s %(levelname)s %(name)s %(funcName)s: %(message)s')
log = logging.getLogger('worker')


def work(n):
    log.info('working on %d', n)
    multiprocessing.current_process().name = 'Renamed-%d' % n
    log.warning('after renaming')
    logging.getLogger('worker').setLevel(logging.ERROR)
    log.warning('hidden in the child only')


if __name__ == '__main__':
    log.info('before start')
    for i in range(2):
        p = multiprocessing.Process(target=work, args=(i,))
        p.start()
        p.join()
        time.sleep(0.2)
    p = multiprocessing.Process(target=work, args=(7,), name='Custom')
    p.start()
    p.join()
    log.warning('the parent keeps its level: %s', logging.getLevelName(log.getEffectiveLevel()))
    print(p.exitcode)
