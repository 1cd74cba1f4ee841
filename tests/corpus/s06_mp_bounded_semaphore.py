# BoundedSemaphore: releasing above the initial value raises ValueError; a plain Semaphore does not.
from multiprocessing import Process, BoundedSemaphore, Semaphore


def release_twice(b):
    b.release()
    print("child released once, value", b.get_value())
    try:
        b.release()
    except ValueError as e:
        print("child ValueError:", e)


if __name__ == "__main__":
    b = BoundedSemaphore(2)
    b.acquire()
    b.acquire()
    print("value", b.get_value())
    p = Process(target=release_twice, args=(b,))
    p.start()
    p.join()
    print("parent sees", b.get_value())
    b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    print("value", b.get_value())
    s = Semaphore(1)
    s.release()
    print("plain semaphore", s.get_value())
