import multiprocessing
import time


def task(msg):
    name = multiprocessing.current_process().name
    print(name, "starts", msg)
    time.sleep(3)
    print(name, "ends", msg)


if __name__ == "__main__":
    pool = multiprocessing.Pool(processes=3)
    started = time.time()
    for i in range(10):
        pool.apply(task, (f"task {i}",))
    print(f"main: all 10 handed over after {time.time() - started:.1f} s")
    pool.close()
    pool.join()
    print(f"main: done after {time.time() - started:.1f} s")
