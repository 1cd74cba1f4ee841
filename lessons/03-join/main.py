import multiprocessing
import time


def worker():
    for i in range(3):
        print(i)
        time.sleep(1)


if __name__ == "__main__":
    p = multiprocessing.Process(target=worker)
    # p.daemon = True
    p.start()
    print("join() returned", p.join())
    print("alive:", p.is_alive(), "exitcode:", p.exitcode)
    print("end")
