# Children started in one order finish in another: the sleeps decide.
import time
from multiprocessing import Process, current_process


def worker(i, delay):
    time.sleep(delay)
    print(f"{current_process().name} (worker {i}) woke after {delay}s")


if __name__ == "__main__":
    ps = [Process(target=worker, args=(i, round(0.2 * (3 - i), 1))) for i in range(3)]
    for p in ps:
        p.start()
    print("main: all started")
    for p in ps:
        p.join()
        print("main: joined", p.name)
    print("main: exitcodes", [p.exitcode for p in ps])
