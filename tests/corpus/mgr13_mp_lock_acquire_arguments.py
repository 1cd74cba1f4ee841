# A manager's Lock and RLock check acquire's arguments as threading's do (the same two errors for both).
from multiprocessing import Manager
if __name__ == "__main__":
    with Manager() as m:
        for L in (m.Lock(), m.RLock()):
            for args in [(False, 1), (True, -5)]:
                try:
                    L.acquire(*args)
                except ValueError as e:
                    print(type(L).__name__, e)
            print(L.acquire(timeout=0.1), L.acquire(False))
