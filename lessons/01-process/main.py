import multiprocessing
import os
import time


def worker(seconds):
    me = multiprocessing.current_process()
    print(f"{me.name} (pid {os.getpid()}, parent {os.getppid()}) sleeps {seconds} s")
    time.sleep(seconds)
    print(f"{me.name} wakes up and ends")


if __name__ == "__main__":
    print("CPUs:", multiprocessing.cpu_count())
    print("main:", multiprocessing.current_process().name, "pid", os.getpid())
    p1 = multiprocessing.Process(target=worker, args=(2,))
    p2 = multiprocessing.Process(target=worker, args=(1,))
    print("before start:", p1.name, "pid", p1.pid, "alive", p1.is_alive())
    p1.start()
    p2.start()
    for child in multiprocessing.active_children():
        print("child:", child.name, "pid", child.pid, "alive", child.is_alive())
    # p1.join()
    # p2.join()
    print("done")
