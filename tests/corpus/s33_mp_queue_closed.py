# A closed Queue refuses put and get with ValueError.
from multiprocessing import Queue


if __name__ == "__main__":
    q = Queue()
    q.put(1)
    print(q.get())
    q.close()
    try:
        q.put(2)
    except ValueError as e:
        print("put:", e)
    try:
        q.get()
    except (ValueError, OSError) as e:
        print("get:", type(e).__name__)
    q.join_thread()
    print("done")
