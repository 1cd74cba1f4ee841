# Semaphore: get_value counts down with acquires and up with releases, even past the initial value.
from multiprocessing import Process, Semaphore


def take(sem):
    print("child acquire:", sem.acquire(), "value now", sem.get_value())


if __name__ == "__main__":
    s = Semaphore(2)
    print("value", s.get_value())
    print(s.acquire(), s.get_value())
    p = Process(target=take, args=(s,))
    p.start()
    p.join()
    print("after child", s.get_value())
    print("no block:", s.acquire(False), "timeout:", s.acquire(timeout=0.2))
    s.release()
    s.release()
    s.release()
    print("after three releases", s.get_value())
    print("default", Semaphore().get_value())
    try:
        Semaphore(-1)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
