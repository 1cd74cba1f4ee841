# A child holds the lock for a while: the parent's timed acquire fails, then succeeds after release.
import time
from multiprocessing import Process, Lock, Event


def hold(lock, got):
    with lock:
        print("child holds the lock")
        got.set()
        time.sleep(0.5)
        print("child releases")


if __name__ == "__main__":
    lock = Lock()
    got = Event()
    p = Process(target=hold, args=(lock, got))
    p.start()
    got.wait()
    print("parent try, no block:", lock.acquire(False))
    print("parent try, timeout 0.1:", lock.acquire(timeout=0.1))
    print("parent blocks:", lock.acquire())
    print("parent holds it")
    lock.release()
    p.join()
    print("exitcode", p.exitcode)
