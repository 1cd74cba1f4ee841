# SimpleQueue: put/get/empty across processes, and close.
import time
from multiprocessing import Process, SimpleQueue


def worker(jobs, results):
    while True:
        n = jobs.get()
        if n is None:
            break
        results.put(n * n)


if __name__ == "__main__":
    jobs = SimpleQueue()
    results = SimpleQueue()
    print("empty", jobs.empty())
    p = Process(target=worker, args=(jobs, results))
    p.start()
    for n in range(5):
        jobs.put(n)
    print([results.get() for _ in range(5)])
    jobs.put(None)
    p.join()
    time.sleep(0.1)
    print("empty", results.empty(), jobs.empty())
    results.put("x")
    time.sleep(0.1)
    print("empty after put", results.empty())
    results.close()
    print("exitcode", p.exitcode)
