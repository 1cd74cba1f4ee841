# is_alive() and exitcode over a child's life; exitcode is known without join once it ended.
import time
from multiprocessing import Process


def nap():
    time.sleep(0.4)


if __name__ == "__main__":
    p = Process(target=nap)
    print("created:", p.is_alive(), p.exitcode)
    p.start()
    print("started:", p.is_alive(), p.exitcode)
    time.sleep(0.2)
    print("sleeping:", p.is_alive(), p.exitcode)
    time.sleep(0.4)
    print("ended, not joined:", p.exitcode, p.is_alive())
    p.join()
    print("joined:", p.is_alive(), p.exitcode)
