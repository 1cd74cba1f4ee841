# Lock: acquire/release return values, a second acquire without blocking fails, release of an unlocked lock.
import multiprocessing as mp


if __name__ == "__main__":
    lock = mp.Lock()
    print("acquire", lock.acquire())
    print("again, no block", lock.acquire(False))
    print("again, block=False", lock.acquire(block=False))
    print("again, timeout", lock.acquire(timeout=0.2))
    print("release", lock.release())
    print("acquire after release", lock.acquire(False))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    with lock:
        print("inside with: held", not lock.acquire(False))
    print("after with: free", lock.acquire(False))
    lock.release()
