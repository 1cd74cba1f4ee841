# JoinableQueue.task_done() once too often raises ValueError; join on an empty queue returns at once.
from multiprocessing import JoinableQueue


if __name__ == "__main__":
    q = JoinableQueue()
    q.join()
    print("join on empty returned")
    q.put("x")
    print(q.get())
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q.join()
    print("done")
