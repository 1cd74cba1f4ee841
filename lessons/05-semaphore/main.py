import multiprocessing
import os
import time

PERMITS = 2


def worker(sem, seconds):
    name = multiprocessing.current_process().name
    print(name, "waits for a permit")
    sem.acquire()
    print(name, "got a permit, works", seconds, "s")
    time.sleep(seconds)
    # if name == "Process-1": os._exit(1)  # dies holding its permit
    print(name, "gives the permit back")
    sem.release()


if __name__ == "__main__":
    sem = multiprocessing.Semaphore(PERMITS)
    # sem.release()  # one release that no acquire paid for
    workers = []
    for i in range(5):
        p = multiprocessing.Process(target=worker, args=(sem, 1 + i * 0.5))
        workers.append(p)
        p.start()
    for p in workers:
        p.join()
    print("main: all joined, permits left:", sem.get_value())
