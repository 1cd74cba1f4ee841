# How the primitives print.
from multiprocessing import Value, Array, Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition


if __name__ == "__main__":
    print(repr(Value("i", 5)))
    print(repr(Value("d", 1.5)))
    print(repr(Value("i", 5, lock=False)))
    print(repr(Array("i", [1, 2])))
    print(repr(Lock()))
    l = Lock()
    l.acquire()
    print(repr(l))
    r = RLock()
    print(repr(r))
    r.acquire()
    r.acquire()
    print(repr(r))
    print(repr(Semaphore(3)))
    print(repr(BoundedSemaphore(2)))
    print(repr(Condition()))
    print(type(Event()).__name__, type(Lock()).__name__, type(Value("i")).__name__)
