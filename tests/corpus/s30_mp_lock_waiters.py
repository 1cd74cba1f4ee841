# forkyard-compare: sorted
# The parent holds the lock; children block on it and all get it in turn once it is released.
import time
from multiprocessing import Process, Lock, Value


def take(lock, order, i):
    with lock:
        order.value += 1
        print(f"a child got the lock, turn {order.value}\n", end="")
        time.sleep(0.05)


if __name__ == "__main__":
    lock = Lock()
    order = Value("i", 0, lock=False)
    lock.acquire()
    ps = [Process(target=take, args=(lock, order, i)) for i in range(3)]
    for p in ps:
        p.start()
    time.sleep(0.3)
    print(f"nobody got it while held: {order.value}\n", end="")
    lock.release()
    for p in ps:
        p.join()
    print(f"turns {order.value}\n", end="")
