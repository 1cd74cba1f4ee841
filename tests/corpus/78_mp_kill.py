# kill() sends SIGKILL: exitcode -9. Terminating a child that already ended changes nothing.
import time
from multiprocessing import Process


def stubborn():
    for i in range(10):
        print("still here", i)
        time.sleep(0.4)


def quick():
    print("quick child done")


if __name__ == "__main__":
    p = Process(target=stubborn)
    p.start()
    time.sleep(0.2)
    p.kill()
    p.join()
    print(p.name, "exitcode", p.exitcode)
    q = Process(target=quick)
    q.start()
    time.sleep(0.2)
    q.terminate()
    q.join()
    print(q.name, "exitcode", q.exitcode)
