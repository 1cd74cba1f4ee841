# Workers are daemonic ForkPoolWorker-N processes; N continues the creator's Process counter.
import multiprocessing
import time


def who(x):
    time.sleep(0.2)
    p = multiprocessing.current_process()
    return p.name.split("-")[0], p.daemon, multiprocessing.parent_process().name


if __name__ == "__main__":
    early = multiprocessing.Process(target=print)
    print(early.name)
    pool = multiprocessing.Pool(2)
    names = sorted(w.name for w in pool._pool)
    print(names)
    print(sorted(pool.map(who, range(4), chunksize=1)))
    later = multiprocessing.Process(target=print)
    print(later.name)
    print(all(w.daemon for w in pool._pool))
    print(len(multiprocessing.active_children()))
    pool.close()
    pool.join()
    print("done")
