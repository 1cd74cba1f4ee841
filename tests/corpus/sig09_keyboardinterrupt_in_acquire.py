# SIGINT reaches a child blocked in Lock.acquire, RLock.acquire, Semaphore.acquire, `with lock`,
# Condition.wait, Barrier.wait and a full Queue's put: CPython's waits are interruptible, so the
# default handler's KeyboardInterrupt ends the wait there. (Should the signal come a moment before
# the wait begins, the same KeyboardInterrupt is raised on the way in: the output is the same.)
import multiprocessing, os, signal, sys, time

def blocks(how, ready, lock, rlock, sem, cond, barrier, full):
    def wait_cond():
        with cond:
            cond.wait()
    def with_lock():
        with lock:
            print("never")
    waits = {
        "Lock.acquire": lock.acquire,
        "RLock.acquire": rlock.acquire,
        "Semaphore.acquire": sem.acquire,
        "with lock": with_lock,
        "Condition.wait": wait_cond,
        "Barrier.wait": barrier.wait,
        "Queue.put": lambda: full.put(2),
    }
    try:
        ready.set()
        waits[how]()
    except KeyboardInterrupt:
        print(how, "-> KeyboardInterrupt")
        sys.exit(1)

if __name__ == "__main__":
    lock = multiprocessing.Lock()
    rlock = multiprocessing.RLock()
    sem = multiprocessing.Semaphore(0)
    cond = multiprocessing.Condition()
    barrier = multiprocessing.Barrier(2)
    full = multiprocessing.Queue(1)
    full.put(1)
    lock.acquire()
    rlock.acquire()
    for how in ("Lock.acquire", "RLock.acquire", "Semaphore.acquire", "with lock",
                "Condition.wait", "Barrier.wait", "Queue.put"):
        ready = multiprocessing.Event()
        p = multiprocessing.Process(
            target=blocks, args=(how, ready, lock, rlock, sem, cond, barrier, full))
        p.start()
        ready.wait()
        time.sleep(0.2)  # most likely inside the wait by now; the output is the same if not
        os.kill(p.pid, signal.SIGINT)
        p.join()
        print(how, "exitcode", p.exitcode)
    print("barrier broken:", barrier.broken, "n_waiting:", barrier.n_waiting)
    print("the main still holds its lock:", lock.acquire(False) is False)
