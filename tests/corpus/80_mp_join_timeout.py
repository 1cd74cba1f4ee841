# join(timeout) returns None after the timeout and leaves the child running.
import time
from multiprocessing import Process


def slow():
    time.sleep(0.5)
    print("slow child finished")


if __name__ == "__main__":
    p = Process(target=slow)
    p.start()
    t0 = time.time()
    r = p.join(0.2)
    waited = time.time() - t0
    print("join(0.2) returned", r, "after at least 0.2:", 0.2 <= waited < 0.35)
    print("alive:", p.is_alive(), "exitcode:", p.exitcode)
    p.join(0)
    p.join(-1)
    print("join(0) and join(-1) return at once:", time.time() - t0 - waited < 0.1, p.is_alive())
    p.join()
    total = time.time() - t0
    print("after join():", p.is_alive(), p.exitcode, "total between 0.4 and 0.8:", 0.4 < total < 0.8)
