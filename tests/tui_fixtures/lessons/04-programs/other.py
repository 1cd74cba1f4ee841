import multiprocessing
import time


def worker():
    time.sleep(2)
    print("worked")


if __name__ == "__main__":
    p = multiprocessing.Process(target=worker)
    p.start()
    p.join()
    print("alive:", p.is_alive())
