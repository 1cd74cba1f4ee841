import multiprocessing
import time


def task(msg):
    name = multiprocessing.current_process().name
    print(name, "starts", msg)
    time.sleep(3)
    # if msg == "task 3": raise ValueError(f"{msg} failed")
    print(name, "ends", msg)


if __name__ == "__main__":
    started = time.time()
    with multiprocessing.Pool(processes=3) as pool:
        results = []
        for i in range(10):
            results.append(pool.apply(task, (f"task {i}",)))
        print(f"main: all 10 handed over after {time.time() - started:.1f} s")
        pool.close()
        pool.join()
        # print("main: task 3 ready", results[3].ready(), "successful", results[3].successful())
        # results[3].get()  # the task's error is raised here, in main
    print(f"main: done after {time.time() - started:.1f} s")
