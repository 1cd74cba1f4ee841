# ProcessPoolExecutor(mp_context=...): SpawnProcess, ForkServerProcess and ForkProcess workers.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def who(x):
    return (mp.current_process().name.rsplit('-', 1)[0], mp.get_start_method(), x * 2)


if __name__ == '__main__':
    for method in ('spawn', 'forkserver', 'fork'):
        with ProcessPoolExecutor(2, mp_context=mp.get_context(method)) as ex:
            print(sorted(ex.map(who, range(3))))
