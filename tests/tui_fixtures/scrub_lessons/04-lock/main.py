import multiprocessing
import time

PROCESSES = 3
ROUNDS = 3


def add_one(counter, lock, rounds):
    name = multiprocessing.current_process().name
    for _ in range(rounds):
        # lock.acquire()
        seen = counter.value
        time.sleep(0.5)
        counter.value = seen + 1
        print(name, "read", seen, "wrote", seen + 1)
        # lock.release()


if __name__ == "__main__":
    counter = multiprocessing.Value("i", 0)
    lock = multiprocessing.Lock()
    workers = []
    for _ in range(PROCESSES):
        p = multiprocessing.Process(target=add_one, args=(counter, lock, ROUNDS))
        workers.append(p)
        p.start()
    for p in workers:
        p.join()
    print("counter:", counter.value, "expected:", PROCESSES * ROUNDS)
