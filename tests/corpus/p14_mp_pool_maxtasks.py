# maxtasksperchild: a worker exits after that many tasks and a new one takes its place.
import multiprocessing
import os
import time


def pid(x):
    return os.getpid()


if __name__ == "__main__":
    pool = multiprocessing.Pool(2, maxtasksperchild=1)
    first = sorted(w.pid for w in pool._pool)
    pids = [pool.apply(pid, (i,)) for i in range(5)]
    time.sleep(0.3)
    print(len(set(pids)), len(pool._pool))
    print(sorted(w.pid for w in pool._pool) != first)
    pool.close()
    pool.join()
    pool = multiprocessing.Pool(1, maxtasksperchild=3)
    pids = pool.map(pid, range(9), chunksize=1)
    print(len(set(pids)), [pids.count(p) for p in sorted(set(pids), key=pids.index)])
    pool.close()
    pool.join()
    print("done")
