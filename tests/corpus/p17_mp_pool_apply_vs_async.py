# apply waits for each result, so its tasks run one at a time; apply_async lets them overlap.
import multiprocessing
import time


def work(x):
    time.sleep(0.3)
    return x


if __name__ == "__main__":
    pool = multiprocessing.Pool(3)
    t0 = time.time()
    print([pool.apply(work, (i,)) for i in range(3)])
    serial = time.time() - t0
    print("apply", serial > 0.85)
    t0 = time.time()
    rs = [pool.apply_async(work, (i,)) for i in range(3)]
    print("handed over", time.time() - t0 < 0.2)
    print([r.get() for r in rs])
    parallel = time.time() - t0
    print("apply_async", 0.25 < parallel < 0.7)
    pool.close()
    pool.join()
    print("done")
