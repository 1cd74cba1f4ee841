# JoinableQueue: join() returns once every item put has been marked task_done().
import time
from multiprocessing import Process, JoinableQueue, Value


def worker(q, done):
    while True:
        item = q.get()
        time.sleep(0.05)
        with done.get_lock():
            done.value += item
        q.task_done()


if __name__ == "__main__":
    q = JoinableQueue()
    done = Value("i", 0)
    w = Process(target=worker, args=(q, done), daemon=True)
    w.start()
    for i in range(1, 6):
        q.put(i)
    q.join()
    print("joined, done", done.value)
    q.put(10)
    q.join()
    print("joined again, done", done.value)
    print("worker alive", w.is_alive())
