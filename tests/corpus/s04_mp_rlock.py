# RLock: the owner may acquire again; it is free only after as many releases; others cannot release it.
import time
from multiprocessing import Process, RLock, Event


def try_release(rlock):
    try:
        rlock.release()
    except AssertionError as e:
        print("child AssertionError:", e)
    print("child non-blocking acquire:", rlock.acquire(False))


if __name__ == "__main__":
    r = RLock()
    print(r.acquire(), r.acquire(), r.acquire(False))
    p = Process(target=try_release, args=(r,))
    p.start()
    p.join()
    r.release()
    r.release()
    print("still mine after two releases:", r.acquire(False))
    r.release()
    r.release()
    try:
        r.release()
    except AssertionError as e:
        print("AssertionError:", e)
    with r:
        with r:
            print("nested with")
    q = Process(target=try_release, args=(r,))
    q.start()
    q.join()
    print("exitcodes", p.exitcode, q.exitcode)
