# _TestPoolWorkerLifetime: maxtasksperchild replaces workers (different pids), and closing a pool
# whose workers have limited lifetimes before its tasks ran must not make join() hang.
import multiprocessing
import multiprocessing.pool
import time

DELTA = 0.1


def sqr(x, wait=0.0):
    time.sleep(wait)
    return x * x


if __name__ == "__main__":
    # test_pool_worker_lifetime
    p = multiprocessing.Pool(3, maxtasksperchild=10)
    print("workers:", len(p._pool))
    origworkerpids = [w.pid for w in p._pool]
    results = []
    for i in range(100):
        results.append(p.apply_async(sqr, (i,)))
    print("results:", all(res.get() == sqr(j) for j, res in enumerate(results)))
    # Refill the pool
    p._repopulate_pool()
    # Wait until all workers are alive
    # (countdown * DELTA = 5 seconds max startup process time)
    countdown = 50
    while countdown and not all(w.is_alive() for w in p._pool):
        countdown -= 1
        time.sleep(DELTA)
    finalworkerpids = [w.pid for w in p._pool]
    print("no None pids:", None not in origworkerpids, None not in finalworkerpids)
    print("pids changed:", sorted(origworkerpids) != sorted(finalworkerpids))
    # CPython's worker handler thread may repopulate at the same moment (a race: 3 or 4).
    print("workers after refill, at least 3:", len(p._pool) >= 3)
    p.close()
    p.join()

    # each worker runs one task: every task in its own process
    p = multiprocessing.Pool(2, maxtasksperchild=1)
    import os
    pids = [p.apply(os.getpid) for i in range(4)]
    print("maxtasksperchild=1 pids distinct:", len(set(pids)) == 4)
    p.close()
    p.join()

    # test_pool_worker_lifetime_early_close
    t = time.monotonic()
    p = multiprocessing.Pool(3, maxtasksperchild=1)
    results = []
    for i in range(6):
        results.append(p.apply_async(sqr, (i, 0.3)))
    p.close()
    p.join()
    print("early close:", [res.get() for res in results])
    print("AsyncResult:", isinstance(results[0], multiprocessing.pool.AsyncResult))
    print(f"elapsed early_close {time.monotonic() - t:.3f} above 0.6")
    print("done")
