# Four processes add to one shared Value under its lock: the total is exact.
from multiprocessing import Process, Value, Lock


def add(total, lock, n):
    for _ in range(n):
        with lock:
            total.value += 1


if __name__ == "__main__":
    total = Value("i", 0)
    lock = Lock()
    ps = [Process(target=add, args=(total, lock, 200)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("total", total.value, "exitcodes", [p.exitcode for p in ps])
