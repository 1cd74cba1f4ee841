# Condition over a given RLock or Lock; acquire/release pass through; wait releases the lock while waiting.
import time
from multiprocessing import Process, Condition, Lock, RLock, Value


def late_notify(cond, flag):
    time.sleep(0.2)
    with cond:
        flag.value = 1
        cond.notify()


if __name__ == "__main__":
    lock = Lock()
    cond = Condition(lock)
    print("acquire", cond.acquire(), "lock free?", lock.acquire(False))
    cond.release()
    print("after release lock free?", lock.acquire(False))
    lock.release()
    flag = Value("i", 0)
    p = Process(target=late_notify, args=(cond, flag))
    p.start()
    with cond:
        r = cond.wait_for(lambda: flag.value == 1, 2)
    print("wait_for", r, flag.value)
    p.join()
    rc = Condition(RLock())
    with rc:
        with rc:
            print("reentrant ok", rc.wait(0.1))
