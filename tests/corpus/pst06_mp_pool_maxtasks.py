# maxtasksperchild=1 under spawn and forkserver: every task gets a fresh worker of the same kind.
import multiprocessing as mp
import os


def run(x):
    return (os.getpid(), mp.current_process().name.rsplit('-', 1)[0], mp.get_start_method())


if __name__ == '__main__':
    for method in ('spawn', 'forkserver'):
        with mp.get_context(method).Pool(2, maxtasksperchild=1) as p:
            rows = p.map(run, range(4), chunksize=1)
            print(method, len({pid for pid, _, _ in rows}), sorted({r[1:] for r in rows}))
