# A record's pathname is the absolute path of the program, in the main and in its children.
import logging
import multiprocessing as mp
import os
import sys


class Where(logging.Filter):
    def filter(self, record):
        print(record.processName, record.funcName, record.lineno,
              os.path.basename(record.pathname), os.path.isabs(record.pathname),
              record.filename == os.path.basename(record.pathname),
              record.module)
        return False


def setup():
    logging.basicConfig(stream=sys.stdout, force=True)
    logging.getLogger().handlers[0].addFilter(Where())


def child():
    setup()
    logging.warning("in the child")


if __name__ == '__main__':
    setup()
    logging.warning("in the main")
    for method in ('fork', 'spawn'):
        p = mp.get_context(method).Process(target=child)
        p.start()
        p.join()
