import multiprocessing
import time


def worker(sem, seconds):
    name = multiprocessing.current_process().name
    print(name, "waits for a permit")
    sem.acquire()
    print(name, "got a permit, works", seconds, "s")
    time.sleep(seconds)
    print(name, "gives the permit back")
    sem.release()


if __name__ == "__main__":
    sem = multiprocessing.Semaphore(2)
    for i in range(5):
        p = multiprocessing.Process(target=worker, args=(sem, 1 + i * 0.5))
        p.start()
