# terminate() stops spawned workers in the middle of their tasks: SIGTERM, as CPython's.
import multiprocessing as mp
import time


def slow(x):
    time.sleep(5)
    return x


if __name__ == '__main__':
    for method in ('spawn', 'forkserver'):
        p = mp.get_context(method).Pool(2)
        r = p.map_async(slow, range(2), chunksize=1)
        time.sleep(0.5)
        workers = list(p._pool)
        p.terminate()
        p.join()
        print(method, r.ready(), [w.exitcode for w in workers])
