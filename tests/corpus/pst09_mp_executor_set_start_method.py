# Under set_start_method('forkserver') an executor's workers come from the fork server.
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor

print("imported as", __name__)


def who(x):
    return (mp.current_process().name.rsplit('-', 1)[0], os.getppid() != mp.parent_process().pid)


if __name__ == '__main__':
    mp.set_start_method('forkserver')
    with ProcessPoolExecutor(1) as ex:
        print(ex.submit(who, 1).result())
