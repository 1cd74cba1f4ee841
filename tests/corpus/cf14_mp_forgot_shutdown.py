# A program that never shuts its executor down still ends cleanly: at exit the pending calls run
# to their end and the workers are joined, as CPython does.
import concurrent.futures
import time


def work(n):
    time.sleep(0.2 * n)
    print(f"task {n} done\n", end="")
    return n


if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    fs = [ex.submit(work, n) for n in (1, 2, 3)]
    print("main ends without waiting")
