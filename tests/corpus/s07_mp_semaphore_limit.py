# Five workers share a Semaphore(2): at most two are inside at once.
import time
from multiprocessing import Process, Semaphore, Value, Lock


def work(sem, inside, most, lock):
    with sem:
        with lock:
            inside.value += 1
            if inside.value > most.value:
                most.value = inside.value
        time.sleep(0.2)
        with lock:
            inside.value -= 1


if __name__ == "__main__":
    sem = Semaphore(2)
    inside = Value("i", 0)
    most = Value("i", 0)
    lock = Lock()
    ps = [Process(target=work, args=(sem, inside, most, lock)) for _ in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("most inside at once:", most.value, "inside now:", inside.value, "value:", sem.get_value())
